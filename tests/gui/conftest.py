"""GUI tests run offscreen on a copy of the sample catalogue (``sample_catalogue`` in tests/conftest.py)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def collect_garbage_on_gui_thread(qapp):
    """As in the application: no automatic collection on worker threads during a GUI test.

    Widgets of earlier tests can sit in reference cycles; collected by a worker thread, they
    would be destroyed off the GUI thread and crash Qt. The final collection runs here.
    """
    from catalog_desktop.gui.main_thread_gc import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector()
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture
def window(qtbot, qapp, sample_catalogue):
    from catalog_desktop.gui.app import install_translator
    from catalog_desktop.gui.main_window import MainWindow

    install_translator(qapp, "nl")
    win = MainWindow(sample_catalogue)
    qtbot.addWidget(win)
    win.show()
    return win

