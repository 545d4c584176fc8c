"""``catalogue.proposals``: changes suggested by someone who may not make them.

A partner library may change only its own records; for anyone else's it proposes a change:
the whole proposed record and the version it started from. A cataloger accepts it (saved
through :meth:`Records.update` with that base version, so a record changed since is a
conflict to merge, never an overwrite) or declines it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update

from catalog_desktop.catalogue.changes import Change, utcnow
from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.errors import CatalogueError
from catalog_desktop.catalogue.models import ChangeSuggestion
from catalog_desktop.catalogue.security import refused_as_not_allowed
from catalog_desktop.marc.record import MarcRecord

_S = ChangeSuggestion.__table__


@dataclass(frozen=True, slots=True)
class Proposal:
    id: int
    record_id: int
    base_version: int
    record: MarcRecord
    note: str | None
    who: str | None
    library: str | None
    suggested_at: datetime
    status: str


class Proposals:
    def __init__(self, engine, records):
        self._engine = engine
        self._records = records

    def propose(self, record_id: int, new_record: MarcRecord, *, base_version: int, who: str | None,
                library: str | None = None, note: str | None = None) -> int:
        from catalog_desktop.marc.iso2709 import serialize

        with refused_as_not_allowed(f"suggest a change to record {record_id}"), writing(self._engine) as conn:
            return conn.execute(insert(_S).values(
                record_id=record_id, base_version=base_version, marc=serialize(new_record), note=note, who=who,
                library=library, suggested_at=utcnow(), status="open",
            ).returning(_S.c.id)).scalar_one()

    def list(self, record_id: int | None = None, status: str | None = "open") -> list[Proposal]:
        from catalog_desktop.marc.iso2709 import parse_record

        stmt = select(_S).order_by(_S.c.id)
        if record_id is not None:
            stmt = stmt.where(_S.c.record_id == record_id)
        if status is not None:
            stmt = stmt.where(_S.c.status == status)
        with reading(self._engine) as conn:
            rows = conn.execute(stmt).all()
        return [Proposal(r.id, r.record_id, r.base_version, parse_record(r.marc)[0], r.note, r.who, r.library,
                         r.suggested_at, r.status) for r in rows]

    def accept(self, proposal_id: int, *, who: str | None) -> Change:
        """Save the proposed record (VersionConflict if the record changed since its base)."""
        (p,) = [p for p in self.list(status=None) if p.id == proposal_id] or [None]
        if p is None or p.status != "open":
            raise CatalogueError(f"no open suggested change {proposal_id}")
        change = self._records.update(p.record_id, p.record, who=who, reason="suggestion", expected_version=p.base_version)
        self._decide(proposal_id, "accepted", who)
        return change

    def decline(self, proposal_id: int, *, who: str | None) -> None:
        self._decide(proposal_id, "declined", who)

    def _decide(self, proposal_id: int, status: str, who: str | None) -> None:
        with refused_as_not_allowed(f"decide on suggested change {proposal_id}"), writing(self._engine) as conn:
            conn.execute(update(_S).where(_S.c.id == proposal_id).values(status=status, decided_by=who, decided_at=utcnow()))
