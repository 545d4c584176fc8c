"""``catalog db copy``: move a whole catalogue between databases (SQLite <-> PostgreSQL).

Every table the models describe is copied row by row with its ids, in foreign-key order,
inside ONE transaction on the target: a failed or cancelled copy leaves the target as empty
as it was. Bytes stay bytes (the exact MARC, history, quarantine), timestamps stay naive
UTC. Two things are rebuilt instead of copied: the search index (FTS5 on SQLite, the
``record_search`` table elsewhere; each target gets its own kind, derived from the records)
and the id sequences on PostgreSQL (set past the copied ids). Who has a record open
(``record_presence``) is a moment's state and is not copied.

On a server, run the copy as the catalogue's owner (the administrator): the server stamps
``who`` columns of team members' writes with their login, which would rename the history.
"""

from __future__ import annotations

import threading
from typing import Callable

from sqlalchemy import func, insert, select

from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.errors import CatalogueError
from catalog_desktop.catalogue.models import metadata

Progress = Callable[[int, int, str], None]
CHUNK = 1000
NOT_COPIED = {"record_search", "record_presence"}  # rebuilt / transient


class CopyCancelled(CatalogueError):
    def __init__(self):
        super().__init__("copy cancelled; the target was left as it was")


def copied_tables():
    return [t for t in metadata.sorted_tables if t.name not in NOT_COPIED]


def copy_catalogue(source, target, progress: Progress | None = None,
                   cancel: threading.Event | None = None) -> dict[str, int]:
    """Copy ``source`` (a Catalogue) into ``target`` (an empty Catalogue); rows per table."""
    tables = copied_tables()
    with reading(source.engine) as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}
    with reading(target.engine) as conn:
        if conn.execute(select(func.count()).select_from(metadata.tables["record"])).scalar_one():
            raise CatalogueError(f"the target {target.location} already holds records; copy only into an empty catalogue")
    total = sum(counts.values()) + counts["record"]  # records twice: rows, then search documents
    done = 0
    with writing(target.engine) as out:
        for table in tables:
            order = list(table.primary_key.columns)
            with source.engine.connect() as src:
                result = src.execution_options(yield_per=CHUNK).execute(select(table).order_by(*order))
                for rows in result.partitions():
                    if cancel is not None and cancel.is_set():
                        raise CopyCancelled()
                    # setting: the target's own defaults may already be there; the source's win
                    if table.name == "setting":
                        out.execute(table.delete().where(table.c.key.in_([r.key for r in rows])))
                    out.execute(insert(table), [dict(r._mapping) for r in rows])
                    done += len(rows)
                    if progress is not None:
                        progress(done, total, f"{table.name}: {done:,}")
        done = _rebuild_search(source, target, out, done, total, progress, cancel)
        if out.dialect.name == "postgresql":
            _reset_sequences(out, tables)
        for table in tables:
            found = out.execute(select(func.count()).select_from(table)).scalar_one()
            if found != counts[table.name]:
                raise CatalogueError(f"copy of {table.name} incomplete: {found} of {counts[table.name]} rows")
    return counts


def _rebuild_search(source, target, out, done, total, progress, cancel) -> int:
    from catalog_desktop.catalogue.derive import derive_entities
    from catalog_desktop.catalogue.entities import RecordEntities
    from catalog_desktop.catalogue.records import parse_current
    from catalog_desktop.catalogue.search import document

    r = metadata.tables["record"]
    profile = source.profile()
    index = target._index
    with source.engine.connect() as src:
        stmt = select(r.c.id, r.c.raw, r.c.marc, r.c.source_format, r.c.control_number).order_by(r.c.id)
        for rows in src.execution_options(yield_per=CHUNK).execute(stmt).partitions():
            if cancel is not None and cancel.is_set():
                raise CopyCancelled()
            docs = []
            for row in rows:
                try:
                    ents = derive_entities(parse_current(row.marc, row.raw, row.source_format), profile)
                except Exception:  # the importer stores such records with empty entities too
                    ents = RecordEntities(control_number=row.control_number, title="")
                docs.append((row.id, document(row.control_number, ents)))
            index.add(out, docs)
            done += len(rows)
            if progress is not None:
                progress(done, total, f"search index: {done:,}")
    return done


def _reset_sequences(conn, tables) -> None:
    """Serial ids continue after the copied ones (explicit ids do not advance a sequence)."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        seq = conn.exec_driver_sql(f"SELECT pg_get_serial_sequence('{table.name}', '{pk[0].name}')").scalar()
        if seq:
            conn.exec_driver_sql(
                f"SELECT setval('{seq}', COALESCE((SELECT max({pk[0].name}) FROM {table.name}), 0) + 1, false)"
            )
