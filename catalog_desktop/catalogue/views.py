"""What reading the catalogue gives back: light rows for lists, full records for the editor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from catalog_desktop.catalogue.entities import CodeRef, RecordEntities
from catalog_desktop.catalogue.models import Record
from catalog_desktop.marc.reading import Problem
from catalog_desktop.marc.record import MarcRecord

_R = Record.__table__


class RecordSummary(NamedTuple):
    """One line of a record list (a plain tuple underneath: cheap for 100,000 rows)."""

    id: int
    control_number: str | None
    title: str
    author: str | None
    year: str | None
    material: str | None
    zizo: str | None
    siso: str | None
    genres: str | None
    has_warnings: bool
    edited: bool


SUMMARY_COLUMNS = (
    _R.c.id, _R.c.control_number, _R.c.title, _R.c.main_author, _R.c.year, _R.c.material,
    _R.c.zizo, _R.c.siso, _R.c.genres, _R.c.warnings.is_not(None), _R.c.edited,
)

# What ``page(order_by=...)`` accepts ("-title" sorts descending).
SORT_KEYS = {
    "id": _R.c.id, "control_number": _R.c.control_number, "title": _R.c.title,
    "author": _R.c.main_author, "year": _R.c.year, "material": _R.c.material, "zizo": _R.c.zizo,
    "siso": _R.c.siso, "genres": _R.c.genres, "updated": _R.c.updated_at, "imported": _R.c.imported_at,
    "warnings": _R.c.warnings.is_not(None), "edited": _R.c.edited,
}


def summary(row) -> RecordSummary:
    return RecordSummary(*row[:9], bool(row[9]), bool(row[10]))


@dataclass(frozen=True, slots=True)
class RecordFilter:
    """Narrowing a record list; every field set must hold."""

    text: str | None = None  # a search query, same syntax as ``Catalogue.search``
    material: str | None = None
    with_warnings: bool | None = None
    edited: bool | None = None
    work_id: int | None = None
    source_format: str | None = None
    code: tuple[str, str] | None = None  # (scheme, code) the record carries (not a mere suggestion)
    suggestions_waiting: bool | None = None  # has model suggestions stored, not yet decided
    without_code: str | None = None  # a scheme ("zizo", "siso", "genre") the record has no code of yet
    updated_by: str | None = None  # who saved the current version
    updated_since: datetime | None = None  # saved (edited, not imported) at or after this moment


# The browser's ready-made filters (the GUI lists them; QUARANTINE shows the quarantine list,
# which holds no records). ``named_filter`` builds the RecordFilter for one.
NO_ZIZO, SUGGESTIONS_WAITING, QUARANTINE, CHANGED_SINCE_IMPORT, MY_EDITS_TODAY = (
    "no_zizo", "suggestions_waiting", "quarantine", "changed_since_import", "my_edits_today")
NAMED_FILTERS = (NO_ZIZO, SUGGESTIONS_WAITING, QUARANTINE, CHANGED_SINCE_IMPORT, MY_EDITS_TODAY)


def named_filter(name: str, *, who: str | None, now: datetime, text: str | None = None) -> RecordFilter | None:
    """The record filter behind a ready-made filter name (None for QUARANTINE: not records).
    ``now`` is local time: "today" starts at local midnight, converted to UTC as stored."""
    from datetime import timezone

    if name == QUARANTINE:
        return None
    if name == NO_ZIZO:
        return RecordFilter(text=text, without_code="zizo")
    if name == SUGGESTIONS_WAITING:
        return RecordFilter(text=text, suggestions_waiting=True)
    if name == CHANGED_SINCE_IMPORT:
        return RecordFilter(text=text, edited=True)
    if name == MY_EDITS_TODAY:
        local = now.astimezone()  # a naive moment is taken as local time
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        since = midnight.astimezone(timezone.utc).replace(tzinfo=None)
        return RecordFilter(text=text, updated_by=who or "", updated_since=since)
    raise ValueError(f"no filter named {name!r}; choose from {', '.join(NAMED_FILTERS)}")


@dataclass(frozen=True, slots=True)
class StoredRecord:
    id: int
    identity: str
    control_number: str | None
    record: MarcRecord  # parsed from the current bytes; fields keep their raw bytes
    raw: bytes  # as imported
    marc: bytes | None  # current ISO 2709 bytes when they differ from raw
    source_format: str
    encoding: str
    warnings: tuple[Problem, ...]
    title: str
    main_author: str | None
    year: str | None
    isbn: str | None
    material: str | None
    literary_type: str | None
    audience: str | None
    zizo: str | None
    siso: str | None
    genres: str | None
    work_id: int | None
    version: int
    edited: bool
    imported_at: datetime
    updated_at: datetime
    source_file: str | None
    source_offset: int | None
    profile_name: str | None
    owner_library: str | None = None  # the partner library that owns it (None: shared)
    updated_by: str | None = None  # who saved the current version (None: an import)

    def current_marc(self) -> bytes:
        """The record's ISO 2709 bytes now: what an export writes."""
        return self.marc if self.marc is not None else self.raw


@dataclass(frozen=True, slots=True)
class WorkInfo:
    id: int
    key: str
    title: str
    author: str | None
    editions: int  # how many records (manifestations) belong to it


@dataclass(frozen=True, slots=True)
class EntitiesView:
    """A record understood: its entities (from its MARC), stored codes, and its work's editions."""

    record_id: int
    entities: RecordEntities
    codes: tuple[CodeRef, ...]  # as stored, including suggested/accepted ones
    work: WorkInfo | None
    editions: tuple[RecordSummary, ...]  # all records of the work, this one included
