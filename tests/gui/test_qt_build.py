"""The installed Qt binding keeps Python's reference counts right when a signal is emitted.

PySide6 6.12.0 dropped a reference to ``True`` (and ``None``) on every ``Signal.emit()``; a long
import or training run, which emits thousands of progress signals, then aborted Python with
"deallocating True or False". pyproject excludes that release; this test catches a binding
with the same fault, whatever version gets installed.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)


def _reference_counts() -> tuple[int, int]:
    return sys.getrefcount(True), sys.getrefcount(None)


def _none_lost(before: tuple[int, int], after: tuple[int, int]) -> bool:
    """Other code may take or drop a handful of references meanwhile; the fault loses one per
    emit (fifty or more here)."""
    return all(a >= b - 10 for a, b in zip(after, before))


def test_emitting_signals_keeps_reference_counts(qapp):
    emitter = _Emitter()
    received = []
    emitter.progress.connect(lambda done, total, message: received.append(done))
    emitter.finished.connect(lambda result: received.append(result))
    before = _reference_counts()
    for i in range(50):
        emitter.progress.emit(i, 50, "bezig")
        emitter.finished.emit(None)
    assert len(received) == 100
    del received[:]
    assert _none_lost(before, _reference_counts())


def test_emitting_from_a_worker_thread_keeps_reference_counts(qapp, qtbot):
    emitter = _Emitter()
    received = []
    emitter.progress.connect(lambda done, total, message: received.append(done))
    before = _reference_counts()

    def work():
        for i in range(50):
            emitter.progress.emit(i, 50, "bezig")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(received) == 50)
    assert _none_lost(before, _reference_counts())
