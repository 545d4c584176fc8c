"""Two workstations on one catalogue, through the real editor: a save that someone else beat
opens the conflict dialog (keep mine, take theirs, merge; nothing lost), and the editor says
who else has the record open. SQLite with two Catalogue objects on one file; one test on the
real PostgreSQL server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from catalog_desktop.catalogue import Catalogue
from catalog_desktop.marc.record import Field

from tests.gui.helpers import open_record


@pytest.fixture
def colleague(sample_catalogue):
    """A second workstation (An at balie-2) on the same catalogue file."""
    other = Catalogue.open(sample_catalogue.location)
    other.presence.who, other.presence.workstation = "an", "balie-2"
    yield other
    other.close()




def _both_edit(window, qtbot, colleague, rid: int) -> None:
    """In the window: a new title, not yet saved. Meanwhile An saves another title and a note."""
    editor = window.record_view
    title = editor.entity_fields["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Kaas (mijn titel)")
    qtbot.keyClick(title, Qt.Key_Return)
    assert editor.draft.dirty
    stored = colleague.records.get(rid)
    theirs = stored.record.copy()
    theirs.first("245").subfields[0] = ("a", "Kaas (hun titel)")
    theirs.add(Field("500", subfields=[("a", "Noot van An")]))
    colleague.edits.edit(rid, theirs, who="an", expected_version=stored.version)


def _save_into_conflict(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)
    dialog = window.record_view.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _press(qtbot, dialog, key) -> None:
    """Alt+letter on a button: Qt "animates" the press and clicks ~100 ms later."""
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    button = next(b for b in dialog.findChildren(QPushButton) if b.shortcut() == QKeySequence(Qt.AltModifier | key))
    with qtbot.waitSignal(button.clicked, timeout=2000):
        qtbot.keyClick(dialog, key, Qt.AltModifier)


def _cells(dialog, tag: str) -> list[str]:
    model = dialog.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith(tag))
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_a_beaten_save_shows_both_versions_and_a_merge_keeps_both_edits(window, qtbot, colleague):
    rid = open_record(window, qtbot, "Kaas")
    before = window.catalogue.records.get(rid).version
    _both_edit(window, qtbot, colleague, rid)
    dialog = _save_into_conflict(window, qtbot)
    assert "an" in dialog.intro.text() and "niets overschreven" in dialog.intro.text()
    field, base, mine, theirs, kept = _cells(dialog, "245")
    assert "Kaas (mijn titel)" in mine and "Kaas (hun titel)" in theirs and "Kaas (hun" not in base
    assert kept == "kiezen!"
    assert _cells(dialog, "500")[2:] == ["(afwezig)", "\\\\$aNoot van An", "hun versie"]
    save = dialog.buttons.button(QDialogButtonBox.Save)
    assert not save.isEnabled() and "245" in dialog.status.text()
    assert window.catalogue.records.get(rid).version == before + 1  # nothing of mine written yet

    assert dialog.model.index(dialog.table.currentIndex().row(), 0).data().startswith("245")  # undecided first
    _press(qtbot, dialog, Qt.Key_M)  # Alt+M: mine for this field
    assert _cells(dialog, "245")[4] == "mijn versie" and save.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key_Return)
    assert not dialog.isVisible()
    stored = window.catalogue.records.get(rid)
    assert stored.version == before + 2 and stored.title.startswith("Kaas (mijn titel)")
    assert stored.record.first("500").first("a") == "Noot van An"  # An's note kept
    assert window.record_view.entity_fields["title"].text() == "Kaas (mijn titel)"
    assert not window.record_view.draft.dirty and window.record_view.draft.version == stored.version
    assert "samengevoegd" in window.undo_action.text()


def test_keep_all_of_mine(window, qtbot, colleague):
    rid = open_record(window, qtbot, "Kaas")
    _both_edit(window, qtbot, colleague, rid)
    dialog = _save_into_conflict(window, qtbot)
    _press(qtbot, dialog, Qt.Key_A)
    assert {_cells(dialog, tag)[4] for tag in ("245", "500")} == {"mijn versie"}
    dialog.buttons.button(QDialogButtonBox.Save).click()
    stored = window.catalogue.records.get(rid)
    assert stored.title.startswith("Kaas (mijn titel)") and stored.record.first("500") is None
    previous = window.catalogue.history.version(rid, stored.version - 1)
    assert previous.who == window.catalogue.user and b"Noot van An" in previous.marc  # An's version kept in history


def test_take_all_of_theirs(window, qtbot, colleague):
    rid = open_record(window, qtbot, "Kaas")
    _both_edit(window, qtbot, colleague, rid)
    version = colleague.records.get(rid).version
    dialog = _save_into_conflict(window, qtbot)
    _press(qtbot, dialog, Qt.Key_E)
    dialog.buttons.button(QDialogButtonBox.Save).click()
    stored = window.catalogue.records.get(rid)
    assert stored.version == version and stored.title.startswith("Kaas (hun titel)")
    assert window.record_view.entity_fields["title"].text() == "Kaas (hun titel)"
    assert not window.record_view.draft.dirty


def test_back_to_the_editor_keeps_my_unsaved_edit(window, qtbot, colleague):
    rid = open_record(window, qtbot, "Kaas")
    _both_edit(window, qtbot, colleague, rid)
    dialog = _save_into_conflict(window, qtbot)
    qtbot.keyClick(dialog.table, Qt.Key_Escape)
    assert not dialog.isVisible()
    assert window.record_view.draft.dirty and window.record_view.entity_fields["title"].text() == "Kaas (mijn titel)"
    assert window.catalogue.records.get(rid).title.startswith("Kaas (hun titel)")


def test_a_third_save_while_the_dialog_is_open_is_compared_anew(window, qtbot, colleague):
    rid = open_record(window, qtbot, "Kaas")
    _both_edit(window, qtbot, colleague, rid)
    dialog = _save_into_conflict(window, qtbot)
    _press(qtbot, dialog, Qt.Key_M)
    stored = colleague.records.get(rid)
    third = stored.record.copy()
    third.add(Field("590", subfields=[("a", "Van Chris")]))
    colleague.edits.edit(rid, third, who="chris", expected_version=stored.version)
    dialog.buttons.button(QDialogButtonBox.Save).click()
    assert dialog.isVisible() and "chris" in dialog.intro.text()  # not saved over Chris: compared again
    assert _cells(dialog, "590")[3:] == ["\\\\$aVan Chris", "hun versie"]
    dialog.buttons.button(QDialogButtonBox.Save).click()  # nothing left to choose: my title, their notes
    stored = window.catalogue.records.get(rid)
    assert stored.title.startswith("Kaas (mijn titel)") and stored.updated_by == window.catalogue.user
    assert stored.record.first("500").first("a") == "Noot van An" and stored.record.first("590").first("a") == "Van Chris"


def test_the_editor_shows_who_else_has_the_recordopen_record(window, qtbot, colleague):
    from datetime import timezone

    rid = open_record(window, qtbot, "Kaas")
    label = window.record_view.presence
    assert label.isHidden()
    [here] = colleague.presence.others(rid)  # opening it registered this workstation
    assert here.who == window.catalogue.user
    colleague.presence.enter(rid)
    label.refresh()  # what the timer does every 15 s
    assert label.isVisible() and label.timer.isActive()
    since = window.catalogue.presence.others(rid)[0].since.replace(tzinfo=timezone.utc).astimezone()
    assert f"Ook open bij: an (balie-2, sinds {since:%H:%M})" in label.text()
    window.search.setText("verdriet")  # another record: this workstation leaves Kaas
    window.apply_search()
    window.table.selectRow(0)
    other = window.current_record_id()
    assert colleague.presence.others(rid) == [] and label.isHidden()
    assert [v.who for v in colleague.presence.others(other)] == [window.catalogue.user]
    window.close()  # closing the window leaves the record too
    assert colleague.presence.others(other) == []


def test_a_colleagues_save_reloads_an_unchanged_record_and_warns_about_a_changed_one(window, qtbot, colleague):
    rid = open_record(window, qtbot, "Kaas")
    editor = window.record_view
    theirs = colleague.records.get(rid).record.copy()
    theirs.add(Field("500", subfields=[("a", "Noot van An")]))
    colleague.edits.edit(rid, theirs, who="an", expected_version=editor.draft.version)
    editor.presence.refresh()  # the timer's tick: nothing typed here, so the editor simply reloads
    assert "Noot van An" in editor.marc.text.toPlainText() and editor.elsewhere.isHidden()

    _both_edit(window, qtbot, colleague, rid)  # now with an unsaved edit here
    editor.presence.refresh()
    assert editor.elsewhere.isVisible() and editor.draft.dirty
    assert "an heeft dit record intussen bewaard (versie 3)" in editor.elsewhere.text()
    assert editor.entity_fields["title"].text() == "Kaas (mijn titel)"  # the edit stays


def test_a_conflict_on_the_postgresql_server(qtbot, qapp, pg_url, book, write_marc, tmp_path):
    from catalog_desktop.gui.app import install_translator
    from catalog_desktop.gui.main_window import MainWindow

    install_translator(qapp, "nl")
    with Catalogue.open(pg_url) as here, Catalogue.open(pg_url) as there:
        here.import_files(write_marc(tmp_path / "in.mrc", [book("c:lvd:1", "Kaas", author="Elsschot, Willem")]))
        window = MainWindow(here)
        qtbot.addWidget(window)
        window.show()
        rid = open_record(window, qtbot, "Kaas")
        _both_edit(window, qtbot, there, rid)
        dialog = _save_into_conflict(window, qtbot)
        _press(qtbot, dialog, Qt.Key_M)
        dialog.buttons.button(QDialogButtonBox.Save).click()
        stored = there.records.get(rid)
        assert (stored.version, stored.title) == (3, "Kaas (mijn titel)")
        assert stored.record.first("500").first("a") == "Noot van An"
        window.close()
