"""MarcEdit mnemonic (.mrk): the real fixtures against their binary twins, mnemonics, repairs."""

from __future__ import annotations

import io
from pathlib import Path

import pymarc
import pytest

from catalog_desktop.marc.mrk import read_mrk
from catalog_desktop.marc.record import DEFAULT_LEADER
from catalog_desktop.marc.reading import QuarantinedRecord, ReadRecord
from catalog_desktop.marc.record import MARC8, UTF8, MarcRecord

from shared_data import need_data




def read(source) -> list:
    if isinstance(source, (bytes, str)):
        data = source.encode("utf-8") if isinstance(source, str) else source
        return list(read_mrk(io.BytesIO(data)))
    with open(source, "rb") as stream:
        return list(read_mrk(stream))


def codes(item) -> list[str]:
    return [p.code for p in item.warnings]


def pymarc_records(path: Path) -> list[MarcRecord]:
    with open(path, "rb") as stream:
        return [MarcRecord.from_pymarc(r) for r in pymarc.MARCReader(stream, to_unicode=True)]


@pytest.mark.parametrize("name, count", [("catmandu-marc/camel", 10), ("marc4j/brkrtest", 8)])
def test_mrk_fixtures_equal_their_iso_twins(name, count):
    marc = need_data()
    items = read(marc / f"{name}.mrk")
    assert len(items) == count
    assert all(isinstance(i, ReadRecord) and i.warnings == [] for i in items)
    twins = pymarc_records(marc / f"{name}.mrc")
    assert len(twins) == count
    for item, twin in zip(items, twins):
        assert item.record.same_content(twin), item.position
        assert item.record.encoding == MARC8  # leader/09 blank: the mnemonics stand for MARC-8
    data = (marc / f"{name}.mrk").read_bytes()
    for n, item in enumerate(items, 1):
        assert item.position == n and item.source_format == "mrk"
        assert data[item.offset : item.offset + len(item.raw)] == item.raw
        assert item.raw.startswith(b"=LDR  ")
    ends = [0] + [i.offset + len(i.raw) for i in items]
    gaps = b"".join(data[end:item.offset] for end, item in zip(ends, items)) + data[ends[-1]:]
    assert gaps.strip() == b""  # only the blank separator lines are outside the records


def test_camel_first_record():
    first = read(need_data() / "catmandu-marc/camel.mrk")[0].record
    assert first.leader == "00755cam  22002414a 4500"
    assert first.value("001") == "fol05731351 "
    assert first.control_number == "fol05731351"
    assert first.value("008") == "000107s2000    nyua          001 0 eng  "
    assert first.first("245").indicators == "10"
    assert first.first("245").subfields == [("a", "ActivePerl with ASP and ADO /"), ("c", "Tobias Martinsson.")]
    assert first.first("010").subfields == [("a", "   00020737 ")]  # blanks in data are kept
    assert first.first("650").indicators == " 0"


def test_brkrtest_mnemonics():
    items = read(need_data() / "marc4j/brkrtest.mrk")
    notes = [f.first("a") for f in items[1].record.get_fields("500")]
    for expected in [
        "This is a test of diacritics like the uppercase Polish L in Łódź", "the lowercase Scandinavian o in København",
        "the dieresis (umlaut) in Löwenbräu", "the cedilla in ça va comme ça", "the acute accent in désirée",
        "the lowercase o-hook (with pseudo question mark) in Sở", "the British pound sign in £5.95",
        "the ligature first and second halves in di\ufe20a\ufe21di\ufe20a\ufe21",
    ]:
        assert expected in notes
    fourth = items[3].record
    assert "{lcub}" not in fourth.value("500", "a") and "brackets, {text}, also" in fourth.value("500", "a")
    assert "degree sign 98.6°, " in fourth.value("500", "a")
    assert fourth.value("500", "a").endswith("concerto in F♯ major, the inverted question mark in ¿Que pasó?, and the inverted exclamation mark in ¡Ay caramba!.")
    seventh = items[6].record
    assert seventh.first("856").subfields == [("a", "ftp.loc.gov"), ("d", "\\pub\\marc")]  # backslash in data is data
    assert "(\\)." in seventh.value("500", "a")
    eighth = items[7].record
    assert [f.values("c") for f in eighth.get_fields("020")][1:] == [["$35.99"], ["$35.99"], ["$46.00"]]
    assert eighth.first("020").subfields == [("a", "8472236579")]


def test_record_three_has_two_lines_run_together():
    # "...mas{mlrhring}alah=500  \\$the ayn in..." in the fixture: read as it stands, like the .mrc
    third = read(need_data() / "marc4j/brkrtest.mrk")[2].record
    merged = [f for f in third.get_fields("500") if f.first("a").startswith("the alif")]
    assert merged[0].subfields == [("a", "the alif in masʼalah=500  \\\\"), ("t", "he ayn in ʻarab")]


def test_mnemonic_forms():
    (item,) = read("=LDR  00000nam a2200000   4500\n=245  10$aCaf{acute}e {U+00E9}t{E2}e {dollar}5 {bsol}{lcub}x{rcub}\n")
    assert item.warnings == [] and item.record.encoding == UTF8
    assert item.record.value("245", "a") == "Café été $5 \\{x}"


def test_escape_sequences_go_through_marc8():
    (item,) = read("=LDR  00000nam  2200000   4500\n=255  \\\\$cW 129{esc}p0{esc}s--W 109{esc}p0{esc}s\n")
    assert item.warnings == []
    assert item.record.value("255", "c") == "W 129⁰--W 109⁰"
    (item,) = read("=LDR  00000nam  2200000   4500\n=255  \\\\$cX {zilch} {esc}p0{esc}s\n")
    assert codes(item) == ["mrk-bad-escape", "mrk-unknown-mnemonic"]


def test_unknown_mnemonic_is_kept_as_text():
    (item,) = read("=LDR  00000nam a2200000   4500\n=500  \\\\$aA {zilch} here, {acute}e there\n")
    assert codes(item) == ["mrk-unknown-mnemonic"] and "{zilch}" in item.warnings[0].message
    assert item.record.value("500", "a") == "A {zilch} here, é there"


def test_literal_unicode_is_kept():
    (item,) = read("=LDR  00000nam a2200000   4500\n=245  10$aDe ontdekking van de hemel /$cHarry Mulisch ; 加德滿都\n")
    assert item.record.first("245").subfields[1] == ("c", "Harry Mulisch ; 加德滿都")


def test_repairs_and_warnings():
    text = (
        "=001  123\n"  # no =LDR
        "=245  10Stray text$aTitel\n"
        "this line is not a field\n"
        "# a comment\n"
        "=500  \\\\\n"
        "=650  $aNo indicators$$xDouble dollar\n"
        "\n"
        "=LDR  00000nam  2200000\n"
        "=001  456\n"
        "=LDR  00000nam a2200000   4500\n"  # a second leader starts a new record
        "=001  789\n"
    )
    first, second, third = read(text)
    assert codes(first) == [
        "mrk-text-before-subfields", "mrk-bad-line", "empty-datafield", "mrk-missing-indicators",
        "mrk-empty-subfield", "missing-leader",
    ]
    assert "line 3" in first.warnings[1].message
    assert first.record.leader == DEFAULT_LEADER
    assert first.record.first("245").subfields == [("a", "Titel")]
    assert first.record.first("650").subfields == [("a", "No indicators"), ("x", "Double dollar")]
    assert [f.tag for f in first.record.fields] == ["001", "245", "650"]
    assert codes(second) == ["leader-size"] and second.record.leader == "00000nam  2200000       "
    assert third.record.control_number == "789" and third.warnings == []
    assert [i.position for i in (first, second, third)] == [1, 2, 3]
    data = text.encode()
    for item in (first, second, third):
        assert data[item.offset : item.offset + len(item.raw)] == item.raw
    assert second.raw == b"=LDR  00000nam  2200000\n=001  456\n"


def test_nothing_readable_is_quarantined():
    items = read("garbage line\nmore garbage\n\n=LDR  00000nam a2200000   4500\n=001  1\n")
    assert isinstance(items[0], QuarantinedRecord) and items[0].reason.code == "mrk-no-fields"
    assert "line 1" in items[0].reason.message and items[0].raw == b"garbage line\nmore garbage\n"
    assert isinstance(items[1], ReadRecord) and items[1].offset == len(b"garbage line\nmore garbage\n\n")


def test_windows_1252_and_bom():
    data = b"\xef\xbb\xbf=LDR  00000nam a2200000   4500\r\n=245  10$aCaf\xe9\r\n"
    (item,) = read(data)
    assert codes(item) == ["mrk-not-utf8"]
    assert item.record.value("245", "a") == "Café"
    assert item.offset == 3 and item.raw == data[3:]
