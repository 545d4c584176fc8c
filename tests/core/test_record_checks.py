"""Validation as you type: MARC 21 structure, Open Vlacc conventions, vocabularies, levels."""

from __future__ import annotations

import pytest

from catalog_desktop.catalogue.record_checks import RecordChecker
from catalog_desktop.marc.flat import parse_flat
from catalog_desktop.marc.validation import ERROR, WARNING, check_structure


@pytest.fixture(scope="module")
def checker():
    from catalog_desktop.marc.mapping import load_profile
    from catalog_desktop.vocab import load_vocabularies

    return RecordChecker(load_profile("openvlacc"), load_vocabularies())


def _record(text: str):
    return parse_flat(text).record


GOOD = """=LDR  00000nam a2200000 a 4500
=001  c:lvd:123
=008  200101s2020    be            000 1 dut d
=020  \\\\$a9789029012638
=100  1\\$aClaus, Hugo$4aut
=245  10$aHet verdriet van België
=260  \\\\$aAmsterdam$bDe Bezige Bij$c2020
=300  \\\\$a773 p."""


def test_a_sound_record_has_no_structure_errors(book):
    assert check_structure(_record(GOOD)) == []
    assert check_structure(book("c:lvd:1", "Titel", author="Claus, Hugo")) == []


@pytest.mark.parametrize("change, code, where, words", [
    (("=LDR  00000nam a2200000 a 4500", "=LDR  00000nam a22"), "leader_length", "LDR", "De leader moet 24 tekens"),
    (("=LDR  00000nam", "=LDR  00000nxm"), "leader_value", "LDR/06", "Leader/06 (soort record) is 'x'"),
    (("=245  10$aHet verdriet van België\n", ""), "missing_245", "245", "De titel ontbreekt"),
    (("=245  10$aHet", "=245  1X$aHet"), "indicator", "245", "indicator 2 'X' is ongeldig"),
    (("=300  \\\\$a773 p.", "=300  \\\\$A773 p."), "subfield_code", "300 $A", "'$A' is geen geldige deelveldcode"),
    (("=008  200101s2020    be            000 1 dut d", "=008  200101s2020"), "008_length", "008", "40 tekens"),
    (("=100  1\\$aClaus, Hugo$4aut", "=100  1\\$aClaus, Hugo$4aut\n=110  2\\$aDe Bezige Bij"), "two_main_entries", "110", "één hoofdingang"),
    (("=001  c:lvd:123", "=001  c:lvd:123\n=001  c:lvd:124"), "repeated", "001", "mag maar één keer"),
])
def test_structure_errors_say_where_and_what_to_fix_in_dutch(change, code, where, words):
    old, new = change
    messages = check_structure(_record(GOOD.replace(old, new)))
    found = [m for m in messages if m.code == code]
    assert found, [m.code for m in messages]
    assert found[0].where == where and words in found[0].nl and found[0].en
    assert found[0].severity == ERROR


def test_open_vlacc_codes_are_checked_against_the_vocabularies(checker):
    text = GOOD + "\n=084  \\\\$aXYZ\n=650  \\4$aThriller$9vge\n=650  \\4$aIets$9qqq\n=693  \\2$aMens"
    messages = {m.code: m for m in checker.check(_record(text))}
    assert messages["zizo_code_missing"].where == "693 $9" and messages["zizo_code_missing"].severity == ERROR
    siso = next(m for m in messages.values() if m.code.startswith("siso_"))
    assert siso.tag == "084" and siso.severity == WARNING
    assert messages["unknown_marker"].where == "650 $9" and "'qqq'" in messages["unknown_marker"].nl


def test_an_isbn_with_a_wrong_check_digit_is_flagged(checker):
    messages = checker.check(_record(GOOD.replace("9789029012638", "9789029012630")))
    (isbn,) = [m for m in messages if m.code == "isbn_invalid"]
    assert isbn.where == "020 $a" and "geen geldig ISBN" in isbn.nl
    assert not [m for m in checker.check(_record(GOOD)) if m.code == "isbn_invalid"]


def test_required_fields_per_level_in_plain_dutch(checker):
    brief = _record("=LDR  00000nam a2200000 a 4500\n=245  10$aTitel")
    assert checker.missing(brief, "brief") == [
        "het jaar van uitgave (260 $c)", "een auteur of verantwoordelijke (100 $a, 700 $a of 245 $c)"]
    assert checker.missing(_record(GOOD), "brief") == []
    full = checker.missing(_record(GOOD), "full")
    assert full == ["een ZIZO-code (693 $9)", "een SISO-code (084 $a) of een genre (650 met $9 vge/jge)"]
    assert checker.missing(_record(GOOD), "full", lang="en")[0] == "a ZIZO code (693 $9)"
