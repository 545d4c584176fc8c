"""The flat MARC editor: highlighting, and the checker's messages under it as you type.

The text is parsed by :func:`catalog_desktop.marc.flat.parse_flat` and checked by the core's
:class:`RecordChecker`; this widget only colours, lists and jumps to lines.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

_TAG = re.compile(r"^=(\S{3})")
_SUBFIELD = re.compile(r"\$[0-9A-Za-z]")


def _format(colour: str, bold: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(colour))
    if bold:
        f.setFontWeight(QFont.Bold)
    return f


class MarcHighlighter(QSyntaxHighlighter):
    """Tags bold blue, indicators grey, subfield codes red; lines with an error underlined."""

    TAG, INDICATOR, CODE = _format("#1f4e9c", True), _format("#777777"), _format("#b0301c", True)

    def __init__(self, document):
        super().__init__(document)
        self.error_lines: set[int] = set()

    def highlightBlock(self, text: str) -> None:
        m = _TAG.match(text)
        if m:
            self.setFormat(0, 4, self.TAG)
            if not m.group(1).startswith("00") and m.group(1) != "LDR":
                self.setFormat(6, 2, self.INDICATOR)
                for s in _SUBFIELD.finditer(text):
                    self.setFormat(s.start(), 2, self.CODE)
        if self.currentBlock().blockNumber() + 1 in self.error_lines:
            wave = QTextCharFormat()
            wave.setUnderlineStyle(QTextCharFormat.WaveUnderline)
            wave.setUnderlineColor(QColor("#d00000"))
            for start in range(len(text)):
                fmt = self.format(start)
                fmt.merge(wave)
                self.setFormat(start, 1, fmt)


class MarcEditor(QWidget):
    """Emits ``edited(text)`` a moment after typing stops; shows messages it is given."""

    edited = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.highlighter = MarcHighlighter(self.text.document())
        self.messages = QListWidget()
        self.messages.setMaximumHeight(140)
        self.messages.itemActivated.connect(self._go_to_message)
        self.messages.itemClicked.connect(self._go_to_message)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.text)
        splitter.addWidget(self.messages)
        splitter.setSizes([500, 120])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(lambda: self.edited.emit(self.text.toPlainText()))
        self._quiet = False
        self.text.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._quiet:
            self._timer.start()

    def flush(self) -> None:
        """Emit now what is typed (tests, and before saving)."""
        if self._timer.isActive():
            self._timer.stop()
            self.edited.emit(self.text.toPlainText())

    def set_text(self, text: str) -> None:
        """Show a record without it counting as an edit (keeps the cursor line when it can)."""
        if text == self.text.toPlainText():
            return
        line = self.text.textCursor().blockNumber()
        self._quiet = True
        try:
            self.text.setPlainText(text)
        finally:
            self._quiet = False
        block = self.text.document().findBlockByNumber(min(line, self.text.document().blockCount() - 1))
        self.text.setTextCursor(QTextCursor(block))

    def show_messages(self, messages: list[tuple[int | None, str, str]]) -> None:
        """(line, severity, text) per message; lines with an error are underlined."""
        self.messages.clear()
        errors = set()
        for line, severity, text in messages:
            prefix = "✖" if severity == "error" else "⚠"
            item = QListWidgetItem(f"{prefix} {text}")
            item.setData(Qt.UserRole, line)
            item.setForeground(QColor("#b00000" if severity == "error" else "#8a6d00"))
            self.messages.addItem(item)
            if severity == "error" and line:
                errors.add(line)
        if errors != self.highlighter.error_lines:
            self.highlighter.error_lines = errors
            self.highlighter.rehighlight()

    def _go_to_message(self, item: QListWidgetItem) -> None:
        line = item.data(Qt.UserRole)
        if line:
            block = self.text.document().findBlockByNumber(line - 1)
            self.text.setTextCursor(QTextCursor(block))
            self.text.setFocus()
