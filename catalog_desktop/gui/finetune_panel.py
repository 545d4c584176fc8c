"""The trainer's fine-tuning fields: a sentence-transformers model folder to start from (and
what ``catalog embedding info`` knows of it), the new folder, the epochs.

The model is fine-tuned on the training data chosen above it in the trainer's window (its
training share: the records kept out stay unseen). The work is the core's
(:func:`training_sources.finetune_from_source`); the trainer's window runs it on the Worker
and offers the new folder for its next training.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)


def path_row(edit: QLineEdit, choose, button_text: str) -> QWidget:
    """A path field with its "Choose…" button."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    button = QPushButton(button_text)
    button.clicked.connect(choose)
    layout.addWidget(button)
    return row


class FinetunePanel(QGroupBox):
    def __init__(self, default_out: Path, language: str = "nl", parent=None):
        super().__init__(parent)
        self.language = language
        self.target: Path | None = None
        self.setTitle(self.tr("Fine-tune an embedding model on this training data"))
        self.base = QLineEdit()
        self.base.setPlaceholderText(self.tr("a sentence-transformers model folder"))
        self.base.textChanged.connect(self.describe_base)
        self.base_info = QLabel()
        self.base_info.setWordWrap(True)
        self.out = QLineEdit(str(default_out))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 20)
        self.epochs.setValue(1)
        self.start_button = QPushButton(self.tr("Fine-tune"))
        self.use_button = QPushButton(self.tr("Use it for the next training"))
        self.use_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Base model folder"), path_row(self.base, self.choose_base, self.tr("Choose…")))
        form.addRow("", self.base_info)
        form.addRow(self.tr("New model folder"), path_row(self.out, self.choose_out, self.tr("Choose…")))
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow("", QLabel(self.tr("On the CPU; the base folder is not changed and nothing is downloaded.")))
        form.addRow(buttons)

    def choose_base(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the model folder to start from"))
        if folder:
            self.base.setText(folder)

    def choose_out(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose where the new model folder goes"))
        if folder:
            self.out.setText(str(Path(folder) / Path(self.out.text().strip() or "embedding").name))

    def describe_base(self) -> None:
        from catalog_desktop.suggest.finetune import describe_model_folder

        folder = self.base.text().strip()
        self.base_info.setText(describe_model_folder(Path(folder), self.language)[1] if folder else "")

    def function(self, read):
        """The core call, as ``function(progress, cancel)``: ``read`` the chosen training data,
        then fine-tune on it. Raises ValueError (said before anything runs) for missing input."""
        from catalog_desktop.suggest.finetune import describe_model_folder, target_problem
        from catalog_desktop.suggest.training_sources import finetune_from_source

        base, out = self.base.text().strip(), self.out.text().strip()
        if not base:
            raise ValueError(self.tr("Choose the model folder to start from."))
        usable, description = describe_model_folder(Path(base), self.language)
        if not usable:
            raise ValueError(description)
        if not out:
            raise ValueError(self.tr("Choose the folder for the new model."))
        problem = target_problem(Path(base), Path(out), language=self.language)
        if problem is not None:
            raise ValueError(problem)
        self.target = Path(out)  # where the model goes, whatever the field says by the time it is done
        epochs, language = self.epochs.value(), self.language
        # One core is left for the window: torch on every core of a busy machine crawls (threads
        # wait on each other), and the window must stay responsive while it trains.
        threads = max(1, (os.cpu_count() or 2) - 1)
        return lambda progress, cancel: finetune_from_source(read(progress, cancel), Path(base), Path(out),
                                                             epochs=epochs, threads=threads, language=language,
                                                             progress=progress, cancel=cancel)
