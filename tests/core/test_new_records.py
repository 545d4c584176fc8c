"""New records: templates per material type, start from an ISBN, duplicates, one undo."""

from __future__ import annotations

from datetime import date

import pytest

from catalog_desktop.catalogue.new_records import make_008
from catalog_desktop.marc.flat import format_flat, parse_flat
from catalog_desktop.marc.validation import check_structure


def test_every_material_type_has_a_template_that_makes_a_wellformed_record(sample_catalogue):
    cat = sample_catalogue
    assert set(cat.new_records.templates()) == {"book", "picture_book", "comic", "dvd", "audiobook", "game"}
    expected = {"book": "book", "picture_book": "book", "comic": "book", "dvd": "video", "audiobook": "audiobook",
                "game": "game"}
    for name, material in expected.items():
        draft = cat.new_records.from_template(name, today=date(2026, 11, 23))
        assert draft.value("008")[:11] == "261123s2026"
        errors = [m for m in check_structure(draft) if m.severity == "error"]
        assert [m.code for m in errors] == ["missing_245a"], name  # the title is to be typed
        from catalog_desktop.catalogue.derive import derive_entities

        assert derive_entities(draft, cat.profile()).material == material, name
    assert cat.checks.missing(cat.new_records.from_template("book"), "brief") == [
        "de titel (245 $a)", "een auteur of verantwoordelijke (100 $a, 700 $a of 245 $c)"]


def test_008_is_forty_characters_with_audience_and_literary_form():
    text = make_008(date(2026, 1, 2), audience="a", literary="1")
    assert len(text) == 40 and text[22] == "a" and text[33] == "1" and text[35:38] == "dut"


def test_a_new_record_is_warned_of_its_duplicates_by_isbn_and_by_title_and_author(sample_catalogue):
    cat = sample_catalogue
    existing = next(r for r in (cat.records.get(s.id) for s in cat.records.page(0, 300)) if r.isbn and r.main_author)
    draft = cat.new_records.from_template("book")
    assert cat.new_records.duplicates(draft) == []
    text = format_flat(draft).replace("=020  \\\\$a", f"=020  \\\\$a{existing.isbn}")
    dup = cat.new_records.duplicates(parse_flat(text).record)
    assert [(d.record_id, d.why) for d in dup][:1] == [(existing.id, "isbn")]
    assert dup[0].text().startswith("zelfde ISBN: ")
    same_work = cat.new_records.copy_of(existing.id)
    same_work.fields = [f for f in same_work.fields if f.tag != "020"]
    by_title = cat.new_records.duplicates(same_work)
    assert existing.id in [d.record_id for d in by_title if d.why == "title_author"]


def test_start_from_an_isbn_copies_the_local_record_without_its_number(sample_catalogue):
    cat = sample_catalogue
    existing = next(r for r in (cat.records.get(s.id) for s in cat.records.page(0, 300)) if r.isbn)
    draft, source = cat.new_records.from_isbn(existing.isbn)
    assert source == existing.id
    assert draft.value("001") is None and not draft.get_fields("852")
    assert draft.value("245", "a") == existing.record.value("245", "a")
    unknown, none = cat.new_records.from_isbn("978-90-290-1263-8")
    assert none is None and unknown.value("020", "a") == "978-90-290-1263-8"


def test_creating_is_a_step_that_undo_takes_out_and_redo_puts_back(sample_catalogue):
    cat = sample_catalogue
    total = cat.records.count()
    draft = parse_flat(format_flat(cat.new_records.from_template("comic")).replace("=245  10$a", "=245  10$aDe Kiekeboes")).record
    change = cat.edits.create(draft, who="an")
    (rid,) = change.records
    assert cat.records.count() == total + 1 and cat.records.get(rid).title.startswith("De Kiekeboes")
    assert cat.records.get(rid).edited and cat.search("Kiekeboes")[0].id == rid
    assert cat.edits.next_undo().kind == "new"
    cat.edits.undo()
    assert cat.records.count() == total and cat.search("Kiekeboes") == []
    cat.edits.redo()
    assert cat.records.count() == total + 1 and cat.search("Kiekeboes")


def test_a_record_number_already_taken_is_refused(sample_catalogue):
    from catalog_desktop.catalogue.errors import CatalogueError

    cat = sample_catalogue
    existing = cat.records.get(cat.records.page(0, 1)[0].id)
    with pytest.raises(CatalogueError, match="al een record met nummer"):
        cat.records.create(existing.record, who="an")
