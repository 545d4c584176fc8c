"""catalogue.decisions: accepting writes the code through the field profile, undo restores bytes."""

from __future__ import annotations

import pytest

from catalog_desktop.catalogue.decisions import ACCEPTED, REJECTED, DecisionError, Proposal
from catalog_desktop.catalogue.errors import VersionConflict


def _record_id(cat, control_number: str) -> int:
    return cat.records.by_control_number(control_number).id


def _fields(cat, rid: int, tag: str) -> list[str]:
    return [str(f) for f in cat.records.get(rid).record.get_fields(tag)]


def _sources(cat, rid: int, scheme: str) -> dict[str, str]:
    return {c.code: c.source for c in cat.records.entities(rid).codes if c.scheme == scheme}


def _demo_without_codes(cat, title_word: str) -> int:
    """A demo record (MARCXML) by a word of its title."""
    hits = [h for h in cat.search(f"title:{title_word}") if (h.control_number or "").startswith("DEMO")]
    assert hits, f"no demo record with {title_word!r} in its title"
    return hits[0].id


def test_accept_zizo_writes_693_with_code_and_rubric_path(sample_catalogue):
    cat = sample_catalogue
    rid = _demo_without_codes(cat, "Houtekiet")
    assert _fields(cat, rid, "693") == []
    change = cat.decisions.accept(rid, Proposal("zizo", "MEGEV", 0.8), who="an", bundle="default@1", rank=1,
                                  path=("Mens", "Gevoelens - Gedrag"))
    assert _fields(cat, rid, "693") == [r"=693  \\$9MEGEV$aMens$xGevoelens - Gedrag"]
    assert change.records == (rid,) and len(change.decisions) == 1 and change.versions == (2,)
    assert _sources(cat, rid, "zizo") == {"MEGEV": ACCEPTED}
    stored = cat.records.get(rid)
    assert stored.zizo == "MEGEV" and stored.version == 2 and stored.edited
    (decision,) = cat.decisions.for_record(rid)
    assert (decision.scheme, decision.code, decision.decision, decision.who, decision.bundle, decision.rank) == (
        "zizo", "MEGEV", ACCEPTED, "an", "default@1", 1)
    assert decision.confidence == pytest.approx(0.8)
    assert cat.history.versions(rid)[-1].reason == f"accept #{decision.id}"


def test_accept_siso_writes_084_a_in_tag_order(sample_catalogue):
    cat = sample_catalogue
    rid = _demo_without_codes(cat, "Houtekiet")
    cat.decisions.accept(rid, Proposal("siso", "367.1"), who="an")
    assert _fields(cat, rid, "084") == [r"=084  \\$a367.1"]
    tags = [f.tag for f in cat.records.get(rid).record.fields]
    assert tags == sorted(tags)
    assert _sources(cat, rid, "siso") == {"367.1": ACCEPTED}


def test_accept_genre_writes_650_with_the_records_audience_marker(sample_catalogue):
    cat = sample_catalogue
    adult = _demo_without_codes(cat, "Houtekiet")
    cat.decisions.accept(adult, Proposal("genre", "Streek- en familieromans"), who="an")
    assert r"=650  \\$aStreek- en familieromans$9vge" in _fields(cat, adult, "650")
    youth = next(h.id for h in cat.search("Pinokkio") if (h.control_number or "").startswith("DEMO"))
    cat.decisions.accept(youth, Proposal("genre", "Humor"), who="an")
    assert r"=650  \\$aHumor$9jge" in _fields(cat, youth, "650")
    assert _sources(cat, youth, "genre")["Humor"] == ACCEPTED


def test_undo_of_an_acceptance_restores_the_exact_bytes(sample_catalogue):
    cat = sample_catalogue
    for rid in (_demo_without_codes(cat, "Houtekiet"), cat.records.page(limit=1)[0].id):  # MARCXML and ISO 2709
        before = cat.records.get(rid)
        change = cat.decisions.accept(rid, Proposal("siso", "788.41"), who="an")
        assert cat.records.get(rid).current_marc() != before.current_marc()
        undone = cat.decisions.undo(change.decisions[0], who="an")
        after = cat.records.get(rid)
        assert after.current_marc() == before.current_marc()
        assert after.marc == before.marc and after.edited == before.edited
        assert after.version == before.version + 2 and undone.decisions == change.decisions
        assert cat.decisions.for_record(rid)[0].undone
        assert "788.41" not in _sources(cat, rid, "siso")
        with pytest.raises(DecisionError, match="already undone"):
            cat.decisions.undo(change.decisions[0])


def test_undo_after_a_later_edit_takes_out_only_the_accepted_code(sample_catalogue):
    from catalog_desktop.marc.record import Field

    cat = sample_catalogue
    rid = _demo_without_codes(cat, "Houtekiet")
    change = cat.decisions.accept(rid, Proposal("siso", "367.1"), who="an")
    edited = cat.records.get(rid).record.copy()
    edited.fields.append(Field("500", indicators="  ", subfields=[("a", "Later note")]))
    cat.records.update(rid, edited, who="bo")
    cat.decisions.undo(change.decisions[0], who="an")
    record = cat.records.get(rid).record
    assert record.get_fields("084") == [] and [f.first("a") for f in record.get_fields("500")][-1] == "Later note"


def test_accepting_a_code_the_record_already_carries_keeps_its_bytes(sample_catalogue):
    cat = sample_catalogue
    rid = cat.search("zizo:MMSOAZ")[0].id
    before = cat.records.get(rid)
    change = cat.decisions.accept(rid, Proposal("zizo", "MMSOAZ"), who="an")
    after = cat.records.get(rid)
    assert after.current_marc() == before.current_marc() and after.version == before.version
    assert change.versions == () and _sources(cat, rid, "zizo") == {"MMSOAZ": ACCEPTED}
    cat.decisions.undo(change.decisions[0])
    assert _sources(cat, rid, "zizo") == {"MMSOAZ": "cataloged"}


def test_reject_keeps_the_decision_and_not_the_marc(sample_catalogue):
    cat = sample_catalogue
    rid = _demo_without_codes(cat, "Houtekiet")
    before = cat.records.get(rid)
    change = cat.decisions.reject(rid, Proposal("zizo", "MEGEV", 0.4), who="an", bundle="default@1", rank=2)
    assert cat.records.get(rid).current_marc() == before.current_marc()
    assert cat.decisions.rejected_codes([rid]) == {rid: {"zizo": {"MEGEV"}}}
    assert [d.decision for d in cat.decisions.for_record(rid)] == [REJECTED]
    cat.decisions.undo(change.decisions[0])
    assert cat.decisions.rejected_codes([rid]) == {}
    assert cat.decisions.for_record(rid, include_undone=False) == []


def test_accept_refuses_a_stale_version(sample_catalogue):
    cat = sample_catalogue
    rid = _demo_without_codes(cat, "Houtekiet")
    with pytest.raises(VersionConflict):
        cat.decisions.accept(rid, Proposal("siso", "367.1"), expected_version=7)
    assert cat.decisions.for_record(rid) == []


def test_a_later_edit_keeps_the_accepted_source(sample_catalogue):
    from catalog_desktop.marc.record import Field

    cat = sample_catalogue
    rid = _demo_without_codes(cat, "Houtekiet")
    cat.decisions.accept(rid, Proposal("siso", "367.1"), who="an")
    edited = cat.records.get(rid).record.copy()
    edited.fields.append(Field("500", indicators="  ", subfields=[("a", "Note")]))
    cat.records.update(rid, edited, who="bo")
    assert _sources(cat, rid, "siso") == {"367.1": ACCEPTED}


def test_training_reads_decisions_acceptances_as_positives_rejections_as_negatives(sample_catalogue, tmp_path):
    from catalog_desktop.suggest import Suggester, train_bundle
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue

    cat = sample_catalogue
    novel = _demo_without_codes(cat, "Houtekiet")
    cookbook = cat.records.by_control_number("DEMO00070")
    cat.decisions.accept(cookbook.id, Proposal("siso", "367.1"), who="an")
    cat.decisions.reject(novel, Proposal("genre", "Thrillers"), who="an")
    cat.decisions.reject(cookbook.id, Proposal("zizo", "MMSOAZ"), who="an")  # a record with only a negative
    train, test = training_sets_from_catalogue(cat, cat.vocabularies())
    assert test == []
    sets = {ts.scheme: ts for ts in train}
    by_id = {s: {d.id: i for i, d in enumerate(ts.docs)} for s, ts in sets.items()}
    i = by_id["siso"]["DEMO00070"]
    assert sets["siso"].labels[i] == ["367.1"] and sets["siso"].negatives[i] == []
    i = by_id["genre"]["DEMO00080"]
    assert sets["genre"].labels[i] == ["Romans"] and sets["genre"].negatives[i] == ["Thrillers"]
    i = by_id["zizo"]["DEMO00070"]
    assert sets["zizo"].labels[i] == [] and sets["zizo"].negatives[i] == ["MMSOAZ"]
    assert sets["zizo"].multi_label is False and sets["genre"].multi_label is True
    assert sets["siso"].parents("788.41")[0] == "788.4"
    # the engine trains on it (a negative-only record included) and the result loads
    train_bundle(train, tmp_path / "bundle", seed=1, vocab_hash=cat.vocabularies().hash)
    assert set(Suggester.load(tmp_path / "bundle").schemes) == {"zizo", "siso", "genre"}


def test_holdout_sets_the_same_records_apart_for_every_scheme_reproducibly(sample_catalogue):
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue

    cat = sample_catalogue
    train, test = training_sets_from_catalogue(cat, cat.vocabularies(), holdout=0.3, seed=5)
    again_train, again_test = training_sets_from_catalogue(cat, cat.vocabularies(), holdout=0.3, seed=5)
    assert [[d.id for d in ts.docs] for ts in test] == [[d.id for d in ts.docs] for ts in again_test]
    held = {d.id for ts in test for d in ts.docs}
    assert held and not held & {d.id for ts in train for d in ts.docs}
    with pytest.raises(ValueError, match="holdout"):
        training_sets_from_catalogue(cat, cat.vocabularies(), holdout=1.0)


def test_a_rubric_or_a_retired_code_cannot_be_accepted(sample_catalogue):
    cat = sample_catalogue
    rid = _demo_without_codes(cat, "Houtekiet")
    before = cat.records.get(rid).current_marc()
    with pytest.raises(DecisionError, match="rubriek"):
        cat.decisions.accept(rid, Proposal("zizo", "ZIZO Jeugd > Mens"))  # what a back-off may point to
    with pytest.raises(DecisionError, match="vervallen"):
        cat.decisions.accept(rid, Proposal("siso", "528.3"))
    assert cat.records.get(rid).current_marc() == before and cat.decisions.for_record(rid) == []
    cat.decisions.accept(rid, Proposal("siso", "914.1"))  # not in the partial list: the cataloger may know better
    assert [f.first("a") for f in cat.records.get(rid).record.get_fields("084")] == ["914.1"]


def test_the_catalogue_loads_its_official_list_files_over_the_bundled_lists(tmp_path):
    from pathlib import Path

    from catalog_desktop.catalogue import Catalogue

    official = Path(__file__).parent / "vocab_data" / "siso_official.tsv"
    with Catalogue.open(tmp_path / "c.sqlite") as cat:
        assert cat.vocabularies().siso.label("788.41") is None  # the public lists give no caption
        cat.settings.set("vocabulary_files", [["siso", str(official)]])
    with Catalogue.open(tmp_path / "c.sqlite") as cat:
        assert cat.vocabularies().siso.label("788.41") == "Testopschrift jazz-songbooks"
