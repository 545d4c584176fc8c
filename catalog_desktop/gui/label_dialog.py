"""Spine labels: choose records, stock and start position, preview the sheets, print or save.

The labels are collected by the core off the GUI thread (a :class:`Worker`); the sheet layout
is the core's, drawn by :mod:`label_painter` in Qt's print preview and on the printer, and
written by the core's PDF writer: what is previewed is what is printed and what the PDF has.
Copies that get no label are listed under the preview with the reason.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from catalog_desktop.gui.label_painter import page_layout, paint_sheet
from catalog_desktop.gui.workers import Worker

SELECTIONS = ("records", "today", "all")


class LabelDialog(QDialog):
    def __init__(self, catalogue, record_ids: list[int] | None = None, parent=None):
        super().__init__(parent)
        from catalog_desktop.labels.templates import load_templates

        self.catalogue = catalogue
        self.record_ids = list(record_ids or [])
        self.templates = load_templates()
        self.labels = []
        self.rule_problems = []
        self.sheet = None
        self.worker: Worker | None = None
        self.setWindowTitle(self.tr("Spine labels"))
        self.resize(1100, 800)

        self.selection = QComboBox()
        if self.record_ids:
            self.selection.addItem(self.tr("Selected record(s): %1").replace("%1", str(len(self.record_ids))), "records")
        self.selection.addItem(self.tr("Catalogued today"), "today")
        self.selection.addItem(self.tr("Whole catalogue"), "all")
        self.template = QComboBox()
        for t in self.templates.values():
            self.template.addItem(t.description or t.name, t.name)
        self.start = QSpinBox()
        self.start.setMinimum(1)
        self.barcodes = QCheckBox(self.tr("Barcode (Code 128)"))
        self.outlines = QCheckBox(self.tr("Label outlines"))
        self.status = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Records"), self.selection)
        form.addRow(self.tr("Label stock"), self.template)
        form.addRow(self.tr("Start at position"), self.start)
        form.addRow("", self.barcodes)
        form.addRow("", self.outlines)
        options = QWidget()
        options.setLayout(form)
        options.setMaximumWidth(380)

        self.printer = QPrinter(QPrinter.HighResolution)
        self.printer.setFullPage(True)
        self.preview = QPrintPreviewWidget(self.printer)
        self.preview.paintRequested.connect(self._paint)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.preview)
        right.addWidget(self.problems)
        right.setSizes([640, 140])

        self.print_button = QPushButton(self.tr("&Print…"))
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.data_button = QPushButton(self.tr("Save label &data…"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        for button in (self.print_button, self.pdf_button, self.data_button):
            buttons.addButton(button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_labels)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.data_button.clicked.connect(self.choose_data_file)

        top = QHBoxLayout()
        top.addWidget(options, 0)
        top.addWidget(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.selection.currentIndexChanged.connect(self.collect)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.start.valueChanged.connect(self.relayout)
        self.barcodes.toggled.connect(self.relayout)
        self.outlines.toggled.connect(self.relayout)
        self._template_changed()
        self.collect()

    # --- collecting (core, off the GUI thread) --------------------------------------------

    def selected_ids(self) -> list[int]:
        from catalog_desktop.labels.collect import select_record_ids

        which = self.selection.currentData()
        return self.record_ids if which == "records" else select_record_ids(self.catalogue, [which])

    def collect(self) -> Worker:
        from catalog_desktop.labels.collect import collect_labels

        if self.worker is not None:
            self.worker.cancel.set()
        ids = self.selected_ids()
        self._set_busy(True)
        self.status.setText(self.tr("Collecting labels for %1 record(s)…").replace("%1", str(len(ids))))
        worker = Worker(lambda progress, cancel: collect_labels(self.catalogue, ids, progress=progress, cancel=cancel))
        worker.signals.progress.connect(lambda done, total, _message: self.status.setText(
            self.tr("Collecting labels: %1 of %2 records…").replace("%1", str(done)).replace("%2", str(total))))
        worker.signals.finished.connect(lambda run, w=worker: self._collected(w, run))
        worker.signals.failed.connect(lambda message: (self._set_busy(False), self.status.setText(message)))
        self.worker = worker.start()
        return worker

    def _collected(self, worker: Worker, run) -> None:
        if worker is not self.worker:
            return  # an older run, overtaken by a newer selection
        self.worker = None
        self.labels, self.rule_problems = run.labels, run.problems
        self._set_busy(False)
        self.relayout()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.data_button):
            button.setEnabled(not busy)

    def done(self, result: int) -> None:
        if self.worker is not None:  # closing while labels are collected: stop that run
            self.worker.cancel.set()
        super().done(result)

    # --- layout and preview --------------------------------------------------------------

    def current_template(self):
        return self.templates[self.template.currentData()]

    def _template_changed(self) -> None:
        self.start.setMaximum(self.current_template().per_page)
        self.relayout()

    def relayout(self) -> None:
        from catalog_desktop.labels.layout import layout_sheet

        if self.worker is not None:
            return  # the labels are still being collected; relayout follows
        template = self.current_template()
        self.sheet = layout_sheet(self.labels, template, start=min(self.start.value(), template.per_page),
                                  barcodes=self.barcodes.isChecked(), outlines=self.outlines.isChecked())
        self.printer.setPageLayout(page_layout(self.sheet))
        for button in (self.print_button, self.pdf_button):  # nothing to print: no blank sheet
            button.setEnabled(bool(self.labels))
        self.problems.clear()
        for p in [*self.rule_problems, *self.sheet.problems]:
            self.problems.addItem(f"{p.control_number or p.record_id} · {p.item_key} · {p.title[:60]}: {p.message}")
        self.status.setText(self.tr("%1 labels on %2 page(s); %3 copies listed without a label").replace(
            "%1", str(len(self.labels))).replace("%2", str(len(self.sheet.pages))).replace(
            "%3", str(len(self.rule_problems))))
        self.preview.updatePreview()

    def _paint(self, printer) -> None:
        if self.sheet is not None and self.sheet.pages:
            paint_sheet(printer, self.sheet)

    # --- output --------------------------------------------------------------------------

    def print_labels(self) -> None:
        dialog = QPrintDialog(self.printer, self)
        if dialog.exec() == QDialog.Accepted:
            self.printer.setFullPage(True)
            self.printer.setPageLayout(page_layout(self.sheet))
            paint_sheet(self.printer, self.sheet)

    def save_pdf(self, path: str) -> int:
        from catalog_desktop.labels.pdf import write_pdf

        return write_pdf(self.sheet, path)

    def save_data(self, path: str) -> None:
        from catalog_desktop.labels.datafile import write_csv, write_json

        if path.lower().endswith(".json"):
            write_json(self.labels, path, [*self.rule_problems, *self.sheet.problems],
                       template=self.sheet.template.name)
        else:
            write_csv(self.labels, path)

    def choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save labels as PDF"), "etiketten.pdf",
                                              self.tr("PDF (*.pdf)"))
        if path:
            self._write(lambda: self.save_pdf(path))

    def choose_data_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save label data"), "etiketten.csv",
                                              self.tr("CSV (*.csv);;JSON (*.json)"))
        if path:
            self._write(lambda: self.save_data(path))

    def _write(self, action) -> None:
        try:
            action()
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Cannot write the file"), f"{exc.filename}: {exc.strerror}")
