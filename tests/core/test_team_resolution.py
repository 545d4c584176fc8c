"""What the editor needs of the core to work beside colleagues: settling a save conflict line by
line (the state behind the conflict dialog), noticing a colleague's save, naming who else has a
record open. SQLite with two Catalogue objects on one file acting as two workstations."""

from __future__ import annotations

import pytest

from catalog_desktop.catalogue import Catalogue, VersionConflict
from catalog_desktop.catalogue.drafts import Draft
from catalog_desktop.catalogue.resolution import Resolution
from catalog_desktop.marc.record import Field


@pytest.fixture
def clash(catalogue, book, write_marc, tmp_path):
    """Here: a draft retitled with a 520 added; there (colleague An): retitled and a 500 added.
    Yields (catalogue, colleague's catalogue, draft, the conflict its save ran into)."""
    catalogue.import_files(write_marc(tmp_path / "in.mrc", [book("c:lvd:7", "Kaas", author="Elsschot, Willem")]))
    rid = catalogue.records.by_control_number("c:lvd:7").id
    draft = Draft.of(catalogue, rid)
    with Catalogue.open(catalogue.location) as colleague:
        theirs = colleague.records.get(rid).record.copy()
        theirs.first("245").subfields[0] = ("a", "Kaas (hun titel)")
        theirs.add(Field("500", subfields=[("a", "Hun noot")]))
        colleague.edits.edit(rid, theirs, who="an", expected_version=1)
        draft.set_entity("title", "Kaas (mijn titel)")
        draft.record.add(Field("520", subfields=[("a", "Mijn samenvatting")]))
        with pytest.raises(VersionConflict) as caught:
            draft.save(who="bert")
        yield catalogue, colleague, draft, draft.conflict(caught.value)


def _index(resolution: Resolution, tag: str) -> int:
    return next(i for i, line in enumerate(resolution.lines) if line.tag == tag)


def test_a_merge_needs_a_choice_only_where_both_changed_the_same_field(clash):
    catalogue, _colleague, draft, conflict = clash
    assert (conflict.base_version, conflict.theirs_version, conflict.theirs_by) == (1, 2, "an")
    resolution = Resolution(conflict)
    assert [line.tag for line in resolution.undecided()] == ["245"]
    assert [resolution.lines[i].tag for i in resolution.changed_lines()] == ["245", "500", "520"]
    assert resolution.side(_index(resolution, "500")) == "theirs"
    assert resolution.side(_index(resolution, "520")) == "mine"
    with pytest.raises(ValueError, match="245#1"):
        resolution.record()
    resolution.choose(_index(resolution, "245"), "mine")
    change = draft.save_merge(resolution, who="bert")
    stored = catalogue.records.get(draft.record_id)
    assert stored.version == 3 and stored.updated_by == "bert"
    assert stored.title.startswith("Kaas (mijn titel)")
    assert stored.record.first("500").first("a") == "Hun noot"  # their note kept
    assert stored.record.first("520").first("a") == "Mijn samenvatting"  # my summary kept
    assert [v.version for v in catalogue.history.versions(draft.record_id)] == [1, 2]  # theirs in history
    assert change.reason.startswith("Versies samengevoegd") and not draft.dirty and draft.version == 3
    catalogue.edits.undo()  # one undo puts their version back
    assert catalogue.records.get(draft.record_id).record.first("520") is None


def test_keep_mine_whole_stores_exactly_my_version(clash):
    catalogue, _colleague, draft, conflict = clash
    mine = conflict.mine
    resolution = Resolution(conflict)
    resolution.choose_all("mine")
    assert resolution.whole_side() == "mine" and resolution.undecided() == []
    draft.save_merge(resolution)
    stored = catalogue.records.get(draft.record_id)
    assert stored.version == 3 and stored.record.same_content(mine)
    assert stored.record.first("500") is None  # their note is not in mine, but kept in history:
    assert "Hun noot".encode() in catalogue.history.version(draft.record_id, 2).marc


def test_take_theirs_whole_saves_nothing_and_the_draft_becomes_theirs(clash):
    catalogue, _colleague, draft, conflict = clash
    resolution = Resolution(conflict)
    resolution.choose_all("theirs")
    assert draft.save_merge(resolution) is None
    stored = catalogue.records.get(draft.record_id)
    assert stored.version == 2 and stored.title.startswith("Kaas (hun titel)")
    assert draft.version == 2 and draft.record.same_content(stored.record) and not draft.dirty


def test_a_third_save_meanwhile_is_a_new_conflict_never_a_lost_update(clash):
    catalogue, colleague, draft, conflict = clash
    third = colleague.records.get(draft.record_id).record.copy()
    third.add(Field("590", subfields=[("a", "Derde")]))
    colleague.edits.edit(draft.record_id, third, who="chris", expected_version=2)
    resolution = Resolution(conflict)
    resolution.choose(_index(resolution, "245"), "theirs")
    with pytest.raises(VersionConflict) as caught:
        draft.save_merge(resolution)
    stored = catalogue.records.get(draft.record_id)
    assert stored.version == 3 and stored.record.first("590") is not None  # chris's save stands
    again = draft.conflict(caught.value)
    assert (again.base_version, again.theirs_version, again.theirs_by) == (2, 3, "chris")
    assert [line.tag for line in again.diff() if line.status == "theirs"] == ["590"]


def test_a_choice_names_a_side(clash):
    resolution = Resolution(clash[3])
    with pytest.raises(ValueError, match="nobody"):
        resolution.choose(0, "nobody")


def test_a_draft_learns_cheaply_that_someone_saved_its_record(catalogue, book, write_marc, tmp_path):
    catalogue.import_files(write_marc(tmp_path / "in.mrc", [book("c:lvd:8", "Eén")]))
    rid = catalogue.records.by_control_number("c:lvd:8").id
    draft = Draft.of(catalogue, rid)
    assert catalogue.records.version(rid) == (1, None) and draft.saved_elsewhere() is None
    with Catalogue.open(catalogue.location) as colleague:
        theirs = colleague.records.get(rid).record.copy()
        theirs.add(Field("500", subfields=[("a", "Hun noot")]))
        colleague.edits.edit(rid, theirs, who="an", expected_version=1)
    assert draft.saved_elsewhere() == (2, "an")
    assert catalogue.records.version(rid + 1000) is None


def test_presence_names_the_person_and_library_a_login_belongs_to(catalogue, book, write_marc, tmp_path):
    from sqlalchemy import insert

    from catalog_desktop.catalogue.models import TeamMember

    catalogue.import_files(write_marc(tmp_path / "in.mrc", [book("c:lvd:9", "Twee")]))
    rid = catalogue.records.by_control_number("c:lvd:9").id
    with catalogue.engine.begin() as conn:  # what `catalog db grant` writes on a server
        conn.execute(insert(TeamMember.__table__).values(login="bib-gent", person="Lies De Smet", library="Gent",
                                                         kind="partner"))
    with Catalogue.open(catalogue.location) as gent, Catalogue.open(catalogue.location) as anonymous:
        gent.presence.who, gent.presence.workstation = "bib-gent", "balie-1"
        anonymous.presence.who, anonymous.presence.workstation = "jan", "thuis"
        gent.presence.enter(rid)
        anonymous.presence.enter(rid)
        people = [(v.name, v.library, v.workstation) for v in catalogue.presence.others(rid)]
    assert people == [("Lies De Smet", "Gent", "balie-1"), ("jan", None, "thuis")]
