"""The conflict dialog: someone saved the record since you opened it; nothing was overwritten.

A table over the core's :class:`~catalog_desktop.catalogue.resolution.Resolution`: per field
the version both started from, mine and theirs, and which one will be kept. The cataloger
picks per field (a button or Alt+M / Alt+H / Alt+B on the selected row, or a double click on
a cell) or keeps all of theirs own / takes all of the other's; :meth:`save` hands the
resolution to :meth:`Draft.save_merge`, which checks the version again. If a third person
saved meanwhile, the dialog shows the new comparison instead of overwriting.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

SIDES = ("base", "mine", "theirs")  # columns 1, 2, 3
KEPT = 4
PICKED = QColor("#c8e6c9")  # the cell whose version will be kept
UNDECIDED = QColor("#ffcdd2")  # both changed it differently and nobody chose yet


def field_text(field) -> str:
    """A field as in the MARC view, without the tag (the first column has it)."""
    from catalog_desktop.marc.flat import field_line

    return "" if field is None else field_line(field)[6:]


class ConflictModel(QAbstractTableModel):
    def __init__(self, resolution, parent=None):
        super().__init__(parent)
        self.resolution = resolution
        self.show_all = False
        self.rows = resolution.changed_lines()

    def set_show_all(self, show_all: bool) -> None:
        self.beginResetModel()
        self.show_all = show_all
        r = self.resolution
        self.rows = list(range(len(r.lines))) if show_all else r.changed_lines()
        self.endResetModel()

    def line_index(self, row: int) -> int:
        return self.rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Field"), self.tr("Opened (base)"), self.tr("Mine"), self.tr("Theirs"), self.tr("Kept"))[section]
        return None

    def side_title(self, side: str | None) -> str:
        return {"base": self.tr("base"), "mine": self.tr("mine"), "theirs": self.tr("theirs"),
                None: self.tr("choose!")}[side]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        i = self.rows[index.row()]
        line, side, column = self.resolution.lines[i], self.resolution.side(i), index.column()
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            if column == 0:
                return line.tag if line.tag == "LDR" else f"{line.tag} ({line.occurrence + 1})"
            if column == KEPT:
                return self.side_title(side)
            text = field_text(getattr(line, SIDES[column - 1]))
            return text if text or role == Qt.ToolTipRole else self.tr("(absent)")
        if role == Qt.BackgroundRole:
            if side is None:
                return UNDECIDED
            if 1 <= column <= 3 and SIDES[column - 1] == side:
                return PICKED
        if role == Qt.FontRole and column == KEPT and self.resolution.picked(i):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def choose(self, row: int, side: str) -> None:
        self.resolution.choose(self.rows[row], side)
        self.dataChanged.emit(self.index(row, 0), self.index(row, KEPT))

    def choose_all(self, side: str) -> None:
        self.resolution.choose_all(side)
        self.dataChanged.emit(self.index(0, 0), self.index(max(0, len(self.rows) - 1), KEPT))


class ConflictDialog(QDialog):
    def __init__(self, draft, conflict, parent=None):
        super().__init__(parent)
        self.draft = draft
        self.change = None
        self.setWindowTitle(self.tr("Someone else saved this record"))
        self.resize(1000, 520)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("conflict_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._double_clicked)
        self.show_all = QCheckBox(self.tr("Show &unchanged fields too"))
        self.show_all.toggled.connect(self._show_all)
        self.status = QLabel()

        row_buttons = QHBoxLayout()
        self.pick_buttons = {}
        for side, text in (("mine", self.tr("&Mine for this field")), ("theirs", self.tr("T&heirs for this field")),
                           ("base", self.tr("&Base for this field"))):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, side=side: self.choose_selected(side))
            row_buttons.addWidget(button)
            self.pick_buttons[side] = button
        row_buttons.addStretch(1)
        self.all_mine = QPushButton(self.tr("Keep &all of mine"))
        self.all_theirs = QPushButton(self.tr("Take all of th&eirs"))
        for button, side in ((self.all_mine, "mine"), (self.all_theirs, "theirs")):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, side=side: self.choose_all(side))
            row_buttons.addWidget(button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText(self.tr("&Save this version"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Back to the editor"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.show_all)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.show_conflict(conflict)

    def show_conflict(self, conflict) -> None:
        from catalog_desktop.catalogue.resolution import Resolution

        self.conflict = conflict
        if getattr(self, "model", None) is not None:  # a third save meanwhile: compare anew
            self.model.deleteLater()
        self.model = ConflictModel(Resolution(conflict), self)
        self.model.dataChanged.connect(lambda *_: self._update_status())
        self.model.modelReset.connect(self._update_status)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        for column, width in ((0, 70), (1, 260), (2, 260), (3, 260)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        who = escape(conflict.theirs_by or self.tr("someone else"))
        self.intro.setText(
            self.tr("<b>%1</b> saved this record (version %2) after you opened it (version %3). Nothing was "
                    "overwritten. Choose per field which version to keep, or keep all of yours, or take all of "
                    "theirs.").replace("%1", who).replace("%2", str(conflict.theirs_version))
            .replace("%3", str(conflict.base_version)))
        self.model.set_show_all(self.show_all.isChecked())
        undecided = next((row for row, i in enumerate(self.model.rows) if self.model.resolution.side(i) is None), 0)
        self.table.selectRow(undecided)
        self.table.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.activateWindow()  # the keys go to the comparison at once, on the row to decide
        self.table.setFocus()

    def _show_all(self, on: bool) -> None:
        self.model.set_show_all(on)
        self.table.selectRow(0)

    def _update_status(self) -> None:
        undecided = self.model.resolution.undecided()
        save = self.buttons.button(QDialogButtonBox.Save)
        save.setEnabled(not undecided)
        save.setDefault(not undecided)
        if undecided:
            fields = ", ".join(line.tag for line in undecided)
            self.status.setText(self.tr("Both of you changed %1: choose a version for it.").replace("%1", fields))
        else:
            self.status.setText(self.tr("Every field has a version: save it."))

    def choose_selected(self, side: str) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.choose(index.row(), side)
            self.table.setFocus()

    def choose_all(self, side: str) -> None:
        self.model.choose_all(side)

    def _double_clicked(self, index) -> None:
        if 1 <= index.column() <= 3:
            self.model.choose(index.row(), SIDES[index.column() - 1])

    def save(self):
        """Store the merge through the core; a third save meanwhile shows the new comparison."""
        from catalog_desktop.catalogue.errors import CatalogueError, VersionConflict

        try:
            self.change = self.draft.save_merge(self.model.resolution)
        except VersionConflict as again:
            self.show_conflict(self.draft.conflict(again))
            return None
        except (CatalogueError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return None
        self.accept()
        return self.change
