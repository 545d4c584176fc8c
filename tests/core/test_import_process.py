"""Large files are prepared in a second process when a core is free: same catalogue as in one
process, and the child never outlives an import that stopped (finished, cancelled, failed or
killed)."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from catalog_desktop.catalogue import Catalogue, preparing_process
from catalog_desktop.catalogue.preparing import prepared_items
from catalog_desktop.marc.mapping import load_profile

from tests.core.killing import committed, kill_mid_import
from tests.core.shared_data import need_data

TABLES = ("record", "work", "agent", "record_agent", "subject", "classification", "item", "quarantine")
VARYING = {"imported_at", "updated_at", "quarantined_at", "source_file"}  # differ between two runs by nature


@pytest.fixture
def second_process_wanted(monkeypatch):
    """Every file counts as large, and a core as free (whatever this machine's load)."""
    monkeypatch.setattr(preparing_process, "MIN_FILE_SIZE", 0)
    monkeypatch.setattr(preparing_process, "spare_core", lambda: True)


def preparing_children(path: Path) -> list[int]:
    """Pids of live preparing processes for this file (Linux /proc)."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().split(") ", 1)[1][:1]
        except (OSError, IndexError):
            continue
        if preparing_process.__name__.encode() in cmdline and str(path).encode() in cmdline and state != "Z":
            pids.append(int(entry.name))
    return pids


def contents(db: Path) -> dict:
    con = sqlite3.connect(db)
    out = {}
    for table in TABLES:
        cursor = con.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
        keep = [i for i, d in enumerate(cursor.description) if d[0] not in VARYING]
        out[table] = [tuple(row[i] for i in keep) for row in cursor]
    out["search"] = con.execute("SELECT rowid, * FROM record_fts ORDER BY rowid").fetchall()
    con.close()
    return out


def some_fixture_files() -> list[Path]:
    marc = need_data()
    names = ("catmandu-marc/camel.mrc", "pymarc/utf8_invalid.mrc", "pymarc/bad_records.mrc", "pymarc/marc8.dat", "marc4j/bad_hathi_records.mrc")
    files = [marc / n for n in names if (marc / n).exists()]
    files += [marc / "marc4j/chabon.xml", marc / "catmandu-marc/broken.xml"]
    assert len(files) >= 4, f"expected these fixtures in {marc}: {names}"
    return files


def test_the_child_process_stores_exactly_what_one_process_stores(tmp_path, second_process_wanted, book, write_marc):
    files = some_fixture_files()
    files.append(write_marc(tmp_path / "dup.mrc", [book("1", "Eerste"), book("2", "Ander"), book("1", "Eerste, herdruk")]))
    summaries = {}
    for mode, second in (("one", False), ("two", None)):
        with Catalogue.open(tmp_path / f"{mode}.sqlite") as cat:
            summary = cat.import_files(files, second_process=second)
            summaries[mode] = [(f.found, f.imported, f.updated, f.quarantined, f.error) for f in summary.files]
            assert summary.prepared_elsewhere == (0 if mode == "one" else len(files))
    assert summaries["one"] == summaries["two"]
    assert sum(q for *_, q, _ in summaries["one"]) > 0  # quarantine crossed over too
    assert contents(tmp_path / "one.sqlite") == contents(tmp_path / "two.sqlite")
    assert all(not preparing_children(f) for f in files)


def test_a_child_that_dies_is_taken_over_in_process(tmp_path, book, write_marc):
    path = write_marc(tmp_path / "many.mrc", [book(f"n{n}", f"Boek {n}") for n in range(1200)])
    profile = load_profile()
    expected = [item.identity for item in prepared_items(path, profile)]
    got = []
    items = preparing_process._from_child(path, profile)
    got.append(next(items).identity)
    (pid,) = preparing_children(path)
    os.kill(pid, signal.SIGKILL)
    got += [item.identity for item in items]
    assert got == expected


def test_a_child_that_cannot_start_leaves_the_work_in_process(tmp_path, monkeypatch, book, write_marc):
    path = write_marc(tmp_path / "few.mrc", [book(f"n{n}", f"Boek {n}") for n in range(30)])
    monkeypatch.setattr(preparing_process, "_child_command", lambda p, prof: ([str(tmp_path / "no-such-python")], {}))
    items = list(preparing_process._from_child(path, load_profile()))
    assert [i.identity for i in items] == [f"n{n}" for n in range(30)]


def test_a_cancelled_import_stops_its_child(tmp_path, second_process_wanted, book, write_marc):
    path = write_marc(tmp_path / "many.mrc", [book(f"n{n}", f"Boek {n}") for n in range(3000)])
    with Catalogue.open(tmp_path / "cat.sqlite") as cat:
        import threading

        cancel = threading.Event()

        def progress(done, total, message):
            cancel.set()

        summary = cat.import_files([path], progress=progress, cancel=cancel)
        assert summary.status == "cancelled" and 0 < summary.imported < 3000
        assert summary.prepared_elsewhere == 1
    assert not preparing_children(path)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_import_takes_its_child_along_and_a_rerun_completes_it(tmp_path, book, write_marc):
    n = 6000
    path = write_marc(tmp_path / "many.mrc", [book(f"c:lvd:{i}", f"Boek nummer {i}", subjects=("Kat",)) for i in range(n)])
    db = tmp_path / "cat.sqlite"
    setup = "from catalog_desktop.catalogue import preparing_process; preparing_process.MIN_FILE_SIZE = 0; preparing_process.spare_core = lambda: True"
    kill_mid_import(db, path, setup, ready=lambda: bool(preparing_children(path)))
    deadline = time.monotonic() + 30
    while preparing_children(path):
        assert time.monotonic() < deadline, "the preparing child outlived its killed parent"
        time.sleep(0.05)
    before = committed(db)
    assert 0 < before < n
    with Catalogue.open(db) as cat:
        summary = cat.import_files([path])
        assert (summary.found, summary.imported, summary.unchanged) == (n, n - before, before)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("SELECT count(*), count(DISTINCT identity) FROM record").fetchone() == (n, n)
    assert con.execute("SELECT count(*) FROM record_fts").fetchone() == (n,)
    con.close()



@pytest.mark.parametrize("idle_share, cores, spare", [
    ((1.0, 1.0), 2, True),  # an idle machine
    ((0.9, 0.85), 2, True),  # daemons and noise
    ((1.0, 0.0), 2, False),  # another program keeps one core busy
    ((0.5, 0.5), 2, False),  # two programs share both
    ((1.0,), 1, False),  # one core only
    ((0.0, 0.0, 1.0, 1.0), 4, True),  # two of four cores idle
    ((0.0, 0.0, 0.0, 1.0), 4, False),
])
def test_a_second_process_only_when_two_cores_are_idle(monkeypatch, idle_share, cores, spare):
    ticks = iter([
        {n: (0, 0) for n in range(cores)},
        {n: (round(100 * (1 - share)), round(100 * share)) for n, share in enumerate(idle_share)},
    ])
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cores)), raising=False)
    monkeypatch.setattr(preparing_process, "_cpu_times", lambda wanted: next(ticks))
    monkeypatch.setattr(preparing_process.time, "sleep", lambda seconds: None)
    assert preparing_process.spare_core() is spare


def test_cpu_times_come_from_proc_stat():
    cores = sorted(os.sched_getaffinity(0))
    times = preparing_process._cpu_times(cores)
    assert set(times) == set(cores) and all(busy >= 0 and idle > 0 for busy, idle in times.values())


def test_small_files_and_one_process_imports_stay_in_this_process(tmp_path, monkeypatch, book, write_marc):
    monkeypatch.setattr(preparing_process, "spare_core", lambda: True)
    path = write_marc(tmp_path / "few.mrc", [book(f"n{n}", f"Boek {n}") for n in range(10)])
    with Catalogue.open(tmp_path / "cat.sqlite") as cat:
        assert cat.import_files([path]).prepared_elsewhere == 0  # far below MIN_FILE_SIZE
        monkeypatch.setattr(preparing_process, "MIN_FILE_SIZE", 0)
        assert cat.import_files([path], second_process=False).prepared_elsewhere == 0
        assert cat.import_files([path]).prepared_elsewhere == 1
    monkeypatch.setattr(preparing_process, "spare_core", lambda: False)  # every core busy
    assert not preparing_process.in_second_process(path, load_profile())


@pytest.mark.parametrize("flags, elsewhere", [((), 1), (("--one-process",), 0)])
def test_the_cli_reads_in_a_second_process_unless_told_not_to(tmp_path, second_process_wanted, capsys, book, write_marc, flags, elsewhere):
    import json

    from catalog_desktop.cli.main import main

    path = write_marc(tmp_path / "few.mrc", [book(f"n{n}", f"Boek {n}") for n in range(10)])
    code = main(["import", str(path), "--db", str(tmp_path / "cat.sqlite"), "--json", *flags])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["totals"]["imported"] == 10
    assert out["files_read_in_second_process"] == elsewhere
