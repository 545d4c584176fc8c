"""Importing files: counts, re-imports with history, warnings, quarantine, cancelling."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from catalog_desktop.catalogue import importer
from catalog_desktop.marc.iso2709 import serialize

GARBAGE = b"00040nam a2200025   4500garbage-no-terminators\x1d"  # quarantined: no directory


def counts(summary):
    return (summary.found, summary.imported, summary.updated, summary.unchanged, summary.quarantined)


def test_new_unchanged_and_updated_records(catalogue, book, write_marc, tmp_path):
    records = [book(f"c:lvd:{n}", f"Titel {n}", author="Claus, Hugo") for n in range(5)]
    path = write_marc(tmp_path / "a.mrc", records)
    first = catalogue.import_files([path])
    assert counts(first) == (5, 5, 0, 0, 0)
    assert first.status == "completed" and first.files[0].format == "iso2709"

    assert counts(catalogue.import_files([path])) == (5, 0, 0, 5, 0)

    records[2] = book("c:lvd:2", "Titel 2, herziene uitgave", author="Claus, Hugo")
    write_marc(path, records)
    third = catalogue.import_files([path])
    assert counts(third) == (5, 0, 1, 4, 0)

    stored = catalogue.records.by_control_number("c:lvd:2")
    assert stored.title == "Titel 2, herziene uitgave"
    assert stored.version == 2 and not stored.edited
    assert stored.raw == serialize(records[2])
    (before,) = catalogue.history.versions(stored.id)
    assert before.reason == "reimport" and before.version == 1
    assert b"Titel 2" in before.marc and b"herziene" not in before.marc
    assert catalogue.records.count() == 5
    assert catalogue.search("herziene")[0].id == stored.id
    assert catalogue.search("titel 2") == catalogue.search("herziene")  # old words are gone from search


def test_a_record_without_001_is_matched_by_its_bytes(catalogue, book, write_marc, tmp_path):
    path = write_marc(tmp_path / "a.mrc", [book(None, "Zonder nummer")])
    catalogue.import_files([path])
    assert counts(catalogue.import_files([path])) == (1, 0, 0, 1, 0)
    (row,) = catalogue.records.page()
    assert catalogue.records.get(row.id).identity.startswith("sha1:")


def test_the_same_record_twice_in_one_file(catalogue, book, write_marc, tmp_path):
    path = write_marc(tmp_path / "a.mrc", [book("1", "Eerste"), book("2", "Ander"), book("1", "Eerste, tweede druk")])
    summary = catalogue.import_files([path])
    assert counts(summary) == (3, 2, 1, 0, 0)
    assert catalogue.records.count() == 2
    assert catalogue.records.by_control_number("1").title == "Eerste, tweede druk"


def test_folders_are_walked_sorted_and_bad_files_reported(catalogue, book, write_marc, tmp_path):
    write_marc(tmp_path / "in" / "b.mrc", [book("b1", "B")])
    write_marc(tmp_path / "in" / "sub" / "a.mrc", [book("a1", "A")])
    write_marc(tmp_path / "in" / ".hidden" / "h.mrc", [book("h1", "H")])
    write_marc(tmp_path / "in" / ".h.mrc", [book("h2", "H")])
    (tmp_path / "in" / "notes.txt").write_text("dit is geen MARC\n")
    summary = catalogue.import_files([tmp_path / "in", tmp_path / "missing.mrc"])
    names = [f.path.rsplit("/", 1)[-1] for f in summary.files]
    assert names == ["b.mrc", "notes.txt", "a.mrc", "missing.mrc"]
    by_name = dict(zip(names, summary.files))
    assert by_name["notes.txt"].error.startswith("not MARC: ")
    assert by_name["missing.mrc"].error.startswith("cannot read: ")
    assert by_name["a.mrc"].imported == 1 and by_name["b.mrc"].imported == 1
    assert summary.imported == 2 and len(summary.errors) == 2
    assert catalogue.records.count() == 2


def test_warnings_keep_the_original_bytes_and_store_the_repair(catalogue, book, write_marc, tmp_path):
    good = serialize(book("w1", "Met een fout"))
    bad = b"%05d" % (len(good) + 3) + good[5:]  # the leader lies about the length
    path = write_marc(tmp_path / "w.mrc", [bad, book("ok", "Zonder fout")])
    summary = catalogue.import_files([path])
    assert counts(summary) == (2, 2, 0, 0, 0)
    stored = catalogue.records.by_control_number("w1")
    assert [w.code for w in stored.warnings] == ["leader-length"]
    assert stored.raw == bad
    assert stored.current_marc() == good  # the repaired record, written out properly
    assert catalogue.records.page(filter="Met een fout")[0].has_warnings
    assert not catalogue.records.by_control_number("ok").warnings
    assert catalogue.records.by_control_number("ok").marc is None  # clean ISO 2709: raw is current
    assert catalogue.stats()["with_warnings"] == 1


def test_quarantine_keeps_the_bytes_once(catalogue, book, write_marc, tmp_path):
    path = write_marc(tmp_path / "q.mrc", [book("1", "Voor"), GARBAGE, book("2", "Na")])
    summary = catalogue.import_files([path])
    assert counts(summary) == (3, 2, 0, 0, 1)
    (item,) = catalogue.quarantine.list()
    full = catalogue.quarantine.get(item.id)
    assert full.raw == GARBAGE
    assert full.reason_code == "no-directory" and full.offset == len(serialize(book("1", "Voor")))
    assert full.position == 2 and full.source_file == str(path) and full.import_run_id == summary.run_id

    again = catalogue.import_files([path])
    assert counts(again) == (3, 0, 0, 2, 1)  # still reported, not stored twice
    assert catalogue.quarantine.count() == 1
    change = catalogue.quarantine.delete(item.id)
    assert change.quarantine == (item.id,) and catalogue.quarantine.count() == 0


def test_entities_are_stored(catalogue, book, write_marc, tmp_path):
    recs = [
        book("e1", "De Leeuw van Vlaanderen", author="Conscience, Hendrik", isbn="90-5240-001-X",
             zizo="ZIZO123", siso="859.3", genre="Historische romans", subjects=("Middeleeuwen",), barcode="B0001"),
        book("e2", "De Leeuw van Vlaanderen", author="Conscience, Hendrik", year="1999"),
    ]
    catalogue.import_files([write_marc(tmp_path / "e.mrc", recs)])
    one = catalogue.records.by_control_number("e1")
    assert (one.main_author, one.year, one.zizo, one.siso, one.genres) == (
        "Conscience, Hendrik", "2020", "ZIZO123", "859.3", "Historische romans")
    view = catalogue.records.entities(one.id)
    assert view.work is not None and view.work.editions == 2
    assert [e.control_number for e in view.editions] == ["e2", "e1"]  # oldest first
    assert {(c.scheme, c.code) for c in view.codes} >= {("zizo", "ZIZO123"), ("siso", "859.3"), ("genre", "Historische romans")}
    assert view.entities.items[0].barcode == "B0001"
    stats = catalogue.stats()
    assert stats["records"] == 2 and stats["works"] == 1 and stats["agents"] == 1 and stats["items"] == 1
    assert stats["codes"]["zizo"] == 1 and stats["by_source_format"] == {"iso2709": 2}


def test_cancel_between_batches_then_rerun_completes(catalogue, book, write_marc, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    path = write_marc(tmp_path / "big.mrc", [book(f"n{i}", f"Boek {i}") for i in range(95)])
    cancel = threading.Event()
    seen = []

    def progress(done, total, message):
        seen.append((done, total, message))
        if len(seen) == 3:
            cancel.set()

    summary = catalogue.import_files([path], progress=progress, cancel=cancel)
    assert summary.status == "cancelled" and summary.cancelled
    assert summary.imported == catalogue.records.count()
    assert 0 < summary.imported < 95
    assert seen[0][1] == path.stat().st_size and seen[0][0] < seen[-1][0] <= seen[0][1]

    rerun = catalogue.import_files([path])
    assert rerun.status == "completed"
    assert rerun.imported == 95 - summary.imported and rerun.unchanged == summary.imported
    assert catalogue.records.count() == 95
    _assert_each_once(catalogue, 95)


@pytest.mark.parametrize("chunk", [10, 3])  # 3: a batch's transaction spans several chunks
def test_an_error_mid_batch_leaves_whole_batches(catalogue, book, write_marc, tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    monkeypatch.setattr(importer, "CHUNK_SIZE", chunk)
    path = write_marc(tmp_path / "big.mrc", [book(f"n{i}", f"Boek {i}") for i in range(35)])
    real = importer.Importer._row
    calls = {"n": 0}

    def failing_row(self, *args):
        calls["n"] += 1
        if calls["n"] == 25:
            raise KeyboardInterrupt  # as if Ctrl-C landed in the middle of the third batch
        return real(self, *args)

    monkeypatch.setattr(importer.Importer, "_row", failing_row)
    with pytest.raises(KeyboardInterrupt):
        catalogue.import_files([path])
    assert catalogue.records.count() == 20
    runs = catalogue.stats()["import_runs"]
    assert runs == {"failed": 1}
    monkeypatch.setattr(importer.Importer, "_row", real)
    assert catalogue.import_files([path]).imported == 15
    _assert_each_once(catalogue, 35)


def test_progress_comes_per_committed_batch_and_duplicates_across_chunks_update(catalogue, book, write_marc, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    monkeypatch.setattr(importer, "CHUNK_SIZE", 3)
    records = [book(f"n{i}", f"Boek {i}") for i in range(25)]
    records.insert(4, book("n0", "Boek 0, tweede versie"))  # same 001 as the first, in the next chunk
    path = write_marc(tmp_path / "dup.mrc", records)
    seen = []
    summary = catalogue.import_files([path], progress=lambda done, total, message: seen.append(message))
    assert (summary.imported, summary.updated, summary.found) == (25, 1, 26)
    assert seen == ["dup.mrc: 10 records", "dup.mrc: 20 records", "dup.mrc: 26 records", "26 records read"]
    assert catalogue.records.by_control_number("n0").title == "Boek 0, tweede versie"
    _assert_each_once(catalogue, 25)


def _assert_each_once(catalogue, n):
    path = catalogue.engine.url.database
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*), count(DISTINCT identity) FROM record").fetchone() == (n, n)
    assert con.execute("SELECT count(*) FROM record_fts").fetchone()[0] == n
    assert con.execute("SELECT count(*) FROM record_agent WHERE record_id NOT IN (SELECT id FROM record)").fetchone()[0] == 0
    con.close()


def test_marcxml_import_keeps_the_xml_and_stores_iso2709(catalogue, book, tmp_path):
    from catalog_desktop.marc.marcxml import MarcXmlWriter

    recs = [book("x1", "Het verdriet van België", author="Claus, Hugo"), book("x2", "Twee")]
    path = tmp_path / "in.xml"
    with open(path, "wb") as out:
        writer = MarcXmlWriter(out)
        for r in recs:
            writer.write(r)
        writer.close()
    summary = catalogue.import_files([path])
    assert counts(summary) == (2, 2, 0, 0, 0) and summary.files[0].format == "marcxml"
    stored = catalogue.records.by_control_number("x1")
    assert stored.source_format == "marcxml"
    assert stored.raw.lstrip().startswith(b"<") and b"Claus, Hugo" in stored.raw
    assert stored.current_marc() == serialize(recs[0])
    assert stored.record.same_content(recs[0])
    assert counts(catalogue.import_files([path])) == (2, 0, 0, 2, 0)
    assert catalogue.stats()["by_source_format"] == {"marcxml": 2}


def test_the_import_skips_foreign_key_checks_only_in_its_own_transactions(catalogue, book, write_marc, tmp_path):
    path = write_marc(tmp_path / "a.mrc", [book("c:lvd:1", "Titel", author="Claus, Hugo")])
    assert catalogue.import_files([path]).imported == 1
    # The pooled connection the import used enforces foreign keys again for everyone else.
    with catalogue.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(Exception, match="FOREIGN KEY"):
            conn.exec_driver_sql("INSERT INTO item (record_id, seq, tag) VALUES (999999, 0, '852')")


@pytest.mark.parametrize("broken", ["derive_entities", "entity_rows"])
def test_a_record_whose_entities_cannot_be_made_is_kept_with_a_warning(catalogue, book, write_marc, tmp_path, monkeypatch, broken):
    from catalog_desktop.catalogue import preparing

    real = getattr(preparing, broken)

    def failing(*args):
        if "Kapot" in repr(args):  # the title: the fallback (empty entities) goes through
            raise ValueError("a bug in the mapping")
        return real(*args)

    monkeypatch.setattr(preparing, broken, failing)
    path = write_marc(tmp_path / "two.mrc", [book("heel", "Heel"), book("kapot", "Kapot")])
    summary = catalogue.import_files([path])
    assert (summary.imported, summary.quarantined) == (2, 0)
    kept = catalogue.records.by_control_number("kapot")
    assert [w.code for w in catalogue.records.get(kept.id).warnings] == ["entities-failed"]
    assert "ValueError: a bug in the mapping" in catalogue.records.get(kept.id).warnings[0].message
    assert catalogue.records.by_control_number("heel").title == "Heel"
