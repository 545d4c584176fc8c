"""MARC-in-JSON and Catmandu JSON: the real fixtures, JSON Lines, broken JSON, and twins."""

from __future__ import annotations

import io
import json

import pymarc
import pytest
from lxml import etree

from catalog_desktop.marc.iso2709 import serialize
from catalog_desktop.marc.marcjson import read_marcjson
from catalog_desktop.marc.marcxml import read_marcxml, write_marcxml
from catalog_desktop.marc.reading import NotMarcError, QuarantinedRecord, ReadRecord
from catalog_desktop.marc.record import MarcRecord

from shared_data import DATA, MARC, need_data




def files(pattern: str) -> list:
    found = sorted(MARC.glob(pattern)) if MARC.is_dir() else []
    return [pytest.param(p, id=str(p.relative_to(MARC))) for p in found] or [pytest.param(None, id="missing-data")]


def read(source) -> list:
    if isinstance(source, bytes):
        return list(read_marcjson(io.BytesIO(source)))
    with open(source, "rb") as stream:
        return list(read_marcjson(stream))


def records(source) -> list[MarcRecord]:
    return [i.record for i in read(source) if isinstance(i, ReadRecord)]


def codes(item) -> list[str]:
    return [p.code for p in item.warnings]


def same_ignoring_leader_09(a: list[MarcRecord], b: list[MarcRecord]) -> bool:
    return len(a) == len(b) and all(
        x.leader[:9] + x.leader[10:] == y.leader[:9] + y.leader[10:]
        and len(x.fields) == len(y.fields)
        and all(f.same_content(g) for f, g in zip(x.fields, y.fields))
        for x, y in zip(a, b)
    )


# records per readable JSON fixture (none of them has a quarantined record)
COUNTS = {
    "catmandu-marc/old_new.json": 2,
    "marc4j/illegal-marc-in-json.json": 1,
    "marc4j/legal-json-marc-in-json.json": 1,
    "marc4j/marc-in-json.json": 1,
    "marc4j/summerland-marc-in-json-indented.json": 1,
    "marc4j/summerland-marc-in-json.json": 1,
    "pymarc/batch.json": 2,
    "pymarc/one.json": 1,
    "pymarc/test.json": 1,
}
# marc4j's "marc-json": keys without quotes, so not JSON at all
UNQUOTED = {"marc4j/marc-json.json", "marc4j/summerland-indented-marc-json.json", "marc4j/summerland-marc-json.json"}


@pytest.mark.parametrize("path", files("*/*.json"))
def test_every_json_fixture(path):
    need_data()
    name = str(path.relative_to(MARC))
    if name in UNQUOTED:
        with pytest.raises(NotMarcError, match=r"marc-json.*not supported") as info:
            read(path)
        assert "Expecting property name enclosed in double quotes" in info.value.reason
        return
    items = read(path)
    assert len(items) == COUNTS[name]
    assert all(isinstance(i, ReadRecord) for i in items)
    data = path.read_bytes()
    for n, item in enumerate(items, 1):
        assert item.position == n and item.source_format == "marcjson"
        assert data[item.offset : item.offset + len(item.raw)] == item.raw
        assert item.raw.lstrip().startswith(b"{") and item.raw.endswith(b"}")
        json.loads(item.raw, strict=False)
        assert item.record.leader[9] == "a"


def test_pymarc_json_agrees_with_the_iso_and_xml_twins():
    marc = need_data()
    with open(marc / "pymarc/one.dat", "rb") as stream:
        one_dat = [MarcRecord.from_pymarc(r) for r in pymarc.MARCReader(stream, to_unicode=True)]
    assert same_ignoring_leader_09(records(marc / "pymarc/one.json"), one_dat)
    with open(marc / "pymarc/batch.xml", "rb") as stream:
        batch_xml = [i.record for i in read_marcxml(stream)]
    batch = records(marc / "pymarc/batch.json")
    assert all(a.same_content(b) for a, b in zip(batch, batch_xml)) and len(batch) == 2
    assert [r.value("245", "a") for r in batch] == ["The Great Ray Charles", "The White House"]
    with open(marc / "marc4j/summerland.xml", "rb") as stream:
        summerland = [i.record for i in read_marcxml(stream)]
    for name in ("marc4j/summerland-marc-in-json.json", "marc4j/summerland-marc-in-json-indented.json"):
        got = records(marc / name)
        assert len(got) == 1 and got[0].same_content(summerland[0])
    assert records(marc / "marc4j/marc-in-json.json")[0].same_content(records(marc / "marc4j/legal-json-marc-in-json.json")[0])


def test_literal_line_breaks_in_strings_are_read_with_a_warning():
    marc = need_data()
    (item,) = read(marc / "marc4j/illegal-marc-in-json.json")
    assert codes(item) == ["json-control-character"]
    name = item.record.first("100").first("a")
    assert name.startswith("Dylan,\n") and "Bob," in name
    (clean,) = records(marc / "marc4j/marc-in-json.json")
    assert clean.first("100").first("a") == "Dylan, Bob,"
    assert codes(read(marc / "pymarc/test.json")[0]) == ["json-control-character"]


def test_catmandu_json_lines():
    items = read(need_data() / "catmandu-marc/old_new.json")
    first, second = items
    assert first.offset == 0 and second.offset == len(first.raw) + 1
    assert first.raw.startswith(b'{"record":[["FMT"') and second.raw.startswith(b'{"_id":"000000001"')
    for item in items:
        rec = item.record
        assert rec.leader == "00755cam a22002414a 4500"
        assert rec.control_number == "fol05731351"
        assert rec.first("245").indicators == "10"
        assert rec.first("245").subfields == [("a", "ActivePerl with ASP and ADO /"), ("c", "Tobias Martinsson.")]
        assert rec.get_fields("FMT") == [] and rec.fields[0].tag == "001"
        assert rec.value("008") == "000107s2000    nyua          001 0 eng"
    assert codes(first) == ["empty-datafield"] and "500" in first.warnings[0].message
    assert codes(second) == []
    assert [f.values("a") for f in second.record.get_fields("020")] == [
        ["0471383147 (paper/cd-rom : alk. paper)"], ["1234567890", "9876543210"]]
    assert second.record.value("500", "a") == '"Wiley Computer Publishing."'


def test_json_lines_with_a_bad_line_and_a_non_record():
    good = b'{"leader":"00000nam a2200000   4500","fields":[{"001":"1"},{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"Een"}]}}]}'
    data = good + b"\n{broken\n\n" + b'{"title": "not a record"}\r\n' + good.replace(b'"1"', b'"4"') + b"\n"
    items = read(data)
    assert [type(i).__name__ for i in items] == ["ReadRecord", "QuarantinedRecord", "QuarantinedRecord", "ReadRecord"]
    assert [i.position for i in items] == [1, 2, 3, 4]
    assert items[1].reason.code == "json-syntax" and items[1].raw == b"{broken"
    assert items[1].offset == len(good) + 1
    assert items[2].reason.code == "json-not-a-record" and items[2].raw == b'{"title": "not a record"}'
    assert items[3].record.control_number == "4"
    assert data[items[3].offset : items[3].offset + len(items[3].raw)] == items[3].raw


def test_array_broken_after_the_first_record():
    """A record whose JSON does not parse is quarantined alone; reading resumes at the next one."""
    one = b'{"leader":"00000nam a2200000   4500","fields":[{"001":"1"}]}'
    broken = b'{"leader": "x", "fields": [ oops ]}'
    data = b"[\n" + one + b",\n" + broken + b",\n" + one.replace(b'"1"', b'"3"') + b"\n]"
    first, bad, third = read(data)
    assert isinstance(first, ReadRecord) and first.record.control_number == "1"
    assert isinstance(bad, QuarantinedRecord) and bad.reason.code == "json-syntax"
    assert bad.position == 2 and bad.raw == broken and data[bad.offset :].startswith(broken)
    assert isinstance(third, ReadRecord) and third.record.control_number == "3" and third.position == 3
    with pytest.raises(NotMarcError, match="does not parse"):
        read(b"[\n{oops}\n]")


def test_a_lost_brace_or_comma_costs_one_record_only():
    one = b'{"leader":"00000nam a2200000   4500","fields":[{"001":"1"}]}'
    records = [one.replace(b'"1"', b'"%d"' % n) for n in range(1, 5)]
    lost_brace = b"[" + b",".join([records[0], records[1][:-1], records[2], records[3]]) + b"]"
    items = read(lost_brace)
    assert [type(i).__name__ for i in items] == ["ReadRecord", "QuarantinedRecord", "ReadRecord", "ReadRecord"]
    assert items[1].raw == records[1][:-1]
    assert [i.record.control_number for i in items if isinstance(i, ReadRecord)] == ["1", "3", "4"]
    no_comma = b"[" + records[0] + b"\n" + records[1] + b"]"
    assert [i.record.control_number for i in read(no_comma)] == ["1", "2"]
    garbage = b"[" + records[0] + b", garbage " + records[1] + b"]"
    items = read(garbage)
    assert [type(i).__name__ for i in items] == ["ReadRecord", "QuarantinedRecord", "ReadRecord"]
    assert items[1].raw == b"garbage"
    truncated = b"[" + records[0] + b"," + records[1][:30]
    items = read(truncated)
    assert isinstance(items[1], QuarantinedRecord) and items[1].raw == records[1][:30]
    assert "breaks off" in items[1].reason.message


def test_items_that_are_not_records():
    items = read(b'[{"leader": "00000nam a2200000   4500", "fields": "no"}, 42, {"fields": []}, {"fields": [{"001": "7"}]}]')
    assert [getattr(i, "reason", None) and i.reason.code for i in items] == ["json-not-a-record"] * 3 + [None]
    assert codes(items[3]) == ["missing-leader"] and items[3].record.control_number == "7"


def test_field_repairs():
    obj = {
        "leader": "00000nam  2200000",
        "fields": [
            {"001": "x"},
            {"008": {"ind1": " ", "ind2": " ", "subfields": [{"a": "0801"}, {"b": "27s"}]}},
            {"245": {"ind1": "10", "ind2": None, "subfields": [{"a": "Titel"}, "junk", {"b": None}]}},
            {"500": "plain"},
            {"650": {"ind1": " ", "ind2": "0", "subfields": []}},
            {"700": {"ind1": "1"}},
        ],
    }
    (item,) = read(json.dumps(obj).encode())
    assert codes(item) == [
        "control-field-with-subfields", "json-bad-subfield", "json-bad-subfield", "json-bad-indicator",
        "json-no-subfields", "empty-datafield", "json-bad-field", "leader-size",
    ]
    rec = item.record
    assert rec.leader == "00000nam a2200000       "
    assert rec.value("008") == "080127s"
    assert rec.first("245").indicators == "1 " and rec.first("245").subfields == [("a", "Titel")]
    assert rec.first("500").subfields == [("a", "plain")]
    assert [f.tag for f in rec.fields] == ["001", "008", "245", "500"]


def test_bad_utf8_is_read_as_windows_1252():
    line = b'{"leader":"00000nam a2200000   4500","fields":[{"245":{"ind1":" ","ind2":" ","subfields":[{"a":"Caf\xe9"}]}}]}'
    (item,) = read(line + b"\n")
    assert codes(item) == ["json-not-utf8"]
    assert item.record.value("245", "a") == "Café"
    assert item.raw == line
    (item,) = read(b"[\n" + line + b"\n]")
    assert item.record.value("245", "a") == "Café" and item.raw == line and item.offset == 2


def test_unicode_and_bom():
    data = '\ufeff{"leader":"00000nam a2200000   4500","fields":[{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"Één dag in Gent"}]}}]}'
    (item,) = read(data.encode("utf-8"))
    assert item.record.value("245", "a") == "Één dag in Gent"
    assert item.offset == 3


def test_empty_input():
    assert read(b"") == [] and read(b"\n\n") == []


def test_json_records_write_valid_marcxml():
    marc = need_data()
    xsd = etree.XMLSchema(etree.parse(str(DATA / "schemas" / "MARC21slim.xsd")))
    found = []
    for path in sorted(marc.glob("*/*.json")):
        if str(path.relative_to(marc)) not in UNQUOTED:
            found += records(path)
    out = io.BytesIO()
    assert write_marcxml(found, out) == sum(COUNTS.values())
    assert xsd.validate(etree.fromstring(out.getvalue())), xsd.error_log.last_error


def test_json_lines_whose_first_line_is_damaged():
    """Used to be read as one JSON document, and refused as a whole ("not MARC-in-JSON")."""
    good = b'{"leader":"00000nam a2200000   4500","fields":[{"001":"%d"}]}'
    data = (good % 1)[:-3] + b"\n" + (good % 2) + b"\n" + (good % 3) + b"\n"
    first, second, third = read(data)
    assert isinstance(first, QuarantinedRecord) and first.reason.code == "json-syntax" and first.raw == (good % 1)[:-3]
    assert [second.record.control_number, third.record.control_number] == ["2", "3"]
    assert third.offset == data.index(good % 3)


def test_values_that_cannot_be_text_or_tags_that_cannot_be_iso2709():
    """A lone surrogate escape and a tag that is not 3 ASCII letters or digits would make the
    record impossible to store or write; they are repaired or skipped, with a warning."""
    data = (
        '{"leader":"00000nam a2200000   4500","fields":[{"001":"1"},'
        '{"245":{"ind1":"\\udc80","ind2":"0","subfields":[{"a":"Half \\ud800 a character"}]}},'
        '{"2\u00e945":{"subfields":[{"a":"tag with a letter e-acute"}]}},{"24":{"subfields":[{"a":"short"}]}}]}'
    ).encode("utf-8")
    (item,) = read(data)
    assert codes(item) == ["json-bad-tag", "json-bad-tag", "json-lone-surrogate", "indicators"]
    assert item.record.value("245", "a") == "Half \ufffd a character" and item.record.first("245").indicators == " 0"
    assert [f.tag for f in item.record.fields] == ["001", "245"]
    serialize(item.record)  # can be written
