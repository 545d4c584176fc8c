"""Writing the derived side of records: works and agents (by key), child rows, search documents.

Shared by the importer (hundreds of records per call) and the editor (one record): both
hand over ``(record_id, entities)`` pairs inside their own transaction. Work and agent ids
are cached by key for the life of the writer; ids first seen inside a transaction are
staged and join the cache only on :meth:`EntityWriter.committed`, so a rolled-back batch can
never leave the cache pointing at rows that do not exist.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from sqlalchemy import Connection, Table, bindparam, delete, select

from catalog_desktop.catalogue.bulk import bulk_insert
from catalog_desktop.catalogue.entities import RecordEntities
from catalog_desktop.catalogue.models import Agent, Classification, Item, RecordAgent, Subject, Work
from catalog_desktop.catalogue.search import SearchIndex, document

CHILD_TABLES: tuple[Table, ...] = tuple(
    m.__table__ for m in (RecordAgent, Subject, Classification, Item)  # type: ignore[misc]
)
CHILD_COLUMNS = {
    "record_agent": ("record_id", "seq", "agent_id", "role", "tag", "main"),
    "subject": ("record_id", "seq", "term", "kind", "tag", "audience", "source_code"),
    "classification": ("record_id", "seq", "scheme", "code", "label", "path", "qualifier", "source", "tag"),
    "item": ("record_id", "seq", "barcode", "library", "location", "call_number", "tag"),
}
_WORK: Table = Work.__table__  # type: ignore[assignment]
_AGENT: Table = Agent.__table__  # type: ignore[assignment]
_CHUNK = 500  # keys per IN (...): well under every database's parameter limit
_LOOKUP = {
    t.name: select(t.c.key, t.c.id).where(t.c.key.in_(bindparam("keys", expanding=True))) for t in (_WORK, _AGENT)
}


RECORD_VALUE_KEYS = (
    "title", "main_author", "year", "isbn", "material", "literary_type", "audience", "language", "zizo", "siso", "genres",
)
_DISPLAY = {"zizo": 0, "siso": 1, "genre": 2}


def record_values(ent: RecordEntities) -> tuple:
    """The derived columns of ``record`` in :data:`RECORD_VALUE_KEYS` order (the GUI lists,
    sorts and filters on them); code columns are display strings, "; "-joined."""
    shown: tuple[dict, dict, dict] = ({}, {}, {})
    for c in ent.codes:
        i = _DISPLAY.get(c.scheme)
        if i is not None:
            shown[i][c.code] = None
    return (
        ent.title or "", ent.main_author, ent.year, ent.isbns[0] if ent.isbns else None, ent.material,
        ent.literary_type, ent.audience, ent.language,
        "; ".join(shown[0]) or None, "; ".join(shown[1]) or None, "; ".join(shown[2]) or None,
    )


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

    def _resolve(self, conn: Connection, table: Table, wanted: dict[str, dict]) -> dict[str, int]:
        """Ids for keys: from the cache, else one SELECT, else one bulk INSERT (and SELECT)."""
        kind = table.name
        known, staged = self._ids[kind], self._staged[kind]
        missing = [k for k in wanted if k not in known and k not in staged]
        lookup = _LOOKUP[kind]
        for i in range(0, len(missing), _CHUNK):
            staged.update({key: kid for key, kid in conn.execute(lookup, {"keys": missing[i : i + _CHUNK]})})
        new = [k for k in missing if k not in staged]
        if new:
            # executemany, then the ids back by key (unique index): cheaper than RETURNING.
            columns = tuple(wanted[new[0]])
            bulk_insert(conn.dialect, table, columns).run(conn, [tuple(wanted[k].values()) for k in new])
            for i in range(0, len(new), _CHUNK):
                staged.update({key: kid for key, kid in conn.execute(lookup, {"keys": new[i : i + _CHUNK]})})
        return {k: known.get(k) or staged[k] for k in wanted}

    def work_ids(self, conn: Connection, ents: Sequence[RecordEntities]) -> list[int | None]:
        wanted = {e.work_key: {"key": e.work_key, "title": e.work_title or e.title or "", "author": e.work_author} for e in ents if e.work_key}
        ids = self._resolve(conn, _WORK, wanted) if wanted else {}
        return [ids.get(e.work_key) if e.work_key else None for e in ents]

    def write(self, conn: Connection, pairs: Sequence[tuple[int, RecordEntities, str | None]]) -> None:
        """Child rows and search documents for ``(record_id, entities, control_number)``."""
        agents = {a.key: {"key": a.key, "name": a.name} for _, e, _ in pairs for a in e.agents}
        agent_ids = self._resolve(conn, _AGENT, agents) if agents else {}
        ra, su, cl, it = [], [], [], []
        for rid, e, _ in pairs:
            # Tuples in CHILD_COLUMNS order: the bulk path skips per-row dicts (see bulk.py).
            ra += [(rid, i, agent_ids[a.key], a.role, a.tag, a.main) for i, a in enumerate(e.agents)]
            su += [(rid, i, s.term, s.kind, s.tag, s.audience, s.source_code) for i, s in enumerate(e.subjects)]
            cl += [
                (rid, i, c.scheme, c.code, c.label, " > ".join(c.path) or None, c.qualifier, c.source, c.tag)
                for i, c in enumerate(e.codes)
            ]
            it += [(rid, i, t.barcode, t.library, t.location, t.call_number, t.tag) for i, t in enumerate(e.items)]
        for table, rows in zip(CHILD_TABLES, (ra, su, cl, it)):
            bulk_insert(conn.dialect, table, CHILD_COLUMNS[table.name]).run(conn, rows)
        self.index.add(conn, [(rid, document(cn, e)) for rid, e, cn in pairs])

    def clear(self, conn: Connection, record_ids: Iterable[int]) -> None:
        """Remove the child rows and search documents of records about to be rewritten."""
        ids = list(record_ids)
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            for table in CHILD_TABLES:
                conn.execute(delete(table).where(table.c.record_id.in_(chunk)))
            self.index.remove(conn, chunk)
