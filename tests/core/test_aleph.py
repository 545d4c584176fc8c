"""Aleph sequential: UGent's rug01 sample, local tags, and the repairs for broken lines."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from catalog_desktop.marc.aleph import read_aleph
from catalog_desktop.marc.marcxml import write_marcxml
from catalog_desktop.marc.record import DEFAULT_LEADER
from catalog_desktop.marc.reading import QuarantinedRecord, ReadRecord
from catalog_desktop.marc.record import UTF8

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SAMPLE = DATA / "marc" / "catmandu-marc" / "rug01.aleph"


def need_sample() -> Path:
    if not SAMPLE.is_file():
        pytest.fail(f"the shared MARC fixtures are missing: expected {SAMPLE}")
    return SAMPLE


def read(source) -> list:
    if isinstance(source, (bytes, str)):
        data = source.encode("utf-8") if isinstance(source, str) else source
        return list(read_aleph(io.BytesIO(data)))
    with open(source, "rb") as stream:
        return list(read_aleph(stream))


def codes(item) -> list[str]:
    return [p.code for p in item.warnings]


def test_rug01_sample():
    path = need_sample()
    items = read(path)
    assert len(items) == 2 and all(isinstance(i, ReadRecord) and i.warnings == [] for i in items)
    first, second = (i.record for i in items)
    assert first.leader == "00000nam a2200301 i 4500"  # ^ is a blank; leader/09 'a' (Unicode)
    assert first.encoding == UTF8
    assert first.control_number == "000000002" and second.control_number == "000000003"
    assert first.value("008") == "050601s1921    xx |||||||||||||| ||dut  "
    assert first.first("245").indicators == "10"
    assert first.value("245", "a") == "Catmandu Test"
    subjects = first.get_fields("650")
    assert [f.indicators for f in subjects] == [" 0"] * 3
    assert [f.subfields for f in subjects] == [[("a", "Perl")], [("a", "MARC"), ("a", "MARC2")], [("a", "加德滿都")]]
    assert [f.tag for f in first.fields] == ["001", "008", "245", "650", "650", "650"]  # FMT dropped
    assert second.get_fields("008") == [] and second.value("650", "a") == "Perl"
    data = path.read_bytes()
    lines = data.splitlines(keepends=True)
    assert items[0].raw == b"".join(lines[:8]) and items[0].offset == 0
    assert items[1].raw == b"".join(lines[8:]) and items[1].offset == len(items[0].raw)
    assert [i.position for i in items] == [1, 2] and {i.source_format for i in items} == {"aleph"}


def test_local_tags_and_repairs():
    text = (
        "000000010 FMT   L BK\n"
        "000000010 24510 L $$aDe avonden :$$been winterverhaal\n"
        "000000010 CAT   L $$aBATCH$$b00$$c20050601$$lRUG01\n"
        "000000010 Z30   L $$1BIB$$2000123\n"
        "000000010 SYS   L 000000010\n"
        "this is not an aleph line\n"
        "000000010 500   L text first$$aNote\n"
        "000000010 650 0 L \n"
        "000000011 LDR   L 00000cam^^2200000^a^4500\n"
        "000000011 001   L abc123\n"
        "000000011 100^^ L $$aReve, Gerard\n"
    )
    first, second = read(text)
    assert codes(first) == [
        "aleph-no-subfields", "aleph-bad-line", "aleph-text-before-subfields", "empty-datafield",
        "missing-leader", "aleph-sysno-as-001",
    ]
    assert "line 6" in first.warnings[1].message
    rec = first.record
    assert rec.leader == DEFAULT_LEADER
    assert [f.tag for f in rec.fields] == ["001", "245", "CAT", "Z30", "SYS", "500"]
    assert rec.control_number == "000000010"
    assert rec.first("CAT").subfields == [("a", "BATCH"), ("b", "00"), ("c", "20050601"), ("l", "RUG01")]
    assert rec.first("Z30").subfields == [("1", "BIB"), ("2", "000123")]
    assert rec.first("SYS").subfields == [("a", "000000010")]
    assert rec.first("500").subfields == [("a", "Note")]
    assert second.warnings == []
    assert second.record.leader == "00000cam a2200000 a 4500"
    assert second.record.control_number == "abc123"
    assert second.record.first("100").indicators == "  "
    data = text.encode()
    for item in (first, second):
        assert data[item.offset : item.offset + len(item.raw)] == item.raw
    assert second.raw.startswith(b"000000011 LDR")


def test_only_internal_lines_is_quarantined():
    first, second = read("000000001 FMT   L BK\n000000002 245   L $$aTitel\n")
    assert isinstance(first, QuarantinedRecord) and first.reason.code == "aleph-no-fields"
    assert first.raw == b"000000001 FMT   L BK\n"
    assert isinstance(second, ReadRecord) and second.position == 2


def test_crlf_windows_1252_and_bom():
    data = b"\xef\xbb\xbf000000005 LDR   L 00000nam^a2200000^^^4500\r\n000000005 245   L $$aCaf\xe9\r\n"
    (item,) = read(data)
    assert codes(item) == ["aleph-not-utf8", "aleph-sysno-as-001"]
    assert item.record.value("245", "a") == "Café"
    assert item.offset == 3 and item.raw == data[3:]


def test_aleph_records_write_valid_marcxml():
    need_sample()
    xsd = etree.XMLSchema(etree.parse(str(DATA / "schemas" / "MARC21slim.xsd")))
    records = [i.record for i in read(SAMPLE)]
    records += [i.record for i in read("000000010 CAT   L $$aBATCH\n000000010 Z30   L $$1BIB\n")]
    out = io.BytesIO()
    assert write_marcxml(records, out) == 3
    assert xsd.validate(etree.fromstring(out.getvalue())), xsd.error_log.last_error
    assert "加德滿都".encode() in out.getvalue()
