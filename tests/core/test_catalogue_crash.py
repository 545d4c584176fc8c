"""A killed import (SIGKILL, power cut) leaves a sound catalogue that a re-run completes."""

from __future__ import annotations

import signal
import sqlite3

import pytest

from catalog_desktop.catalogue import Catalogue

from tests.core.killing import committed, kill_mid_import

N = 6000


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_import_then_rerun(tmp_path, book, write_marc):
    path = write_marc(tmp_path / "many.mrc", [
        book(f"c:lvd:{n}", f"Boek nummer {n}", author=f"Auteur, {n % 97}", isbn=f"978{n:010d}", subjects=("Kat",))
        for n in range(N)
    ])
    db = tmp_path / "cat.sqlite"
    kill_mid_import(db, path)
    before = committed(db)
    assert 0 < before < N, "the kill should land mid-import"
    assert before % 500 == 0, "only whole batches are committed"

    with Catalogue.open(db) as cat:
        summary = cat.import_files([path])
        assert (summary.found, summary.imported, summary.unchanged) == (N, N - before, before)
        assert cat.records.count() == N
        assert [h.control_number for h in cat.search("c:lvd:5999")] == ["c:lvd:5999"]

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.execute("INSERT INTO record_fts(record_fts) VALUES('integrity-check')")  # raises if corrupt
    assert con.execute("SELECT count(*), count(DISTINCT identity) FROM record").fetchone() == (N, N)
    assert con.execute("SELECT count(*) FROM record_fts").fetchone() == (N,)
    assert con.execute("SELECT count(*) FROM record_agent").fetchone() == (N,)
    assert con.execute("SELECT count(*) FROM subject").fetchone() == (N,)
    # The run that was killed never finished; the second one did.
    assert con.execute("SELECT status FROM import_run ORDER BY id").fetchall() == [("running",), ("completed",)]
    con.close()
