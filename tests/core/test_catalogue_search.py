"""Searching and listing: words without diacritics, prefixes, ISBNs, numbers, codes, pages."""

from __future__ import annotations

import pytest

from catalog_desktop.catalogue import Catalogue, RecordFilter
from catalog_desktop.catalogue.search import isbn_forms, parse


def _fill(cat, book, write_marc, tmp_path):
    recs = [
        book("c:lvd:1001", "Het verdriet van België", author="Claus, Hugo", isbn="978-90-234-1234-5",
             zizo="ZZ-OORLOG", siso="859.3", genre="Oorlogsromans", subjects=("Tweede Wereldoorlog",)),
        book("c:lvd:1002", "De Leeuw van Vlaanderen", author="Conscience, Hendrik", isbn="90-5240-001-6",
             genre="Historische romans", barcode="BC77"),
        book("c:lvd:1003", "Voetbal voor iedereen", author="Goethals, Raymond", siso="796.33", zizo="ZZ-SPORT",
             fiction=False, subjects=("Voetbal",)),
        book("c:lvd:1004", "Crème brûlée", author="Côté, Émile", siso="641.5", fiction=False),
    ]
    cat.import_files([write_marc(tmp_path / "s.mrc", recs)])


@pytest.fixture
def filled(catalogue, book, write_marc, tmp_path):
    _fill(catalogue, book, write_marc, tmp_path)
    return catalogue


@pytest.fixture(scope="module", params=["fts5", "like"])
def both(request, tmp_path_factory, book, write_marc):
    """The same catalogue with FTS5, and with the portable index FTS5-less databases use."""
    tmp_path = tmp_path_factory.mktemp(request.param)
    path = tmp_path / "cat.sqlite"
    with Catalogue.open(path) as cat:
        if request.param == "like":
            with cat.engine.begin() as conn:
                conn.exec_driver_sql("DROP TABLE record_fts")
    cat = Catalogue.open(path)
    assert cat.search_backend == request.param
    _fill(cat, book, write_marc, tmp_path)
    yield cat
    cat.close()


def numbers(hits):
    return [h.control_number for h in hits]


@pytest.mark.parametrize("query, expected", [
    ("verdriet van België", ["c:lvd:1001"]),
    ("verdriet van belgie", ["c:lvd:1001"]),  # no diacritics typed
    ("VERDRIET", ["c:lvd:1001"]),
    ("creme brulee", ["c:lvd:1004"]),
    ("verdr", ["c:lvd:1001"]),  # the last word is a prefix
    ("title:leeuw", ["c:lvd:1002"]),
    ("author:claus", ["c:lvd:1001"]),
    ("author:cote emile", ["c:lvd:1004"]),
    ("author:voetbal", []),
    ("978-90-234-1234-5", ["c:lvd:1001"]),
    ("9789023412345", ["c:lvd:1001"]),
    ("isbn:90-5240-001-6", ["c:lvd:1002"]),  # ISBN-10 as typed
    ("isbn:9789052400013", ["c:lvd:1002"]),  # the same book by its ISBN-13
    ("c:lvd:1003", ["c:lvd:1003"]),
    ("vlacc:c:lvd:1002", ["c:lvd:1002"]),
    ("id:1004", ["c:lvd:1004"]),
    ("barcode:BC77", ["c:lvd:1002"]),
    ("siso:859.3", ["c:lvd:1001"]),
    ("code:796.33", ["c:lvd:1003"]),
    ("zizo:zz-sport", ["c:lvd:1003"]),
    ("genre:oorlogsromans", ["c:lvd:1001"]),
    ("wereldoorlog", ["c:lvd:1001"]),  # a subject
    ("", []),
    ('"', []),
])
def test_search(both, query, expected):
    assert numbers(both.search(query)) == expected


def test_words_must_all_match_and_ranking_prefers_titles(filled):
    assert numbers(filled.search("voetbal iedereen")) == ["c:lvd:1003"]
    assert numbers(filled.search("iedereen belgie")) == []
    assert len(filled.search("van", limit=1)) == 1


def test_search_follows_edits(filled, book):
    hit = filled.search("leeuw")[0]
    new = book("c:lvd:1002", "De Klauwaert", author="Conscience, Hendrik")
    filled.records.update(hit.id, new, who="test")
    assert filled.search("leeuw") == []
    assert numbers(filled.search("klauwaert")) == ["c:lvd:1002"]


@pytest.mark.parametrize("query", ["van", "verdr", "author:claus", "9789023412345", "zizo:zz-sport", "iedereen belgie", '"'])
def test_a_search_counts_the_records_it_lists(both, query):
    # A plain search is counted on the search index alone (no look-up of each hit in the
    # record table): the count must still be the length of the list the browser shows.
    assert both.records.count(query) == len(both.records.page(0, 100, filter=query))
    combined = RecordFilter(text=query, material="book")
    assert both.records.count(combined) == len(both.records.page(0, 100, filter=combined))


@pytest.mark.parametrize("order_by", ["title", "-title", "author"])
def test_a_search_page_is_in_the_order_asked_for(both, order_by):
    # A plain search in title order picks its page from the (id, title) index (SQLite): the
    # same rows in the same order as the record table gives.
    field = order_by.lstrip("-")
    rows = both.records.page(0, 100, order_by=order_by, filter="van")
    everything = [r for r in both.records.page(0, 100, order_by=order_by) if r.id in {x.id for x in rows}]
    assert len(rows) == 2 and rows == everything
    keys = [(getattr(r, field) or "", r.id) for r in rows]
    assert keys == sorted(keys, reverse=order_by.startswith("-"))
    assert both.records.page(1, 1, order_by=order_by, filter="van") == rows[1:]


def test_a_search_count_follows_edits_and_removed_records(filled, book):
    assert filled.records.count("klauwaert") == 0
    hit = filled.search("leeuw")[0]
    filled.records.update(hit.id, book("c:lvd:1002", "De Klauwaert", author="Conscience, Hendrik"), who="test")
    assert (filled.records.count("leeuw"), filled.records.count("klauwaert")) == (0, 1)
    created = filled.edits.create(book(None, "Klauwaert en de leeuw", author="Peeters, An"), who="test")
    assert filled.records.count("klauwaert") == 2
    filled.edits.undo()  # the new record is taken out again, its search document with it
    assert filled.records.count("klauwaert") == 1 and created.records[0] not in [
        r.id for r in filled.records.page(0, 100, filter="klauwaert")]


def test_query_parsing():
    terms = parse('title:"de zaak" author:claus hu')
    assert [(t.columns, t.text, t.prefix) for t in terms] == [
        (("title",), "de zaak", False), (("author",), "claus", False), (("author",), "hu", True)]
    assert parse("c:lvd:5")[0].columns is None  # an unknown prefix is part of the word
    assert isbn_forms("90-5240-001-6") == ["9789052400013", "9052400016"]
    assert isbn_forms("0-8044-2957-X") == ["9780804429573", "080442957X"]
    assert isbn_forms("979-10-90636-07-1") == ["9791090636071"]
    assert isbn_forms("1234") == []


def test_page_sorts_filters_and_counts(filled):
    rows = filled.records.page(0, 10, order_by="title")
    assert [r.title for r in rows] == sorted(r.title for r in rows)
    assert filled.records.page(0, 2, order_by="-id")[0].id == 4
    assert [r.id for r in filled.records.page(1, 2)] == [2, 3]
    fiction = RecordFilter(text="van")
    assert filled.records.count(fiction) == 2
    assert filled.records.count(RecordFilter(code=("siso", "859.3"))) == 1
    assert filled.records.count(RecordFilter(edited=True)) == 0
    assert filled.records.count(RecordFilter(with_warnings=False, material="book")) == 4
    row = filled.records.page(filter="verdriet")[0]
    assert (row.control_number, row.author, row.zizo, row.siso, row.genres, row.has_warnings, row.edited) == (
        "c:lvd:1001", "Claus, Hugo", "ZZ-OORLOG", "859.3", "Oorlogsromans", False, False)
    with pytest.raises(ValueError, match="cannot sort by"):
        filled.records.page(order_by="colour")


def test_a_record_is_found_by_vlacc_number_or_id_and_an_unknown_one_is_named(filled):
    from catalog_desktop.catalogue.errors import RecordNotFound

    by_number = filled.records.find("c:lvd:1003")
    assert by_number.control_number == "c:lvd:1003"
    assert filled.records.find(str(by_number.id)).id == by_number.id
    with pytest.raises(RecordNotFound, match="c:lvd:9999"):
        filled.records.find("c:lvd:9999")
