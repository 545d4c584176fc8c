"""The main window: the catalogue browser, the record editor, suggestions, history, quarantine.

Thin over the core: every action is one call of the ``Catalogue`` façade and every view
redraws from the core ``Change`` it returns (:meth:`MainWindow.changed`). Shortcuts are on
actions, so menus show them and the F1 sheet lists them.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
)

from catalog_desktop.gui.panes import HistoryPane, KeyboardHelp, QuarantineView
from catalog_desktop.gui.preferences import Preferences
from catalog_desktop.gui.record_editor import RecordEditor
from catalog_desktop.gui.record_table import RecordTableModel
from catalog_desktop.gui.suggestion_panel import SuggestionPanel
from catalog_desktop.gui.workers import Worker

# The ready-made filters, in menu order, with their shortcut (Alt+0: all records).
FILTERS = (
    (None, "Alt+0"), ("no_zizo", "Alt+1"), ("suggestions_waiting", "Alt+2"), ("quarantine", "Alt+3"),
    ("changed_since_import", "Alt+4"), ("my_edits_today", "Alt+5"),
)


_SUGGESTERS: dict = {}  # (bundle path, vocabulary hash) -> loaded Suggester


class MainWindow(QMainWindow):
    def __init__(self, catalogue, parent=None, *, language: str = "nl", preferences: Preferences | None = None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.language = language
        self.unsaved_box = None  # the question asked before an undo would throw typing away
        self.preferences = preferences or Preferences()
        self.worker: Worker | None = None
        self.filter_name: str | None = None
        self.setWindowTitle(self.tr("catalog-desktop"))
        self.resize(1400, 860)

        self.model = RecordTableModel(catalogue, self, language)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        # By title, as the model starts: switching sorting on then reads no other order first
        # (each order is a query over every record).
        self.table.horizontalHeader().setSortIndicator(1, Qt.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self.choose_columns)
        self.table.setColumnWidth(1, 300)
        self.table.setColumnWidth(2, 160)
        self.table.selectionModel().currentRowChanged.connect(self.on_row_changed)
        self.quarantine_view = QuarantineView(catalogue, language=language)
        self.left = QStackedWidget()
        self.left.addWidget(self.table)
        self.left.addWidget(self.quarantine_view)

        self.record_view = RecordEditor(catalogue, language)
        self.record_view.saved.connect(self.changed)
        splitter = QSplitter()
        splitter.addWidget(self.left)
        splitter.addWidget(self.record_view)
        splitter.setSizes([640, 520])
        self.setCentralWidget(splitter)

        self.suggestions = SuggestionPanel(catalogue, self._load_suggestion_service, language)
        self.suggestions.decided.connect(self.changed)
        self.suggestion_dock = self._dock(self.tr("Suggestions"), self.suggestions, Qt.RightDockWidgetArea)
        self.history = HistoryPane(catalogue)
        self.history_dock = self._dock(self.tr("History"), self.history, Qt.BottomDockWidgetArea)
        self.history_dock.hide()
        self.resizeDocks([self.suggestion_dock], [380], Qt.Horizontal)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, author, ISBN, Vlacc number, code…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self, singleShot=True, interval=250)
        self.search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("filter")
        for name, _key in FILTERS:
            self.filter_box.addItem(self.filter_title(name), name)
        self.filter_box.currentIndexChanged.connect(lambda _i: self.set_filter(self.filter_box.currentData()))
        toolbar = QToolBar(self.tr("Search"))
        toolbar.setObjectName("search_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.filter_box)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

        self._build_menus()
        self._restore_columns()
        self.update_status()
        self.update_undo_actions()

    def closeEvent(self, event) -> None:
        self.record_view.release()  # colleagues stop seeing the record open here
        super().closeEvent(event)

    def _dock(self, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, menu, text: str, keys, slot, name: str | None = None) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in (keys if isinstance(keys, (list, tuple)) else [keys])])
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        if name:
            setattr(self, name, action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(file_menu, self.tr("&Import MARC files…"), "Ctrl+I", self.choose_import_files)
        self._action(file_menu, self.tr("&New record…"), "Ctrl+N", self.new_record, "new_action")
        self.labels_action = self._action(file_menu, self.tr("Print spine &labels…"), "Ctrl+L", self.open_label_dialog)
        self._action(file_menu, self.tr("&Train a model…"), "Ctrl+Shift+T", self.open_trainer)
        self._action(file_menu, self.tr("&Settings…"), "Ctrl+,", self.open_preferences)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), QKeySequence(QKeySequence.Quit).toString(), self.close)

        edit = bar.addMenu(self.tr("&Edit"))
        self._action(edit, self.tr("&Undo"), "Ctrl+Z", self.undo, "undo_action")
        self._action(edit, self.tr("&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], self.redo, "redo_action")
        edit.addSeparator()
        self._action(edit, self.tr("&Save record"), "Ctrl+S", self.record_view.save, "save_action")
        self._action(edit, self.tr("Code for the whole &work…"), "Ctrl+Shift+W", self.open_work_dialog, "work_action")
        edit.addSeparator()
        self._action(edit, self.tr("&Accept suggestion"), "Ctrl+Return", lambda: self.decide(True), "accept_action")
        self._action(edit, self.tr("&Reject suggestion"), "Ctrl+Shift+Return", lambda: self.decide(False), "reject_action")
        edit.aboutToShow.connect(self.update_undo_actions)

        go = bar.addMenu(self.tr("&Go"))
        self._action(go, self.tr("&Find"), "Ctrl+F", lambda: (self.search.setFocus(), self.search.selectAll()))
        self._action(go, self.tr("&Next record"), "Ctrl+PgDown", lambda: self.move(1), "next_action")
        self._action(go, self.tr("&Previous record"), "Ctrl+PgUp", lambda: self.move(-1), "previous_action")
        self._action(go, self.tr("&Entities view"), "Ctrl+1", lambda: self.record_view.tabs.setCurrentIndex(0))
        self._action(go, self.tr("&MARC view"), "Ctrl+2", lambda: self.record_view.tabs.setCurrentIndex(1))
        go.addSeparator()
        for name, key in FILTERS:
            self._action(go, self.filter_title(name), key, lambda name=name: self.choose_filter(name))

        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("&History"), "Ctrl+H", self.toggle_history)
        self._action(view, self.tr("&Suggestions"), "Ctrl+Shift+S",
                     lambda: self.suggestion_dock.setVisible(not self.suggestion_dock.isVisible()))
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), "F1", self.show_keyboard_help)

    # --- the one place views learn what changed ------------------------------------------

    def changed(self, change=None) -> None:
        """After any core operation: redraw what it touched (STYLE §3)."""
        current = self.current_record_id()
        self.model.refresh()
        if current is not None:
            self.select_record(current)
            if self.record_view.draft is None or not self.record_view.draft.dirty:
                self.record_view.open_record(current) if self._exists(current) else self.record_view.show_nothing()
        if self.history_dock.isVisible():
            self.history.refresh()
        self.update_undo_actions()
        self.update_status()
        if change is not None and getattr(change, "reason", ""):
            self.statusBar().showMessage(change.reason, 5000)

    def _exists(self, record_id: int) -> bool:
        from catalog_desktop.catalogue.errors import RecordNotFound

        try:
            self.catalogue.records.get(record_id)
            return True
        except RecordNotFound:
            return False

    def update_undo_actions(self) -> None:
        undo, redo = self.catalogue.edits.next_undo(), self.catalogue.edits.next_redo()
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        self.undo_action.setText(self.tr("&Undo %1").replace("%1", undo.name) if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo %1").replace("%1", redo.name) if redo else self.tr("&Redo"))

    # --- actions --------------------------------------------------------------------------

    def undo(self):
        return self._step(self.catalogue.edits.undo, self.catalogue.edits.next_undo())

    def redo(self):
        return self._step(self.catalogue.edits.redo, self.catalogue.edits.next_redo())

    def _unsaved_typing_settled(self, step) -> bool:
        """Undoing or redoing a step of the record being typed in would throw the typing away:
        ask first. Save them (their own step: the Edit menu then names it, nothing undone yet),
        throw them away and go on, or cancel. True: go on with the step."""
        self.record_view.marc.flush()
        draft = self.record_view.draft
        if draft is None or not draft.dirty or step is None or not step.touches(draft.record_id):
            return True
        box = QMessageBox(QMessageBox.Warning, self.tr("Unsaved changes"), self.tr(
            "This record has changes that are not saved. “%1” changes this record too and would throw "
            "them away.").replace("%1", step.name), parent=self)
        save = box.addButton(self.tr("Save them first"), QMessageBox.AcceptRole)
        discard = box.addButton(self.tr("Throw them away and go on"), QMessageBox.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.RejectRole)
        box.setDefaultButton(save)
        self.unsaved_box, self.unsaved_buttons = box, {"save": save, "discard": discard, "cancel": cancel}
        box.exec()
        clicked = box.clickedButton()
        self.unsaved_box = None
        if clicked is save:
            self.record_view.save()
            return False
        return clicked is discard

    def _step(self, call, step=None):
        from catalog_desktop.catalogue.errors import CatalogueError

        if not self._unsaved_typing_settled(step):
            return None
        try:
            change = call()
        except CatalogueError as exc:
            QMessageBox.warning(self, self.tr("Not possible"), str(exc))
            return None
        if change is not None:
            if self.record_view.draft is not None and self.record_view.draft.record_id in change.records:
                self.record_view.draft = None  # the record changed under the editor: reload it
            self.changed(change)
        return change

    def decide(self, accept: bool):
        change = self.suggestions.decide(accept)
        if change is not None:
            self.suggestions.show_record(self.suggestions.record_id)
        return change

    def move(self, step: int) -> None:
        row = self.table.currentIndex().row() + step
        while row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)

    def current_record_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def select_record(self, record_id: int) -> bool:
        for row, summary in enumerate(self.model.rows):
            if summary.id == record_id:
                self.table.selectRow(row)
                return True
        return False

    def filter_title(self, name: str | None) -> str:
        return {
            None: self.tr("All records"), "no_zizo": self.tr("No ZIZO yet"),
            "suggestions_waiting": self.tr("Suggestions waiting"), "quarantine": self.tr("Quarantined"),
            "changed_since_import": self.tr("Changed since import"), "my_edits_today": self.tr("My edits today"),
        }[name]

    def choose_filter(self, name: str | None) -> None:
        self.filter_box.setCurrentIndex(self.filter_box.findData(name))

    def set_filter(self, name: str | None) -> None:
        self.filter_name = name
        if name == "quarantine":
            self.quarantine_view.refresh()
            self.left.setCurrentWidget(self.quarantine_view)
            self.record_view.show_nothing()
            self.suggestions.show_record(None)
            self.update_status()
            return
        # Shown again, the table takes the focus and makes its first row current; the filter
        # about to be applied replaces the rows, so that record is not opened in between.
        with QSignalBlocker(self.table.selectionModel()):
            self.left.setCurrentWidget(self.table)
        self.apply_search()

    def apply_search(self) -> None:
        from catalog_desktop.catalogue.views import RecordFilter, named_filter

        self.search_timer.stop()  # called directly (Enter, a filter): the pending timer has nothing to add
        text = self.search.text().strip() or None
        if self.filter_name in (None, "quarantine"):
            flt = RecordFilter(text=text) if text else None
        else:
            flt = named_filter(self.filter_name, who=self.catalogue.user, now=datetime.now(), text=text)
        self.model.set_filter(flt)
        self.record_view.show_nothing()
        self.suggestions.show_record(None)
        self.update_status()

    def on_row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        record_id = self.model.record_id(current.row())
        if self.record_view.draft is not None and self.record_view.draft.record_id == record_id:
            return
        self.record_view.open_record(record_id)
        if self.suggestion_dock.isVisible():
            self.suggestions.show_record(record_id)
        if self.history_dock.isVisible():
            self.history.refresh(record_id)

    def _load_suggestion_service(self):
        from catalog_desktop.resources import default_bundle
        from catalog_desktop.suggest import Suggester
        from catalog_desktop.suggest.service import SuggestionService

        path = str(self.preferences.get("bundle") or default_bundle())
        vocabs = self.catalogue.vocabularies()
        key = (path, vocabs.hash)
        if key not in _SUGGESTERS:  # a bundle is read-only once loaded: one per process
            _SUGGESTERS[key] = Suggester.load(path, expected_vocab_hash=vocabs.hash)
        return SuggestionService(self.catalogue, _SUGGESTERS[key], vocabs)

    def open_work_dialog(self):
        from catalog_desktop.gui.work_dialog import WorkCodeDialog

        record_id = self.current_record_id()
        work_id = self.catalogue.records.get(record_id).work_id if record_id is not None else None
        if work_id is None:
            self.statusBar().showMessage(self.tr("Choose a record of the work first."), 5000)
            return None
        self.work_dialog = WorkCodeDialog(self.catalogue, work_id, self)
        self.work_dialog.accepted.connect(lambda: self.changed(self.work_dialog.change))
        self.work_dialog.open()
        return self.work_dialog

    def new_record(self):
        from catalog_desktop.gui.new_record_dialog import NewRecordDialog

        self.new_dialog = NewRecordDialog(self.catalogue, self.language, self)
        self.new_dialog.level.setCurrentIndex(max(0, self.new_dialog.level.findData(self.preferences.get("editor/level"))))

        def added() -> None:
            self.choose_filter(None)
            self.search.setText("")
            self.apply_search()
            self.changed(self.new_dialog.change)

        self.new_dialog.accepted.connect(added)
        self.new_dialog.open()
        return self.new_dialog

    def open_label_dialog(self):
        """Spine labels for the selected record (or today's, or all: chosen in the dialog)."""
        from catalog_desktop.gui.label_dialog import LabelDialog

        record_id = self.current_record_id()
        self.label_dialog = LabelDialog(self.catalogue, [record_id] if record_id is not None else [], self,
                                        language=self.language)
        self.label_dialog.open()
        return self.label_dialog

    def open_preferences(self):
        from catalog_desktop.gui.preferences import PreferencesDialog

        self.preferences_dialog = PreferencesDialog(self.preferences, self)
        self.preferences_dialog.open()
        return self.preferences_dialog

    def open_trainer(self):
        from catalog_desktop.gui.trainer_dialog import TrainerDialog

        self.trainer = TrainerDialog(self.catalogue, self.preferences, self.language, self)

        def new_bundle() -> None:  # the next suggestion loads the bundle now chosen
            self.suggestions.reset()
            if self.suggestion_dock.isVisible():
                self.suggestions.show_record(self.current_record_id())

        self.trainer.accepted.connect(new_bundle)
        self.trainer.open()
        return self.trainer

    def toggle_history(self) -> None:
        visible = not self.history_dock.isVisible()
        self.history_dock.setVisible(visible)
        if visible:
            self.history.refresh()

    def show_keyboard_help(self):
        actions = [a for menu in self.menuBar().findChildren(QMenu) for a in menu.actions()]
        self.help_dialog = KeyboardHelp(actions, self)
        self.help_dialog.open()
        return self.help_dialog

    def choose_columns(self, pos) -> None:
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            title = self.model.headerData(column, Qt.Horizontal)
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.set_column_shown(c, on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def set_column_shown(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        hidden = [self.model.COLUMNS[c][0] for c in range(self.model.columnCount()) if self.table.isColumnHidden(c)]
        self.preferences.settings.setValue("browser/hidden_columns", ",".join(hidden))

    def _restore_columns(self) -> None:
        hidden = str(self.preferences.settings.value("browser/hidden_columns", "") or "").split(",")
        for column, (key, _title) in enumerate(self.model.COLUMNS):
            self.table.setColumnHidden(column, key in hidden)

    # --- import ---------------------------------------------------------------------------

    def choose_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import MARC files"), "",
            self.tr("MARC files (*.mrc *.marc *.dat *.iso *.xml *.json *.mrk *.seq *.aleph);;All files (*)"),
        )
        if paths:
            self.start_import(paths)

    def start_import(self, paths: list[str]) -> Worker:
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(300)
        worker = Worker(lambda progress, cancel: self.catalogue.import_files(paths, progress=progress, cancel=cancel))
        dialog.canceled.connect(worker.cancel.set)

        def on_progress(done: int, total: int, message: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total) if total else 0)
            dialog.setLabelText(message or self.tr("Importing…"))

        def on_finished(summary) -> None:
            dialog.reset()
            self.worker = None
            self.model.refresh()
            if self.filter_name == "quarantine":
                self.quarantine_view.refresh()
            self.update_status()
            self.statusBar().showMessage(self.import_message(summary), 15000)

        def on_failed(message: str) -> None:
            dialog.reset()
            self.worker = None
            QMessageBox.critical(self, self.tr("Import failed"), message)

        worker.signals.progress.connect(on_progress)
        worker.signals.finished.connect(on_finished)
        worker.signals.failed.connect(on_failed)
        self.worker = worker.start()
        return worker

    def import_message(self, summary) -> str:
        found = sum(f.found for f in summary.files)
        new = sum(f.imported for f in summary.files)
        updated = sum(f.updated for f in summary.files)
        quarantined = sum(f.quarantined for f in summary.files)
        errors = [f for f in summary.files if f.error]
        text = self.tr("Import done: %1 found, %2 new, %3 updated, %4 quarantined.").replace("%1", str(found)).replace(
            "%2", str(new)).replace("%3", str(updated)).replace("%4", str(quarantined))
        if errors:
            text += " " + self.tr("%1 file(s) could not be read.").replace("%1", str(len(errors)))
        return text

    def update_status(self) -> None:
        total = self.catalogue.records.count()
        shown = self.model.total
        quarantined = self.catalogue.quarantine.count()
        text = self.tr("%1 records").replace("%1", _dutch_count(total))
        if shown != total:
            text = self.tr("%1 of %2 records").replace("%1", _dutch_count(shown)).replace("%2", _dutch_count(total))
        if quarantined:
            text += " · " + self.tr("%1 in quarantine").replace("%1", str(quarantined))
        self.statusBar().showMessage(text)


def _dutch_count(n: int) -> str:
    """100.000 rather than 100,000: Flemish readers group thousands with a point."""
    return f"{n:,}".replace(",", ".")
