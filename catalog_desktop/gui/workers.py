"""Long work off the GUI thread: a QRunnable that runs a core function with progress and cancel.

The core functions take ``progress(done, total, message)`` and a ``cancel`` event and know
nothing of Qt; this wrapper turns their progress into signals the GUI thread receives.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    progress = Signal(int, int, str)  # done, total (0 when unknown), message
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # a message for people


class Worker(QRunnable):
    """Runs ``function(progress=..., cancel=...)`` on the global thread pool."""

    def __init__(self, function: Callable[..., Any]):
        super().__init__()
        self.function = function
        self.cancel = threading.Event()
        self.signals = WorkerSignals()
        self.setAutoDelete(False)  # the caller keeps a reference until it is done

    def run(self) -> None:
        def progress(done: int, total: int | None, message: str = "") -> None:
            self.signals.progress.emit(int(done), int(total or 0), message)

        try:
            result = self.function(progress=progress, cancel=self.cancel)
        except Exception as exc:  # shown to the user; the traceback helps a bug report
            traceback.print_exc()
            self.signals.failed.emit(str(exc))
        else:
            self.signals.finished.emit(result)

    def start(self) -> "Worker":
        QThreadPool.globalInstance().start(self)
        return self
