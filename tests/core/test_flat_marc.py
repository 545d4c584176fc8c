"""marc.flat: the editor's flat MARC text, both ways; unchanged fields keep their bytes."""

from __future__ import annotations

from catalog_desktop.marc.flat import format_flat, parse_flat
from catalog_desktop.marc.iso2709 import parse_record, serialize


def test_flat_text_round_trips_and_dollar_signs_survive(book):
    record = book("c:lvd:1", "Prijs: 5 $ per stuk", author="Claus, Hugo", isbn="9789023400000")
    text = format_flat(record)
    assert "=245  10$aPrijs: 5 {dollar} per stuk" in text
    parsed = parse_flat(text)
    assert parsed.problems == ()
    assert parsed.record.same_content(record)
    assert parsed.lines == tuple(range(2, len(record.fields) + 2))


def test_editing_one_subfield_keeps_every_other_field_byte_for_byte(book):
    original = parse_record(serialize(book("c:lvd:1", "Het verdriet", author="Claus, Hugo")))[0]
    text = format_flat(original).replace("$aHet verdriet", "$aHet verdriet van België")
    edited = parse_flat(text, base=original).record
    kept = [f for f in edited.fields if f.raw is not None]
    assert [f.tag for f in edited.fields if f.raw is None] == ["245"]
    assert len(kept) == len(original.fields) - 1
    assert edited.value("245", "a") == "Het verdriet van België"


def test_lines_that_cannot_be_read_are_located_and_the_rest_is_kept():
    parsed = parse_flat("=LDR  00000nam a2200000 a 4500\n=245  10$aTitel\nzomaar tekst\n=650  \n=700  1\\Claus$4aut")
    codes = [(p.line, p.tag, p.code) for p in parsed.problems]
    assert codes == [(3, None, "line"), (4, "650", "indicators"), (5, "700", "subfields")]
    assert parsed.problems[0].nl.startswith("Regel 3: begin met '='")
    assert [f.tag for f in parsed.record.fields] == ["245", "700"]
