"""The ``import_run`` log: one row per import, written at its start and at its end."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, insert, select, update

from catalog_desktop.catalogue.changes import utcnow
from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.models import ImportRun

_RUN = ImportRun.__table__


@dataclass(frozen=True, slots=True)
class RunInfo:
    id: int
    started_at: datetime
    finished_at: datetime | None
    status: str
    who: str | None
    profile_name: str | None
    files: tuple[dict, ...]


def start_run(engine: Engine, who: str | None, profile) -> int:
    with writing(engine) as conn:
        return conn.execute(
            insert(_RUN).returning(_RUN.c.id),
            {"started_at": utcnow(), "status": "running", "who": who,
             "profile_name": getattr(profile, "name", None), "profile_hash": getattr(profile, "hash", None)},
        ).scalar_one()


def finish_run(engine: Engine, run_id: int, status: str, files: list[dict]) -> None:
    with writing(engine) as conn:
        conn.execute(
            update(_RUN).where(_RUN.c.id == run_id),
            {"finished_at": utcnow(), "status": status, "files": json.dumps(files, ensure_ascii=False)},
        )


def list_runs(engine: Engine) -> list[RunInfo]:
    with reading(engine) as conn:
        rows = conn.execute(select(_RUN).order_by(_RUN.c.id)).all()
    return [
        RunInfo(r.id, r.started_at, r.finished_at, r.status, r.who, r.profile_name, tuple(json.loads(r.files or "[]")))
        for r in rows
    ]
