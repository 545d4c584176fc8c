"""``catalogue.works``: the works records belong to, and each work's editions."""

from __future__ import annotations

from sqlalchemy import func, select

from catalog_desktop.catalogue.db import reading
from catalog_desktop.catalogue.errors import WorkNotFound
from catalog_desktop.catalogue.models import Record, Work
from catalog_desktop.catalogue.views import SUMMARY_COLUMNS, RecordSummary, WorkInfo, summary

_R = Record.__table__
_W = Work.__table__


class Works:
    def __init__(self, engine):
        self._engine = engine

    def get(self, work_id: int) -> WorkInfo:
        editions = select(func.count()).where(_R.c.work_id == _W.c.id).scalar_subquery()
        with reading(self._engine) as conn:
            row = conn.execute(select(_W.c.id, _W.c.key, _W.c.title, _W.c.author, editions).where(_W.c.id == work_id)).first()
        if row is None:
            raise WorkNotFound(work_id)
        return WorkInfo(*row)

    def editions(self, work_id: int) -> list[RecordSummary]:
        """Every record of the work, oldest publication first."""
        stmt = select(*SUMMARY_COLUMNS).where(_R.c.work_id == work_id).order_by(_R.c.year, _R.c.id)
        with reading(self._engine) as conn:
            return [summary(row) for row in conn.execute(stmt)]

    def count(self, with_editions_only: bool = True) -> int:
        """Works with at least one record (re-imports and edits can leave a work unused)."""
        stmt = select(func.count(func.distinct(_R.c.work_id))) if with_editions_only else select(func.count()).select_from(_W)
        with reading(self._engine) as conn:
            return conn.execute(stmt).scalar_one()
