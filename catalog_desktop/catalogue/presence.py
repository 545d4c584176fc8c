"""``catalogue.presence``: who else has a record open, so the editor can say so before a clash.

Advisory, not a lock: the record's version is what keeps two saves from overwriting each
other. An editor calls :meth:`Presence.enter` on opening a record, :meth:`beat` every
minute or so while it stays open, and :meth:`leave` on closing; :meth:`others` lists the
people whose heartbeat is fresher than ``stale_after`` (a crashed workstation drops out by
itself). On a server each login can only write its own rows (row-level security).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, insert, select, update

from catalog_desktop.catalogue.changes import utcnow
from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.models import RecordPresence, TeamMember

_P = RecordPresence.__table__
_T = TeamMember.__table__
STALE_AFTER = timedelta(minutes=3)


@dataclass(frozen=True, slots=True)
class Viewer:
    record_id: int
    who: str
    workstation: str
    since: datetime
    heartbeat: datetime
    person: str | None = None  # the name ``catalog db grant --person`` gave the login
    library: str | None = None  # a partner library's login: which library

    @property
    def name(self) -> str:
        return self.person or self.who


def this_workstation() -> str:
    return socket.gethostname() or "?"


class Presence:
    def __init__(self, engine, who: str, workstation: str | None = None):
        self._engine = engine
        self.who = who
        self.workstation = workstation or this_workstation()

    def _mine(self, record_id: int):
        return and_(_P.c.record_id == record_id, _P.c.who == self.who, _P.c.workstation == self.workstation)

    def enter(self, record_id: int) -> list[Viewer]:
        """Mark the record open here; returns the others who have it open."""
        now = utcnow()
        with writing(self._engine) as conn:
            if conn.execute(update(_P).where(self._mine(record_id)).values(heartbeat=now)).rowcount == 0:
                conn.execute(insert(_P).values(record_id=record_id, who=self.who, workstation=self.workstation,
                                               since=now, heartbeat=now))
        return self.others(record_id)

    def beat(self, record_id: int) -> None:
        with writing(self._engine) as conn:
            conn.execute(update(_P).where(self._mine(record_id)).values(heartbeat=utcnow()))

    def leave(self, record_id: int) -> None:
        with writing(self._engine) as conn:
            conn.execute(delete(_P).where(self._mine(record_id)))

    def others(self, record_id: int, stale_after: timedelta = STALE_AFTER) -> list[Viewer]:
        """Everyone else with the record open and a recent heartbeat, longest open first."""
        fresh = utcnow() - stale_after
        stmt = (
            select(_P, _T.c.person, _T.c.library).select_from(_P.outerjoin(_T, _T.c.login == _P.c.who))
            .where(_P.c.record_id == record_id, _P.c.heartbeat >= fresh)
            .where(~and_(_P.c.who == self.who, _P.c.workstation == self.workstation))
            .order_by(_P.c.since)
        )
        with reading(self._engine) as conn:
            return [Viewer(r.record_id, r.who, r.workstation, r.since, r.heartbeat, r.person, r.library)
                    for r in conn.execute(stmt)]
