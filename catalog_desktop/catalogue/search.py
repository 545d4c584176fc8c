"""Finding records by what a cataloger types: words, ISBNs, Vlacc numbers, codes.

Two interchangeable indexes keep one search document per record, in named columns so that
``title:``, ``author:``, ``isbn:``, ``code:``... can aim at one of them:

* :class:`Fts5Index` (SQLite with FTS5): ``unicode61 remove_diacritics 2`` folds case and
  accents on both sides, so ``belgie`` finds ``België``; ranked by bm25.
* :class:`LikeIndex` (anything else): the same columns as plain normalised text, matched
  word-prefix-wise with LIKE. Slower, portable, good enough until PostgreSQL gets tsvector.

The importer and the editor call :meth:`SearchIndex.add` / :meth:`SearchIndex.remove`
explicitly (no triggers), in the same transaction as the record.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, Float, Integer, and_, column, delete, insert, or_, select, text
from sqlalchemy.sql.elements import ColumnElement

from catalog_desktop.catalogue.models import RecordSearch
from catalog_desktop.catalogue.store_rows import document  # noqa: F401  (the documents this index holds)
from catalog_desktop.catalogue.textnorm import isbn13

COLUMNS = ("title", "author", "ids", "zizo", "siso", "genre", "codes", "subjects")
CODE_COLUMNS = ("zizo", "siso", "genre", "codes")
PREFIXES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "author": ("author",),
    "isbn": ("ids",),
    "vlacc": ("ids",),
    "id": ("ids",),
    "barcode": ("ids",),
    "code": CODE_COLUMNS,
    "zizo": ("zizo",),
    "siso": ("siso",),
    "genre": ("genre",),
    "subject": ("subjects",),
}
# bm25 weights, in COLUMNS order: a title hit outranks a subject hit.
WEIGHTS = (10.0, 6.0, 8.0, 3.0, 3.0, 3.0, 2.0, 2.0)
FTS_TABLE = "record_fts"
FTS_DDL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({', '.join(COLUMNS)}, "
    "tokenize='unicode61 remove_diacritics 2')"
)

_TOKEN = re.compile(r'(?:([A-Za-z]+):)?("[^"]*"?|[^\s"]+)?')
_ISBN_CHARS = re.compile(r"[0-9Xx][0-9Xx\- ]*")


# --- ISBNs as typed ------------------------------------------------------------------


_ISBN10_WEIGHTS = range(10, 1, -1)


def isbn_forms(value: str) -> list[str]:
    """ISBN-13 and, for 978 ISBNs, ISBN-10 digits: what a typed ISBN may match. [] if none."""
    full = isbn13(value)
    if full is None:
        return []
    forms = [full]
    if full.startswith("978"):
        core = full[3:12]
        check = (11 - sum(map(int.__mul__, _ISBN10_WEIGHTS, map(int, core))) % 11) % 11
        forms.append(core + ("X" if check == 10 else str(check)))
    return forms


# --- queries -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    columns: tuple[str, ...] | None  # None: every column
    text: str
    prefix: bool = False  # match words starting with the text (the word being typed)
    isbns: tuple[str, ...] = ()  # when the text is an ISBN: its digit forms


def parse(query: str) -> list[Term]:
    """``title:de zaak author:claus`` -> terms; a prefix holds until the next prefix."""
    terms: list[Term] = []
    scope: tuple[str, ...] | None = None
    for match in _TOKEN.finditer(query):
        name, body = match.group(1), match.group(2)
        if name is not None and name.lower() not in PREFIXES:
            body, name = f"{name}:{body or ''}", None  # "c:lvd:123" is a word, not a prefix
        if name is not None:
            scope = PREFIXES[name.lower()]
        if not body:
            continue
        quoted = body.startswith('"')
        word = body.strip('"').strip()
        if not any(ch.isalnum() for ch in word):
            continue
        forms = isbn_forms(word) if _ISBN_CHARS.fullmatch(word) else []
        if forms and scope in (None, ("ids",)):
            terms.append(Term(("ids",), word, isbns=tuple(forms)))
        else:
            terms.append(Term(scope, word, prefix=not quoted))
    # Only the last word is still being typed; earlier ones are whole words.
    return [Term(t.columns, t.text, t.prefix and i == len(terms) - 1, t.isbns) for i, t in enumerate(terms)]


def fold(value: str) -> str:
    """Lower case, no diacritics, words separated by single spaces (for :class:`LikeIndex`)."""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", stripped).split())


class SearchIndex:
    name = "base"

    def add(self, conn: Connection, docs: list[tuple[int, tuple[str, ...]]]) -> None:
        raise NotImplementedError

    def remove(self, conn: Connection, record_ids: list[int]) -> None:
        raise NotImplementedError

    def matching_ids(self, terms: list[Term]):
        """A select of the ids of the records matching every term (to use in ``IN``)."""
        raise NotImplementedError

    def ranked(self, terms: list[Term], limit: int):
        """A subquery ``hits(record_id, score)``: at most ``limit`` hits, lower score better."""
        raise NotImplementedError


class Fts5Index(SearchIndex):
    name = "fts5"

    def add(self, conn, docs):
        if docs:
            cols = ", ".join(COLUMNS)
            marks = ", ".join("?" * (len(COLUMNS) + 1))
            conn.exec_driver_sql(
                f"INSERT INTO {FTS_TABLE} (rowid, {cols}) VALUES ({marks})",
                [(rid, *doc) for rid, doc in docs],
            )

    def remove(self, conn, record_ids):
        if record_ids:
            conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", [(rid,) for rid in record_ids])

    @staticmethod
    def expression(terms: list[Term]) -> str:
        parts = []
        for t in terms:
            if t.isbns:
                phrase = "(" + " OR ".join(f'"{f}"' for f in t.isbns) + ")"
            else:
                phrase = '"' + t.text.replace('"', '""') + '"' + ("*" if t.prefix else "")
            parts.append(f"{{{' '.join(t.columns)}}} : {phrase}" if t.columns else phrase)
        return " AND ".join(parts)

    def matching_ids(self, terms):
        sql = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_query")
        return sql.bindparams(fts_query=self.expression(terms)).columns(column("rowid", Integer))

    def ranked(self, terms, limit):
        weights = ", ".join(str(w) for w in WEIGHTS)
        sql = (
            f"SELECT rowid AS record_id, bm25({FTS_TABLE}, {weights}) AS score FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH :fts_query ORDER BY score LIMIT :fts_limit"
        )
        sql = text(sql).bindparams(fts_query=self.expression(terms), fts_limit=limit)
        return sql.columns(column("record_id", Integer), column("score", Float)).subquery("hits")


class LikeIndex(SearchIndex):
    name = "like"
    table = RecordSearch.__table__

    def add(self, conn, docs):
        if docs:
            rows = [{"record_id": rid, **{c: " " + fold(v) for c, v in zip(COLUMNS, doc)}} for rid, doc in docs]
            conn.execute(insert(self.table), rows)

    def remove(self, conn, record_ids):
        if record_ids:
            conn.execute(delete(self.table).where(self.table.c.record_id.in_(record_ids)))

    def _condition(self, terms: list[Term]) -> ColumnElement:
        conds = []
        for t in terms:
            cols = t.columns or COLUMNS
            needles = [" " + fold(f) for f in t.isbns] if t.isbns else [" " + fold(t.text)]
            conds.append(or_(*[self.table.c[c].like(f"%{n}%") for c in cols for n in needles]))
        return and_(*conds)

    def matching_ids(self, terms):
        return select(self.table.c.record_id).where(self._condition(terms))

    def ranked(self, terms, limit):
        ids = self.table.c.record_id
        return self.matching_ids(terms).add_columns(ids.label("score")).order_by(ids).limit(limit).subquery("hits")


def index_for(conn: Connection) -> SearchIndex:
    """FTS5 when the catalogue has its FTS table, else the portable index."""
    if conn.dialect.name == "sqlite":
        found = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
        ).first()
        if found:
            return Fts5Index()
    return LikeIndex()
