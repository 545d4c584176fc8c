"""catalogue.work_codes: one code for every edition of a work, previewed, saved as one step."""

from __future__ import annotations

import pytest

from catalog_desktop.catalogue.errors import VersionConflict
from catalog_desktop.catalogue.views import RecordFilter


def _work(cat):
    ids = sorted(h.id for h in cat.search("title:verdriet"))
    work_id = cat.records.get(ids[0]).work_id
    assert {cat.records.get(i).work_id for i in ids} == {work_id}
    return work_id, ids


def test_preview_lists_every_edition_and_the_fields_it_gains(sample_catalogue):
    cat = sample_catalogue
    work_id, ids = _work(cat)
    plan = cat.work_codes.preview(work_id, "zizo", "MEGEV")
    assert sorted(e.record_id for e in plan.editions) == ids
    assert all(e.changes for e in plan.editions)
    assert all(e.added == (r"=693  \\$9MEGEV$aMens$xGevoelens - Gedrag",) or e.added[0].startswith("=693")
               for e in plan.editions)
    assert all(e.removed == () for e in plan.editions)
    assert "ZIZO MEGEV bij alle edities" in plan.name
    # the preview saves nothing
    assert all(cat.records.get(i).zizo in (None, "") or "MEGEV" not in cat.records.get(i).zizo for i in ids)


def test_apply_gives_every_edition_the_code_and_one_undo_takes_it_back(sample_catalogue):
    cat = sample_catalogue
    work_id, ids = _work(cat)
    before = {i: cat.records.get(i).current_marc() for i in ids}
    change = cat.work_codes.apply(cat.work_codes.preview(work_id, "zizo", "MEGEV"), who="an")
    assert sorted(change.records) == ids and change.works == (work_id,)
    assert cat.records.count(RecordFilter(work_id=work_id, code=("zizo", "MEGEV"))) == len(ids)
    step = cat.edits.next_undo()
    assert step.kind == "work" and len(step.records) == len(ids)

    cat.edits.undo()
    assert {i: cat.records.get(i).current_marc() for i in ids} == before


def test_change_and_remove_a_code_on_the_work(sample_catalogue):
    cat = sample_catalogue
    work_id, ids = _work(cat)
    cat.work_codes.apply(cat.work_codes.preview(work_id, "zizo", "MEGEV"))
    plan = cat.work_codes.preview(work_id, "zizo", "MEREL", old="MEGEV")
    assert all(any("MEGEV" in line for line in e.removed) and any("MEREL" in line for line in e.added)
               for e in plan.editions)
    cat.work_codes.apply(plan)
    assert cat.records.count(RecordFilter(work_id=work_id, code=("zizo", "MEREL"))) == len(ids)
    assert cat.records.count(RecordFilter(work_id=work_id, code=("zizo", "MEGEV"))) == 0
    removal = cat.work_codes.preview(work_id, "zizo", None, old="MEREL")
    assert "weg bij alle edities" in removal.name
    cat.work_codes.apply(removal)
    assert cat.records.count(RecordFilter(work_id=work_id, code=("zizo", "MEREL"))) == 0


def test_an_edition_that_already_has_the_code_is_left_alone(sample_catalogue):
    cat = sample_catalogue
    work_id, ids = _work(cat)
    first = cat.work_codes.preview(work_id, "zizo", "MEGEV").editions[0]
    cat.edits.edit(first.record_id, first.new_record, name="een editie")
    plan = cat.work_codes.preview(work_id, "zizo", "MEGEV")
    assert [e.record_id for e in plan.editions if not e.changes] == [first.record_id]
    assert len(plan.changing) == len(ids) - 1


def test_apply_refuses_a_stale_preview_and_saves_nothing(sample_catalogue):
    from catalog_desktop.marc.record import Field

    cat = sample_catalogue
    work_id, ids = _work(cat)
    plan = cat.work_codes.preview(work_id, "zizo", "MEGEV")
    last = plan.editions[-1].record_id
    rec = cat.records.get(last).record.copy()
    rec.fields.append(Field("500", subfields=[("a", "collega")]))
    cat.records.update(last, rec, who="bo")
    with pytest.raises(VersionConflict):
        cat.work_codes.apply(plan)
    assert cat.records.count(RecordFilter(work_id=work_id, code=("zizo", "MEGEV"))) == 0


def test_a_retired_code_is_not_given_to_a_work(sample_catalogue):
    from catalog_desktop.catalogue.decisions import DecisionError

    cat = sample_catalogue
    work_id, _ids = _work(cat)
    with pytest.raises(DecisionError, match="vervallen"):
        cat.work_codes.preview(work_id, "siso", "528.3")
