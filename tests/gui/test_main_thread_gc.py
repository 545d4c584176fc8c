"""The GUI's garbage collector: automatic collection off, collection done on the GUI thread."""

from __future__ import annotations

import gc


def test_collector_switches_automatic_collection_off_and_back_on(qapp):
    from catalog_desktop.gui.main_thread_gc import MainThreadGarbageCollector

    gc.enable()
    collector = MainThreadGarbageCollector()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()


def test_collector_collects_cycles_when_a_threshold_is_passed(qapp):
    from catalog_desktop.gui.main_thread_gc import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector()
    try:
        class Node:
            pass

        gc.collect()
        import weakref

        node = Node()
        node.self = node  # a cycle only the cyclic collector frees
        alive = weakref.ref(node)
        del node
        kept = [Node() for _ in range(gc.get_threshold()[0] + 10)]  # pass generation 0's threshold
        assert gc.get_count()[0] > gc.get_threshold()[0]
        generation = collector.collect_due()
        assert generation >= 0
        assert alive() is None
        del kept
    finally:
        collector.stop()


def test_nothing_due_collects_nothing(qapp):
    from catalog_desktop.gui.main_thread_gc import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector()
    try:
        gc.collect()
        assert collector.collect_due() == -1
    finally:
        collector.stop()
