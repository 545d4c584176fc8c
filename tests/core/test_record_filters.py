"""The browser's ready-made filters, done in the database (records.count/page)."""

from __future__ import annotations

from datetime import datetime

from catalog_desktop.catalogue.decisions import Proposal
from catalog_desktop.catalogue.views import (
    CHANGED_SINCE_IMPORT,
    MY_EDITS_TODAY,
    NO_ZIZO,
    QUARANTINE,
    SUGGESTIONS_WAITING,
    RecordFilter,
    named_filter,
)


def _flt(name, who="an"):
    return named_filter(name, who=who, now=datetime.now())


def test_no_zizo_yet_counts_records_without_a_zizo_code(sample_catalogue):
    cat = sample_catalogue
    without = cat.records.count(_flt(NO_ZIZO))
    with_zizo = sum(1 for r in cat.records.page(0, 1000) if r.zizo)
    assert without + with_zizo == cat.records.count() and 0 < without < cat.records.count()
    assert all(not r.zizo for r in cat.records.page(0, 1000, filter=_flt(NO_ZIZO)))
    rid = cat.records.page(0, 1, filter=_flt(NO_ZIZO))[0].id
    cat.decisions.accept(rid, Proposal("zizo", "MEGEV"), who="an")
    assert cat.records.count(_flt(NO_ZIZO)) == without - 1


def test_changed_since_import_and_my_edits_today(sample_catalogue):
    from catalog_desktop.marc.record import Field

    cat = sample_catalogue
    assert cat.records.count(_flt(CHANGED_SINCE_IMPORT)) == 0
    assert cat.records.count(_flt(MY_EDITS_TODAY)) == 0
    a, b = [r.id for r in cat.records.page(0, 2)]
    for rid, who in ((a, "an"), (b, "bo")):
        rec = cat.records.get(rid).record.copy()
        rec.fields.append(Field("500", subfields=[("a", "noot")]))
        cat.edits.edit(rid, rec, who=who)
    assert cat.records.count(_flt(CHANGED_SINCE_IMPORT)) == 2
    assert [r.id for r in cat.records.page(0, 10, filter=_flt(MY_EDITS_TODAY, "an"))] == [a]
    cat.edits.undo_step(cat.edits.history(record_id=a)[0].id)  # undone: no longer an edit of mine
    assert cat.records.count(_flt(MY_EDITS_TODAY, "an")) == 0


def test_suggestions_waiting_and_quarantine(sample_catalogue):
    from sqlalchemy import insert

    from catalog_desktop.catalogue.db import writing
    from catalog_desktop.catalogue.models import Classification

    cat = sample_catalogue
    assert cat.records.count(_flt(SUGGESTIONS_WAITING)) == 0
    rid = cat.records.page(0, 1)[0].id
    with writing(cat.engine) as conn:  # as SuggestionService(store=True) keeps them
        conn.execute(insert(Classification.__table__).values(record_id=rid, seq=999, scheme="zizo", code="MEGEV",
                                                             source="suggested", tag="693"))
    assert [r.id for r in cat.records.page(0, 10, filter=_flt(SUGGESTIONS_WAITING))] == [rid]
    assert named_filter(QUARANTINE, who="an", now=datetime.now()) is None  # the quarantine list, not records


def test_named_filters_combine_with_a_search(sample_catalogue):
    cat = sample_catalogue
    flt = named_filter(NO_ZIZO, who="an", now=datetime.now(), text="verdriet")
    assert cat.records.count(flt) == cat.records.count(RecordFilter(text="verdriet", without_code="zizo"))


def _plans(cat, run) -> list[str]:
    """What SQLite's EXPLAIN QUERY PLAN says about every SELECT that ``run`` issues."""
    import re

    from sqlalchemy import event

    seen = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and re.search(r"FROM record\b", statement):
            seen.append((statement, parameters))

    event.listen(cat.engine, "before_cursor_execute", keep)
    try:
        run()
    finally:
        event.remove(cat.engine, "before_cursor_execute", keep)
    with cat.engine.connect() as conn:
        return [" / ".join(row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
                for sql, params in seen]


def test_the_lists_read_their_partial_index_not_the_record_table(sample_catalogue):
    # Revision 0006 indexes only the rows of these lists; SQLite uses such an index only when
    # the query repeats its condition. If a filter's SQL drifts from the index, the list
    # silently goes back to scanning every record (blobs and all): this catches that. The
    # list of all records picks its page from the narrow (id, title) index.
    import re

    cat = sample_catalogue
    for name, index in ((NO_ZIZO, "ix_record_without_zizo"), (CHANGED_SINCE_IMPORT, "ix_record_edited"),
                        (MY_EDITS_TODAY, "ix_record_edited"), (None, "ix_record_id_title")):
        flt = _flt(name) if name else None
        plans = _plans(cat, lambda: (cat.records.count(flt), cat.records.page(0, 200, order_by="title", filter=flt)))
        assert len(plans) == 2 and index in plans[1], (name, plans)
        assert not any(re.search(r"SCAN record(?! USING)", plan) for plan in plans), (name, plans)  # no full read
    search_plans = _plans(cat, lambda: cat.records.page(0, 200, order_by="title", filter="oorlog"))
    assert "COVERING INDEX ix_record_id_title" in search_plans[0]  # the hits' titles without reading them
    count_plan, page_plan = _plans(cat, lambda: (cat.records.count(_flt(NO_ZIZO)),
                                                 cat.records.page(0, 200, order_by="title", filter=_flt(NO_ZIZO))))
    assert "COVERING INDEX ix_record_without_zizo" in count_plan  # counted without reading a record


def test_an_empty_zizo_is_no_zizo_yet(sample_catalogue):
    from sqlalchemy import update

    from catalog_desktop.catalogue.db import writing
    from catalog_desktop.catalogue.models import Record

    cat = sample_catalogue
    before = cat.records.count(_flt(NO_ZIZO))
    rid = next(r.id for r in cat.records.page(0, 1000) if r.zizo)
    with writing(cat.engine) as conn:  # what a display copy holds once its last code is removed
        conn.execute(update(Record.__table__).where(Record.__table__.c.id == rid).values(zizo=""))
    assert cat.records.count(_flt(NO_ZIZO)) == before + 1
    assert rid in [r.id for r in cat.records.page(0, 1000, order_by="title", filter=_flt(NO_ZIZO))]
