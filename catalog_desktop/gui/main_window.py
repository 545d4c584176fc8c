"""The main window: the catalogue as a list, one record in detail, import with progress."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTableView,
    QToolBar,
)

from catalog_desktop.gui.record_table import RecordTableModel
from catalog_desktop.gui.record_view import RecordView
from catalog_desktop.gui.workers import Worker


class MainWindow(QMainWindow):
    def __init__(self, catalogue, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.worker: Worker | None = None
        self.setWindowTitle(self.tr("catalog-desktop"))
        self.resize(1280, 800)

        self.model = RecordTableModel(catalogue, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 340)
        self.table.setColumnWidth(2, 180)
        self.table.selectionModel().currentRowChanged.connect(self.on_row_changed)

        self.record_view = RecordView(catalogue)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.record_view)
        splitter.setSizes([760, 520])
        self.setCentralWidget(splitter)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, author, ISBN, Vlacc number, code…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self, singleShot=True, interval=250)
        self.search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        toolbar = QToolBar(self.tr("Search"))
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

        self._build_menus()
        self.update_status()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import MARC files…"), self, shortcut=QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_import_files)
        file_menu.addAction(self.import_action)
        self.labels_action = QAction(self.tr("Print spine &labels…"), self, shortcut=QKeySequence("Ctrl+L"))
        self.labels_action.triggered.connect(self.open_label_dialog)
        file_menu.addAction(self.labels_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        find = QAction(self.tr("&Find"), self, shortcut=QKeySequence.Find)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)

    # actions ------------------------------------------------------------------------------

    def apply_search(self) -> None:
        from catalog_desktop.catalogue.views import RecordFilter

        text = self.search.text().strip()
        self.model.set_filter(RecordFilter(text=text) if text else None)
        self.record_view.show_nothing()
        self.update_status()

    def on_row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.record_view.show_record(self.model.record_id(current.row()))

    def open_label_dialog(self):
        """Spine labels for the selected record (or today's, or all: chosen in the dialog)."""
        from catalog_desktop.gui.label_dialog import LabelDialog

        current = self.table.currentIndex()
        ids = [self.model.record_id(current.row())] if current.isValid() else []
        self.label_dialog = LabelDialog(self.catalogue, ids, self)
        self.label_dialog.open()
        return self.label_dialog

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
