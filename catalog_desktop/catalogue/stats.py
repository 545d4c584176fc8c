"""Counts that describe a catalogue, as plain JSON-able data (for ``catalog db stats``, the GUI)."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from catalog_desktop.catalogue.models import Agent, Classification, ImportRun, Item, Quarantine, Record, RecordAgent

_R = Record.__table__


def _count(conn: Connection, stmt) -> int:
    return int(conn.execute(stmt).scalar_one() or 0)


def _grouped(conn: Connection, column, distinct=None, where=None) -> dict[str, int]:
    agg = func.count(func.distinct(distinct)) if distinct is not None else func.count()
    stmt = select(column, agg).group_by(column).order_by(column)
    rows = conn.execute(stmt.where(where) if where is not None else stmt)
    return {str(k): int(n) for k, n in rows}


def gather(conn: Connection) -> dict:
    ra, c, run = RecordAgent.__table__, Classification.__table__, ImportRun.__table__
    last = conn.execute(select(func.max(run.c.finished_at))).scalar_one()
    return {
        "records": _count(conn, select(func.count()).select_from(_R)),
        # Works and agents that some record still uses (re-imports and edits can orphan some).
        "works": _count(conn, select(func.count(func.distinct(_R.c.work_id)))),
        "agents": _count(conn, select(func.count(func.distinct(ra.c.agent_id)))),
        "agents_known": _count(conn, select(func.count()).select_from(Agent.__table__)),
        "items": _count(conn, select(func.count()).select_from(Item.__table__)),
        "quarantined": _count(conn, select(func.count()).select_from(Quarantine.__table__)),
        "by_source_format": _grouped(conn, _R.c.source_format),
        "by_encoding": _grouped(conn, _R.c.encoding),
        "with_warnings": _count(conn, select(func.count()).where(_R.c.warnings.is_not(None))),
        "edited": _count(conn, select(func.count()).where(_R.c.edited.is_(True))),
        # Codes records carry; model suggestions waiting for a decision are counted apart.
        "codes": _grouped(conn, c.c.scheme, where=c.c.source != "suggested"),
        "records_with_codes": _grouped(conn, c.c.scheme, distinct=c.c.record_id, where=c.c.source != "suggested"),
        "records_with_suggestions": _count(
            conn, select(func.count(func.distinct(c.c.record_id))).where(c.c.source == "suggested")),
        "import_runs": _grouped(conn, run.c.status),
        "last_import": last.isoformat() if last is not None else None,
    }
