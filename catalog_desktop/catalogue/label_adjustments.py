"""``catalogue.label_adjustments``: per-copy changes to what a spine label says.

A library may print another shelving word or colour on one copy without touching the shared
MARC record. The change is a row of ``label_adjustment`` (record, copy, field, value, who,
when), kept with the copy; the label code shows it as such. Which fields may be changed is
the label package's business (``catalog_desktop.labels.data.ADJUSTABLE``); this part only
stores them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlalchemy import delete, insert, select

from catalog_desktop.catalogue.changes import Change, current_user, utcnow
from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.errors import RecordNotFound
from catalog_desktop.catalogue.models import LabelAdjustment, Record

__all__ = ["Adjustment", "LabelAdjustments"]

_A = LabelAdjustment.__table__
_R = Record.__table__
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Adjustment:
    record_id: int
    item_key: str
    field: str
    value: str
    who: str | None
    changed_at: datetime


class LabelAdjustments:
    def __init__(self, engine, lock):
        self._engine = engine
        self._lock = lock

    def set(self, record_id: int, item_key: str, field: str, value: str, *, who: str | None = None) -> Change:
        """Set (or replace) one field of one copy's label."""
        who = who if who is not None else current_user()
        with self._lock, writing(self._engine) as conn:
            if conn.execute(select(_R.c.id).where(_R.c.id == record_id)).first() is None:
                raise RecordNotFound(record_id)
            conn.execute(delete(_A).where(_A.c.record_id == record_id, _A.c.item_key == item_key, _A.c.field == field))
            conn.execute(insert(_A).values(record_id=record_id, item_key=item_key, field=field, value=value,
                                           who=who, changed_at=utcnow()))
        return Change(records=(record_id,), reason="label adjustment", who=who)

    def clear(self, record_id: int, item_key: str, field: str | None = None, *, who: str | None = None) -> int:
        """Remove one field's change for a copy (all its changes when ``field`` is None); how many went."""
        stmt = delete(_A).where(_A.c.record_id == record_id, _A.c.item_key == item_key)
        if field is not None:
            stmt = stmt.where(_A.c.field == field)
        with self._lock, writing(self._engine) as conn:
            return conn.execute(stmt).rowcount

    def for_records(self, record_ids: Iterable[int] | None = None) -> dict[int, dict[str, dict[str, Adjustment]]]:
        """record_id -> item_key -> field -> Adjustment (all records when ``record_ids`` is None)."""
        out: dict[int, dict[str, dict[str, Adjustment]]] = {}
        with reading(self._engine) as conn:
            if record_ids is None:
                rows = list(conn.execute(select(_A)))
            else:
                ids = list(record_ids)
                rows = []
                for start in range(0, len(ids), _CHUNK):
                    rows += conn.execute(select(_A).where(_A.c.record_id.in_(ids[start:start + _CHUNK])))
        for r in rows:
            adj = Adjustment(r.record_id, r.item_key, r.field, r.value, r.who, r.changed_at)
            out.setdefault(r.record_id, {}).setdefault(r.item_key, {})[r.field] = adj
        return out

    def list(self) -> list[Adjustment]:
        found = self.for_records()
        return [a for by_item in found.values() for by_field in by_item.values() for a in by_field.values()]
