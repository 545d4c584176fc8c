"""``catalogue.edits``: every edit a named, undoable step, kept in the catalogue.

    change = cat.edits.edit(42, new_record, name="ZIZO gewijzigd")
    cat.edits.undo()          # the record is back as it was, byte for byte
    cat.edits.redo()

A step (Anki's undo step, ``rslib/src/undo``) says who did what, when, and which model
bundle proposed it; it lists the records it touched with the version before and the
version it made. The bytes of every version are in ``record_version`` already (each save
keeps its before-image), so undo is :meth:`Records.restore` of the "before" version and redo
the restore of the "after" version. Undo refuses when someone saved the record since the
step (:class:`StepConflict`): it never throws away a later edit.

Suggestion decisions (:mod:`decisions`) are steps too: ``Decisions`` writes its step in the
same transaction as the decision, undoing the step undoes the decision (and its MARC
change), redoing it takes the same decision again. One undo history, not two.

The undo order is the catalogue's, newest step first, optionally only one person's steps
(``who``). A new step drops the steps that were undone (no redo after a new edit).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Sequence

from sqlalchemy import Connection, insert, select, update

from catalog_desktop.catalogue.changes import Change, current_user, utcnow
from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.errors import CatalogueError
from catalog_desktop.catalogue.models import EditStep as EditStepRow
from catalog_desktop.catalogue.models import EditStepRecord, Record
from catalog_desktop.marc.record import MarcRecord

__all__ = ["DONE", "UNDONE", "DROPPED", "EditStep", "Edits", "StepConflict", "StepDiff", "StepRecord"]

DONE, UNDONE, DROPPED = "done", "undone", "dropped"
_S = EditStepRow.__table__
_SR = EditStepRecord.__table__
_R = Record.__table__


class StepConflict(CatalogueError):
    """A step cannot be undone or redone: a record changed since (or the step is not undoable)."""


@dataclass(frozen=True, slots=True)
class StepRecord:
    record_id: int
    before_version: int | None  # None: the step did not change the record's MARC (a rejection)
    after_version: int | None
    undone_version: int | None  # the version the last undo made


@dataclass(frozen=True, slots=True)
class EditStep:
    id: int
    name: str
    kind: str  # edit, work, new, decision
    who: str | None
    done_at: datetime
    bundle: str | None  # the model bundle that proposed it (accepted suggestions)
    state: str  # done, undone, dropped
    records: tuple[StepRecord, ...]
    decisions: tuple[int, ...]

    def touches(self, record_id: int | None) -> bool:
        """Whether undoing or redoing this step changes that record (an editor holding unsaved
        typing in it would lose the typing)."""
        return record_id is not None and any(r.record_id == record_id for r in self.records)


@dataclass(frozen=True, slots=True)
class StepDiff:
    record_id: int
    title: str
    removed: tuple[str, ...]  # flat MARC lines
    added: tuple[str, ...]


class Edits:
    def __init__(self, engine, lock, records):
        self._engine = engine
        self._lock = lock
        self._records = records
        self.decisions = None  # set by the Catalogue: redo and undo of decision steps go there
        self._replaying: int | None = None  # the step a redo is re-taking (decisions write into it)

    # --- recording (inside the caller's transaction) -----------------------------------

    def write(self, conn: Connection, name: str, *, kind: str, who: str | None, bundle: str | None = None,
              records: Iterable[tuple[int, int | None, int | None]] = (), decisions: Sequence[int] = ()) -> int:
        """Record a step in an open transaction; ``records`` are (id, before, after) versions.
        During a redo the step being redone is filled in again instead of a new one."""
        rows = list(records)
        if self._replaying is not None:
            step_id = self._replaying
            conn.execute(update(_S).where(_S.c.id == step_id).values(state=DONE, decisions=_json(decisions)))
            for rid, before, after in rows:
                conn.execute(update(_SR).where(_SR.c.step_id == step_id, _SR.c.record_id == rid)
                             .values(before_version=before, after_version=after, undone_version=None))
            return step_id
        conn.execute(update(_S).where(_S.c.state == UNDONE).values(state=DROPPED))
        step_id = conn.execute(insert(_S).values(
            name=name, kind=kind, who=who, done_at=utcnow(), bundle=bundle, state=DONE, decisions=_json(decisions),
        )).inserted_primary_key[0]
        if rows:
            conn.execute(insert(_SR), [{"step_id": step_id, "record_id": rid, "before_version": b, "after_version": a,
                                        "undone_version": None} for rid, b, a in rows])
        return step_id

    def decision_undone(self, conn: Connection, decision_id: int) -> None:
        """A decision was taken back (here or by ``catalog decide undo``): its step is undone
        once all its decisions are."""
        for row in conn.execute(select(_S.c.id, _S.c.decisions).where(_S.c.kind == "decision", _S.c.state == DONE)):
            ids = json.loads(row.decisions or "[]")
            if decision_id in ids:
                from catalog_desktop.catalogue.models import SuggestionDecision

                d = SuggestionDecision.__table__
                standing = conn.execute(select(d.c.id).where(d.c.id.in_(ids), d.c.undone.is_(False))).first()
                if standing is None:
                    conn.execute(update(_S).where(_S.c.id == row.id).values(state=UNDONE))

    # --- editing ------------------------------------------------------------------------

    def edit(self, record_id: int, new_record: MarcRecord, *, name: str = "Record bewerkt", who: str | None = None,
             expected_version: int | None = None) -> Change:
        """Save one record as one step."""
        return self.edit_many([(record_id, new_record, expected_version)], name=name, who=who, kind="edit")

    def edit_many(self, changes: Sequence[tuple[int, MarcRecord, int | None]], *, name: str, who: str | None = None,
                  kind: str = "work", bundle: str | None = None) -> Change:
        """Save several records as one step (a code for every edition of a work). Each save
        checks its expected version; when one fails, the ones already saved are put back and
        the error is raised, so the step happens wholly or not at all."""
        if not changes:
            raise ValueError("an edit step needs at least one record")
        who = who if who is not None else current_user()
        done: list[tuple[int, int, int]] = []
        try:
            for i, (rid, record, expected) in enumerate(changes):
                before = expected if expected is not None else self._records.get(rid).version
                last = i == len(changes) - 1

                def log(conn: Connection, rid=rid, before=before) -> None:
                    rows = done + [(rid, before, before + 1)]
                    self.write(conn, name, kind=kind, who=who, bundle=bundle, records=rows)

                self._records.update(rid, record, who=who, reason=kind, expected_version=before,
                                     also=log if last else None)
                done.append((rid, before, before + 1))
        except BaseException:
            for rid, before, after in reversed(done):  # put back what this step saved so far
                self._records.restore(rid, before, who=who, reason="undo", expected_version=after)
            raise
        return self._change(done, name, who)

    def create(self, record: MarcRecord, *, name: str = "Nieuw record", who: str | None = None) -> Change:
        """Add a new record as a step; undo takes it out again, redo puts it back."""
        from catalog_desktop.marc.iso2709 import serialize

        who = who if who is not None else current_user()
        marc = serialize(record)

        def log(conn: Connection, record_id: int) -> None:
            step_id = self.write(conn, name, kind="new", who=who, records=[(record_id, None, 1)])
            conn.execute(update(_SR).where(_SR.c.step_id == step_id, _SR.c.record_id == record_id).values(marc=marc))

        change = self._records.create(record, who=who, also=log)
        return Change(records=change.records, works=change.works, reason=name, who=who, versions=change.versions)

    # --- undo and redo -------------------------------------------------------------------

    def undo(self, *, who: str | None = None, only_mine: bool = False) -> Change | None:
        """Undo the newest step still done (None when there is nothing to undo)."""
        step = self.next_undo(who if only_mine else None)
        return self.undo_step(step.id, who=who) if step is not None else None

    def redo(self, *, who: str | None = None, only_mine: bool = False) -> Change | None:
        step = self.next_redo(who if only_mine else None)
        return self.redo_step(step.id, who=who) if step is not None else None

    def undo_step(self, step_id: int, *, who: str | None = None) -> Change:
        step = self.get(step_id)
        if step.state != DONE:
            raise StepConflict(f"stap {step_id} ({step.name}) is niet uitgevoerd: niets om ongedaan te maken")
        who = who if who is not None else current_user()
        if step.decisions:
            return self._undo_decisions(step, who)
        self._check(step, lambda r: r.after_version, "ongedaan maken")
        if step.kind == "new":
            return self._undo_new(step, who)
        versions = []
        for i, r in enumerate(step.records):
            last = i == len(step.records) - 1

            def log(conn: Connection, r=r, last=last) -> None:
                conn.execute(update(_SR).where(_SR.c.step_id == step.id, _SR.c.record_id == r.record_id)
                             .values(undone_version=r.after_version + 1))
                if last:
                    conn.execute(update(_S).where(_S.c.id == step.id).values(state=UNDONE))

            self._records.restore(r.record_id, r.before_version, who=who, reason="undo",
                                  expected_version=r.after_version, also=log)
            versions.append(r.after_version + 1)
        return Change(records=tuple(r.record_id for r in step.records), reason=f"undo: {step.name}", who=who,
                      versions=tuple(versions))

    def redo_step(self, step_id: int, *, who: str | None = None) -> Change:
        step = self.get(step_id)
        if step.state != UNDONE:
            raise StepConflict(f"stap {step_id} ({step.name}) kan niet opnieuw: hij is niet ongedaan gemaakt, "
                               "of er is intussen iets anders bewerkt")
        who = who if who is not None else current_user()
        if step.decisions:
            return self._redo_decisions(step, who)
        if step.kind == "new":
            return self._redo_new(step, who)
        self._check(step, lambda r: r.undone_version, "opnieuw uitvoeren")
        versions = []
        for i, r in enumerate(step.records):
            last = i == len(step.records) - 1
            new_version = r.undone_version + 1

            def log(conn: Connection, r=r, last=last, new_version=new_version) -> None:
                conn.execute(update(_SR).where(_SR.c.step_id == step.id, _SR.c.record_id == r.record_id)
                             .values(after_version=new_version, before_version=r.undone_version, undone_version=None))
                if last:
                    conn.execute(update(_S).where(_S.c.id == step.id).values(state=DONE))

            # The undo's before-image holds the bytes the step made; the undo's result becomes
            # the new "before" (same bytes as the original before-image).
            self._records.restore(r.record_id, r.after_version, who=who, reason="redo",
                                  expected_version=r.undone_version, also=log)
            versions.append(new_version)
        return Change(records=tuple(r.record_id for r in step.records), reason=f"redo: {step.name}", who=who,
                      versions=tuple(versions))

    def _undo_new(self, step: EditStep, who: str | None) -> Change:
        (r,) = step.records

        def log(conn: Connection) -> None:
            conn.execute(update(_S).where(_S.c.id == step.id).values(state=UNDONE))

        self._records.remove_created(r.record_id, also=log)
        return Change(records=(r.record_id,), reason=f"undo: {step.name}", who=who)

    def _redo_new(self, step: EditStep, who: str | None) -> Change:
        from catalog_desktop.marc.iso2709 import parse_record

        (r,) = step.records
        with reading(self._engine) as conn:
            marc = conn.execute(select(_SR.c.marc).where(_SR.c.step_id == step.id)).scalar_one()

        def log(conn: Connection, record_id: int) -> None:  # the record comes back under a new id
            conn.execute(update(_SR).where(_SR.c.step_id == step.id).values(record_id=record_id))
            conn.execute(update(_S).where(_S.c.id == step.id).values(state=DONE))

        change = self._records.create(parse_record(marc)[0], who=who, also=log)
        return Change(records=change.records, works=change.works, reason=f"redo: {step.name}", who=who,
                      versions=change.versions)

    def _check(self, step: EditStep, expected, doing: str) -> None:
        """Every record must still be at the version the step (or its undo) left it at."""
        with reading(self._engine) as conn:
            now = dict(conn.execute(select(_R.c.id, _R.c.version).where(
                _R.c.id.in_([r.record_id for r in step.records]))).all())
        changed = [r.record_id for r in step.records if now.get(r.record_id) != expected(r)]
        if changed:
            ids = ", ".join(str(i) for i in changed)
            raise StepConflict(f"'{step.name}' {doing} kan niet: record {ids} is sindsdien nog gewijzigd. "
                               "Bewerk het record zelf, of maak eerst de latere stappen ongedaan.")

    def _undo_decisions(self, step: EditStep, who: str | None) -> Change:
        records, versions, decisions = [], [], []
        for decision_id in reversed(step.decisions):
            if self.decisions.get(decision_id).undone:
                continue
            change = self.decisions.undo(decision_id, who=who)  # marks the step undone with the last one
            records += change.records
            versions += change.versions
            decisions += change.decisions
        with self._lock, writing(self._engine) as conn:
            conn.execute(update(_S).where(_S.c.id == step.id).values(state=UNDONE))
        return Change(records=tuple(dict.fromkeys(records)), reason=f"undo: {step.name}", who=who,
                      versions=tuple(versions), decisions=tuple(decisions))

    def _redo_decisions(self, step: EditStep, who: str | None) -> Change:
        from catalog_desktop.catalogue.decisions import ACCEPTED, Proposal

        old = [self.decisions.get(d) for d in step.decisions]
        records, versions, decisions = [], [], []
        self._replaying = step.id
        try:
            for d in old:
                decide = self.decisions.accept if d.decision == ACCEPTED else self.decisions.reject
                change = decide(d.record_id, Proposal(d.scheme, d.code, d.confidence), who=who, bundle=d.bundle,
                                rank=d.rank)
                records += change.records
                versions += change.versions
                decisions += change.decisions
        finally:
            self._replaying = None
        return Change(records=tuple(dict.fromkeys(records)), reason=f"redo: {step.name}", who=who,
                      versions=tuple(versions), decisions=tuple(decisions))

    # --- reading ------------------------------------------------------------------------

    def diff(self, step_id: int) -> list[StepDiff]:
        """Per record of a step, the flat MARC lines it took away and added (the history pane's
        "before and after"), from the record's stored versions."""
        from catalog_desktop.catalogue.history import History
        from catalog_desktop.marc.flat import field_line
        from catalog_desktop.marc.iso2709 import parse_record

        step = self.get(step_id)
        history = History(self._engine)

        def lines(record_id: int, version: int | None) -> list[str]:
            if version is None:
                return []
            try:
                current = self._records.get(record_id)
            except CatalogueError:
                return []
            marc = current.current_marc() if current.version == version else history.version(record_id, version).marc
            record = parse_record(marc)[0]
            # Record length and base address (leader/00-04, 12-16) follow from the bytes: not an edit.
            leader = "·····" + record.leader[5:12] + "·····" + record.leader[17:]
            return [f"=LDR  {leader}"] + [field_line(f) for f in record.fields]

        out = []
        for r in step.records:
            before, after = lines(r.record_id, r.before_version), lines(r.record_id, r.after_version)
            try:
                title = self._records.get(r.record_id).title
            except CatalogueError:
                title = ""
            out.append(StepDiff(r.record_id, title, tuple(x for x in before if x not in after),
                                tuple(x for x in after if x not in before)))
        return out

    def get(self, step_id: int) -> EditStep:
        steps = self._steps(select(_S).where(_S.c.id == step_id))
        if not steps:
            raise StepConflict(f"geen stap {step_id} in deze catalogus")
        return steps[0]

    def history(self, limit: int = 100, *, record_id: int | None = None, who: str | None = None,
                since: datetime | None = None) -> list[EditStep]:
        """Steps, newest first: all, one record's, one person's, or since a moment."""
        stmt = select(_S).order_by(_S.c.id.desc()).limit(limit)
        if record_id is not None:
            stmt = stmt.where(_S.c.id.in_(select(_SR.c.step_id).where(_SR.c.record_id == record_id)))
        if who is not None:
            stmt = stmt.where(_S.c.who == who)
        if since is not None:
            stmt = stmt.where(_S.c.done_at >= since)
        return self._steps(stmt)

    def next_undo(self, who: str | None = None) -> EditStep | None:
        """The step :meth:`undo` would take back (the Edit menu shows its name)."""
        stmt = select(_S).where(_S.c.state == DONE).order_by(_S.c.id.desc()).limit(1)
        if who is not None:
            stmt = stmt.where(_S.c.who == who)
        steps = self._steps(stmt)
        return steps[0] if steps else None

    def next_redo(self, who: str | None = None) -> EditStep | None:
        """The most recently undone step, while no new step was made since."""
        stmt = select(_S).where(_S.c.state == UNDONE).order_by(_S.c.id.asc()).limit(1)
        if who is not None:
            stmt = stmt.where(_S.c.who == who)
        steps = self._steps(stmt)
        return steps[0] if steps else None

    def _steps(self, stmt) -> list[EditStep]:
        with reading(self._engine) as conn:
            rows = conn.execute(stmt).all()
            ids = [r.id for r in rows]
            touched: dict[int, list[StepRecord]] = {}
            if ids:
                for r in conn.execute(select(_SR).where(_SR.c.step_id.in_(ids)).order_by(_SR.c.record_id)):
                    touched.setdefault(r.step_id, []).append(
                        StepRecord(r.record_id, r.before_version, r.after_version, r.undone_version))
        return [EditStep(r.id, r.name, r.kind, r.who, r.done_at, r.bundle, r.state, tuple(touched.get(r.id, ())),
                         tuple(json.loads(r.decisions or "[]"))) for r in rows]

    @staticmethod
    def _change(done, name: str, who: str | None) -> Change:
        return Change(records=tuple(r for r, _, _ in done), reason=name, who=who, versions=tuple(a for _, _, a in done))


def _json(decisions: Sequence[int]) -> str | None:
    return json.dumps(list(decisions)) if decisions else None
