"""Work-level editing: a code for every edition of a work, previewed, applied as one step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

SCHEMES = ("zizo", "siso", "genre")


class WorkCodeDialog(QDialog):
    """Choose give / change / remove, scheme and code; the preview lists what will change."""

    def __init__(self, catalogue, work_id: int, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.work_id = work_id
        self.plan = None
        self.change = None
        work = catalogue.works.get(work_id)
        self.setWindowTitle(self.tr("Code for the whole work"))
        self.resize(760, 480)
        self.action = QComboBox()
        self.action.addItem(self.tr("Give a code"), "give")
        self.action.addItem(self.tr("Change a code"), "change")
        self.action.addItem(self.tr("Remove a code"), "remove")
        self.scheme = QComboBox()
        for s in SCHEMES:
            self.scheme.addItem(s.upper(), s)
        self.code = QLineEdit()
        self.code.setObjectName("work_code")
        self.old = QLineEdit()
        self.old.setObjectName("work_old_code")
        form = QFormLayout()
        form.addRow(QLabel(self.tr("<b>%1</b> — %n edition(s)", "", work.editions).replace("%1", work.title)))
        form.addRow(self.tr("What"), self.action)
        form.addRow(self.tr("Scheme"), self.scheme)
        form.addRow(self.tr("New code"), self.code)
        form.addRow(self.tr("Code to replace or remove"), self.old)
        self.preview = QTreeWidget()
        self.preview.setHeaderLabels([self.tr("Record"), self.tr("Year"), self.tr("Changes")])
        self.preview.setColumnWidth(0, 300)
        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.Apply | QDialogButtonBox.Cancel)
        self.apply_button = buttons.button(QDialogButtonBox.Apply)
        self.apply_button.setText(self.tr("Apply to all editions"))
        self.apply_button.clicked.connect(self.apply)
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        for signal in (self.action.currentIndexChanged, self.scheme.currentIndexChanged):
            signal.connect(self.update_preview)
        for edit in (self.code, self.old):
            edit.textChanged.connect(self.update_preview)
        self.update_preview()

    def update_preview(self) -> None:
        action = self.action.currentData()
        self.code.setEnabled(action != "remove")
        self.old.setEnabled(action != "give")
        code = self.code.text().strip() if action != "remove" else None
        old = self.old.text().strip() if action != "give" else None
        self.preview.clear()
        self.plan = None
        if (action != "remove" and not code) or (action != "give" and not old):
            self.summary.setText(self.tr("Type the code(s) to see which records change."))
            self.apply_button.setEnabled(False)
            return
        from catalog_desktop.catalogue.errors import CatalogueError

        try:
            self.plan = self.catalogue.work_codes.preview(self.work_id, self.scheme.currentData(), code, old=old)
        except CatalogueError as exc:  # a rubric or retired code: the core says why
            self.summary.setText(str(exc))
            self.apply_button.setEnabled(False)
            return
        for e in self.plan.editions:
            lines = [f"− {line}" for line in e.removed] + [f"+ {line}" for line in e.added]
            item = QTreeWidgetItem([e.title, e.year or "", "\n".join(lines) or self.tr("(unchanged)")])
            self.preview.addTopLevelItem(item)
        n = len(self.plan.changing)
        self.summary.setText(self.tr("%n record(s) will change; one undo takes it all back.", "", n))
        self.apply_button.setEnabled(n > 0)

    def apply(self) -> None:
        from catalog_desktop.catalogue.errors import CatalogueError

        if self.plan is None:
            return
        try:
            self.change = self.catalogue.work_codes.apply(self.plan)
        except CatalogueError as exc:
            QMessageBox.warning(self, self.tr("Not applied"), str(exc))
            self.update_preview()
            return
        self.accept()
