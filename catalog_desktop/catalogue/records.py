"""``catalogue.records``: reading records (one, by number, a page of a list) and editing one."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Callable

from sqlalchemy import Connection, and_, column, func, insert, or_, select, text, update

from catalog_desktop.catalogue.changes import Change, utcnow
from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.entities import CodeRef, RecordEntities
from catalog_desktop.catalogue.entity_rows import RECORD_VALUE_KEYS, EntityWriter, record_values
from catalog_desktop.catalogue.conflicts import Conflict
from catalog_desktop.catalogue.errors import NotAllowed, RecordNotFound, VersionConflict
from catalog_desktop.catalogue.history import add_versions, parse_warnings
from catalog_desktop.catalogue.decisions import mark_accepted
from catalog_desktop.catalogue.models import ID_TITLE_INDEX, Classification, Record, RecordVersion
from catalog_desktop.catalogue.search import SearchIndex, parse
from catalog_desktop.catalogue.security import refused_as_not_allowed
from catalog_desktop.catalogue.views import (
    SORT_KEYS,
    SUMMARY_COLUMNS,
    EntitiesView,
    RecordFilter,
    RecordSummary,
    StoredRecord,
    summary,
)
from catalog_desktop.marc.record import MarcRecord

_R = Record.__table__
_C = Classification.__table__
_V = RecordVersion.__table__


def parse_current(marc: bytes | None, raw: bytes, source_format: str) -> MarcRecord:
    """The record from its current bytes (ISO 2709), or from raw text when it never had any."""
    if marc is not None or source_format == "iso2709":
        from catalog_desktop.marc.iso2709 import parse_record

        return parse_record(marc if marc is not None else raw)[0]
    from catalog_desktop.marc.reading import ReadRecord, read_marc

    for item in read_marc(io.BytesIO(raw), source_format):
        if isinstance(item, ReadRecord):
            return item.record
    raise ValueError("stored record cannot be read back")


def _search_only(flt: RecordFilter | str | None) -> list | None:
    """The search terms of a filter that is a search and nothing else (else None)."""
    if isinstance(flt, str):
        flt = RecordFilter(text=flt)
    if flt is None or not flt.text or replace(flt, text=None) != RecordFilter():
        return None
    return parse(flt.text) or None


class Records:
    def __init__(self, engine, lock, index: SearchIndex, profile: Callable[[], object], works):
        self._engine = engine
        self._lock = lock
        self._index = index
        self._profile = profile
        self._works = works
        self._writer = EntityWriter(index)

    # --- reading -----------------------------------------------------------------------

    def get(self, record_id: int) -> StoredRecord:
        with reading(self._engine) as conn:
            row = conn.execute(select(_R).where(_R.c.id == record_id)).first()
        if row is None:
            raise RecordNotFound(record_id)
        return self._stored(row)

    def version(self, record_id: int) -> tuple[int, str | None] | None:
        """The stored version and who saved it (None: no such record). A cheap question an
        open editor asks now and then: has someone saved the record I show?"""
        with reading(self._engine) as conn:
            row = conn.execute(select(_R.c.version, _R.c.updated_by).where(_R.c.id == record_id)).first()
        return (row.version, row.updated_by) if row is not None else None

    def by_control_number(self, control_number: str) -> StoredRecord | None:
        """The record with this 001, or None. Looked up by identity (indexed) first; a record
        whose 001 was edited keeps its old identity, so then by the 001 column itself."""
        number = control_number.strip()
        with reading(self._engine) as conn:
            row = conn.execute(select(_R).where(_R.c.identity == number)).first()
            if row is None:
                row = conn.execute(select(_R).where(_R.c.control_number == number).order_by(_R.c.id).limit(1)).first()
        return self._stored(row) if row is not None else None

    def find(self, reference: str) -> StoredRecord:
        """The record a person named: its Vlacc number (001), else its id. Raises
        :class:`RecordNotFound` naming what was typed."""
        stored = self.by_control_number(reference)
        if stored is None and reference.strip().isdigit():
            try:
                stored = self.get(int(reference))
            except RecordNotFound:
                stored = None
        if stored is None:
            raise RecordNotFound(f"with id or Vlacc number {reference!r}")
        return stored

    def ids_with_work_key(self, work_key: str) -> list[int]:
        """The records of the work with this key (normalised title + author), for duplicates."""
        from catalog_desktop.catalogue.models import Work

        w = Work.__table__
        with reading(self._engine) as conn:
            return list(conn.execute(select(_R.c.id).join(w, w.c.id == _R.c.work_id)
                                     .where(w.c.key == work_key).order_by(_R.c.id)).scalars())

    def _stored(self, r) -> StoredRecord:
        return StoredRecord(
            r.id, r.identity, r.control_number, parse_current(r.marc, r.raw, r.source_format), r.raw, r.marc,
            r.source_format, r.encoding, parse_warnings(r.warnings), r.title, r.main_author, r.year, r.isbn,
            r.material, r.literary_type, r.audience, r.zizo, r.siso, r.genres, r.work_id, r.version,
            bool(r.edited), r.imported_at, r.updated_at, r.source_file, r.source_offset, r.profile_name,
            r.owner_library, r.updated_by,
        )

    def _where(self, flt: RecordFilter | str | None):
        if flt is None:
            return None
        if isinstance(flt, str):
            flt = RecordFilter(text=flt)
        conds = []
        if flt.text:
            terms = parse(flt.text)
            if terms:
                conds.append(_R.c.id.in_(self._index.matching_ids(terms)))
        if flt.material is not None:
            conds.append(_R.c.material == flt.material)
        if flt.with_warnings is not None:
            conds.append(_R.c.warnings.is_not(None) if flt.with_warnings else _R.c.warnings.is_(None))
        if flt.edited is not None:
            conds.append(_R.c.edited == flt.edited)  # "edited = 1", as ix_record_edited reads
        if flt.work_id is not None:
            conds.append(_R.c.work_id == flt.work_id)
        if flt.source_format is not None:
            conds.append(_R.c.source_format == flt.source_format)
        if flt.code is not None:
            scheme, code = flt.code
            conds.append(_R.c.id.in_(select(_C.c.record_id).where(
                _C.c.scheme == scheme, _C.c.code == code, _C.c.source != "suggested")))
        if flt.suggestions_waiting is not None:
            waiting = _R.c.id.in_(select(_C.c.record_id).where(_C.c.source == "suggested"))
            conds.append(waiting if flt.suggestions_waiting else ~waiting)
        if flt.without_code is not None:
            column = {"zizo": _R.c.zizo, "siso": _R.c.siso, "genre": _R.c.genres}.get(flt.without_code)
            if column is None:
                raise ValueError(f"no code column for scheme {flt.without_code!r}")
            conds.append(or_(column.is_(None), column == ""))
        if flt.updated_by is not None:
            conds.append(_R.c.updated_by == flt.updated_by)
        if flt.updated_since is not None:
            conds.append(and_(_R.c.updated_at >= flt.updated_since, _R.c.edited == True))  # noqa: E712
        return and_(*conds) if conds else None

    def count(self, filter: RecordFilter | str | None = None) -> int:
        terms = _search_only(filter)
        if terms:
            # A plain search: count the index's hits. Every search document belongs to a
            # record (both are written and removed in one transaction), and looking each hit
            # up in the record table cost ~50 ms per 20,000 hits.
            stmt = select(func.count()).select_from(self._index.matching_ids(terms).subquery())
        else:
            stmt = select(func.count()).select_from(_R)
            where = self._where(filter)
            if where is not None:
                stmt = stmt.where(where)
        with reading(self._engine) as conn:
            return conn.execute(stmt).scalar_one()

    def page(self, offset: int = 0, limit: int = 200, order_by: str = "id",
             filter: RecordFilter | str | None = None) -> list[RecordSummary]:
        """A slice of the record list, sorted and filtered in SQL (for a lazy table view)."""
        descending = order_by.startswith("-")
        key = SORT_KEYS.get(order_by.lstrip("-"))
        if key is None:
            raise ValueError(f"cannot sort by {order_by!r}; choose from {', '.join(SORT_KEYS)}")
        order = [key.desc() if descending else key.asc(), _R.c.id.desc() if descending else _R.c.id.asc()]
        # First which records, reading only what the filter and the sort need (an index can
        # answer that without reading each record, MARC blobs and all), then those rows.
        terms = _search_only(filter) if key is _R.c.title else None
        if terms and self._engine.dialect.name == "sqlite":
            chosen = self._hits_by_title(terms, descending, offset, limit)
        else:
            chosen = select(_R.c.id).order_by(*order).offset(offset).limit(limit)
            where = self._where(filter)
            if where is not None:
                chosen = chosen.where(where)
        chosen = chosen.subquery("chosen")
        stmt = select(*SUMMARY_COLUMNS).join_from(_R, chosen, _R.c.id == chosen.c.id).order_by(*order)
        with reading(self._engine) as conn:
            return [summary(row) for row in conn.execute(stmt)]

    def _hits_by_title(self, terms, descending: bool, offset: int, limit: int):
        """The ids of a page of a search's hits in title order (SQLite). Left to itself SQLite
        looks every hit up in the record table for its title: ~20,000 reads of MARC-sized rows
        for a common word. The (id, title) index holds the same in a few MB (4x faster)."""
        rid, title = column("id"), column("title")
        order = [title.desc(), rid.desc()] if descending else [title.asc(), rid.asc()]
        return (select(rid).select_from(text(f"record INDEXED BY {ID_TITLE_INDEX}"))
                .where(rid.in_(self._index.matching_ids(terms))).order_by(*order).offset(offset).limit(limit))

    def entities(self, record_id: int) -> EntitiesView:
        from catalog_desktop.catalogue.derive import derive_entities

        stored = self.get(record_id)
        ents = derive_entities(stored.record, self._profile())
        with reading(self._engine) as conn:
            codes = tuple(
                CodeRef(r.scheme, r.code, r.tag, r.label, tuple(r.path.split(" > ")) if r.path else (), r.qualifier, r.source)
                for r in conn.execute(select(_C).where(_C.c.record_id == record_id).order_by(_C.c.seq))
            )
        work = self._works.get(stored.work_id) if stored.work_id is not None else None
        editions = tuple(self._works.editions(stored.work_id)) if work is not None else ()
        return EntitiesView(record_id, ents, codes, work, editions)

    # --- editing -----------------------------------------------------------------------

    def update(self, record_id: int, new_record: MarcRecord, *, who: str | None, reason: str = "edit",
               expected_version: int | None = None, also: Callable[[Connection], None] | None = None) -> Change:
        """Replace a record's MARC; the old bytes go to history, entities are derived anew.

        ``expected_version`` (optimistic locking): refuse with :class:`VersionConflict` when
        the record changed since the caller read it; the error carries both versions and
        :meth:`conflict` compares them. The identity (import match key) stays, even if the 001
        changed, so that re-importing the original file still finds it. On a server, a change
        the login may not make raises :class:`NotAllowed` (the server's row-level security).
        ``also(conn)`` runs inside the same transaction after the record is written (the
        decision log uses it, so a decision and its MARC change commit or fail together).
        """
        return self._replace(record_id, new_record, who=who, reason=reason, expected_version=expected_version,
                             edited=None, also=also)

    def restore(self, record_id: int, version: int, *, who: str | None, reason: str = "undo",
                expected_version: int | None = None, also: Callable[[Connection], None] | None = None) -> Change:
        """Put back an earlier version exactly: its bytes and its "edited" flag (a new version,
        so the state being replaced goes to history too)."""
        from catalog_desktop.marc.iso2709 import parse_record

        with reading(self._engine) as conn:
            row = conn.execute(
                select(_V.c.marc, _V.c.edited, _R.c.raw, _R.c.source_format)
                .join(_R, _R.c.id == _V.c.record_id)
                .where(_V.c.record_id == record_id, _V.c.version == version)
                .order_by(_V.c.id.desc()).limit(1)
            ).first()
        if row is None:
            raise RecordNotFound(f"{record_id} version {version}")
        if row.marc == row.raw:
            record = parse_current(None, row.raw, row.source_format)
        else:
            record = parse_record(row.marc)[0]
        return self._replace(record_id, record, who=who, reason=reason, expected_version=expected_version,
                             edited=bool(row.edited), also=also)

    def _replace(self, record_id: int, new_record: MarcRecord, **kwargs) -> Change:
        from sqlalchemy.exc import IntegrityError

        try:
            return self._replace_once(record_id, new_record, **kwargs)
        except IntegrityError:
            # On a server, another workstation may have added the same new work or agent
            # (unique key) while we did; now that it is committed, a second try finds it.
            if self._engine.dialect.name != "postgresql":
                raise
            return self._replace_once(record_id, new_record, **kwargs)

    def _replace_once(self, record_id: int, new_record: MarcRecord, *, who: str | None, reason: str,
                      expected_version: int | None, edited: bool | None, also) -> Change:
        from catalog_desktop.catalogue.derive import derive_entities
        from catalog_desktop.marc.iso2709 import serialize

        marc = serialize(new_record)
        try:
            ents = derive_entities(new_record, self._profile())
        except Exception:
            ents = RecordEntities(control_number=new_record.control_number, title="")
        with self._lock:
            try:
                with refused_as_not_allowed(f"change record {record_id}"), writing(self._engine) as conn:
                    old = conn.execute(
                        select(_R.c.id, _R.c.raw, _R.c.marc, _R.c.version, _R.c.warnings, _R.c.edited, _R.c.work_id)
                        .where(_R.c.id == record_id)
                    ).first()
                    if old is None:
                        raise RecordNotFound(record_id)
                    if expected_version is not None and old.version != expected_version:
                        raise VersionConflict(record_id, expected_version, old.version, mine=new_record)
                    now = utcnow()
                    add_versions(conn, [{
                        "record_id": record_id, "version": old.version, "marc": old.marc if old.marc is not None else old.raw,
                        "warnings": old.warnings, "edited": old.edited, "changed_at": now, "who": who, "reason": reason,
                        "import_run_id": None,
                    }])
                    (work_id,) = self._writer.work_ids(conn, [ents])
                    values = {
                        **dict(zip(RECORD_VALUE_KEYS, record_values(ents))), "control_number": new_record.control_number,
                        "encoding": new_record.encoding, "marc": None if marc == old.raw else marc,
                        "work_id": work_id, "updated_at": now, "edited": True if edited is None else edited,
                        "version": old.version + 1,
                        "updated_by": who,
                    }
                    done = conn.execute(
                        update(_R).where(_R.c.id == record_id, _R.c.version == old.version).values(**values)
                    )
                    if done.rowcount != 1:
                        # Someone saved between our read and our write (the server re-checks the
                        # version under the row lock), or row-level security hid the row from
                        # this login's UPDATE: tell the two apart by the version now.
                        now_version = conn.execute(select(_R.c.version).where(_R.c.id == record_id)).scalar()
                        if now_version == old.version:
                            raise NotAllowed(f"change record {record_id}", "it belongs to another library")
                        raise VersionConflict(record_id, expected_version or old.version, now_version or -1, mine=new_record)
                    self._writer.clear(conn, [record_id])
                    self._writer.write(conn, [(record_id, ents, new_record.control_number)])
                    mark_accepted(conn, [record_id])
                    if also is not None:
                        also(conn)
            except VersionConflict as conflict:
                self._writer.rolled_back()
                conflict.theirs = self._current_or_none(record_id)
                raise
            except BaseException:
                self._writer.rolled_back()
                raise
            self._writer.committed()
        works = tuple(sorted({w for w in (old.work_id, work_id) if w is not None}))
        return Change(records=(record_id,), works=works, reason=reason, who=who, versions=(old.version + 1,))

    def create(self, new_record: MarcRecord, *, who: str | None, also: Callable[[Connection, int], None] | None = None) -> Change:
        """Add a record made here (not imported): a new-record dialog, a template.

        Its bytes are its raw form (it has no file); it counts as edited, so "changed since
        import" and an export pick it up. A record whose 001 another record already has is
        refused (the 001 is what a re-import matches on). ``also(conn, record_id)`` runs in
        the same transaction (the edit step is written there).
        """
        from catalog_desktop.catalogue.derive import derive_entities
        from catalog_desktop.catalogue.errors import CatalogueError
        from catalog_desktop.catalogue.preparing import identity_of
        from catalog_desktop.marc.iso2709 import serialize

        raw = serialize(new_record)
        ents = derive_entities(new_record, self._profile())
        identity = identity_of(new_record.control_number, raw)
        with self._lock:
            try:
                with refused_as_not_allowed("add a record"), writing(self._engine) as conn:
                    if conn.execute(select(_R.c.id).where(_R.c.identity == identity)).first() is not None:
                        raise CatalogueError(f"er is al een record met nummer {identity}: kies een ander 001-nummer")
                    (work_id,) = self._writer.work_ids(conn, [ents])
                    now = utcnow()
                    values = {
                        **dict(zip(RECORD_VALUE_KEYS, record_values(ents))), "identity": identity,
                        "control_number": new_record.control_number, "source_format": "iso2709",
                        "encoding": new_record.encoding, "raw": raw, "marc": None, "work_id": work_id,
                        "imported_at": now, "updated_at": now, "edited": True, "version": 1, "updated_by": who,
                        "profile_name": self._profile().name,
                    }
                    record_id = conn.execute(insert(_R).values(**values)).inserted_primary_key[0]
                    self._writer.write(conn, [(record_id, ents, new_record.control_number)])
                    if also is not None:
                        also(conn, record_id)
            except BaseException:
                self._writer.rolled_back()
                raise
            self._writer.committed()
        works = (work_id,) if work_id is not None else ()
        return Change(records=(record_id,), works=works, reason="new", who=who, versions=(1,))

    def remove_created(self, record_id: int, *, also: Callable[[Connection], None] | None = None) -> Change:
        """Take a record made here out again (undo of its creation), only while nobody saved
        it since (version 1, never imported)."""
        from sqlalchemy import delete

        from catalog_desktop.catalogue.errors import CatalogueError

        with self._lock:
            try:
                with refused_as_not_allowed(f"remove record {record_id}"), writing(self._engine) as conn:
                    row = conn.execute(select(_R.c.version, _R.c.source_file, _R.c.work_id).where(_R.c.id == record_id)).first()
                    if row is None:
                        raise RecordNotFound(record_id)
                    if row.version != 1 or row.source_file is not None:
                        raise CatalogueError(f"record {record_id} is sinds het aanmaken bewaard of geïmporteerd: "
                                             "het wordt niet weggenomen")
                    self._writer.clear(conn, [record_id])
                    conn.execute(delete(_R).where(_R.c.id == record_id))
                    if also is not None:
                        also(conn)
            except BaseException:
                self._writer.rolled_back()
                raise
            self._writer.committed()
        return Change(records=(record_id,), works=(row.work_id,) if row.work_id else (), reason="undo new")

    def apply(self, record_id: int, edit: Callable[[MarcRecord], MarcRecord | None], *, who: str | None,
              reason: str = "edit", attempts: int = 10) -> Change | None:
        """Read, change with ``edit``, save only if nobody saved in between; else read again.

        For batch jobs and scripts whose change can be re-applied to whatever the record is
        now (add a code, set a field): they never overwrite a colleague's save and never fail
        on one. ``edit`` returns the new record, or None to leave it alone. A person's edit
        in the editor is not re-applied blindly: it gets the conflict to merge.
        """
        for attempt in range(attempts):
            current = self.get(record_id)
            changed = edit(current.record.copy())
            if changed is None:
                return None
            try:
                return self.update(record_id, changed, who=who, reason=reason, expected_version=current.version)
            except VersionConflict:
                if attempt == attempts - 1:
                    raise
        return None

    def _current_or_none(self, record_id: int) -> StoredRecord | None:
        try:
            return self.get(record_id)
        except RecordNotFound:  # deleted meanwhile
            return None

    def conflict(self, error: VersionConflict, base_version: int | None = None) -> Conflict:
        """The field-by-field comparison for a failed save: base (the version the editor
        opened, from the history), mine (what it tried to save), theirs (stored now)."""
        base_version = error.expected if base_version is None else base_version
        theirs = error.theirs if error.theirs is not None else self.get(error.record_id)
        if error.mine is None:
            raise ValueError("this conflict does not carry the record that was to be saved")
        from catalog_desktop.catalogue.history import History

        base = parse_current(History(self._engine).version(error.record_id, base_version).marc, b"", "iso2709")
        return Conflict(error.record_id, base_version, theirs.version, base, error.mine, theirs.record, theirs.updated_by)
