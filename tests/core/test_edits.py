"""catalogue.edits: named steps, undo and redo in the core; decisions share the one history."""

from __future__ import annotations

import pytest

from catalog_desktop.catalogue.decisions import Proposal
from catalog_desktop.catalogue.edits import DONE, DROPPED, UNDONE, StepConflict
from catalog_desktop.catalogue.errors import VersionConflict
from catalog_desktop.marc.record import Field


def _verdriet(cat) -> list[int]:
    return sorted(h.id for h in cat.search("title:verdriet"))


def _with_note(record, text):
    new = record.copy()
    new.fields.append(Field("500", subfields=[("a", text)]))
    return new


def test_an_edit_is_a_named_step_and_undo_puts_back_the_exact_bytes(sample_catalogue):
    cat = sample_catalogue
    rid = _verdriet(cat)[0]
    before = cat.records.get(rid)
    change = cat.edits.edit(rid, _with_note(before.record, "Noot"), name="Noot toegevoegd", who="an",
                            expected_version=before.version)
    assert change.records == (rid,) and change.reason == "Noot toegevoegd"
    step = cat.edits.next_undo()
    assert (step.name, step.who, step.kind, step.state) == ("Noot toegevoegd", "an", "edit", DONE)
    assert [(r.record_id, r.before_version, r.after_version) for r in step.records] == [
        (rid, before.version, before.version + 1)]
    assert "=500  \\\\$aNoot" in str(cat.records.get(rid).record)

    undone = cat.edits.undo(who="an")
    after_undo = cat.records.get(rid)
    assert undone.records == (rid,) and after_undo.current_marc() == before.current_marc()
    assert after_undo.edited == before.edited
    assert cat.edits.get(step.id).state == UNDONE and cat.edits.next_undo() is None
    assert cat.edits.next_redo().id == step.id

    cat.edits.redo(who="an")
    assert "=500  \\\\$aNoot" in str(cat.records.get(rid).record)
    assert cat.edits.get(step.id).state == DONE
    cat.edits.undo()
    assert cat.records.get(rid).current_marc() == before.current_marc()


def test_undo_order_is_newest_first_and_a_new_edit_drops_the_redo(sample_catalogue):
    cat = sample_catalogue
    a, b = _verdriet(cat)[:2]
    cat.edits.edit(a, _with_note(cat.records.get(a).record, "een"), name="een")
    cat.edits.edit(b, _with_note(cat.records.get(b).record, "twee"), name="twee")
    assert cat.edits.undo().reason == "undo: twee"
    assert cat.edits.next_undo().name == "een"
    first_undone = cat.edits.next_redo()
    cat.edits.edit(a, _with_note(cat.records.get(a).record, "drie"), name="drie")
    assert cat.edits.get(first_undone.id).state == DROPPED and cat.edits.next_redo() is None
    assert [s.name for s in cat.edits.history()] == ["drie", "twee", "een"]
    assert [s.name for s in cat.edits.history(record_id=b)] == ["twee"]


def test_undo_refuses_when_the_record_was_saved_since(sample_catalogue):
    cat = sample_catalogue
    rid = _verdriet(cat)[0]
    cat.edits.edit(rid, _with_note(cat.records.get(rid).record, "een"), name="een")
    step = cat.edits.next_undo()
    cat.records.update(rid, _with_note(cat.records.get(rid).record, "later"), who="bo")  # not through a step
    with pytest.raises(StepConflict, match="sindsdien nog gewijzigd"):
        cat.edits.undo_step(step.id)
    assert "later" in str(cat.records.get(rid).record)


def test_a_step_over_many_records_is_all_or_nothing(sample_catalogue):
    cat = sample_catalogue
    a, b, c = _verdriet(cat)
    originals = {rid: cat.records.get(rid).current_marc() for rid in (a, b, c)}
    stale = cat.records.get(c).version
    cat.records.update(c, _with_note(cat.records.get(c).record, "tussendoor"), who="bo")
    edits = [(rid, _with_note(cat.records.get(rid).record, "x"), cat.records.get(rid).version) for rid in (a, b)]
    with pytest.raises(VersionConflict):
        cat.edits.edit_many(edits + [(c, _with_note(cat.records.get(c).record, "x"), stale)], name="alles")
    assert cat.records.get(a).current_marc() == originals[a] and cat.records.get(b).current_marc() == originals[b]
    assert all(s.name != "alles" for s in cat.edits.history())


def test_a_decision_is_a_step_of_the_same_history(sample_catalogue):
    cat = sample_catalogue
    rid = next(h.id for h in cat.search("title:Houtekiet") if (h.control_number or "").startswith("DEMO"))
    before = cat.records.get(rid).current_marc()
    cat.decisions.accept(rid, Proposal("zizo", "MEGEV", 0.8), who="an", bundle="default@1", rank=1)
    step = cat.edits.next_undo()
    assert (step.kind, step.name, step.bundle, step.who) == ("decision", "ZIZO MEGEV aanvaard", "default@1", "an")
    (decision_id,) = step.decisions

    cat.edits.undo()
    assert cat.decisions.get(decision_id).undone and cat.records.get(rid).current_marc() == before
    assert cat.edits.get(step.id).state == UNDONE

    cat.edits.redo()
    redone = cat.edits.get(step.id)
    assert redone.state == DONE and redone.decisions != (decision_id,)
    (again,) = [d for d in cat.decisions.for_record(rid) if not d.undone]
    assert (again.code, again.bundle, again.rank) == ("MEGEV", "default@1", 1)
    assert cat.records.get(rid).zizo == "MEGEV"


def test_a_rejection_is_a_step_and_undoing_a_decision_elsewhere_marks_its_step(sample_catalogue):
    cat = sample_catalogue
    rid = _verdriet(cat)[0]
    cat.decisions.reject(rid, Proposal("siso", "999"), who="an")
    step = cat.edits.next_undo()
    assert step.name == "SISO 999 afgewezen" and step.records[0].before_version is None
    cat.decisions.undo(step.decisions[0])  # as `catalog decide undo` does
    assert cat.edits.get(step.id).state == UNDONE


def test_a_step_says_which_records_undoing_it_would_change(sample_catalogue):
    cat = sample_catalogue
    first, second = _verdriet(cat)[:2]
    before = cat.records.get(first)
    cat.edits.edit(first, _with_note(before.record, "Noot"), expected_version=before.version)
    step = cat.edits.next_undo()
    assert step.touches(first) and not step.touches(second) and not step.touches(None)  # None: a new record
    cat.edits.undo()
    assert cat.edits.next_redo().touches(first)
