"""Before-images of records: every re-import and edit keeps the bytes it replaced.

A row says "version N of record R was these bytes, until <who> changed it at <when> for
<reason>". The newest version is always the ``record`` row itself; undo (the editor's work)
restores a before-image through :meth:`Records.update` with reason ``"undo"``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select

from catalog_desktop.catalogue.db import reading
from catalog_desktop.catalogue.errors import RecordNotFound
from catalog_desktop.catalogue.models import RecordVersion
from catalog_desktop.marc.reading import Problem

_V = RecordVersion.__table__


@dataclass(frozen=True, slots=True)
class VersionInfo:
    record_id: int
    version: int
    marc: bytes  # ISO 2709 bytes of that version
    warnings: tuple[Problem, ...]
    edited: bool
    changed_at: datetime  # when this version was replaced
    who: str | None
    reason: str  # why it was replaced: "reimport", "edit", ...
    import_run_id: int | None


def add_versions(conn: Connection, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(_V), rows)


def parse_warnings(value: str | None) -> tuple[Problem, ...]:
    return tuple(Problem(w["code"], w["message"]) for w in json.loads(value)) if value else ()


class History:
    """``catalogue.history``: the earlier versions of a record, oldest first."""

    def __init__(self, engine):
        self._engine = engine

    def versions(self, record_id: int) -> list[VersionInfo]:
        stmt = select(_V).where(_V.c.record_id == record_id).order_by(_V.c.version, _V.c.id)
        with reading(self._engine) as conn:
            rows = conn.execute(stmt).all()
        return [
            VersionInfo(r.record_id, r.version, r.marc, parse_warnings(r.warnings), bool(r.edited),
                        r.changed_at, r.who, r.reason, r.import_run_id)
            for r in rows
        ]

    def version(self, record_id: int, version: int) -> VersionInfo:
        for v in self.versions(record_id):
            if v.version == version:
                return v
        raise RecordNotFound(f"{record_id} version {version}")
