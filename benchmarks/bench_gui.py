"""The catalogue browser on a large catalogue: time to first rows, to apply a filter, memory.

Made-up records (``generate.py``, seeded) are imported into a fresh catalogue (not timed);
then, offscreen, timed: opening the main window until its first page of rows is there, and
applying each ready-made filter and a search (count + first page, in the database). The
resident memory of the process is printed before and after the window is made.

    nice -n 10 python benchmarks/bench_gui.py                   # 100,000 records
    python benchmarks/bench_gui.py --records 500                # a quick look (what the test runs)

Targets (issue 5): first rows < 1 s, a filter < 200 ms.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TARGET_FIRST_ROWS, TARGET_FILTER = 1.0, 0.2


def rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak the OS reports."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()

    from generate import generate
    from PySide6.QtWidgets import QApplication

    from catalog_desktop.catalogue import Catalogue
    from catalog_desktop.gui.main_window import FILTERS, MainWindow

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        marc = generate(Path(tmp) / "bench.mrc", args.records, "iso2709")
        db = Path(tmp) / "bench.sqlite"
        with Catalogue.open(db) as cat:
            cat.import_files([marc])
        memory_before = rss_mb()
        with Catalogue.open(db) as cat:
            start = time.perf_counter()
            window = MainWindow(cat)
            window.show()
            app.processEvents()
            first_rows = time.perf_counter() - start
            rows = window.model.rowCount()
            memory_window = rss_mb()
            print(f"records: {cat.records.count():,}")
            print(f"time to first rows: {first_rows * 1000:.0f} ms ({rows} rows shown; target < {TARGET_FIRST_ROWS * 1000:.0f} ms)")
            worst = 0.0
            for name, _key in FILTERS:
                if name == "quarantine":
                    continue
                times = []
                for _ in range(3):  # the first from a cold page cache, then warm
                    window.set_filter("quarantine")
                    start = time.perf_counter()
                    window.set_filter(name)
                    app.processEvents()
                    times.append(time.perf_counter() - start)
                worst = max(worst, min(times))
                print(f"filter {name or 'all'}: {min(times) * 1000:.0f} ms (first {times[0] * 1000:.0f} ms; "
                      f"{window.model.total:,} records)")
            window.set_filter(None)
            start = time.perf_counter()
            window.search.setText("voetbal")
            window.apply_search()
            app.processEvents()
            took = time.perf_counter() - start
            worst = max(worst, took)
            print(f"search 'voetbal': {took * 1000:.0f} ms ({window.model.total:,} records)")
            print(f"slowest filter (best of 3): {worst * 1000:.0f} ms (target < {TARGET_FILTER * 1000:.0f} ms)")
            print(f"memory: {memory_before:.0f} MB before the window, {memory_window:.0f} MB with it "
                  f"(+{memory_window - memory_before:.0f} MB)")
            window.close()
            from PySide6.QtCore import QThreadPool

            QThreadPool.globalInstance().waitForDone()  # the suggestion model loading in the background
    return 0


if __name__ == "__main__":
    sys.exit(main())
