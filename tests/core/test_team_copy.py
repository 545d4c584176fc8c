"""``catalog db copy``: SQLite -> PostgreSQL -> SQLite loses nothing, compared byte for byte:
every record (raw and current MARC), history, quarantine, decisions, label adjustments."""

from __future__ import annotations

import io
import json

from sqlalchemy import insert, select

from catalog_desktop.catalogue import Catalogue
from catalog_desktop.catalogue.changes import utcnow
from catalog_desktop.catalogue.copying import copied_tables, copy_catalogue
from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.models import LabelAdjustment, SuggestionDecision
from catalog_desktop.cli.main import main
from catalog_desktop.marc.record import Field
from shared_data import need_data

GARBAGE = b"00040nam a2200025   4500garbage-no-terminators\x1d"


def _fill(cat: Catalogue, tmp_path) -> None:
    marc = need_data()
    broken = tmp_path / "broken.mrc"
    broken.write_bytes((marc / "catmandu-marc" / "camel.mrc").read_bytes() + GARBAGE)
    summary = cat.import_files([marc / "catmandu-marc" / "bu_bibs.mrc", marc / "pymarc" / "marc8.dat",
                                marc / "catmandu-marc" / "marc.xml", broken])
    assert sum(f.quarantined for f in summary.files) >= 1
    for rid in (1, 2, 3):  # history: two edits each
        for note in ("eerste", "tweede"):
            cat.records.apply(rid, lambda r, n=note: (r.add(Field("500", subfields=[("a", n)])), r)[1], who="anna")
    with writing(cat.engine) as conn:
        conn.execute(insert(SuggestionDecision.__table__), [
            {"record_id": 1, "scheme": "zizo", "code": "MMSOAZ", "decision": "accepted", "confidence": 0.8125,
             "rank": 1, "bundle": "demo@1", "who": "anna", "decided_at": utcnow(), "undone": False},
            {"record_id": 2, "scheme": "siso", "code": "914.1", "decision": "rejected", "confidence": None,
             "rank": 3, "bundle": None, "who": None, "decided_at": utcnow(), "undone": True},
        ])
        conn.execute(insert(LabelAdjustment.__table__), [
            {"record_id": 1, "item_key": "seq:0", "field": "shelving_word", "value": "Voetbal ⚽", "who": "bert",
             "changed_at": utcnow()},
        ])
    cat.settings.set("profile", "openvlacc")
    cat.settings.set("labels", {"kleur": "rood"})
    cat.proposals.propose(2, cat.records.get(2).record, base_version=1, who="gent", library="Gent", note="typo")


def _dump(cat: Catalogue) -> dict[str, list[tuple]]:
    with reading(cat.engine) as conn:
        return {
            t.name: [tuple(row) for row in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in copied_tables()
        }


def _export(cat: Catalogue) -> bytes:
    out = io.BytesIO()
    cat.export(out)
    return out.getvalue()


def test_copy_to_postgresql_and_back_loses_nothing(tmp_path, pg_url, capsys):
    source_path = tmp_path / "werkstation.sqlite"
    with Catalogue.open(source_path) as source:
        _fill(source, tmp_path)
        original = _dump(source)
        exported = _export(source)
        hits = [h.id for h in source.search("tournier")]
    assert original["record_version"] and original["quarantine"] and original["suggestion_decision"]
    assert original["label_adjustment"] and original["change_suggestion"]

    assert main(["db", "copy", "--from", str(source_path), "--to", pg_url, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rows"]["record"] == len(original["record"])
    with Catalogue.open(pg_url) as server:
        assert _dump(server) == original  # every column of every row, bytes as bytes
        assert _export(server) == exported
        assert [h.id for h in server.search("tournier")] == hits and hits  # search rebuilt there
        # New rows continue after the copied ids.
        server.proposals.propose(1, server.records.get(1).record, base_version=3, who="x")
        back_path = tmp_path / "terug.sqlite"
        with Catalogue.open(back_path) as back:
            copy_catalogue(server, back)
            copied_back = _dump(back)
            assert _export(back) == exported
            assert [h.id for h in back.search("tournier")] == hits
    assert {k: v for k, v in copied_back.items() if k != "change_suggestion"} == \
        {k: v for k, v in original.items() if k != "change_suggestion"}
    assert copied_back["change_suggestion"][:-1] == original["change_suggestion"]
    for row in copied_back["record"]:  # raw bytes are bytes, not text, after two copies
        assert isinstance(row[5], bytes)


def test_copy_refuses_a_target_that_holds_records(tmp_path, book, write_marc, capsys):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for path in (a, b):
        with Catalogue.open(path) as cat:
            cat.import_files(write_marc(tmp_path / "x.mrc", [book("c:lvd:1", "Titel")]))
    assert main(["db", "copy", "--from", str(a), "--to", str(b)]) == 1
    assert "already holds records" in capsys.readouterr().err
