""""Ook open bij: …": who else has the record in the editor open, kept fresh by a timer.

A view over the core's :class:`~catalog_desktop.catalogue.presence.Presence`: showing a
record enters it, showing another (or none) leaves the previous one. Every
``REFRESH_MS`` the label asks who else has it open (one small indexed query) and, once a
minute, renews this workstation's heartbeat so others keep seeing it. Presence is advisory:
the record's version is what prevents an overwrite, so a failed presence query is logged and
the editor goes on.
"""

from __future__ import annotations

import logging
import time
from datetime import timezone
from html import escape

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel

log = logging.getLogger(__name__)
REFRESH_MS = 15_000
BEAT_EVERY_S = 60.0


class PresenceLabel(QLabel):
    refreshed = Signal()  # after each timer tick: the editor checks its record's version too

    def __init__(self, presence, parent=None):
        super().__init__(parent)
        self.presence = presence
        self.record_id: int | None = None
        self.viewers: list = []
        self._beat_at = 0.0
        self.setObjectName("presence")
        self.setWordWrap(True)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.hide()

    def show_record(self, record_id: int | None) -> None:
        if record_id == self.record_id:
            return
        self.release()
        self.record_id = record_id
        if record_id is None:
            return
        self.viewers = self.ask(lambda: self.presence.enter(record_id)) or []
        self._beat_at = time.monotonic()
        self.timer.start()
        self._draw()

    def release(self) -> None:
        """Leave the record shown (closing, switching): others stop seeing this workstation."""
        self.timer.stop()
        if self.record_id is not None:
            rid, self.record_id = self.record_id, None
            self.ask(lambda: self.presence.leave(rid))
        self.viewers = []
        self._draw()

    def refresh(self) -> None:
        rid = self.record_id
        if rid is None:
            return
        if time.monotonic() - self._beat_at >= BEAT_EVERY_S:
            self._beat_at = time.monotonic()
            self.ask(lambda: self.presence.beat(rid))
        viewers = self.ask(lambda: self.presence.others(rid))
        if viewers is not None:
            self.viewers = viewers
            self._draw()
        self.refreshed.emit()

    def ask(self, call):
        try:
            return call()
        except Exception:  # advisory only: a dropped connection must not stop the editing
            log.warning("presence: the catalogue did not answer", exc_info=True)
            return None

    def _draw(self) -> None:
        if not self.viewers:
            self.setText("")
            self.hide()
            return
        people = [
            self.tr("%1 (%2, since %3)").replace("%1", v.name)
            .replace("%2", ", ".join(x for x in (v.library, v.workstation) if x))
            .replace("%3", v.since.replace(tzinfo=timezone.utc).astimezone().strftime("%H:%M"))
            for v in self.viewers
        ]
        text = self.tr("Also open at: %1").replace("%1", "; ".join(people))
        self.setText(f"<span style='color:#8a4b00'>{escape(text)}</span>")
        self.setToolTip(self.tr("Someone else is editing this record too: whoever saves second will be asked "
                                "to compare both versions."))
        self.show()
