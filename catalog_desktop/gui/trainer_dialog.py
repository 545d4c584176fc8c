"""The trainer's window: choose the training data (this catalogue, a MARC export, an Annif
corpus), train in the background, read the evaluation report, and make the new bundle the
active one — or keep the old one. On the same data it fine-tunes an embedding model
(:mod:`finetune_panel`) and offers the new model folder for the next training.

The work is the core's (the source is read by :func:`catalogue_training.catalogue_source`,
:func:`training_sources.export_source` or :func:`training_sources.corpus_source`, then
:func:`catalogue_training.train_evaluate_report` or :func:`training_sources.finetune_from_source`)
on the Worker (progress, cancel); the active bundle and the trainer's embedding model are a
person's settings (Preferences).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from catalog_desktop.gui.finetune_panel import FinetunePanel, path_row
from catalog_desktop.gui.workers import Worker

SOURCES = ("catalogue", "export", "corpus")
CORPUS_SCHEMES = ("subjects", "zizo", "siso", "genre")


class TrainerDialog(QDialog):
    def __init__(self, catalogue, preferences, language: str = "nl", parent=None):
        super().__init__(parent)
        from catalog_desktop.resources import default_bundle

        self.catalogue = catalogue
        self.preferences = preferences
        self.language = language
        self.result = None
        self.finetuned: Path | None = None  # the folder the last fine-tuning wrote
        self.failed_text = ""  # what the window says when the running work fails: "Not trained: %1"
        self.worker: Worker | None = None
        self.active = Path(preferences.get("bundle") or default_bundle())
        self.setWindowTitle(self.tr("Train a model"))
        self.resize(680, 1)  # as tall as its fields need
        self.source = QComboBox()
        self.source.addItem(self.tr("This catalogue"), "catalogue")
        self.source.addItem(self.tr("A MARC export (ISO 2709, MARCXML, …)"), "export")
        self.source.addItem(self.tr("An Annif corpus (TSV) with its vocabulary"), "corpus")
        self.pages = QStackedWidget()
        self.pages.addWidget(QLabel(self.tr("This catalogue: its codes and the catalogers' decisions")))
        self.pages.addWidget(self._export_page())
        self.pages.addWidget(self._corpus_page())
        self.source.currentIndexChanged.connect(self._show_source)
        self._show_source(0)
        self.out = QLineEdit(str(self.active.parent / "nieuw-model"))
        self.holdout = QDoubleSpinBox()
        self.holdout.setRange(0.0, 0.5)
        self.holdout.setSingleStep(0.05)
        self.holdout.setValue(0.1)
        form = QFormLayout()
        form.addRow(self.tr("Training data"), self.source)
        form.addRow("", self.pages)
        form.addRow(self.tr("New bundle folder"), self.out)
        form.addRow(self.tr("Share of records kept out to evaluate"), self.holdout)
        self.embedding_model = QLineEdit(preferences.get("trainer/embedding_model"))
        self.embedding_model.setPlaceholderText(self.tr("empty: none (the word-based models only)"))
        form.addRow(self.tr("Embedding model to add"),
                    self._path_row(self.embedding_model, self.choose_embedding_model))
        form.addRow(self.tr("Active bundle now"), QLabel(str(self.active)))
        self.finetune = FinetunePanel(self.active.parent / "nieuw-embeddingmodel", language)
        self.finetune.start_button.clicked.connect(self.start_finetune)
        self.finetune.use_button.clicked.connect(self.use_finetuned)
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
        self.keep_button = QPushButton(self.tr("Keep the old one"))
        self.keep_button.clicked.connect(self.reject)
        for b in (self.report_button, self.use_button, self.cancel_button):
            b.setEnabled(False)
        buttons = QHBoxLayout()
        for b in (self.train_button, self.cancel_button, self.report_button, self.use_button, self.keep_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.finetune)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _show_source(self, index: int) -> None:
        """Only the chosen source's fields take room (a stacked widget is as tall as its tallest page)."""
        for n in range(self.pages.count()):
            shown = QSizePolicy.Preferred if n == index else QSizePolicy.Ignored
            self.pages.widget(n).setSizePolicy(QSizePolicy.Preferred, shown)
        self.pages.setCurrentIndex(index)
        self.pages.adjustSize()

    def _path_row(self, edit: QLineEdit, choose) -> QWidget:
        return path_row(edit, choose, self.tr("Choose…"))

    def _export_page(self) -> QWidget:
        self.export_files = QLineEdit()
        self.export_files.setPlaceholderText(self.tr("one or more files, separated by ;"))
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Export file(s)"), self._path_row(self.export_files, self.choose_export))
        form.addRow("", QLabel(self.tr("Read with this catalogue's field profile; nothing is imported into it.")))
        return page

    def _corpus_page(self) -> QWidget:
        self.corpus_file = QLineEdit()
        self.vocabulary_file = QLineEdit()
        self.vocabulary_file.setPlaceholderText(self.tr("empty: the catalogue's lists (ZIZO, SISO, genres)"))
        self.corpus_scheme = QComboBox()
        for scheme in CORPUS_SCHEMES:
            self.corpus_scheme.addItem(self.tr("own vocabulary") if scheme == "subjects" else scheme.upper(), scheme)
        self.corpus_lines = QLineEdit()
        self.corpus_lines.setPlaceholderText(self.tr("all lines; or N (the first N), or A-B"))
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Corpus (text<TAB>codes)"), self._path_row(self.corpus_file, self.choose_corpus))
        form.addRow(self.tr("Vocabulary (code<TAB>label)"), self._path_row(self.vocabulary_file, self.choose_vocabulary))
        form.addRow(self.tr("Codes of"), self.corpus_scheme)
        form.addRow(self.tr("Lines"), self.corpus_lines)
        return page

    # --- choosing files --------------------------------------------------------------------

    def choose_export(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose MARC export files"), "",
                                                self.tr("MARC (*.mrc *.marc *.iso *.xml *.json *.mrk);;All files (*)"))
        if paths:
            self.export_files.setText(";".join(paths))

    def choose_corpus(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a corpus"), "",
                                              self.tr("Annif corpus (*.tsv *.tsv.gz);;All files (*)"))
        if path:
            self.corpus_file.setText(path)

    def choose_vocabulary(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a vocabulary"), "",
                                              self.tr("Annif vocabulary (*.tsv);;All files (*)"))
        if path:
            self.vocabulary_file.setText(path)

    def choose_embedding_model(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose an embedding model folder"))
        if folder:
            self.embedding_model.setText(folder)

    # --- training ----------------------------------------------------------------------------

    def source_reader(self):
        """The core call that reads the chosen training data, as ``read(progress, cancel)``
        giving a SourceData. Raises ValueError for missing input (said before anything runs)."""
        from catalog_desktop.suggest.catalogue_training import catalogue_source
        from catalog_desktop.suggest.corpus import LineRange
        from catalog_desktop.suggest.training_sources import corpus_source, export_source

        common = dict(holdout=self.holdout.value(), language=self.language)
        source = self.source.currentData()
        if source == "export":
            files = [Path(p.strip()) for p in self.export_files.text().split(";") if p.strip()]
            if not files:
                raise ValueError(self.tr("Choose the export file(s) to train from."))
            return lambda progress, cancel: export_source(self.catalogue, files, progress=progress, cancel=cancel,
                                                          **common)
        if source == "corpus":
            corpus = self.corpus_file.text().strip()
            if not corpus:
                raise ValueError(self.tr("Choose the corpus to train from."))
            vocabulary = Path(self.vocabulary_file.text().strip()) if self.vocabulary_file.text().strip() else None
            lines = LineRange.parse(self.corpus_lines.text().strip()) if self.corpus_lines.text().strip() else None
            scheme, vocabs = self.corpus_scheme.currentData(), self.catalogue.vocabularies()
            return lambda progress, cancel: corpus_source(
                Path(corpus), vocabulary=vocabulary, scheme=scheme, lines=lines, vocabs=vocabs,
                progress=progress, cancel=cancel, **common)
        return lambda progress, cancel: catalogue_source(self.catalogue, progress=progress, cancel=cancel, **common)

    def training_function(self):
        """The core call for the chosen source, as ``function(progress, cancel)``."""
        from catalog_desktop.suggest.catalogue_training import train_evaluate_report
        from catalog_desktop.suggest.finetune import describe_model_folder

        read, out, active, language = self.source_reader(), Path(self.out.text().strip()), self.active, self.language
        model = Path(self.embedding_model.text().strip()) if self.embedding_model.text().strip() else None
        if model is not None:
            usable, description = describe_model_folder(model, language)
            if not usable:
                raise ValueError(description)
        return lambda progress, cancel: train_evaluate_report(
            read(progress, cancel), out, compare=active, language=language, embedding_model=model,
            progress=progress, cancel=cancel)

    def start(self) -> Worker | None:
        worker = self._run(self.training_function, self._finished, self.tr("Training…"),
                           self.tr("Not trained: %1"))
        if worker is not None:  # the choice the training ran with is kept for the next time
            self.preferences.set("trainer/embedding_model", self.embedding_model.text().strip())
        return worker

    def start_finetune(self) -> Worker | None:
        return self._run(lambda: self.finetune.function(self.source_reader()), self._finetuned,
                         self.tr("Fine-tuning…"), self.tr("Not fine-tuned: %1"))

    def _run(self, make_function, finished, running: str, failed: str) -> Worker | None:
        try:
            function = make_function()
        except ValueError as exc:  # a missing file or folder, a malformed line range: said before anything runs
            self.status.setText(str(exc))
            return None
        self.result = self.finetuned = None
        for button in (self.report_button, self.use_button, self.finetune.use_button):
            button.setEnabled(False)
        self.worker = Worker(function)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(finished)
        self.worker.signals.failed.connect(self._failed)  # a bound method: called on the GUI thread
        self.failed_text = failed
        self._busy(True)
        self.status.setText(running)
        return self.worker.start()

    def _busy(self, busy: bool) -> None:
        self.train_button.setEnabled(not busy)
        self.finetune.start_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

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
        self._busy(False)
        scores = ", ".join(f"{s.upper()} F1@5 {m.get('f1@5', 0):.2f}" for s, m in result.scores.items())
        lines = [self.tr("Bundle written to %1. %2").replace("%1", str(result.bundle)).replace("%2", scores)]
        lines += list(result.notes)
        if result.not_for_catalogue:
            lines.append(result.not_for_catalogue)
        self.status.setText("\n".join(lines))
        self.report_button.setEnabled(result.report is not None)
        self.use_button.setEnabled(result.not_for_catalogue is None)

    def _finetuned(self, note: dict) -> None:
        self.worker = None
        self._busy(False)
        self.finetuned = self.finetune.target
        self.status.setText(self.tr("Embedding model written to %1: %2 pairs, %3 steps, last loss %4.")
                            .replace("%1", str(self.finetuned)).replace("%2", str(note["pairs"]))
                            .replace("%3", str(note["steps"])).replace("%4", str(note["final_loss"])))
        self.finetune.use_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        if self.worker is not None and self.worker.cancel.is_set():
            message = self.tr("cancelled")  # the core's TrainingCancelled / EvaluationCancelled
        self.worker = None
        self._busy(False)
        self.status.setText(self.failed_text.replace("%1", message))

    def open_report(self) -> None:
        if self.result is not None and self.result.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.report)))

    def use_finetuned(self) -> None:
        """The fine-tuned folder becomes the embedding model the next training adds."""
        if self.finetuned is not None:
            self.embedding_model.setText(str(self.finetuned))
            self.preferences.set("trainer/embedding_model", str(self.finetuned))
            self.status.setText(self.tr("The next training adds the embedding model %1.")
                                .replace("%1", str(self.finetuned)))

    def use_new_bundle(self) -> None:
        if self.result is not None and self.result.not_for_catalogue is None:
            self.preferences.set("bundle", str(self.result.bundle))
            self.accept()
