"""The ``catalog`` command, end to end on real files (in-process, through ``main``)."""

import json
from pathlib import Path

import pytest

from catalog_desktop.cli.main import main
from catalog_desktop.marc import QuarantinedRecord, ReadRecord, read_marc

SHARED_MARC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "marc"
ALL_FIXTURES = sorted(p for p in SHARED_MARC.rglob("*") if p.is_file() and not p.name.startswith("LICENSE"))


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cat.sqlite"


def test_import_accounts_for_every_record_of_every_shared_file(capsys, db):
    assert len(ALL_FIXTURES) > 100, f"shared fixtures missing under {SHARED_MARC}"
    code, out, _ = run(capsys, "import", SHARED_MARC, "--db", db, "--json")
    summary = json.loads(out)
    files = {Path(f["path"]).name: f for f in summary["files"]}
    for f in summary["files"]:
        if f["error"]:
            continue
        assert f["found"] == f["imported"] + f["updated"] + f["unchanged"] + f["quarantined"], f
        # Counted independently, by reading the file again with the readers.
        items = list(read_marc(f["path"]))
        assert f["found"] == len(items), f["path"]
        assert f["quarantined"] == sum(isinstance(i, QuarantinedRecord) for i in items), f["path"]
    # Files that are not MARC at all are reported, not silently skipped.
    assert files["test_marc8.txt"]["error"].startswith("not MARC")
    assert files["bu_bibs.mrc"]["found"] == 100 and files["bu_bibs.mrc"]["quarantined"] == 0
    assert files["008008027.mrc"]["quarantined"] == 1
    assert code == 1  # some files could not be imported at all


def test_quarantine_keeps_bytes_and_reason_and_writes_them_back(capsys, db, tmp_path):
    source = SHARED_MARC / "marc4j" / "008008027.mrc"
    run(capsys, "import", source, "--db", db)
    code, out, _ = run(capsys, "quarantine", "list", "--json", "--db", db)
    (item,) = json.loads(out)
    assert item["reason_code"] == "truncated" and item["source_file"].endswith("008008027.mrc")
    code, out, _ = run(capsys, "quarantine", "show", item["id"], "--db", db)
    assert code == 0 and "truncated" in out and "00000000  30 33 34 37 35" in out
    out_file = tmp_path / "back.mrc"
    code, _, _ = run(capsys, "quarantine", "write", "--out", out_file, "--db", db)
    assert out_file.read_bytes() == source.read_bytes()[item["offset"]:]


def test_export_is_byte_identical_for_unedited_records(capsys, db, tmp_path):
    source = SHARED_MARC / "marc4j" / "pride-and-prejudice-fixed.mrc"
    code, out, _ = run(capsys, "import", source, "--db", db, "--json")
    totals = json.loads(out)["totals"]
    assert code == 0 and totals["found"] == 383
    exported = tmp_path / "out.mrc"
    code, _, _ = run(capsys, "export", "--format", "iso2709", "--out", exported, "--db", db)
    assert code == 0
    originals = {r.record.control_number: r.raw for r in read_marc(source) if isinstance(r, ReadRecord)}
    again = {r.record.control_number: r.raw for r in read_marc(exported) if isinstance(r, ReadRecord)}
    assert again == originals  # every record byte for byte (one record kept per 001)


def test_marcxml_export_validates_against_the_lc_schema(capsys, db, tmp_path):
    from lxml import etree

    run(capsys, "import", SHARED_MARC / "catmandu-marc" / "bu_bibs.mrc", SHARED_MARC / "pymarc" / "marc8.dat", "--db", db)
    out = tmp_path / "out.xml"
    code, _, _ = run(capsys, "export", "--format", "marcxml", "--out", out, "--db", db)
    assert code == 0
    schema = etree.XMLSchema(etree.parse(str(SHARED_MARC.parent / "schemas" / "MARC21slim.xsd")))
    doc = etree.parse(str(out))
    assert schema.validate(doc), schema.error_log
    assert len(doc.getroot()) == 101


def test_show_search_and_stats(capsys, db):
    run(capsys, "import", SHARED_MARC / "pymarc" / "marc8.dat", "--db", db)
    code, out, _ = run(capsys, "search", "author:tournier", "--json", "--db", db)
    hits = json.loads(out)
    assert code == 0 and len(hits) == 1
    code, out, _ = run(capsys, "show", hits[0]["id"], "--db", db)
    assert code == 0 and out.startswith("=LDR  ") and "Manifestation" in out and "Agents" in out
    code, out, _ = run(capsys, "stats", "--json", "--db", db)
    stats = json.loads(out)
    assert stats["records"] == 1 and stats["by_encoding"] == {"marc-8": 1}


def test_clear_errors(capsys, db, tmp_path):
    code, _, err = run(capsys, "import", tmp_path / "does-not-exist.mrc", "--db", db)
    assert code == 1 and "does-not-exist.mrc" in err
    text = tmp_path / "notes.txt"
    text.write_text("Dit is geen MARC-bestand.\n")
    code, _, err = run(capsys, "import", text, "--db", db)
    assert code == 1 and "not MARC" in err
    code, _, err = run(capsys, "show", "NOPE", "--db", db)
    assert code == 1 and "NOPE" in err


def test_a_catalogue_from_a_newer_version_is_refused(capsys, db):
    import sqlite3

    run(capsys, "stats", "--db", db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    code, _, err = run(capsys, "stats", "--db", db)
    assert code == 1 and "newer" in err
