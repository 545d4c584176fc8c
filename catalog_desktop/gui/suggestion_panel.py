"""The suggestion panel: per scheme the ranked codes with confidence and reason.

Keyboard first: the arrow keys choose a code, Ctrl+Return accepts it, Ctrl+Shift+Return rejects
it, Ctrl+PgDown goes to the next record (the main window's actions). Accepting and
rejecting are the core's ``catalogue.decisions`` (a step in the one undo history, with the
bundle that proposed the code); the model is ``SuggestionService`` over the chosen bundle.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget


class SuggestionPanel(QWidget):
    decided = Signal(object)  # the core Change

    def __init__(self, catalogue, service_factory, language: str = "nl", parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self._service_factory = service_factory  # loads the bundle on first use
        self._service = None
        self._loader = None
        self.language = language
        self.record_id: int | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Confidence"), self.tr("Why")])
        self.tree.setColumnWidth(0, 190)
        self.tree.setColumnWidth(1, 80)
        self.tree.setObjectName("suggestions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)

    @property
    def service(self):
        """The suggestion service once loaded (None before: it loads off the GUI thread)."""
        return self._service

    @property
    def ready(self) -> bool:
        return self._service is not None

    def _load(self) -> None:
        """Load the model bundle on the Worker (importing the engine takes seconds), once."""
        from catalog_desktop.gui.workers import Worker

        if self._loader is not None:
            return
        self.status.setText(self.tr("Loading the model…"))
        self._loader = Worker(lambda progress, cancel: self._service_factory())

        # Bound methods, not closures: Qt drops the connection if this panel is gone first.
        self._loader.signals.finished.connect(self._loaded)
        self._loader.signals.failed.connect(self._failed)
        self._loader.start()

    def reset(self) -> None:
        """Forget the loaded model (another bundle was chosen)."""
        self._service = None
        self._loader = None
        self.tree.clear()

    def _loaded(self, service) -> None:
        self._service = service
        self.show_record(self.record_id)

    def _failed(self, message: str) -> None:
        self._loader = None
        self.status.setText(self.tr("No suggestions: %1").replace("%1", message))

    def show_record(self, record_id: int | None) -> None:
        self.record_id = record_id
        self.tree.clear()
        if record_id is None:
            self.status.setText("")
            return
        if self._service is None:
            self._load()
            return
        try:
            result = self.service.explain(record_id)
        except Exception as exc:  # a record the model cannot read: say so, the editor still works
            self.status.setText(self.tr("No suggestions: %1").replace("%1", str(exc)))
            return
        names = self.service.neighbour_records([result])
        first = None
        for scheme, suggestions in result.suggestions.items():
            head = QTreeWidgetItem([scheme.upper()])
            head.setFlags(Qt.ItemIsEnabled)
            head.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(head)
            rule = result.rules.get(scheme)
            if not suggestions:
                why = (rule.reason_en if self.language == "en" else rule.reason) if rule else ""
                note = QTreeWidgetItem([self.tr("(none)"), "", why])
                note.setFlags(Qt.ItemIsEnabled)
                head.addChild(note)
            for rank, s in enumerate(suggestions, 1):
                label = s.code if not s.label or s.label == s.code else f"{s.code}  {s.label}"
                mark = " ≈" if s.ambiguous else ""
                item = QTreeWidgetItem([label + mark, f"{s.confidence:.0%}", self._reason(s, names)])
                item.setData(0, Qt.UserRole, (s, rank))
                item.setToolTip(2, item.text(2))
                if s.ambiguous:
                    item.setToolTip(0, self.tr("Ambiguous: too close to the next code to call"))
                    item.setForeground(0, QBrush(QColor("#8a6d00")))
                head.addChild(item)
                first = first or item
            head.setExpanded(True)
        self.status.setText(self.tr("Model: %1").replace("%1", self.service.bundle))
        if first is not None:
            self.tree.setCurrentItem(first)

    def _reason(self, s, names) -> str:
        near = [names[str(n)][1] for n, _ in s.reason.neighbours if str(n) in names][:2]
        words = [w for w, _ in s.reason.words][:4]
        parts = []
        if near:
            parts.append(self.tr("like: %1").replace("%1", "; ".join(near)))
        if words:
            parts.append(self.tr("words: %1").replace("%1", ", ".join(words)))
        return " · ".join(parts)

    def current(self):
        item = self.tree.currentItem()
        return item.data(0, Qt.UserRole) if item is not None else None

    def decide(self, accept: bool):
        """Accept or reject the chosen code; the panel moves to the next code."""
        chosen = self.current()
        if chosen is None or self.record_id is None:
            return None
        suggestion, rank = chosen
        decide = self.catalogue.decisions.accept if accept else self.catalogue.decisions.reject
        change = decide(self.record_id, suggestion, bundle=self.service.bundle, rank=rank)
        self.decided.emit(change)
        return change
