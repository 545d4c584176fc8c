"""Side panes and small windows: the history of edit steps, the quarantine, the F1 sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

STATE_NAMES = {"done": "", "undone": "↶", "dropped": "✕"}


class HistoryPane(QWidget):
    """Who changed what, when, before and after, and which model proposed it."""

    def __init__(self, catalogue, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.record_id: int | None = None
        self.steps = QTreeWidget()
        self.steps.setObjectName("history")
        self.steps.setHeaderLabels([self.tr("Step"), self.tr("Who"), self.tr("When"), self.tr("Model")])
        self.steps.setColumnWidth(0, 420)
        self.steps.setColumnWidth(2, 130)
        self.steps.currentItemChanged.connect(self._show_diff)
        self.diff = QPlainTextEdit()
        self.diff.setReadOnly(True)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.steps)
        splitter.addWidget(self.diff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def refresh(self, record_id: int | None = None) -> None:
        """All steps, or one record's."""
        self.record_id = record_id
        self.steps.clear()
        for step in self.catalogue.edits.history(200, record_id=record_id):
            when = step.done_at.strftime("%Y-%m-%d %H:%M")
            name = f"{STATE_NAMES.get(step.state, '')} {step.name}".strip()
            item = QTreeWidgetItem([name, step.who or "", when, step.bundle or ""])
            item.setData(0, Qt.UserRole, step.id)
            if step.state != "done":
                item.setForeground(0, Qt.gray)
            self.steps.addTopLevelItem(item)
        self.diff.setPlainText("")

    def _show_diff(self, item, _previous=None) -> None:
        if item is None:
            return
        lines, word = [], self.tr("record")
        for d in self.catalogue.edits.diff(item.data(0, Qt.UserRole)):
            lines.append(f"# {word} {d.record_id}: {d.title}")
            lines += [f"- {line}" for line in d.removed] + [f"+ {line}" for line in d.added]
            if not d.removed and not d.added:
                lines.append(self.tr("(no change to the MARC)"))
        self.diff.setPlainText("\n".join(lines))


class QuarantineView(QWidget):
    """The records that could not be read: file, offset, reason, and their bytes."""

    def __init__(self, catalogue, parent=None, language: str = "nl"):
        super().__init__(parent)
        self.catalogue = catalogue
        self.language = language
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("quarantine")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Offset"), self.tr("Reason"), self.tr("When")])
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(2, 360)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_bytes(row))
        self.raw = QPlainTextEdit()
        self.raw.setReadOnly(True)
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.raw)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.items = []

    def refresh(self) -> None:
        from pathlib import Path

        from catalog_desktop.catalogue.wording import quarantine_reason

        self.items = self.catalogue.quarantine.list()
        self.table.setRowCount(len(self.items))
        for row, q in enumerate(self.items):
            reason = quarantine_reason(q.reason_code, q.reason_message, self.language)
            values = (Path(q.source_file).name, str(q.offset), reason, q.quarantined_at.strftime("%Y-%m-%d %H:%M"))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(f"{q.reason_code}: {q.reason_message}")  # the technical detail, for repairs
                self.table.setItem(row, col, item)
        self.raw.setPlainText("")

    def _show_bytes(self, row: int) -> None:
        if 0 <= row < len(self.items):
            raw = self.catalogue.quarantine.get(self.items[row].id).raw or b""
            self.raw.setPlainText(hex_dump(raw))


def hex_dump(data: bytes, width: int = 16) -> str:
    lines = []
    for at in range(0, min(len(data), 64 * 1024), width):
        chunk = data[at : at + width]
        text = "".join(chr(b) if 32 <= b < 127 else "·" for b in chunk)
        lines.append(f"{at:08x}  {chunk.hex(' '):<{width * 3}} {text}")
    return "\n".join(lines)


class KeyboardHelp(QDialog):
    """F1: every action with a shortcut, read from the window's own actions (never out of date)."""

    def __init__(self, actions, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard"))
        self.resize(520, 560)
        rows = []
        for action in actions:
            keys = [k.toString(QKeySequence.NativeText) for k in action.shortcuts()]
            if keys and action.text():
                rows.append((action.text().replace("&", ""), " / ".join(keys)))
        self.rows = rows
        view = QTextBrowser()
        view.setObjectName("keyboard_help")
        cells = "".join(f"<tr><td style='padding-right:18px'><b>{k}</b></td><td>{name}</td></tr>" for name, k in rows)
        heading = self.tr("Keyboard shortcuts")
        view.setHtml(f"<h3>{heading}</h3><table>{cells}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
