"""Bulk INSERT and key look-ups for the import's hot path, straight to the driver.

SQLAlchemy's ``conn.execute(insert(t), [dict, ...])`` spends most of its time building and
type-processing a parameter dict per row (we measured ~3/4 of the store's time on it).
Here the statement is compiled once per (dialect, table, columns), the columns' own bind
processors are looked up once, and rows travel as tuples to ``cursor.executemany`` through
``exec_driver_sql``. Still portable: positional drivers (sqlite3) get tuples, named ones
(psycopg) dicts, and every value passes through the same type processors SQLAlchemy uses.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Sequence

from sqlalchemy import Connection, Row, Table, bindparam, insert, select
from sqlalchemy.engine import Dialect


class BulkInsert:
    def __init__(self, dialect: Dialect, table: Table, columns: Sequence[str]):
        self.columns = tuple(columns)
        compiled = insert(table).compile(dialect=dialect, column_keys=list(self.columns))
        self.sql = compiled.string
        if compiled.positional:
            # The compiled statement's parameter order (it follows the table's column order).
            order = [self.columns.index(name) for name in compiled.positiontup]
        else:
            order = list(range(len(self.columns)))
        self.order = order
        self.names = [self.columns[i] for i in order]
        self.positional = compiled.positional
        procs = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in self.names]
        self.processors: list[tuple[int, Callable]] = [(i, p) for i, p in enumerate(procs) if p is not None]

    def run(self, conn: Connection, rows: Sequence[tuple]) -> None:
        """Insert rows given as tuples in ``columns`` order."""
        if not rows:
            return
        order, processors = self.order, self.processors
        if order != list(range(len(order))):
            rows = [tuple(row[i] for i in order) for row in rows]
        if processors:
            # Remember the last value per column: a batch shares its timestamps, so each is
            # formatted once, not once per row.
            memo: dict[int, tuple] = {}
            converted = []
            for row in rows:
                values = list(row)
                for i, proc in processors:
                    v = values[i]
                    last = memo.get(i)
                    if last is not None and last[0] is v:
                        values[i] = last[1]
                    else:
                        values[i] = out = proc(v)
                        memo[i] = (v, out)
                converted.append(tuple(values))
            rows = converted
        if self.positional:
            conn.exec_driver_sql(self.sql, list(rows))
        else:
            conn.exec_driver_sql(self.sql, [dict(zip(self.names, r)) for r in rows])


@lru_cache(maxsize=64)
def bulk_insert(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> BulkInsert:
    return BulkInsert(dialect, table, columns)


class KeyLookup:
    """``SELECT columns FROM table WHERE key IN (...)`` for a batch of keys.

    An "expanding" IN is rendered anew by SQLAlchemy at every execution (a few microseconds
    per key: ~7% of the store's time at 500 keys a batch). On SQLite the statement text for n
    keys is built once and sent through ``exec_driver_sql``; other databases get the Core
    statement (``for_update`` adds FOR UPDATE there, locking rows in id order so two writers
    cannot deadlock; SQLite has one writer anyway).
    """

    def __init__(self, table: Table, columns: Sequence[str], key: str, for_update: bool = False):
        self.table, self.columns, self.key = table, tuple(columns), key
        stmt = select(*(table.c[c] for c in self.columns)).where(table.c[key].in_(bindparam("keys", expanding=True)))
        self.core = stmt.order_by(table.c.id).with_for_update() if for_update else stmt
        self._sql: dict[int, str] = {}
        self._head: str | None = None

    def rows(self, conn: Connection, keys: Sequence) -> Sequence[Row]:
        """The rows for these keys, fetched in one go (row by row costs ~1.5 us more a row)."""
        if conn.dialect.name != "sqlite" or not keys:
            return conn.execute(self.core, {"keys": list(keys)}).fetchall()
        sql = self._sql.get(len(keys))
        if sql is None:
            if self._head is None:
                quote = conn.dialect.identifier_preparer.quote
                self._head = (
                    f"SELECT {', '.join(quote(c) for c in self.columns)} FROM {quote(self.table.name)} "
                    f"WHERE {quote(self.key)} IN "
                )
            sql = self._sql[len(keys)] = self._head + "(" + ", ".join("?" * len(keys)) + ")"
        return conn.exec_driver_sql(sql, tuple(keys)).fetchall()
