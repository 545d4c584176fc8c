"""A person's preferences (QSettings): declared once, with a typed default and a title.

Catalogue-wide rules (field profile, label rules) live in the catalogue; these are one
person's: which catalogue and model bundle the window opens, its language, the label
sheet defaults. As Picard's ``options.py``: each option is declared once here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)


@dataclass(frozen=True)
class Option:
    key: str
    default: str
    title: str
    kind: str = "text"  # text, file, folder, language


OPTIONS = (
    Option("catalogue", "", QT_TRANSLATE_NOOP("Preferences", "Catalogue (file or database URL; empty: your own)"), "file"),
    Option("bundle", "", QT_TRANSLATE_NOOP("Preferences", "Model bundle (folder; empty: the default in models/)"), "folder"),
    Option("language", "nl", QT_TRANSLATE_NOOP("Preferences", "Language of the window (after a restart)"), "language"),
    Option("labels/rules", "", QT_TRANSLATE_NOOP("Preferences", "Label rules file (empty: the bundled defaults)"), "file"),
    Option("labels/template", "", QT_TRANSLATE_NOOP("Preferences", "Label sheet template (empty: the first one)")),
    Option("editor/level", "brief", QT_TRANSLATE_NOOP("Preferences", "Level for new records (brief or full)")),
    Option("trainer/embedding_model", "", QT_TRANSLATE_NOOP(
        "Preferences", "Embedding model the trainer adds (folder; empty: none)"), "folder"),
)
_BY_KEY = {o.key: o for o in OPTIONS}


class Preferences:
    def __init__(self, settings: QSettings | None = None):
        self.settings = settings or QSettings()

    def get(self, key: str) -> str:
        option = _BY_KEY[key]
        return str(self.settings.value(key, option.default) or option.default)

    def set(self, key: str, value: str) -> None:
        if key not in _BY_KEY:
            raise KeyError(key)
        self.settings.setValue(key, value)


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent=None):
        super().__init__(parent)
        self.preferences = preferences
        self.setWindowTitle(self.tr("Settings"))
        self.resize(640, 260)
        form = QFormLayout(self)
        self.editors: dict[str, object] = {}
        for option in OPTIONS:
            title = QCoreApplication.translate("Preferences", option.title)
            if option.kind == "language":
                combo = QComboBox()
                combo.addItem("Nederlands", "nl")
                combo.addItem("English", "en")
                combo.setCurrentIndex(max(0, combo.findData(preferences.get(option.key))))
                self.editors[option.key] = combo
                form.addRow(title, combo)
                continue
            edit = QLineEdit(preferences.get(option.key))
            self.editors[option.key] = edit
            if option.kind in ("file", "folder"):
                row = QWidget()
                box = QHBoxLayout(row)
                box.setContentsMargins(0, 0, 0, 0)
                browse = QPushButton(self.tr("Choose…"))
                browse.clicked.connect(lambda _=False, e=edit, k=option.kind: self._browse(e, k))
                box.addWidget(edit, 1)
                box.addWidget(browse)
                form.addRow(title, row)
            else:
                form.addRow(title, edit)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self, edit: QLineEdit, kind: str) -> None:
        if kind == "folder":
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text())
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"), edit.text())
        if path:
            edit.setText(path)

    def save(self) -> None:
        for key, editor in self.editors.items():
            value = editor.currentData() if isinstance(editor, QComboBox) else editor.text().strip()
            self.preferences.set(key, value)
        self.accept()
