"""The trainer's window: train a bundle from the catalogue in the background, read the
evaluation report, and make the new bundle the active one — or keep the old one.

The work is the core's :func:`catalog_desktop.suggest.catalogue_training.train_and_evaluate`
on the Worker (progress, cancel); the active bundle is a person's setting (Preferences).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from catalog_desktop.gui.workers import Worker


class TrainerDialog(QDialog):
    def __init__(self, catalogue, preferences, language: str = "nl", parent=None):
        super().__init__(parent)
        from catalog_desktop.resources import default_bundle

        self.catalogue = catalogue
        self.preferences = preferences
        self.language = language
        self.result = None
        self.worker: Worker | None = None
        self.active = Path(preferences.get("bundle") or default_bundle())
        self.setWindowTitle(self.tr("Train a model"))
        self.resize(620, 300)
        self.out = QLineEdit(str(self.active.parent / "nieuw-model"))
        self.holdout = QDoubleSpinBox()
        self.holdout.setRange(0.0, 0.5)
        self.holdout.setSingleStep(0.05)
        self.holdout.setValue(0.1)
        form = QFormLayout()
        form.addRow(self.tr("Training data"), QLabel(self.tr("This catalogue: its codes and the catalogers' decisions")))
        form.addRow(self.tr("New bundle folder"), self.out)
        form.addRow(self.tr("Share of records kept out to evaluate"), self.holdout)
        form.addRow(self.tr("Active bundle now"), QLabel(str(self.active)))
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.report_button = QPushButton(self.tr("Open the report"))
        self.report_button.clicked.connect(self.open_report)
        self.use_button = QPushButton(self.tr("Use the new bundle"))
        self.use_button.clicked.connect(self.use_new_bundle)
        keep = QPushButton(self.tr("Keep the old one"))
        keep.clicked.connect(self.reject)
        for b in (self.report_button, self.use_button, self.cancel_button):
            b.setEnabled(False)
        buttons = QHBoxLayout()
        for b in (self.train_button, self.cancel_button, self.report_button, self.use_button, keep):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def start(self) -> Worker:
        from catalog_desktop.suggest.catalogue_training import train_and_evaluate

        out, holdout, active = Path(self.out.text().strip()), self.holdout.value(), self.active
        self.worker = Worker(lambda progress, cancel: train_and_evaluate(
            self.catalogue, out, holdout=holdout, compare=active, language=self.language,
            progress=progress, cancel=cancel))
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        self.train_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Training…"))
        return self.worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel.set()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(total or 0)
        self.progress.setValue(min(done, total) if total else 0)
        if message:
            self.status.setText(message)

    def _finished(self, result) -> None:
        self.result = result
        self.worker = None
        self.cancel_button.setEnabled(False)
        self.train_button.setEnabled(True)
        scores = ", ".join(f"{s.upper()} F1@5 {m.get('f1@5', 0):.2f}" for s, m in result.scores.items())
        self.status.setText(self.tr("Bundle written to %1. %2").replace("%1", str(result.bundle)).replace("%2", scores))
        self.report_button.setEnabled(result.report is not None)
        self.use_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.worker = None
        self.cancel_button.setEnabled(False)
        self.train_button.setEnabled(True)
        self.status.setText(self.tr("Not trained: %1").replace("%1", message))

    def open_report(self) -> None:
        if self.result is not None and self.result.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.report)))

    def use_new_bundle(self) -> None:
        if self.result is not None:
            self.preferences.set("bundle", str(self.result.bundle))
            self.accept()
