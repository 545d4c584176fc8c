"""Generated 999s go into records through the edit path; per-copy adjustments stay out of them."""

from __future__ import annotations

import pytest
from label_helpers import label_records

from catalog_desktop.catalogue.errors import RecordNotFound
from catalog_desktop.labels.adjust import AdjustmentError, clear_adjustment, set_adjustment
from catalog_desktop.labels.collect import collect_labels, select_record_ids
from catalog_desktop.labels.store import REASON, add_missing_label_fields


@pytest.fixture
def filled(catalogue, write_marc, tmp_path):
    catalogue.import_files(write_marc(tmp_path / "labels.mrc", label_records()))
    return catalogue


def ids(catalogue, *numbers):
    return [catalogue.records.by_control_number(n).id for n in numbers]


def test_missing_999s_are_added_through_the_record_history(filled):
    l1, l2, l3, l5 = ids(filled, "L1", "L2", "L3", "L5")
    before = {i: filled.records.get(i) for i in (l1, l2, l3, l5)}
    result = add_missing_label_fields(filled, [l1, l2, l3, l5], who="tester")
    assert result.added == {
        l2: [(("a", "Gevoelens - Gedrag"), ("b", "MANUEEL INVULLEN"), ("c", "ME"), ("f", "VERM"),
              ("z", "JN ZIZO 2*9"))],
        l3: [(("c", "367.1"), ("f", "PEET"), ("z", "VN SISO 2*4"))],
    }
    # L1 has both of its 999s already; L5 has no code: both untouched, byte for byte
    for i in (l1, l5):
        after = filled.records.get(i)
        assert after.current_marc() == before[i].current_marc() and after.version == before[i].version
    after = filled.records.get(l3)
    assert after.version == before[l3].version + 1
    assert [str(f) for f in after.record.get_fields("999")] == ["=999  \\\\$c367.1$fPEET$zVN SISO 2*4"]
    # every other field keeps its bytes; the old record is in the history
    assert [f.raw for f in after.record.fields[:-1]] == [f.raw for f in before[l3].record.fields]
    (version,) = filled.history.versions(l3)
    assert (version.version, version.reason, version.who) == (before[l3].version, REASON, "tester")
    assert version.marc == before[l3].current_marc()
    # run again: nothing more to add, the label now reads the stored field
    assert add_missing_label_fields(filled, [l3]).added == {}
    (label,) = collect_labels(filled, [l3]).labels
    assert (label.etiketveld_source, label.etiketveld) == ("record", "$c 367.1 $f PEET $z VN SISO 2*4")


def test_adjustments_are_checked_kept_with_the_copy_and_cleared(filled):
    (l2,) = ids(filled, "L2")
    marc = filled.records.get(l2).current_marc()
    set_adjustment(filled, l2, "BC-0003", "colour", "#123456", who="anna")
    set_adjustment(filled, l2, "BC-0003", "colour", "#654321", who="anna")  # replaces
    with pytest.raises(AdjustmentError, match="no copy 'BC-9999'"):
        set_adjustment(filled, l2, "BC-9999", "colour", "#123456")
    with pytest.raises(AdjustmentError, match="cannot be changed per copy"):
        set_adjustment(filled, l2, "BC-0003", "title", "Iets anders")
    with pytest.raises(AdjustmentError, match="#rrggbb"):
        set_adjustment(filled, l2, "BC-0003", "colour", "rood")
    (adj,) = filled.label_adjustments.list()
    assert (adj.item_key, adj.field, adj.value, adj.who) == ("BC-0003", "colour", "#654321", "anna")
    labels = collect_labels(filled, [l2]).labels
    assert [(lb.item_key, lb.colour, lb.colour_source, lb.adjusted) for lb in labels] == [
        ("BC-0002", "#ef6c00", "local-default", ""), ("BC-0003", "#654321", "adjusted", "colour")]
    assert filled.records.get(l2).current_marc() == marc  # the record did not change
    assert clear_adjustment(filled, l2, "BC-0003") == 1
    assert filled.label_adjustments.list() == []
    with pytest.raises(RecordNotFound):
        filled.label_adjustments.set(99999, "x", "colour", "#000000")


def test_selection_all_today_and_by_number(filled):
    assert len(select_record_ids(filled, ["all"])) == 5
    assert select_record_ids(filled, ["today"]) == select_record_ids(filled, ["all"])  # imported just now
    assert select_record_ids(filled, ["L3", "L1"]) == ids(filled, "L3", "L1")
    with pytest.raises(RecordNotFound, match="NOPE"):
        select_record_ids(filled, ["NOPE"])


def test_a_long_run_reports_progress_and_can_be_cancelled(filled):
    import threading

    all_ids = select_record_ids(filled, ["all"])
    seen = []
    run = collect_labels(filled, all_ids, progress=lambda done, total, msg: seen.append((done, total)))
    assert seen[-1] == (5, 5) and not run.cancelled
    cancel = threading.Event()
    cancel.set()
    run = collect_labels(filled, all_ids, cancel=cancel)
    assert run.cancelled and run.labels == []


def test_a_refused_adjustment_says_what_to_fix_in_dutch_and_english(filled):
    (l2,) = ids(filled, "L2")
    with pytest.raises(AdjustmentError) as refused:
        set_adjustment(filled, l2, "BC-9999", "colour", "#123456")
    assert refused.value.message() == "record %d heeft geen exemplaar 'BC-9999'; zijn exemplaren: BC-0002, BC-0003" % l2
    assert refused.value.message("en") == str(refused.value) and "has no copy" in str(refused.value)
    with pytest.raises(AdjustmentError) as refused:
        set_adjustment(filled, l2, "BC-0003", "colour", "rood")
    assert "is geen kleur van de vorm #rrggbb" in refused.value.message("nl")
    with pytest.raises(AdjustmentError) as refused:
        clear_adjustment(filled, l2, "BC-0003", "title")
    assert "is geen etiketveld" in refused.value.message()
