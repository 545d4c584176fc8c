"""Spine labels: choose records, stock and start position, preview the sheets, print or save.

The labels are collected by the core off the GUI thread (a :class:`Worker`); the sheet layout
is the core's, drawn by :mod:`label_painter` in Qt's print preview and on the printer, and
written by the core's PDF writer: what is previewed is what is printed and what the PDF has.
Copies that get no label are listed under the preview with the reason.

A library may change what one copy's label says (shelving word, colour, …) without touching
the record: the copy list on the left marks such labels, and the fields below it set or clear
a change through the core (:mod:`catalog_desktop.labels.adjust`); the labels are collected
again and the preview redraws.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
    def __init__(self, catalogue, record_ids: list[int] | None = None, parent=None, *, language: str = "nl"):
        super().__init__(parent)
        from catalog_desktop.labels.templates import load_templates

        self.catalogue = catalogue
        self.language = language
        self._keep_copy: tuple[int, str] | None = None  # the copy to choose again after collecting
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
        left = QVBoxLayout(options)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(form)
        left.addWidget(self._adjust_box(), 1)
        options.setMaximumWidth(420)

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

    def field_names(self) -> dict[str, str]:
        """The label fields a copy may change (the core's ADJUSTABLE), named for people."""
        return {"shelving_word": self.tr("Shelving word"), "label_code": self.tr("Label code"),
                "rubric": self.tr("Rubric"), "colour": self.tr("Colour"), "pictogram": self.tr("Pictogram"),
                "age_group": self.tr("Age group"), "age_colour": self.tr("Age group colour"),
                "avi": self.tr("AVI level"), "year": self.tr("Year"), "call_number": self.tr("Call number")}

    def _adjust_box(self) -> QGroupBox:
        from catalog_desktop.labels.data import ADJUSTABLE

        box = QGroupBox(self.tr("Change one copy's label"))
        self.copy_list = QListWidget()
        self.copy_list.setWordWrap(True)
        self.adjust_field = QComboBox()
        names = self.field_names()
        for field in ADJUSTABLE:
            self.adjust_field.addItem(names.get(field, field), field)
        self.adjust_value = QLineEdit()
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.adjust_button = QPushButton(self.tr("Change for this copy"))
        self.clear_button = QPushButton(self.tr("Undo this copy's change"))
        self.adjust_info = QLabel()
        self.adjust_info.setWordWrap(True)
        value_row = QHBoxLayout()
        value_row.addWidget(self.adjust_value, 1)
        value_row.addWidget(self.colour_button)
        form = QFormLayout()
        form.addRow(self.tr("Field"), self.adjust_field)
        form.addRow(self.tr("Value"), value_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.adjust_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(box)
        note = QLabel(self.tr("The record is not changed: the change is kept with the copy."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.copy_list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.adjust_info)
        self.copy_list.currentRowChanged.connect(self._copy_chosen)
        self.adjust_field.currentIndexChanged.connect(self._copy_chosen)
        self.colour_button.clicked.connect(self.choose_colour)
        self.adjust_button.clicked.connect(self.adjust)
        self.adjust_value.returnPressed.connect(self.adjust)
        self.clear_button.clicked.connect(self.clear_adjustment)
        return box

    # --- per-copy changes (core: labels.adjust) -----------------------------------------------

    def current_label(self):
        row = self.copy_list.currentRow()
        return self.labels[row] if 0 <= row < len(self.labels) else None

    def _fill_copies(self) -> None:
        names = self.field_names()
        self.copy_list.blockSignals(True)
        self.copy_list.clear()
        chosen = 0
        for n, label in enumerate(self.labels):
            text = f"{label.control_number or label.record_id} · {label.item_key} · {label.shelving_word} · " \
                   f"{label.label_code or label.code or label.kind}"
            item = QListWidgetItem(text)
            if label.adjusted:  # shown as such: marked, bold, and which fields
                changed = ", ".join(names.get(f, f) for f in label.adjusted.split(","))
                item.setText("✎ " + text + "\n" + self.tr("changed for this copy: %1").replace("%1", changed))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setForeground(QColor("#8a4b00"))
            self.copy_list.addItem(item)
            if self._keep_copy == (label.record_id, label.item_key):
                chosen = n
        self.copy_list.blockSignals(False)
        if self.labels:
            self.copy_list.setCurrentRow(chosen)
        self._copy_chosen()

    def _copy_chosen(self, *_args) -> None:
        label = self.current_label()
        field = self.adjust_field.currentData()
        for widget in (self.adjust_value, self.adjust_button, self.adjust_field):
            widget.setEnabled(label is not None)
        self.colour_button.setEnabled(label is not None and field in ("colour", "age_colour"))
        if label is None:
            self.adjust_value.clear()
            self.clear_button.setEnabled(False)
            self.adjust_info.clear()
            return
        self.adjust_value.setText(str(getattr(label, field, "")))
        changed = field in label.adjusted.split(",")
        self.clear_button.setEnabled(changed)
        self.adjust_info.setText(self.tr("%1 is changed for copy %2; the record says otherwise.").replace(
            "%1", self.adjust_field.currentText()).replace("%2", label.item_key) if changed else "")

    def choose_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.adjust_value.text() or "#ffffff"), self, self.tr("Colour"))
        if colour.isValid():
            self.adjust_value.setText(colour.name())

    def adjust(self) -> None:
        """Keep the value for this copy only (core), then collect and redraw."""
        from catalog_desktop.labels.adjust import AdjustmentError, set_adjustment

        label = self.current_label()
        if label is None:
            return
        try:
            set_adjustment(self.catalogue, label.record_id, label.item_key, self.adjust_field.currentData(),
                           self.adjust_value.text().strip())
        except AdjustmentError as exc:
            self.adjust_info.setText(exc.message(self.language))
            return
        self._keep_copy = (label.record_id, label.item_key)
        self.collect()

    def clear_adjustment(self) -> None:
        from catalog_desktop.labels.adjust import clear_adjustment

        label = self.current_label()
        if label is None:
            return
        clear_adjustment(self.catalogue, label.record_id, label.item_key, self.adjust_field.currentData())
        self._keep_copy = (label.record_id, label.item_key)
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
        self._fill_copies()
        self.relayout()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.data_button, self.adjust_button, self.clear_button):
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
            message = p.message if self.language == "nl" else p.message_en
            self.problems.addItem(f"{p.control_number or p.record_id} · {p.item_key} · {p.title[:60]}: {message}")
        status = self.tr("%1 labels on %2 page(s); %3 copies listed without a label").replace(
            "%1", str(len(self.labels))).replace("%2", str(len(self.sheet.pages))).replace(
            "%3", str(len(self.rule_problems)))
        adjusted = sum(bool(label.adjusted) for label in self.labels)
        if adjusted:
            status += "; " + self.tr("%1 changed for their copy (✎)").replace("%1", str(adjusted))
        self.status.setText(status)
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
