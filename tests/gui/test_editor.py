"""The cataloguing editor driven through its real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

SHARED_MARC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "marc"


def _open(window, qtbot, word: str, row: int = 0) -> int:
    window.search.setText(word)
    window.apply_search()
    qtbot.waitUntil(lambda: window.model.rowCount() > row, timeout=3000)
    window.table.selectRow(row)
    return window.current_record_id()


def _replace_in_marc(window, qtbot, old: str, new: str) -> None:
    """Type in the MARC view as a cataloger would: select the text, type the new one."""
    editor = window.record_view.marc.text
    text = editor.toPlainText()
    at = text.index(old)
    cursor = editor.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + len(old), QTextCursor.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, new)
    window.record_view.marc.flush()


def test_filters_come_from_the_core_and_quarantine_is_its_own_list(window, qtbot, sample_catalogue):
    window.choose_filter("no_zizo")
    from datetime import datetime

    from catalog_desktop.catalogue.views import named_filter

    expected = sample_catalogue.records.count(named_filter("no_zizo", who=None, now=datetime.now()))
    assert window.model.total == expected < sample_catalogue.records.count()
    assert all(not row.zizo for row in window.model.rows)
    qtbot.keyClick(window, Qt.Key_3, Qt.AltModifier)
    assert window.left.currentWidget() is window.quarantine_view
    window.choose_filter(None)
    assert window.model.total == sample_catalogue.records.count()


def test_edit_a_subfield_in_marc_and_see_it_in_entities_and_back(window, qtbot, sample_catalogue):
    rid = _open(window, qtbot, "verdriet")
    editor = window.record_view
    assert "Het verdriet van België" in editor.entity_fields["title"].text()
    _replace_in_marc(window, qtbot, "$aHet verdriet van België", "$aHet verdriet van Vlaanderen")
    assert editor.entity_fields["title"].text() == "Het verdriet van Vlaanderen"
    assert "Het verdriet van Vlaanderen" in editor.entities_view.toHtml()

    # and back: the entity form writes the subfield into the MARC view
    field = editor.entity_fields["publisher"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Uitgeverij Vlaanderen")
    qtbot.keyClick(field, Qt.Key_Return)
    assert "$bUitgeverij Vlaanderen" in editor.marc.text.toPlainText()

    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)
    stored = sample_catalogue.records.get(rid)
    assert stored.title.startswith("Het verdriet van Vlaanderen")
    assert "Record bewerkt" in window.undo_action.text() or "bewerkt" in window.undo_action.text()
    window.undo_action.trigger()
    assert sample_catalogue.records.get(rid).title.startswith("Het verdriet van België")


def test_validation_as_you_type_in_plain_dutch(window, qtbot):
    _open(window, qtbot, "verdriet")
    _replace_in_marc(window, qtbot, "=245  14", "=245  1X")
    messages = [window.record_view.marc.messages.item(i).text()
                for i in range(window.record_view.marc.messages.count())]
    assert any("indicator 2 'X' is ongeldig" in m for m in messages), messages


def test_new_record_from_a_template_warns_of_its_duplicate(window, qtbot, sample_catalogue):
    existing = sample_catalogue.records.get(_open(window, qtbot, "verdriet"))
    dialog = window.new_record()
    dialog.template.setCurrentIndex(dialog.template.findData("book"))
    assert dialog.duplicates.count() == 0
    missing = [dialog.missing.item(i).text() for i in range(dialog.missing.count())]
    assert "de titel (245 $a)" in missing
    text = dialog.marc.text.toPlainText()
    text = text.replace("=100  1\\$a$4aut", f"=100  1\\$a{existing.main_author}$4aut")
    from catalog_desktop.marc.flat import field_line

    text = text.replace("=245  10$a$c", field_line(existing.record.first("245")))
    dialog.marc.text.setPlainText(text)
    dialog.marc.flush()
    duplicates = [dialog.duplicates.item(i).text() for i in range(dialog.duplicates.count())]
    assert any(f"record {existing.id}" in d and "zelfde titel en auteur" in d for d in duplicates), duplicates
    total = sample_catalogue.records.count()
    dialog.save()
    assert sample_catalogue.records.count() == total + 1
    assert window.catalogue.edits.next_undo().kind == "new"


def test_accept_a_suggestion_with_its_key_and_undo_it(window, qtbot, sample_catalogue):
    rid = _open(window, qtbot, "Houtekiet")
    window.suggestion_dock.show()
    window.suggestions.show_record(rid)  # the model loads off the GUI thread, then shows the record
    qtbot.waitUntil(lambda: window.suggestions.current() is not None, timeout=120000)
    chosen = window.suggestions.current()
    assert chosen is not None, window.suggestions.status.text()
    suggestion, rank = chosen
    before = sample_catalogue.records.get(rid).current_marc()
    qtbot.keyClick(window, Qt.Key_Return, Qt.ControlModifier)
    (decision,) = sample_catalogue.decisions.for_record(rid)
    assert (decision.code, decision.decision, decision.rank) == (suggestion.code, "accepted", rank)
    assert decision.bundle and decision.bundle == window.suggestions.service.bundle
    assert suggestion.code in window.undo_action.text()
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert sample_catalogue.decisions.get(decision.id).undone
    assert sample_catalogue.records.get(rid).current_marc() == before


def test_apply_a_code_to_every_edition_of_the_work_and_undo_it(window, qtbot, sample_catalogue):
    rid = _open(window, qtbot, "verdriet")
    work_id = sample_catalogue.records.get(rid).work_id
    dialog = window.open_work_dialog()
    qtbot.keyClicks(dialog.code, "MEGEV")
    assert dialog.preview.topLevelItemCount() == 3
    assert all("+ =693" in dialog.preview.topLevelItem(i).text(2) for i in range(3))
    dialog.apply_button.click()
    from catalog_desktop.catalogue.views import RecordFilter

    assert sample_catalogue.records.count(RecordFilter(work_id=work_id, code=("zizo", "MEGEV"))) == 3
    window.undo()
    assert sample_catalogue.records.count(RecordFilter(work_id=work_id, code=("zizo", "MEGEV"))) == 0


def test_import_a_broken_record_and_find_it_in_quarantine(window, qtbot):
    broken = SHARED_MARC / "pymarc" / "bad_records.mrc"
    worker = window.start_import([str(broken)])
    with qtbot.waitSignal(worker.signals.finished, timeout=20000):
        pass
    window.choose_filter("quarantine")
    table = window.quarantine_view.table
    files = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "bad_records.mrc" in files
    table.setCurrentCell(files.index("bad_records.mrc"), 0)
    assert window.quarantine_view.raw.toPlainText().startswith("00000000  ")


def test_history_pane_and_keyboard_help(window, qtbot, sample_catalogue):
    rid = _open(window, qtbot, "verdriet")
    _replace_in_marc(window, qtbot, "$aHet verdriet van België", "$aHet verdriet")
    window.save_action.trigger()
    qtbot.keyClick(window, Qt.Key_H, Qt.ControlModifier)
    assert window.history.steps.topLevelItemCount() >= 1
    window.history.steps.setCurrentItem(window.history.steps.topLevelItem(0))
    diff = window.history.diff.toPlainText()
    assert f"record {rid}" in diff and "- =245  14$aHet verdriet van België" in diff and "+ =245  14$aHet verdriet" in diff
    help_dialog = window.show_keyboard_help()
    names = dict(help_dialog.rows)
    assert names["Suggestie aanvaarden"] == "Ctrl+Return"
    assert "F1" in names.values()
    QApplication.processEvents()


def test_preferences_and_chosen_columns_are_kept_in_qsettings(window, tmp_path):
    from PySide6.QtCore import QSettings

    from catalog_desktop.gui.main_window import MainWindow
    from catalog_desktop.gui.preferences import Preferences, PreferencesDialog

    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.IniFormat))
    assert prefs.get("language") == "nl" and prefs.get("editor/level") == "brief"
    dialog = PreferencesDialog(prefs)
    dialog.editors["language"].setCurrentIndex(dialog.editors["language"].findData("en"))
    dialog.editors["bundle"].setText("/elders/bundel")
    dialog.save()
    assert (prefs.get("language"), prefs.get("bundle")) == ("en", "/elders/bundel")

    first = MainWindow(window.catalogue, preferences=prefs)
    first.set_column_shown(4, False)  # material
    again = MainWindow(window.catalogue, preferences=prefs)
    assert again.table.isColumnHidden(4) and not again.table.isColumnHidden(1)
    first.deleteLater()
    again.deleteLater()


def test_trainer_trains_in_the_background_and_the_new_bundle_becomes_active(window, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from catalog_desktop.gui.preferences import Preferences

    window.preferences = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.IniFormat))
    dialog = window.open_trainer()
    dialog.out.setText(str(tmp_path / "nieuw"))
    dialog.holdout.setValue(0.2)
    worker = dialog.start()
    with qtbot.waitSignal(worker.signals.finished, timeout=120000):
        pass
    assert dialog.result.report is not None and dialog.result.report.exists()
    assert set(dialog.result.scores) and dialog.use_button.isEnabled()
    dialog.use_button.click()
    assert window.preferences.get("bundle") == str(tmp_path / "nieuw")
    rid = _open(window, qtbot, "Houtekiet")
    window.suggestion_dock.show()
    window.suggestions.show_record(rid)
    qtbot.waitUntil(lambda: window.suggestions.ready, timeout=120000)
    assert window.suggestions.service.suggester.path.name == "nieuw"


def _answer_unsaved(window, which: str) -> None:
    """Click a button of the 'unsaved changes' question once it is open (it is modal)."""
    from PySide6.QtCore import QTimer

    def click():
        if window.unsaved_box is None or not window.unsaved_box.isVisible():
            QTimer.singleShot(10, click)
            return
        window.unsaved_buttons[which].click()

    QTimer.singleShot(0, click)


def test_undo_with_unsaved_typing_asks_first_and_loses_nothing(window, qtbot, sample_catalogue):
    rid = _open(window, qtbot, "verdriet")
    _replace_in_marc(window, qtbot, "$aHet verdriet van België", "$aHet verdriet van Vlaanderen")
    window.save_action.trigger()
    _replace_in_marc(window, qtbot, "$aHet verdriet van Vlaanderen", "$aHet verdriet van Brugge")  # not saved

    _answer_unsaved(window, "cancel")  # cancel: nothing undone, the typing still there
    assert window.undo() is None
    assert sample_catalogue.records.get(rid).title.startswith("Het verdriet van Vlaanderen")
    assert "Het verdriet van Brugge" in window.record_view.marc.text.toPlainText()
    assert window.record_view.draft.dirty

    _answer_unsaved(window, "discard")  # throw the typing away, by choice, and undo
    assert window.undo() is not None
    assert sample_catalogue.records.get(rid).title.startswith("Het verdriet van België")
    assert "Het verdriet van België" in window.record_view.marc.text.toPlainText()
    window.redo_action.trigger()  # nothing unsaved: no question
    assert window.unsaved_box is None
    assert sample_catalogue.records.get(rid).title.startswith("Het verdriet van Vlaanderen")

    _replace_in_marc(window, qtbot, "$aHet verdriet van Vlaanderen", "$aHet verdriet van Gent")
    _answer_unsaved(window, "save")  # save first: the typing is its own step; nothing undone yet
    assert window.undo() is None
    assert sample_catalogue.records.get(rid).title.startswith("Het verdriet van Gent")
    assert "Gent" in window.undo_action.text()
    window.undo_action.trigger()  # nothing unsaved now: undo goes without asking
    assert sample_catalogue.records.get(rid).title.startswith("Het verdriet van Vlaanderen")
