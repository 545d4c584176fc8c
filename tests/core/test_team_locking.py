"""Optimistic locking on a real PostgreSQL server: one save wins, the other gets the conflict
with both versions, compare and merge; two processes never lose an update; presence."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from catalog_desktop.catalogue import Catalogue, VersionConflict
from catalog_desktop.catalogue.conflicts import compare, merge
from catalog_desktop.marc.record import Field

WRITER = Path(__file__).with_name("team_writer.py")


@pytest.fixture
def team(pg_url, book, write_marc, tmp_path):
    """A server catalogue with three records; yields (catalogue, url)."""
    path = write_marc(tmp_path / "in.mrc", [
        book("c:lvd:1", "De Leeuw van Vlaanderen", author="Conscience, Hendrik", zizo="MMSOAZ"),
        book("c:lvd:2", "Het verdriet van België", author="Claus, Hugo"),
        book("c:lvd:3", "Kaas", author="Elsschot, Willem"),
    ])
    with Catalogue.open(pg_url) as cat:
        assert cat.import_files(path).files[0].imported == 3
        yield cat, pg_url


def _retitled(record, title):
    new = record.copy()
    new.first("245").subfields[0] = ("a", title)
    return new


def test_a_stale_save_raises_a_conflict_carrying_both_versions_and_writes_nothing(team):
    cat, url = team
    rid = cat.records.by_control_number("c:lvd:2").id
    with Catalogue.open(url) as other_workstation:
        opened_here = cat.records.get(rid)
        opened_there = other_workstation.records.get(rid)
        other_workstation.records.update(rid, _retitled(opened_there.record, "Het verdriet"), who="an",
                                         expected_version=opened_there.version)
    mine = opened_here.record.copy()
    mine.add(Field("500", subfields=[("a", "Mijn noot")]))
    with pytest.raises(VersionConflict) as caught:
        cat.records.update(rid, mine, who="bert", expected_version=opened_here.version)
    error = caught.value
    assert (error.expected, error.found) == (1, 2)
    assert error.mine is mine and error.theirs.version == 2 and error.theirs.title == "Het verdriet"
    assert error.theirs.updated_by == "an"
    stored = cat.records.get(rid)
    assert stored.version == 2 and stored.record.first("500") is None  # nothing of mine written

    conflict = cat.records.conflict(error)
    lines = {(d.tag, d.occurrence): d.status for d in conflict.diff()}
    assert lines[("245", 0)] == "theirs" and lines[("500", 0)] == "mine" and lines[("001", 0)] == "same"
    merged = conflict.merge()  # no real clash: their title and my note
    assert merged.first("245").first("a") == "Het verdriet" and merged.first("500").first("a") == "Mijn noot"
    cat.records.update(rid, merged, who="bert", expected_version=conflict.theirs_version)
    assert [v.version for v in cat.history.versions(rid)] == [1, 2]
    assert conflict.merge("mine").same_content(mine) and conflict.merge("theirs").same_content(conflict.theirs)


def test_merge_asks_for_a_choice_where_both_changed_the_same_field(book):
    base = book("c:lvd:9", "Basis")
    mine, theirs = _retitled(base, "Mijn titel"), _retitled(base, "Hun titel")
    [line] = [d for d in compare(base, mine, theirs) if d.status == "conflict"]
    assert line.key == ("245", 0)
    with pytest.raises(ValueError, match="245#1"):
        merge(base, mine, theirs)
    assert merge(base, mine, theirs, {("245", 0): "mine"}).first("245").first("a") == "Mijn titel"
    assert merge(base, mine, theirs, {("245", 0): "base"}).first("245").first("a") == "Basis"


def test_two_processes_saving_the_same_opened_version_one_wins_one_conflicts(team, tmp_path):
    cat, url = team
    rid = cat.records.by_control_number("c:lvd:1").id
    ready = tmp_path / "ready"
    ready.mkdir()
    procs = [
        subprocess.Popen([sys.executable, str(WRITER), "once", url, str(rid), label, str(ready), "2"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for label in ("anna", "bert")
    ]
    outputs = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        outputs.append(out.strip())
    assert sorted(outputs) == ["conflict 2", "saved"]
    winner = ("anna", "bert")[outputs.index("saved")]
    stored = cat.records.get(rid)
    assert stored.version == 2 and stored.title == f"Titel van {winner}" and stored.updated_by == winner
    assert [v.version for v in cat.history.versions(rid)] == [1]


def test_concurrent_writers_never_lose_an_update(team):
    cat, url = team
    rid = cat.records.by_control_number("c:lvd:3").id
    count = 15
    procs = [
        subprocess.Popen([sys.executable, str(WRITER), "loop", url, str(rid), label, str(count)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for label in ("anna", "bert", "chris")
    ]
    saved_versions = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        saved_versions += json.loads(out)["versions"]
    stored = cat.records.get(rid)
    notes = sorted(f.first("a") for f in stored.record.get_fields("500"))
    expected = sorted(f"{who}-{i}" for who in ("anna", "bert", "chris") for i in range(count))
    assert notes == expected  # every save is in the record: none overwrote another
    assert stored.version == 1 + 3 * count
    assert sorted(saved_versions) == list(range(2, 2 + 3 * count))  # each version saved exactly once
    assert [v.version for v in cat.history.versions(rid)] == list(range(1, 1 + 3 * count))


def test_presence_shows_who_else_has_a_record_open(team):
    cat, url = team
    rid = cat.records.by_control_number("c:lvd:1").id
    with Catalogue.open(url) as other:
        other.presence.workstation = "balie-2"
        assert other.presence.enter(rid) == []
        [viewer] = cat.presence.enter(rid)
        assert (viewer.who, viewer.workstation) == (other.user, "balie-2")
        assert [v.workstation for v in other.presence.others(rid)] == [cat.presence.workstation]
        other.presence.beat(rid)
        assert cat.presence.others(rid, stale_after=timedelta(seconds=-1)) == []  # stale ones drop out
        other.presence.leave(rid)
        assert cat.presence.others(rid) == []


def test_locking_and_merge_work_the_same_on_sqlite(catalogue, book, write_marc, tmp_path):
    catalogue.import_files(write_marc(tmp_path / "a.mrc", [book("c:lvd:5", "Eén")]))
    rid = catalogue.records.by_control_number("c:lvd:5").id
    opened = catalogue.records.get(rid)
    catalogue.records.update(rid, _retitled(opened.record, "Twee"), who="an", expected_version=1)
    with pytest.raises(VersionConflict) as caught:
        catalogue.records.update(rid, _retitled(opened.record, "Drie"), who="bert", expected_version=1)
    conflict = catalogue.records.conflict(caught.value)
    assert [d.key for d in conflict.diff() if d.status == "conflict"] == [("245", 0)]
    assert catalogue.presence.enter(rid) == []


def test_two_workstations_adding_the_same_new_work_at_once_both_save(team):
    """A new work key inserted by a colleague's open transaction: our save waits, then reuses it."""
    import threading

    from catalog_desktop.catalogue.derive import derive_entities

    cat, url = team
    record = cat.records.by_control_number("c:lvd:3")
    retitled = _retitled(record.record, "Een gloednieuw werk")
    key = derive_entities(retitled, cat.profile()).work_key
    with Catalogue.open(url) as colleague:
        conn = colleague.engine.connect()
        transaction = conn.begin()
        conn.exec_driver_sql("INSERT INTO work (key, title) VALUES (%(k)s, 'x')", {"k": key})
        outcome = []
        saving = threading.Thread(target=lambda: outcome.append(
            cat.records.update(record.id, retitled, who="an", expected_version=record.version)))
        saving.start()
        saving.join(1.0)
        assert saving.is_alive()  # waiting on the colleague's uncommitted key
        transaction.commit()
        conn.close()
        saving.join(30)
    assert outcome and cat.records.get(record.id).title == "Een gloednieuw werk"
    with cat.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM work WHERE key = %(k)s", {"k": key}).scalar() == 1
