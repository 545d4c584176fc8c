"""Team catalogue benchmark: PostgreSQL next to SQLite, and concurrent editors, in one run.

    .venv/bin/python benchmarks/bench_team.py [--records 20000] [--edits 200] [--pg-url URL]

1. Import rate of the same generated file into a SQLite file and into PostgreSQL.
2. Search time per query on each (FTS5 on SQLite, the portable record_search table on
   PostgreSQL), and what "who else has it open" costs the editor per record switch (leave
   the previous record, enter the next and list the others: two small writes and a query).
3. Concurrent edits: 2 and 4 writer processes (separate workstations) each add --edits notes
   to a handful of shared records through ``Records.apply`` (optimistic locking, re-read on
   conflict). Prints edits per second, conflicts met and retried, and checks that every
   saved note is in its record: "lost updates: 0" or the run fails.

Without --pg-url a throwaway server is started with initdb/pg_ctl on a loopback port (server
defaults, fsync on). Run heavy sizes with ``nice -n 10``; figures are noisy on 2 shared cores.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

HOT_RECORDS = 4  # the shared records the writers fight over
QUERIES = ("voetbal", "title:zee", "author:peeters", "geheim reis", "Vlaanderen")


def import_rate(url: str, path: Path) -> tuple[int, float]:
    from catalog_desktop.catalogue import Catalogue

    with Catalogue.open(url) as cat:
        started = time.perf_counter()
        summary = cat.import_files(path)
        seconds = time.perf_counter() - started
        return sum(f.imported for f in summary.files), seconds


def search_ms(url: str) -> tuple[str, float]:
    from catalog_desktop.catalogue import Catalogue

    with Catalogue.open(url) as cat:
        cat.search(QUERIES[0])  # warm caches
        started = time.perf_counter()
        rounds = 3
        for _ in range(rounds):
            for q in QUERIES:
                cat.search(q)
        return cat.search_backend, (time.perf_counter() - started) * 1000 / (rounds * len(QUERIES))


def presence_switch_ms(url: str, switches: int = 40) -> float:
    """What the editor asks of the database when the cataloger moves to the next record:
    leave the previous one, enter this one (which lists who else has it open)."""
    from catalog_desktop.catalogue import Catalogue

    with Catalogue.open(url) as cat:
        ids = [s.id for s in cat.records.page(0, switches)]
        previous = None
        started = time.perf_counter()
        for rid in ids:
            if previous is not None:
                cat.presence.leave(previous)
            cat.presence.enter(rid)
            previous = rid
        cat.presence.leave(previous)
        return (time.perf_counter() - started) * 1000 / len(ids)


def writer(url: str, label: str, edits: int, record_ids: list[int], start, results) -> None:
    from catalog_desktop.catalogue import Catalogue, VersionConflict
    from catalog_desktop.marc.record import Field

    conflicts = 0
    with Catalogue.open(url) as cat:
        # Warm up outside the timing: the field profile, the derivation code, the statements.
        from catalog_desktop.catalogue.derive import derive_entities

        derive_entities(cat.records.get(record_ids[0]).record, cat.profile())
        start.wait()
        for i in range(edits):
            rid = record_ids[i % len(record_ids)]
            while True:  # what Records.apply does, counting the conflicts it absorbs
                current = cat.records.get(rid)
                record = current.record.copy()
                record.add(Field("500", subfields=[("a", f"{label}-{i}")]))
                try:
                    cat.records.update(rid, record, who=label, expected_version=current.version)
                    break
                except VersionConflict:
                    conflicts += 1
    results.put((label, conflicts))


def concurrent_edits(url: str, writers: int, edits: int, record_ids: list[int]) -> dict:
    from catalog_desktop.catalogue import Catalogue

    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    labels = [f"w{writers}-{n}" for n in range(writers)]
    procs = [ctx.Process(target=writer, args=(url, label, edits, record_ids, start, results)) for label in labels]
    for p in procs:
        p.start()
    time.sleep(3)  # let every writer open the catalogue; then all start at once
    started = time.perf_counter()
    start.set()
    conflicts = dict(results.get(timeout=1200) for _ in procs)
    seconds = time.perf_counter() - started
    for p in procs:
        p.join()
        if p.exitcode != 0:
            raise SystemExit(f"a writer failed (exit code {p.exitcode})")
    with Catalogue.open(url) as cat:
        notes = {f.first("a") for rid in record_ids for f in cat.records.get(rid).record.get_fields("500")}
    expected = {f"{label}-{i}" for label in labels for i in range(edits)}
    return {"edits": writers * edits, "seconds": seconds, "conflicts": sum(conflicts.values()),
            "lost": len(expected - notes)}


def run(pg_url: str, records: int, edits: int, work: Path) -> bool:
    from benchmarks.generate import generate
    from catalog_desktop.catalogue.db import resolve_url

    data = generate(work / "bench.mrc", records, "iso2709")
    sqlite_url = resolve_url(work / "bench.sqlite")
    print(f"catalog-desktop team benchmark: {records:,} generated records (seeded); 2 shared cores, noisy figures")
    print()
    print(f"{'database':11} {'import':>12} {'seconds':>8} {'search':>9} {'switch':>9} {'index':>7}")
    rates = {}
    for name, url in (("sqlite", sqlite_url), ("postgresql", pg_url)):
        imported, seconds = import_rate(url, data)
        backend, ms = search_ms(url)
        switch = presence_switch_ms(url)
        rates[name] = imported / seconds
        print(f"{name:11} {rates[name]:>8,.0f} r/s {seconds:>8.1f} {ms:>6.1f} ms {switch:>6.1f} ms {backend:>7}")
    print(f"import rate, PostgreSQL to SQLite: {rates['postgresql'] / rates['sqlite']:.2f}")
    print()
    from catalog_desktop.catalogue import Catalogue

    with Catalogue.open(pg_url) as cat:
        hot = [s.id for s in cat.records.page(0, HOT_RECORDS)]
    print(f"concurrent edits on {len(hot)} shared records, PostgreSQL, optimistic locking:")
    print(f"{'writers':>7} {'edits':>6} {'seconds':>8} {'edits/s':>8} {'conflicts retried':>18} {'lost updates':>13}")
    ok = True
    for writers in (2, 4):
        r = concurrent_edits(pg_url, writers, edits, hot)
        ok &= r["lost"] == 0
        print(f"{writers:>7} {r['edits']:>6} {r['seconds']:>8.1f} {r['edits'] / r['seconds']:>8.1f} "
              f"{r['conflicts']:>18} {r['lost']:>13}")
    print()
    print("no update lost" if ok else "UPDATES LOST")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--edits", type=int, default=200, help="edits per writer")
    parser.add_argument("--pg-url", help="an empty PostgreSQL database to use instead of a throwaway server")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.pg_url:
            return 0 if run(args.pg_url, args.records, args.edits, Path(tmp)) else 1
        from pgcluster import Cluster

        with Cluster(durable=True) as cluster:
            url = cluster.create_database("bench_team")
            return 0 if run(url, args.records, args.edits, Path(tmp)) else 1


if __name__ == "__main__":
    sys.exit(main())
