"""Import speed and memory, side by side with bare pymarc parsing, in one run.

For ISO 2709 and MARCXML, on the same generated file: pymarc's parse rate (``MARCReader`` /
streaming ``map_xml``), then ``catalog import`` into a fresh SQLite catalogue, and the ratio.
Each measurement runs in its own process so its peak memory (max RSS) is its own; for the
import that is the importing process plus its preparing child, if it used one (a large file
is read and derived in a second process while the first stores, when a core is free: see
``catalogue/preparing_process.py``), added up, so the figure is an upper bound of what the
import holds at once. Peak memory of the import is also measured at a tenth of the records,
to show it does not grow. The import is also timed in one process (``--one-process``), side
by side, so both figures are known whatever the default chose.

    python benchmarks/bench_import.py                 # 100,000 records (several minutes)
    python benchmarks/bench_import.py --records 5000  # a quick look
    nice -n 10 python benchmarks/bench_import.py --repeat 3   # three side-by-side runs

Targets (issue 3): import >= 0.6x bare pymarc parse, for both formats; peak memory of the
import does not grow with the record count and stays <= 300 MB. The verdict uses the median
over ``--repeat`` runs. Each row also gives the CPU ratio (records per CPU second, import over
pymarc): on a shared machine other jobs stretch wall-clock rates unevenly, CPU time much less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def child(kind: str, path: str, db: str) -> None:
    """Run one measurement in this process and print seconds, records and peak RSS as JSON."""
    phases: dict[str, int] = {}
    start = time.perf_counter()
    if kind == "pymarc-iso2709":
        import pymarc

        with open(path, "rb") as stream:
            records = sum(1 for _ in pymarc.MARCReader(stream, to_unicode=True, force_utf8=True))
    elif kind == "pymarc-marcxml":
        import pymarc

        counter = [0]

        def count(_record) -> None:
            counter[0] += 1

        pymarc.map_xml(count, path)
        records = counter[0]
    elif kind == "read":
        from catalog_desktop.marc import read_marc

        records = sum(1 for _ in read_marc(path))
    elif kind in ("import", "import-one-process"):
        from catalog_desktop.catalogue import Catalogue

        with Catalogue.open(db) as catalogue:
            summary = catalogue.import_files([path], second_process=False if kind == "import-one-process" else None)
        records = sum(f.found for f in summary.files)
        phases = {part: round(summary.per_record_us(part)) for part in summary.timings}
        phases["second process"] = summary.prepared_elsewhere
        failed = [f.error for f in summary.files if f.error]
        if failed:
            raise SystemExit(f"import failed: {failed}")
    else:
        raise SystemExit(f"unknown measurement {kind}")
    seconds = time.perf_counter() - start
    # This process and its finished children (the import's preparing process, if any): CPU
    # time is what other jobs do not stretch; peak memory is added up (an upper bound).
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    peak_mb = sum(u.ru_maxrss for u in usage) / 1024
    cpu = sum(u.ru_utime + u.ru_stime for u in usage)
    print(json.dumps({"kind": kind, "seconds": seconds, "cpu": cpu, "records": records, "peak_mb": peak_mb,
                      "us_per_record": phases}))


def measure(kind: str, path: Path, workdir: Path) -> dict:
    db = workdir / f"bench-{kind}-{path.stem}-{time.monotonic_ns()}.sqlite"
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path), str(db)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="side-by-side runs on the same files (default 1)")
    parser.add_argument("--workdir", type=Path, help="where to put generated files (default: a temp dir)")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "FILE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return

    from benchmarks.generate import generate

    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        work = Path(tmp)
        small = max(args.records // 10, 1)
        print(f"catalog-desktop import benchmark: {args.records:,} generated records (seeded), "
              f"{args.repeat} run(s); 2-core machine figures are noisy")
        files = {}
        for fmt in ("iso2709", "marcxml"):
            suffix = ".mrc" if fmt == "iso2709" else ".xml"
            files[fmt] = (generate(work / f"big{suffix}", args.records, fmt), generate(work / f"small{suffix}", small, fmt))
        runs = []
        for run in range(1, args.repeat + 1):
            rows = []
            for fmt, bare in (("iso2709", "pymarc-iso2709"), ("marcxml", "pymarc-marcxml")):
                big, little = files[fmt]
                # pymarc and our import one right after the other, so they see the same machine.
                base = measure(bare, big, work)
                ours = measure("import", big, work)
                one = measure("import-one-process", big, work)
                reader = measure("read", big, work)
                ours_small = measure("import", little, work)
                rows.append((fmt, base, reader, ours, ours_small, one))
            report(run, rows, small, args.records)
            runs.append(rows)
        ok = summary(runs, small, args.records)
        print("targets met" if ok else "TARGETS NOT MET")


def ratios(base: dict, ours: dict) -> tuple[float, float]:
    """(rate ratio, CPU ratio): import rate over pymarc's, by wall clock and by CPU time."""
    wall = (ours["records"] / ours["seconds"]) / (base["records"] / base["seconds"])
    cpu = (ours["records"] / ours["cpu"]) / (base["records"] / base["cpu"])
    return wall, cpu


def report(run: int, rows: list, small: int, records: int) -> None:
    print()
    print(f"run {run} (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):")
    print(f"{'format':9} {'pymarc parse':>14} {'catalog import':>15} {'ratio':>7} {'target':>7} {'processes':>9}  "
          f"{'one process':>14} {'ratio':>6}  {'peak MB @' + format(small, ','):>16} {'peak MB @' + format(records, ','):>18}"
          f"  {'our reader alone':>16}  {'CPU ratio':>9}")
    for fmt, base, reader, ours, ours_small, one in rows:
        ratio, cpu_ratio = ratios(base, ours)
        print(f"{fmt:9} {base['records'] / base['seconds']:>10,.0f} r/s {ours['records'] / ours['seconds']:>11,.0f} r/s "
              f"{ratio:>7.2f} {'>=0.60':>7} {processes(ours):>9}  {one['records'] / one['seconds']:>10,.0f} r/s "
              f"{ratios(base, one)[0]:>6.2f}  {ours_small['peak_mb']:>16.0f} {ours['peak_mb']:>18.0f}  "
              f"{reader['records'] / reader['seconds']:>12,.0f} r/s  {cpu_ratio:>9.2f}")
    print()
    for fmt, _base, _reader, ours, _small, one in rows:
        for label, measured in (("import", ours), ("one process", one)):
            split = ", ".join(f"{part} {us} us" for part, us in measured["us_per_record"].items() if part != "second process")
            print(f"{fmt}: {label} time per record: {split}")
    print("(read = reading, parsing and deriving entities, or waiting for the second process that does it; "
          "store = the database's share)")
    print()


def processes(measured: dict) -> int:
    """1, or 2 when the import read its file in a second process (a core was free)."""
    return 2 if measured["us_per_record"].get("second process") else 1


def summary(runs: list, small: int, records: int) -> bool:
    """Median ratios over the runs (one run is at the mercy of the machine's other jobs)."""
    ok = True
    print(f"all {len(runs)} run(s): median ratio (rate), median CPU ratio, largest peak MB @{small:,} / @{records:,}")
    for i, fmt in enumerate(("iso2709", "marcxml")):
        rows = [run[i] for run in runs]
        wall = statistics.median(ratios(r[1], r[3])[0] for r in rows)
        cpu = statistics.median(ratios(r[1], r[3])[1] for r in rows)
        peak_small = max(r[4]["peak_mb"] for r in rows)
        peak = max(r[3]["peak_mb"] for r in rows)
        one = statistics.median(ratios(r[1], r[5])[0] for r in rows)
        used = "/".join(str(processes(r[3])) for r in rows)
        ok &= wall >= 0.6 and peak <= 300 and peak_small <= 300
        print(f"  {fmt}: ratio {wall:.2f} (target >= 0.60; processes {used}), one process {one:.2f}, CPU ratio {cpu:.2f}, "
              f"peak {peak_small:.0f} / {peak:.0f} MB (target <= 300)")
    print()
    return ok


if __name__ == "__main__":
    main()
