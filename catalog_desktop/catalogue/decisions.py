"""``catalogue.decisions``: a cataloger's answers to suggested codes, kept as data.

Accepting writes the code into the record's MARC through the field profile
(:mod:`catalog_desktop.marc.code_fields`) by way of :meth:`Records.update`, so history, the
version (optimistic locking) and the entities stay right; the decision row is written in the
same transaction, and the code's classification row gets source ``accepted``. Rejecting
writes only the decision: a rejected code is never suggested again for that record (the
suggestion service asks :meth:`Decisions.rejected_codes`) and training reads it as a known
negative. :meth:`Decisions.undo` takes a decision back; for an acceptance also its MARC
change, restoring the exact bytes when nobody edited the record since.

The history row of an acceptance says ``accept #<decision id>`` (its reason), which is how
undo finds the version to restore without another column.

Every decision is also an edit step (:mod:`edits`), written in the same transaction, so the
one undo history holds it: ``steps`` is the catalogue's :class:`Edits` (None: no steps kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Sequence

from sqlalchemy import Connection, and_, delete, exists, func, insert, select, update

from catalog_desktop.catalogue.changes import Change, current_user, utcnow
from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.errors import CatalogueError
from catalog_desktop.catalogue.models import Classification, RecordVersion, SuggestionDecision

__all__ = ["ACCEPTED", "REJECTED", "SUGGESTED", "Decision", "DecisionError", "Decisions", "Proposal", "mark_accepted"]

ACCEPTED, REJECTED = "accepted", "rejected"
SUGGESTED = "suggested"  # classification source of a model's suggestion waiting for a decision
_D = SuggestionDecision.__table__
_C = Classification.__table__
_V = RecordVersion.__table__
_CHUNK = 500


class DecisionError(CatalogueError):
    """A decision that cannot be taken or undone (already undone, unknown id, ...)."""


@dataclass(frozen=True, slots=True)
class Proposal:
    """A code to decide on when there is no model :class:`Suggestion` at hand (CLI, tests);
    any object with ``scheme``, ``code`` and optionally ``confidence`` will do."""

    scheme: str
    code: str
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    record_id: int
    scheme: str
    code: str
    decision: str  # "accepted" | "rejected"
    confidence: float | None
    rank: int | None
    bundle: str | None
    who: str | None
    decided_at: datetime
    undone: bool


def mark_accepted(conn: Connection, record_ids: Sequence[int]) -> None:
    """Classification rows of these records say ``accepted`` where a standing acceptance of
    that code exists, ``cataloged`` where it was taken back. ``suggested`` rows are left alone."""
    accepted = exists().where(
        _D.c.record_id == _C.c.record_id, _D.c.scheme == _C.c.scheme, _D.c.code == _C.c.code,
        _D.c.decision == ACCEPTED, _D.c.undone.is_(False),
    )
    for i in range(0, len(record_ids), _CHUNK):
        ids = list(record_ids[i : i + _CHUNK])
        base = and_(_C.c.record_id.in_(ids), _C.c.source.in_(("cataloged", ACCEPTED)))
        conn.execute(update(_C).where(base, accepted).values(source=ACCEPTED))
        conn.execute(update(_C).where(base, _C.c.source == ACCEPTED, ~accepted).values(source="cataloged"))


def _decision(row) -> Decision:
    return Decision(row.id, row.record_id, row.scheme, row.code, row.decision, row.confidence, row.rank,
                    row.bundle, row.who, row.decided_at, bool(row.undone))


class Decisions:
    def __init__(self, engine, lock, records, profile, vocabularies):
        self._engine = engine
        self._lock = lock
        self._records = records
        self._profile = profile
        self._vocabularies = vocabularies
        self.steps = None  # the catalogue's Edits: each decision is a step in the one undo history

    # --- reading -----------------------------------------------------------------------

    def get(self, decision_id: int) -> Decision:
        with reading(self._engine) as conn:
            row = conn.execute(select(_D).where(_D.c.id == decision_id)).first()
        if row is None:
            raise DecisionError(f"no decision {decision_id} in this catalogue")
        return _decision(row)

    def for_record(self, record_id: int, *, include_undone: bool = True) -> list[Decision]:
        """The record's decisions, oldest first."""
        stmt = select(_D).where(_D.c.record_id == record_id).order_by(_D.c.decided_at, _D.c.id)
        if not include_undone:
            stmt = stmt.where(_D.c.undone.is_(False))
        with reading(self._engine) as conn:
            return [_decision(r) for r in conn.execute(stmt)]

    def all(self, *, include_undone: bool = False) -> list[Decision]:
        """Every decision (training reads them), by record then time."""
        stmt = select(_D).order_by(_D.c.record_id, _D.c.decided_at, _D.c.id)
        if not include_undone:
            stmt = stmt.where(_D.c.undone.is_(False))
        with reading(self._engine) as conn:
            return [_decision(r) for r in conn.execute(stmt)]

    def rejected_codes(self, record_ids: Iterable[int]) -> dict[int, dict[str, set[str]]]:
        """Per record, per scheme: the codes a cataloger rejected (and did not take back)."""
        out: dict[int, dict[str, set[str]]] = {}
        ids = list(record_ids)
        with reading(self._engine) as conn:
            for i in range(0, len(ids), _CHUNK):
                stmt = select(_D.c.record_id, _D.c.scheme, _D.c.code).where(
                    _D.c.record_id.in_(ids[i : i + _CHUNK]), _D.c.decision == REJECTED, _D.c.undone.is_(False))
                for rid, scheme, code in conn.execute(stmt):
                    out.setdefault(rid, {}).setdefault(scheme, set()).add(code)
        return out

    # --- deciding ----------------------------------------------------------------------

    def accept(self, record_id: int, suggestion, *, who: str | None = None, bundle: str | None = None,
               rank: int | None = None, path: Sequence[str] | None = None, marker: str | None = None,
               expected_version: int | None = None) -> Change:
        """Write the suggested code into the record and keep the decision.

        ``path`` (ZIZO rubric path) and ``marker`` (genre ``vge``/``jge``/``mge``) default to
        what the vocabulary and the record say. When the record already carries the code,
        its MARC is left as it is and only the decision is kept.
        """
        from catalog_desktop.marc.code_fields import code_field, with_field

        who = who if who is not None else current_user()
        stored = self._records.get(record_id)
        if expected_version is not None and stored.version != expected_version:
            from catalog_desktop.catalogue.errors import VersionConflict

            raise VersionConflict(record_id, expected_version, stored.version)
        scheme, code = suggestion.scheme, suggestion.code
        self._check_assignable(scheme, code)
        profile = self._profile()
        values = self._values(record_id, suggestion, who, bundle, rank, ACCEPTED)
        if self._carries(stored.record, profile, scheme, code):
            return self._insert_only(record_id, values)
        field = code_field(profile, scheme, code, **self._placement(stored.record, profile, scheme, code, path, marker))
        decided: list[int] = []

        def log(conn: Connection) -> None:
            decision_id = conn.execute(insert(_D).values(**values)).inserted_primary_key[0]
            decided.append(decision_id)
            self._step(conn, values, [(record_id, stored.version, stored.version + 1)], decision_id)
            conn.execute(update(_V).where(_V.c.record_id == record_id, _V.c.version == stored.version)
                         .values(reason=f"accept #{decision_id}"))
            mark_accepted(conn, [record_id])

        change = self._records.update(record_id, with_field(stored.record, field), who=who, reason="accept",
                                      expected_version=stored.version, also=log)
        return Change(records=change.records, works=change.works, reason=f"accept #{decided[0]}", who=who,
                      versions=change.versions, decisions=tuple(decided))

    def reject(self, record_id: int, suggestion, *, who: str | None = None, bundle: str | None = None,
               rank: int | None = None) -> Change:
        """Keep that the code is wrong for this record; the MARC is not touched."""
        self._records.get(record_id)  # RecordNotFound for a wrong id, before writing anything
        who = who if who is not None else current_user()
        return self._insert_only(record_id, self._values(record_id, suggestion, who, bundle, rank, REJECTED))

    def undo(self, decision_id: int, *, who: str | None = None) -> Change:
        """Take a decision back; an acceptance also takes its code out of the MARC again."""
        decision = self.get(decision_id)
        if decision.undone:
            raise DecisionError(f"decision {decision_id} was already undone")
        who = who if who is not None else current_user()
        rid = decision.record_id

        def mark_undone(conn: Connection) -> None:
            done = conn.execute(update(_D).where(_D.c.id == decision_id, _D.c.undone.is_(False)).values(undone=True))
            if done.rowcount != 1:
                raise DecisionError(f"decision {decision_id} was already undone")
            mark_accepted(conn, [rid])
            if self.steps is not None:
                self.steps.decision_undone(conn, decision_id)

        reason = f"undo #{decision_id}"
        if decision.decision == ACCEPTED:
            with reading(self._engine) as conn:
                before = conn.execute(select(_V.c.version).where(
                    _V.c.record_id == rid, _V.c.reason == f"accept #{decision_id}")).scalar_one_or_none()
            stored = self._records.get(rid)
            if before is not None and stored.version == before + 1:  # untouched since: exact bytes back
                change = self._records.restore(rid, before, who=who, reason=reason, expected_version=stored.version,
                                               also=mark_undone)
                return self._change(change, reason, who, decision_id)
            if before is not None:  # edited since: take out only the accepted code, keep the rest
                from catalog_desktop.marc.code_fields import without_code

                new = without_code(stored.record, self._profile(), decision.scheme, decision.code)
                if new is not None:
                    change = self._records.update(rid, new, who=who, reason=reason, expected_version=stored.version,
                                                  also=mark_undone)
                    return self._change(change, reason, who, decision_id)
        with self._lock:
            with writing(self._engine) as conn:
                mark_undone(conn)
        return Change(records=(rid,), reason=reason, who=who, decisions=(decision_id,))

    def store_suggestions(self, by_record: dict[int, list[tuple[str, str, str | None]]]) -> Change:
        """Keep a batch's suggestions, ``record id -> [(scheme, code, label), ...]``, as
        classification rows with source ``suggested``, replacing the records' earlier ones
        (lists filter on them: "suggestions waiting"). An edit of the record drops them."""
        ids = list(by_record)
        with self._lock:
            with writing(self._engine) as conn:
                for i in range(0, len(ids), _CHUNK):
                    part = ids[i : i + _CHUNK]
                    conn.execute(delete(_C).where(_C.c.record_id.in_(part), _C.c.source == SUGGESTED))
                    last = dict(conn.execute(select(_C.c.record_id, func.max(_C.c.seq))
                                             .where(_C.c.record_id.in_(part)).group_by(_C.c.record_id)).all())
                    rows = []
                    for rid in part:
                        seq = last.get(rid, -1)
                        for scheme, code, label in by_record[rid]:
                            seq += 1
                            rows.append({"record_id": rid, "seq": seq, "scheme": scheme, "code": code, "label": label,
                                         "path": None, "qualifier": None, "source": SUGGESTED, "tag": ""})
                    if rows:
                        conn.execute(insert(_C), rows)
        return Change(records=tuple(ids), reason="suggestions stored")

    # --- helpers -----------------------------------------------------------------------

    @staticmethod
    def _change(change: Change, reason: str, who: str | None, decision_id: int) -> Change:
        return Change(records=change.records, works=change.works, reason=reason, who=who, versions=change.versions,
                      decisions=(decision_id,))

    @staticmethod
    def _values(record_id: int, suggestion, who, bundle, rank, decision: str) -> dict:
        confidence = getattr(suggestion, "confidence", None)
        return {
            "record_id": record_id, "scheme": suggestion.scheme, "code": suggestion.code, "decision": decision,
            "confidence": float(confidence) if confidence is not None else None, "rank": rank,
            "bundle": bundle, "who": who, "decided_at": utcnow(), "undone": False,
        }

    def _insert_only(self, record_id: int, values: dict) -> Change:
        with self._lock:
            with writing(self._engine) as conn:
                decision_id = conn.execute(insert(_D).values(**values)).inserted_primary_key[0]
                mark_accepted(conn, [record_id])
                self._step(conn, values, [(record_id, None, None)], decision_id)
        return Change(records=(record_id,), reason=f"{values['decision'][:-2]} #{decision_id}", who=values["who"],
                      decisions=(decision_id,))

    def _check_assignable(self, scheme: str, code: str) -> None:
        """Refuse what the vocabulary says can never go into a record: a ZIZO rubric without a
        code of its own (a back-off suggestion points there) or a retired code. A code the
        partial lists do not know is allowed: the cataloger knows the official list."""
        try:
            check = self._vocabularies().scheme(scheme).validate(code)
        except (KeyError, LookupError, ValueError):
            return
        if check.status in ("rubric", "retired"):
            raise DecisionError(check.message)

    def _step(self, conn: Connection, values: dict, records, decision_id: int) -> None:
        if self.steps is not None:
            verb = "aanvaard" if values["decision"] == ACCEPTED else "afgewezen"
            name = f"{values['scheme'].upper()} {values['code']} {verb}"
            self.steps.write(conn, name, kind="decision", who=values["who"], bundle=values["bundle"],
                             records=records, decisions=[decision_id])

    @staticmethod
    def _carries(record, profile, scheme: str, code: str) -> bool:
        from catalog_desktop.catalogue.derive import derive_entities

        return any(c.scheme == scheme and c.code == code for c in derive_entities(record, profile).codes)

    def code_field_for(self, record, scheme: str, code: str, *, path=None, marker=None):
        """The MARC field a new ``code`` gets in this record (work-level editing uses it too)."""
        from catalog_desktop.marc.code_fields import code_field

        profile = self._profile()
        return code_field(profile, scheme, code, **self._placement(record, profile, scheme, code, path, marker))

    def _placement(self, record, profile, scheme: str, code: str, path, marker) -> dict:
        """Rubric path, genre marker and indicators for a new code field, from the vocabulary
        and the record when the caller did not say."""
        from catalog_desktop.catalogue.derive import derive_entities

        concept = None
        try:
            concept = self._vocabularies().scheme(scheme).get(code)
        except (KeyError, LookupError, ValueError):  # a scheme the vocabularies do not know
            pass
        if scheme == "genre":
            if marker is None:
                marker = _genre_marker(profile, derive_entities(record, profile), concept)
            return {"marker": marker, "indicators": "  "}
        if scheme == "zizo":
            if path is None:
                path = tuple(concept.path) if concept is not None and concept.path else ()
            # ind2 '2' is what the one real Open Vlacc ZIZO Volwassenen 693 carries (meaning
            # undocumented); youth and toddler records get blanks, as in the sample data.
            adult = concept is not None and concept.subsystem == "ZIZO Volwassenen"
            return {"path": tuple(path), "indicators": " 2" if adult else "  "}
        return {"path": tuple(path or ())}


def _genre_marker(profile, ents, concept) -> str | None:
    """vge/jge/mge for a new genre: the genre list's own audience when it has only one, else
    the record's (youth themes or genres, a youth age group), else adult."""
    by_audience = {}
    for spec in profile.genres.values():
        for m, audience in spec.markers.items():
            by_audience.setdefault(audience, m)
    if not by_audience:
        return None
    own = (concept.audience or "") if concept is not None else ""
    if own in ("jeugd", "youth"):
        return by_audience.get("youth")
    if own in ("music", "muziek"):
        return by_audience.get("music")
    youth = any(s.audience == "youth" for s in ents.subjects) or any(
        c.scheme == "genre" and by_audience.get("youth") == c.qualifier for c in ents.codes)
    if not youth and ents.audience:
        from catalog_desktop.vocab import zizo_subsystem_for_age

        youth = zizo_subsystem_for_age(ents.audience) in ("Kleuter ZIZO", "ZIZO Jeugd")
    return by_audience.get("youth" if youth else "adult")
