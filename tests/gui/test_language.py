"""Values from the core for people are in the window's language: Dutch by default, English on request."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from tests.gui.helpers import open_record

SHARED_MARC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "marc"




def _column(window, name: str) -> list[str]:
    col = [c[0] for c in window.model.COLUMNS].index(name)
    return [window.model.data(window.model.index(r, col)) for r in range(window.model.rowCount())]


def _quarantine_reasons(window) -> list[tuple[str, str]]:
    window.catalogue.import_files([SHARED_MARC / "pymarc" / "bad_records.mrc"])
    window.choose_filter("quarantine")
    table = window.quarantine_view.table
    return [(table.item(r, 2).text(), table.item(r, 2).toolTip()) for r in range(table.rowCount())]


def test_the_dutch_window_names_stored_values_and_quarantine_reasons_in_dutch(window, qtbot):
    open_record(window, qtbot, "verdriet")
    text = window.record_view.entities_view.toPlainText()
    for dutch in ("Materiaal\nboek", "Literair type\nfictie", "Taal\nNederlands (dut)", "Claus, Hugo (auteur)",
                  "Tweede Wereldoorlog (thema)"):
        assert dutch in text, dutch
    assert " (author)" not in text and "(theme)" not in text
    assert set(_column(window, "material")) == {"boek"}
    reasons = _quarantine_reasons(window)
    assert ("de directory noemt geen velden", "no-fields: the directory lists no fields") in reasons


@pytest.fixture
def english_window(qtbot, qapp, sample_catalogue):
    from catalog_desktop.gui.app import install_translator
    from catalog_desktop.gui.main_window import MainWindow

    for translator in qapp.findChildren(QTranslator):  # the Dutch ones earlier tests installed
        qapp.removeTranslator(translator)
    window = MainWindow(sample_catalogue, language="en")
    qtbot.addWidget(window)
    window.show()
    yield window
    install_translator(qapp, "nl")


def test_the_english_window_keeps_them_english(english_window, qtbot):
    window = english_window
    open_record(window, qtbot, "verdriet")
    text = window.record_view.entities_view.toPlainText()
    for english in ("Material\nbook", "Literary type\nfiction", "Language\nDutch (dut)", "Claus, Hugo (author)",
                    "Tweede Wereldoorlog (theme)"):
        assert english in text, english
    assert set(_column(window, "material")) == {"book"}
    assert ("the directory lists no fields", "no-fields: the directory lists no fields") in _quarantine_reasons(window)
