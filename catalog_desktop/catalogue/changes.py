"""What a mutating call touched, so views redraw only that (Anki's ``OpChanges``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone


@dataclass(frozen=True, slots=True)
class Change:
    records: tuple[int, ...] = ()
    works: tuple[int, ...] = ()
    quarantine: tuple[int, ...] = ()
    settings: tuple[str, ...] = ()
    reason: str = ""
    who: str | None = None
    versions: tuple[int, ...] = ()  # the record versions the change produced, per record
    decisions: tuple[int, ...] = ()  # suggestion decisions written or undone


def utcnow() -> datetime:
    """Naive UTC: what every timestamp column holds (portable across SQLite and PostgreSQL)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def current_user() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers/services; history then says None
        return None
