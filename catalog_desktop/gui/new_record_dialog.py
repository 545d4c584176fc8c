"""A new record: from a template or an ISBN, duplicates and what is missing shown as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from catalog_desktop.gui.marc_editor import MarcEditor


class NewRecordDialog(QDialog):
    def __init__(self, catalogue, language: str = "nl", parent=None):
        super().__init__(parent)
        from catalog_desktop.catalogue.drafts import Draft

        self.catalogue = catalogue
        self.language = language
        self.change = None
        self.setWindowTitle(self.tr("New record"))
        self.resize(900, 620)
        self.template = QComboBox()
        for name, t in catalogue.new_records.templates().items():
            self.template.addItem(t.title(language), name)
        self.template.setObjectName("template")
        self.isbn = QLineEdit()
        self.isbn.setPlaceholderText(self.tr("ISBN (looked up in this catalogue)"))
        self.isbn.setObjectName("isbn")
        from_isbn = QPushButton(self.tr("Start from ISBN"))
        from_isbn.clicked.connect(self.start_from_isbn)
        self.isbn.returnPressed.connect(self.start_from_isbn)
        self.level = QComboBox()
        for name, level in catalogue.checks.levels.items():
            self.level.addItem(level.en if language == "en" else level.nl, name)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Template")))
        top.addWidget(self.template)
        top.addWidget(self.isbn, 1)
        top.addWidget(from_isbn)
        top.addWidget(QLabel(self.tr("Level")))
        top.addWidget(self.level)
        self.marc = MarcEditor()
        self.marc.edited.connect(self._edited)
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setWordWrap(True)
        self.missing = QListWidget()
        self.missing.setObjectName("missing")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(self.tr("<b>Maybe already in the catalogue</b>")))
        side_layout.addWidget(self.duplicates)
        side_layout.addWidget(QLabel(self.tr("<b>Still missing</b>")))
        side_layout.addWidget(self.missing)
        splitter = QSplitter()
        splitter.addWidget(self.marc)
        splitter.addWidget(side)
        splitter.setSizes([600, 300])
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Add to the catalogue"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.template.currentIndexChanged.connect(self.start_from_template)
        self.level.currentIndexChanged.connect(self._refresh)
        self.Draft = Draft
        self.draft = None
        self.start_from_template()

    def start_from_template(self) -> None:
        record = self.catalogue.new_records.from_template(self.template.currentData())
        self._open(record)

    def start_from_isbn(self) -> None:
        isbn = self.isbn.text().strip()
        if not isbn:
            return
        record, source = self.catalogue.new_records.from_isbn(isbn, self.template.currentData())
        self._open(record)
        if source is not None:
            QMessageBox.information(self, self.tr("Found in the catalogue"), self.tr(
                "This ISBN is already in the catalogue (record %1). Its description was copied as a "
                "start: check the duplicates before adding it.").replace("%1", str(source)))

    def _open(self, record) -> None:
        self.draft = self.Draft(self.catalogue, record)
        self.marc.set_text(self.draft.text)
        self._refresh()

    def _edited(self, text: str) -> None:
        self.draft.set_text(text)
        self._refresh()

    def _refresh(self) -> None:
        d = self.draft
        self.marc.show_messages([(m.line, m.severity, m.text(self.language)) for m in d.check()])
        self.duplicates.clear()
        for dup in d.duplicates():
            self.duplicates.addItem(dup.text(self.language))
        self.missing.clear()
        for what in d.missing(self.level.currentData(), self.language):
            self.missing.addItem(what)
        if not self.missing.count():
            self.missing.addItem(self.tr("Nothing: the record is complete for this level."))
            self.missing.item(0).setForeground(Qt.darkGreen)

    def save(self) -> None:
        from catalog_desktop.catalogue.errors import CatalogueError

        self.marc.flush()
        missing = self.draft.missing(self.level.currentData(), self.language)
        if missing:
            QMessageBox.warning(self, self.tr("Not complete"),
                                self.tr("Still missing:") + "\n• " + "\n• ".join(missing))
            return
        try:
            self.change = self.draft.save()
        except CatalogueError as exc:
            QMessageBox.warning(self, self.tr("Not added"), str(exc))
            return
        self.accept()
