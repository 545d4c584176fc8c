"""catalog suggest / catalog decide, the suggestion service and the shipped default bundle."""

from __future__ import annotations

import json
import shutil

import pytest

from catalog_desktop.cli.main import main
from catalog_desktop.resources import default_bundle


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(sample_template, tmp_path) -> str:
    path = tmp_path / "sample.sqlite"
    shutil.copyfile(sample_template, path)
    return str(path)


@pytest.fixture(scope="module")
def retrained(tmp_path_factory):
    """The default bundle built again from the sample catalogue, twice, with the default seed."""
    from catalog_desktop.suggest.sample_bundle import build_sample_bundle

    root = tmp_path_factory.mktemp("retrained")
    build_sample_bundle(root / "a")
    build_sample_bundle(root / "b")
    return root / "a", root / "b"


def _suggest(capsys, db, *refs) -> dict:
    code, out, err = run(capsys, "suggest", *refs, "--db", db, "--json")
    assert code == 0, err
    return json.loads(out)


def test_the_shipped_bundle_loads_and_matches_the_bundled_vocabularies():
    from catalog_desktop.suggest import Suggester
    from catalog_desktop.vocab import load_vocabularies

    vocabs = load_vocabularies()
    suggester = Suggester.load(default_bundle(), expected_vocab_hash=vocabs.hash)
    assert set(suggester.schemes) == {"zizo", "siso", "genre"}
    assert suggester.manifest["vocab_hash"] == vocabs.hash


def test_retraining_with_the_same_seed_gives_the_same_model_files(retrained):
    a, b = retrained
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files and files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for name in files:
        if name.name != "manifest.json":
            assert (a / name).read_bytes() == (b / name).read_bytes(), name
    shipped = json.loads((default_bundle() / "manifest.json").read_text(encoding="utf-8"))
    again = json.loads((a / "manifest.json").read_text(encoding="utf-8"))
    # The shipped bundle was trained on exactly this data (model bytes may differ across library versions).
    assert again["training_data_hash"] == shipped["training_data_hash"]
    assert sorted(p.relative_to(default_bundle()) for p in default_bundle().rglob("*") if p.is_file()) == files


def test_suggest_gives_reasons_that_point_to_real_catalogued_records(capsys, db):
    from catalog_desktop.catalogue import Catalogue

    data = _suggest(capsys, db, "DEMO00001", "DEMO00070", "DEMO00079")
    assert [r["id"] for r in data["records"]] and data["bundle"]
    seen = 0
    with Catalogue.open(db) as cat:
        for record in data["records"]:
            for scheme, part in record["schemes"].items():
                for s in part["suggestions"]:
                    assert 0.0 <= s["confidence"] <= 1.0
                    for near in s["nearest"]:
                        assert near["id"] is not None, near  # trained on this very catalogue's records
                        codes = {c.code for c in cat.records.entities(near["id"]).codes if c.scheme == scheme}
                        assert s["code"] in codes or s["backoff"], (near, s["code"])
                        assert cat.records.get(near["id"]).title == near["title"]
                        seen += 1
    assert seen > 0


def test_constraints_hold_for_every_record(capsys, db):
    """No genre for non-fiction, no ZIZO/SISO for fiction, the age group's ZIZO subsystem."""
    from catalog_desktop.catalogue import Catalogue
    from catalog_desktop.vocab import load_vocabularies, zizo_subsystem_for_age

    code, out, err = run(capsys, "suggest", "--all", "--no-reasons", "--db", db, "--json")
    assert code == 0, err
    records = json.loads(out)["records"]
    assert len(records) == 181
    zizo = load_vocabularies().zizo
    checked = 0
    with Catalogue.open(db) as cat:
        for record in records:
            stored = cat.records.get(record["id"])
            schemes = record["schemes"]
            if stored.literary_type == "non-fiction":
                assert schemes["genre"]["applies"] is False and schemes["genre"]["suggestions"] == []
            if stored.literary_type == "fiction":
                assert schemes["zizo"]["suggestions"] == [] and schemes["siso"]["suggestions"] == []
            wanted = zizo_subsystem_for_age(stored.audience) if stored.audience else None
            for s in schemes["zizo"]["suggestions"]:
                concept = zizo.get(s["code"])
                if wanted and concept is not None and concept.subsystem:
                    assert concept.subsystem == wanted, (record["id"], s["code"])
                    checked += 1
    assert any(r["schemes"]["zizo"]["suggestions"] for r in records)
    assert any(r["schemes"]["genre"]["suggestions"] for r in records)


def test_a_rejected_code_is_not_suggested_again_for_that_record(capsys, db):
    data = _suggest(capsys, db, "DEMO00001")
    (record,) = data["records"]
    scheme, part = next((k, v) for k, v in record["schemes"].items() if v["suggestions"])
    top = part["suggestions"][0]["code"]
    code, _, err = run(capsys, "decide", "reject", "DEMO00001", scheme, top, "--db", db, "--bundle", data["bundle"])
    assert code == 0, err
    again = _suggest(capsys, db, "DEMO00001")["records"][0]["schemes"][scheme]["suggestions"]
    assert top not in [s["code"] for s in again]
    other = _suggest(capsys, db, "DEMO00002")["records"][0]["schemes"][scheme]  # other records are not affected
    assert other is not None


def test_decide_accept_list_and_undo_from_the_command_line(capsys, db):
    from catalog_desktop.catalogue import Catalogue

    with Catalogue.open(db) as cat:
        rid = cat.records.by_control_number("DEMO00070").id
        before = cat.records.get(rid).current_marc()
    code, out, err = run(capsys, "decide", "accept", "DEMO00070", "siso", "367.1", "--db", db, "--json")
    assert code == 0, err
    decision = json.loads(out)["decisions"][0]
    code, out, _ = run(capsys, "decide", "list", "DEMO00070", "--db", db, "--json")
    assert [(d["scheme"], d["code"], d["decision"]) for d in json.loads(out)] == [("siso", "367.1", "accepted")]
    assert run(capsys, "decide", "undo", decision, "--db", db)[0] == 0
    with Catalogue.open(db) as cat:
        assert cat.records.get(rid).current_marc() == before
    code, _, err = run(capsys, "decide", "undo", decision, "--db", db)
    assert code == 1 and "already undone" in err


def test_a_bundle_that_fails_its_checks_stops_suggest_with_the_reason(capsys, db, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(default_bundle(), broken)
    victim = next(p for p in sorted(broken.rglob("*")) if p.is_file() and p.name != "manifest.json")
    victim.write_bytes(victim.read_bytes() + b"tampered")
    code, out, err = run(capsys, "suggest", "DEMO00001", "--bundle", broken, "--db", db)
    assert code == 2 and out == ""
    assert "broken" in err and victim.name in err
    code, _, err = run(capsys, "suggest", "DEMO00001", "--bundle", tmp_path / "nowhere", "--db", db)
    assert code == 2 and "nowhere" in err


def test_plain_output_names_rules_and_reasons(capsys, db):
    code, out, _ = run(capsys, "suggest", "DEMO00070", "--db", db)
    assert code == 0
    assert "#170 Ons kookboek" in out and "GENRE: non-fictie krijgt geen genre" in out and "like: #16" in out
    code, out, _ = run(capsys, "suggest", "DEMO00070", "--db", db, "--lang", "en")
    assert "GENRE: non-fiction gets no genre" in out


def test_suggest_needs_records_or_all(capsys, db):
    assert run(capsys, "suggest", "--db", db)[0] == 1
    assert run(capsys, "suggest", "DEMO00001", "--all", "--db", db)[0] == 1


def test_stored_batch_suggestions_make_a_waiting_list(capsys, db):
    from catalog_desktop.catalogue import Catalogue, RecordFilter

    assert run(capsys, "suggest", "--all", "--store", "--no-reasons", "--db", db)[0] == 0
    with Catalogue.open(db) as cat:
        waiting = cat.records.count(RecordFilter(suggestions_waiting=True))
        assert 0 < waiting <= 181
        stats = cat.stats()
        assert stats["records_with_suggestions"] == waiting
        assert stats["codes"]["zizo"] == 6  # stored suggestions are not counted as codes
