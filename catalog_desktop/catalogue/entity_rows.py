"""Writing the derived side of records: works and agents (by key), child rows, search documents.

Shared by the importer (hundreds of records per call) and the editor (one record): both
hand over records' :class:`~store_rows.EntityRows` inside their own transaction. Work and
agent ids are cached by key for the life of the writer; ids first seen inside a transaction
are staged and join the cache only on :meth:`EntityWriter.committed`, so a rolled-back batch
can never leave the cache pointing at rows that do not exist.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from sqlalchemy import Connection, Table, delete

from catalog_desktop.catalogue.bulk import KeyLookup, bulk_insert
from catalog_desktop.catalogue.entities import RecordEntities
from catalog_desktop.catalogue.models import Agent, Classification, Item, RecordAgent, Subject, Work
from catalog_desktop.catalogue.search import SearchIndex
from catalog_desktop.catalogue.store_rows import (  # noqa: F401  (re-exported for the editor)
    CHILD_COLUMNS,
    RECORD_VALUE_KEYS,
    EntityRows,
    entity_rows,
    record_values,
)

CHILD_TABLES: tuple[Table, ...] = tuple(
    m.__table__ for m in (RecordAgent, Subject, Classification, Item)  # type: ignore[misc]
)
_WORK: Table = Work.__table__  # type: ignore[assignment]
_AGENT: Table = Agent.__table__  # type: ignore[assignment]
_CHUNK = 500  # keys per IN (...): well under every database's parameter limit
_LOOKUP = {t.name: KeyLookup(t, ("key", "id"), "key") for t in (_WORK, _AGENT)}


class EntityWriter:
    def __init__(self, index: SearchIndex):
        self.index = index
        self._ids: dict[str, dict[str, int]] = {"work": {}, "agent": {}}
        self._staged: dict[str, dict[str, int]] = {"work": {}, "agent": {}}

    def committed(self) -> None:
        for kind, staged in self._staged.items():
            self._ids[kind].update(staged)
            staged.clear()

    def rolled_back(self) -> None:
        for staged in self._staged.values():
            staged.clear()

    def _resolve(self, conn: Connection, table: Table, wanted: dict[str, tuple]) -> dict[str, int]:
        """Ids for keys (``wanted``: key -> full row, key first): from the cache, else one
        SELECT, else one bulk INSERT (and SELECT)."""
        kind = table.name
        known, staged = self._ids[kind], self._staged[kind]
        missing = [k for k in wanted if k not in known and k not in staged]
        lookup = _LOOKUP[kind]
        for i in range(0, len(missing), _CHUNK):
            staged.update({key: kid for key, kid in lookup.rows(conn, missing[i : i + _CHUNK])})
        new = [k for k in missing if k not in staged]
        if new:
            # executemany, then the ids back by key (unique index): cheaper than RETURNING.
            columns = ("key", "title", "author") if kind == "work" else ("key", "name")
            bulk_insert(conn.dialect, table, columns).run(conn, [wanted[k] for k in new])
            for i in range(0, len(new), _CHUNK):
                staged.update({key: kid for key, kid in lookup.rows(conn, new[i : i + _CHUNK])})
        return {k: known.get(k) or staged[k] for k in wanted}

    def work_ids(self, conn: Connection, ents: Sequence[RecordEntities]) -> list[int | None]:
        """The work id of each record's entities (None for an unknown work), creating works."""
        return self.work_ids_of(conn, [entity_rows(e.control_number, e).work for e in ents])

    def work_ids_of(self, conn: Connection, works: Sequence[tuple | None]) -> list[int | None]:
        """Like :meth:`work_ids`, for ``EntityRows.work`` tuples ``(key, title, author)``."""
        wanted = {w[0]: w for w in works if w is not None}
        ids = self._resolve(conn, _WORK, wanted) if wanted else {}
        return [ids[w[0]] if w is not None else None for w in works]

    def write(self, conn: Connection, pairs: Sequence[tuple[int, RecordEntities, str | None]]) -> None:
        """Child rows and search documents for ``(record_id, entities, control_number)``."""
        self.write_rows(conn, [(rid, entity_rows(cn, e)) for rid, e, cn in pairs])

    def write_rows(self, conn: Connection, pairs: Sequence[tuple[int, EntityRows]]) -> None:
        """Child rows and search documents for ``(record_id, rows)``: one executemany per table."""
        agents = {a[1]: (a[1], a[2]) for _, rows in pairs for a in rows.agents}
        agent_ids = self._resolve(conn, _AGENT, agents) if agents else {}
        ra, su, cl, it = [], [], [], []
        for rid, rows in pairs:
            # Tuples in CHILD_COLUMNS order: the bulk path skips per-row dicts (see bulk.py).
            if rows.agents:
                ra += [(rid, seq, agent_ids[key], role, tag, main) for seq, key, _name, role, tag, main in rows.agents]
            if rows.subjects:
                su += [(rid, *row) for row in rows.subjects]
            if rows.codes:
                cl += [(rid, *row) for row in rows.codes]
            if rows.items:
                it += [(rid, *row) for row in rows.items]
        for table, table_rows in zip(CHILD_TABLES, (ra, su, cl, it)):
            bulk_insert(conn.dialect, table, CHILD_COLUMNS[table.name]).run(conn, table_rows)
        self.index.add(conn, [(rid, rows.document) for rid, rows in pairs])

    def clear(self, conn: Connection, record_ids: Iterable[int]) -> None:
        """Remove the child rows and search documents of records about to be rewritten."""
        ids = list(record_ids)
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            for table in CHILD_TABLES:
                conn.execute(delete(table).where(table.c.record_id.in_(chunk)))
            self.index.remove(conn, chunk)
