"""Records that could not be read, kept with their bytes and the reason, for a person to look at.

An item is identified by (file name, offset, SHA-1 of its bytes), so importing the same file
again does not add it twice, while a different broken record at the same place does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Sequence

from sqlalchemy import Connection, delete, func, insert, select

from catalog_desktop.catalogue.changes import Change, utcnow
from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.errors import QuarantineNotFound
from catalog_desktop.catalogue.models import Quarantine
from catalog_desktop.marc.reading import QuarantinedRecord

_Q = Quarantine.__table__


@dataclass(frozen=True, slots=True)
class QuarantinedItem:
    id: int
    source_file: str
    source_format: str
    offset: int
    position: int
    reason_code: str
    reason_message: str
    import_run_id: int | None
    quarantined_at: datetime
    raw: bytes | None = None  # filled by ``get``, left out of ``list`` to keep it light

    @property
    def reason(self) -> str:
        return f"{self.reason_code}: {self.reason_message}"


def store_quarantined(conn: Connection, path: Path, items: Sequence[QuarantinedRecord], run_id: int | None) -> list[int]:
    """Insert the items not already quarantined from the same place; returns the new ids."""
    if not items:
        return []
    rows = {}
    for q in items:
        sha1 = hashlib.sha1(q.raw).hexdigest()
        rows[(path.name, q.offset, sha1)] = {
            "source_file": str(path), "source_name": path.name, "source_format": q.source_format,
            "source_offset": q.offset, "position": q.position, "raw": q.raw, "raw_sha1": sha1,
            "reason_code": q.reason.code, "reason_message": q.reason.message,
            "import_run_id": run_id, "quarantined_at": utcnow(),
        }
    # Narrow by file name and offsets (portable IN), then compare the full key in Python.
    offsets = sorted({k[1] for k in rows})
    seen = {
        tuple(r)
        for r in conn.execute(
            select(_Q.c.source_name, _Q.c.source_offset, _Q.c.raw_sha1)
            .where(_Q.c.source_name == path.name, _Q.c.source_offset.in_(offsets))
        )
    }
    new = [row for k, row in rows.items() if k not in seen]
    if not new:
        return []
    return list(conn.execute(insert(_Q).returning(_Q.c.id), new).scalars())


class QuarantineItems:
    """``catalogue.quarantine``: list, inspect and dismiss what could not be imported."""

    def __init__(self, engine, lock):
        self._engine = engine
        self._lock = lock

    _LIGHT = (_Q.c.id, _Q.c.source_file, _Q.c.source_format, _Q.c.source_offset, _Q.c.position,
              _Q.c.reason_code, _Q.c.reason_message, _Q.c.import_run_id, _Q.c.quarantined_at)

    def list(self, offset: int = 0, limit: int | None = None) -> list[QuarantinedItem]:
        stmt = select(*self._LIGHT).order_by(_Q.c.id).offset(offset).limit(limit)
        with reading(self._engine) as conn:
            return [QuarantinedItem(*row) for row in conn.execute(stmt)]

    def get(self, quarantine_id: int) -> QuarantinedItem:
        with reading(self._engine) as conn:
            row = conn.execute(select(*self._LIGHT, _Q.c.raw).where(_Q.c.id == quarantine_id)).first()
        if row is None:
            raise QuarantineNotFound(quarantine_id)
        return QuarantinedItem(*row)

    def count(self) -> int:
        with reading(self._engine) as conn:
            return conn.execute(select(func.count()).select_from(_Q)).scalar_one()

    def delete(self, quarantine_id: int) -> Change:
        with self._lock, writing(self._engine) as conn:
            if conn.execute(delete(_Q).where(_Q.c.id == quarantine_id)).rowcount == 0:
                raise QuarantineNotFound(quarantine_id)
        return Change(quarantine=(quarantine_id,), reason="quarantine-delete")
