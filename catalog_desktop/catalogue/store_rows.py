"""The rows a record's entities become: record columns, child rows, the search document.

Pure functions of :class:`RecordEntities`, with no database and no SQLAlchemy: the import
builds these rows where it reads and derives (:mod:`preparing`), and the store only adds
the ids the database hands out. The editor
goes through the same functions (via :class:`entity_rows.EntityWriter`), so an edited record
and an imported one are stored alike.
"""

from __future__ import annotations

from typing import NamedTuple

from catalog_desktop.catalogue.entities import RecordEntities
from catalog_desktop.catalogue.textnorm import isbn13

RECORD_VALUE_KEYS = (
    "title", "main_author", "year", "isbn", "material", "literary_type", "audience", "language", "zizo", "siso", "genres",
)
# Child tables and their columns; the rows below are in this order, without ``record_id``.
CHILD_COLUMNS = {
    "record_agent": ("record_id", "seq", "agent_id", "role", "tag", "main"),
    "subject": ("record_id", "seq", "term", "kind", "tag", "audience", "source_code"),
    "classification": ("record_id", "seq", "scheme", "code", "label", "path", "qualifier", "source", "tag"),
    "item": ("record_id", "seq", "barcode", "library", "location", "call_number", "tag"),
}
_DISPLAY = {"zizo": 0, "siso": 1, "genre": 2}


class EntityRows(NamedTuple):
    """Everything the store writes for one record's entities, as plain tuples.

    Plain tuples, not the entity dataclasses: the store passes them to ``executemany``
    without reshaping.
    """

    values: tuple  # the derived ``record`` columns, in RECORD_VALUE_KEYS order
    work: tuple | None  # (key, title, author), None when the work is unknown
    agents: tuple  # (seq, key, name, role, tag, main); agent_id comes from the key
    subjects: tuple  # (seq, term, kind, tag, audience, source_code)
    codes: tuple  # (seq, scheme, code, label, path, qualifier, source, tag)
    items: tuple  # (seq, barcode, library, location, call_number, tag)
    document: tuple  # the search document, one string per search column


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


def document(control_number: str | None, ent: RecordEntities) -> tuple[str, ...]:
    """The search document of a record: one string per column of ``search.COLUMNS``.

    Runs once per imported record: kept lean (ISBNs indexed in their 13-digit form only,
    since a typed ISBN-10 is turned into its ISBN-13 at query time).
    """
    ids = [control_number or ""]
    for isbn in ent.isbns:
        ids.append(isbn13(isbn) or isbn)
    for item in ent.items:
        if item.barcode:
            ids.append(item.barcode)
    zizo: list[str] = []
    siso: list[str] = []
    genre: list[str] = []
    other: list[str] = []
    buckets = {"zizo": zizo, "siso": siso, "genre": genre}
    for c in ent.codes:
        bucket = buckets.get(c.scheme, other)
        bucket.append(c.code)
        if c.label:
            bucket.append(c.label)
        if c.path:
            bucket.extend(c.path)
    title = [ent.title]
    if ent.subtitle:
        title.append(ent.subtitle)
    if ent.work_title and ent.work_title != ent.title:
        title.append(ent.work_title)
    title.extend(ent.series)
    author = [a.name for a in ent.agents]
    if ent.responsibility:
        author.append(ent.responsibility)
    return (
        " ".join(title), " ".join(author), " ".join(ids), " ".join(zizo), " ".join(siso),
        " ".join(genre), " ".join(other), " ".join([s.term for s in ent.subjects]),
    )


def entity_rows(control_number: str | None, ent: RecordEntities) -> EntityRows:
    """All the rows of one record's entities (record_id and agent ids are added by the store)."""
    work = (ent.work_key, ent.work_title or ent.title or "", ent.work_author) if ent.work_key else None
    return EntityRows(
        record_values(ent),
        work,
        tuple((i, a.key, a.name, a.role, a.tag, a.main) for i, a in enumerate(ent.agents)),
        tuple((i, s.term, s.kind, s.tag, s.audience, s.source_code) for i, s in enumerate(ent.subjects)),
        tuple(
            (i, c.scheme, c.code, c.label, " > ".join(c.path) or None, c.qualifier, c.source, c.tag)
            for i, c in enumerate(ent.codes)
        ),
        tuple((i, t.barcode, t.library, t.location, t.call_number, t.tag) for i, t in enumerate(ent.items)),
        document(control_number, ent),
    )
