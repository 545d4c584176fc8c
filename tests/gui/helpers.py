"""Small steps several GUI tests take."""

from __future__ import annotations


def open_record(window, qtbot, word: str) -> int:
    """Search the window for a word and open the first record found; its id."""
    window.search.setText(word)
    window.apply_search()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=3000)
    window.table.selectRow(0)
    return window.current_record_id()
