"""MARCXML: reading the real fixtures (good and broken), exact spans, streaming, the writer."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pymarc
import pytest
from lxml import etree

from catalog_desktop.marc.aleph import read_aleph
from catalog_desktop.marc.marcjson import read_marcjson
from catalog_desktop.marc.marcxml import (
    NS,
    MarcXmlWriter,
    read_marcxml,
    record_to_marcxml,
    write_marcxml,
    xml_leader,
)
from catalog_desktop.marc.mrk import read_mrk
from catalog_desktop.marc.reading import NotMarcError, QuarantinedRecord, ReadRecord
from catalog_desktop.marc.record import Field, MarcRecord, build_record

from shared_data import DATA, MARC
XSD = DATA / "schemas" / "MARC21slim.xsd"


def need_data() -> Path:
    if not MARC.is_dir() or not XSD.is_file():
        pytest.fail(f"the shared fixtures are missing: expected {MARC} and {XSD}")
    return MARC


def files(pattern: str) -> list:
    found = sorted(MARC.glob(pattern)) if MARC.is_dir() else []
    return [pytest.param(p, id=str(p.relative_to(MARC))) for p in found] or [pytest.param(None, id="missing-data")]


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    need_data()
    return etree.XMLSchema(etree.parse(str(XSD)))


def read(path: Path) -> list:
    with open(path, "rb") as stream:
        return list(read_marcxml(stream))


def records(path: Path) -> list[MarcRecord]:
    return [i.record for i in read(path) if isinstance(i, ReadRecord)]


def codes(item) -> list[str]:
    return [p.code for p in item.warnings]


# (records read, records quarantined) for every XML fixture
COUNTS = {
    "catmandu-marc/broken.xml": (10, 0),
    "catmandu-marc/marc.xml": (1, 0),
    "marc4j/1474920681_KOHA_LFL_5.xml": (1, 0),
    "marc4j/1474920681_KOHA_LFL_6_with_comment.xml": (1, 0),
    "marc4j/OCLC_814388508.xml": (1, 0),
    "marc4j/azdoud.xml": (1, 0),
    "marc4j/chabon-bad-subfields-element.xml": (1, 0),
    "marc4j/chabon-missing-controlfield-tag.xml": (1, 0),
    "marc4j/chabon-missing-datafield-tag.xml": (1, 0),
    "marc4j/chabon-missing-subfield-code.xml": (1, 0),
    "marc4j/chabon-record-type-bad.xml": (2, 0),
    "marc4j/chabon-record-type.xml": (2, 0),
    "marc4j/chabon.xml": (2, 0),
    "marc4j/cruel-cruel-indicatorless-summerland.xml": (1, 0),
    "marc4j/sample1a.xml": (9, 0),
    "marc4j/summerland-record-with-type.xml": (1, 0),
    "marc4j/summerland-record.xml": (1, 0),
    "marc4j/summerland.xml": (1, 0),
    "marc4j/summerlandwith710.xml": (1, 0),
    "pymarc/bad_tag.xml": (1, 0),
    "pymarc/batch.xml": (2, 0),
    "pymarc/utf8.xml": (1, 0),
}


@pytest.mark.parametrize("path", files("*/*.xml"))
def test_every_record_is_accounted_for_with_its_exact_bytes(path):
    need_data()
    items = read(path)
    data = path.read_bytes()
    name = str(path.relative_to(MARC))
    read_count = sum(isinstance(i, ReadRecord) for i in items)
    assert (read_count, len(items) - read_count) == COUNTS[name]
    # every record element in the file is one item
    assert len(items) == len(etree.parse(str(path)).xpath("//*[local-name()='record']"))
    assert [i.position for i in items] == list(range(1, len(items) + 1))
    for item in items:
        assert item.source_format == "marcxml"
        assert item.offset >= 0
        assert data[item.offset : item.offset + len(item.raw)] == item.raw
        assert item.raw.split(b">")[0].split()[0].endswith(b"record")
        assert item.record.leader[9] == "a" and len(item.record.leader) == 24


def test_known_records():
    marc = need_data()
    chabon = records(marc / "marc4j/chabon.xml")
    assert [r.control_number for r in chabon] == ["11939876", "12883376"]
    assert chabon[0].value("245", "a") == "The amazing adventures of Kavalier and Clay :"
    assert chabon[0].first("245").indicators == "14"
    assert chabon[0].value("008") == "000313s2000    nyu           000 1 eng  "

    oclc = records(marc / "marc4j/OCLC_814388508.xml")[0]
    assert oclc.control_number == "ocn814388508"
    assert oclc.value("245", "a") == "He\u0304 agora ste\u0304 Mesogeio :"  # decomposed, as in the file
    greek = [unicodedata.normalize("NFC", f.first("a")) for f in oclc.get_fields("880")]
    assert greek[:3] == ["Η αγορά στη Μεσόγειο :", "Αθηνα :", "Γιαννικουρη, Α."]

    korean = records(marc / "catmandu-marc/marc.xml")[0]
    assert korean.value("245", "a") == "TEEM (한국전기전자재료학회)"
    assert [f.tag for f in korean.fields[:3]] == ["920", "008", "001"]  # order as in the file
    assert korean.leader == "00000nas-a2200000z--4500"

    camel = records(marc / "catmandu-marc/broken.xml")
    assert camel[0].value("001") == "fol05731351 "  # trailing blank kept
    assert camel[0].value("010", "a") == "   00020737 "


def test_xml_twins_of_iso_files_agree():
    marc = need_data()
    for xml_name, mrc_name in [("marc4j/chabon.xml", "marc4j/chabon.mrc"), ("marc4j/summerland.xml", "marc4j/summerland.mrc")]:
        with open(marc / mrc_name, "rb") as stream:
            expected = [MarcRecord.from_pymarc(r) for r in pymarc.MARCReader(stream, to_unicode=True)]
        got = records(marc / xml_name)
        assert len(got) == len(expected)
        assert all(a.same_content(b) for a, b in zip(got, expected))


# ---------------------------------------------------------------- broken fixtures


def test_bad_tag_and_short_leader():
    item = read(need_data() / "pymarc/bad_tag.xml")[0]
    assert isinstance(item, ReadRecord)
    assert codes(item) == ["leader-size", "xml-bad-tag"]
    assert item.record.leader == "      Z  a22 4500       "
    assert item.record.value("042", "a") == "dc"
    assert item.record.value("100", "d") == "1892-1944"
    assert item.record.first("100").indicators == "0z"
    assert len(item.record.fields) == 15


def test_missing_controlfield_and_datafield_tags():
    item = read(need_data() / "marc4j/chabon-missing-controlfield-tag.xml")[0]
    assert codes(item) == ["xml-missing-tag", "xml-missing-tag"]
    assert "20041229190604.0" in item.warnings[0].message
    assert "Bildungsromane" in item.warnings[1].message
    assert item.record.control_number == "11939876"
    assert item.record.get_fields("005") == []
    assert [f.first("a") for f in item.record.get_fields("655")] == ["Humorous stories."]
    assert item.record.value("245", "a") == "The amazing adventures of Kavalier and Clay :"


def test_missing_subfield_code():
    item = read(need_data() / "marc4j/chabon-missing-subfield-code.xml")[0]
    assert codes(item) == ["xml-missing-subfield-code", "empty-datafield"]
    assert "020" in item.warnings[0].message and "0679450041" in item.warnings[0].message
    assert item.record.get_fields("020") == []
    assert [f.first("a") for f in item.record.get_fields("655")] == ["Humorous stories.", "Bildungsromane."]


def test_bad_subfields_element_and_missing_datafield_tag():
    item = read(need_data() / "marc4j/chabon-bad-subfields-element.xml")[0]
    assert codes(item) == ["xml-unknown-element", "empty-datafield"]
    assert "<subfields>" in item.warnings[0].message
    item = read(need_data() / "marc4j/chabon-missing-datafield-tag.xml")[0]
    assert codes(item) == ["xml-unknown-element", "empty-datafield", "xml-missing-tag"]


def test_catmandu_broken_xml_has_an_empty_datafield():
    items = read(need_data() / "catmandu-marc/broken.xml")
    assert codes(items[0]) == ["empty-datafield"] and "082" in items[0].warnings[0].message
    assert items[0].record.get_fields("082") == []
    assert all(codes(i) == [] for i in items[1:])
    assert items[9].record.value("245", "a") == "Cross-platform Perl /"


def test_other_repairs():
    marc = need_data()
    item = read(marc / "marc4j/cruel-cruel-indicatorless-summerland.xml")[0]
    assert codes(item) == ["xml-missing-indicator", "xml-missing-indicator"]
    assert item.record.first("911").indicators == "  "
    item = read(marc / "marc4j/chabon-record-type-bad.xml")[0]
    assert codes(item) == ["xml-bad-record-type"]
    item = read(marc / "marc4j/1474920681_KOHA_LFL_6_with_comment.xml")[0]
    assert codes(item) == ["xml-unknown-element", "xml-unknown-element"]  # <identifier>, <datestamp>
    assert item.record.control_number == "121564"


def test_record_without_leader_or_fields_is_quarantined():
    doc = (
        b'<collection xmlns="http://www.loc.gov/MARC21/slim">'
        b"<record><controlfield>x</controlfield></record>"
        b'<record><controlfield tag="001">2</controlfield></record>'
        b"</collection>"
    )
    first, second = read_marcxml(io.BytesIO(doc))
    assert isinstance(first, QuarantinedRecord) and first.reason.code == "xml-empty-record"
    assert first.raw == b"<record><controlfield>x</controlfield></record>" and first.offset == 51
    assert isinstance(second, ReadRecord) and codes(second) == ["missing-leader"]
    assert second.record.control_number == "2"


def test_not_well_formed_keeps_what_came_before_and_quarantines_the_rest():
    data = (need_data() / "marc4j/sample1a.xml").read_bytes()
    cut = data[: len(data) // 2]
    items = list(read_marcxml(io.BytesIO(cut)))
    good = [i for i in items if isinstance(i, ReadRecord)]
    assert len(good) == 4 and len(items) == 5
    last = items[-1]
    assert isinstance(last, QuarantinedRecord) and last.reason.code == "xml-not-well-formed"
    assert "line 227" in last.reason.message
    assert last.offset == good[-1].offset + len(good[-1].raw)
    assert cut[last.offset :] == last.raw  # nothing lost
    assert last.position == 5



def test_a_record_that_is_not_well_formed_is_quarantined_and_reading_goes_on():
    data = (need_data() / "marc4j/sample1a.xml").read_bytes()
    intact = list(read_marcxml(io.BytesIO(data)))
    broken = data.replace(b"</marcxml:leader>", b"</marcxml:leadr>", 1)
    first, *rest = read_marcxml(io.BytesIO(broken))
    assert isinstance(first, QuarantinedRecord) and first.reason.code == "xml-not-well-formed"
    assert "line 3" in first.reason.message and "went on" in first.reason.message
    assert first.offset == intact[0].offset and first.raw == intact[0].raw.replace(b"</marcxml:leader>", b"</marcxml:leadr>", 1)
    assert [(i.offset + 1, i.raw, i.position) for i in rest] == [(i.offset, i.raw, i.position) for i in intact[1:]]
    assert all(isinstance(i, ReadRecord) for i in rest)


def test_a_record_without_its_end_tag_is_quarantined_and_the_next_ones_read():
    data = (need_data() / "marc4j/sample1a.xml").read_bytes()
    intact = list(read_marcxml(io.BytesIO(data)))
    unclosed = data.replace(b"</marcxml:record>", b"", 1)
    items = list(read_marcxml(io.BytesIO(unclosed)))
    first = items[0]
    assert isinstance(first, QuarantinedRecord) and first.reason.code == "xml-unclosed-record"
    assert first.offset == intact[0].offset and unclosed[first.offset :].startswith(first.raw)
    assert [i.raw for i in items[1:]] == [i.raw for i in intact[1:]]


def test_broken_markup_outside_records_is_reported_with_the_next_record():
    data = (need_data() / "marc4j/sample1a.xml").read_bytes()
    spoilt = data.replace(b'xmlns:marcxml="', b'xmlns:marcxml="<', 1)  # the collection's start tag
    items = list(read_marcxml(io.BytesIO(spoilt)))
    assert len(items) == 9 and all(isinstance(i, ReadRecord) for i in items)
    assert [w.code for w in items[0].warnings] == ["xml-skipped-markup"]
    typo = data.replace(b"www.loc.gov/MARC21/slim", b"www.loc.gov/MARC21/slimm", 1)  # no records in MARC's namespace
    items = list(read_marcxml(io.BytesIO(typo)))
    assert len(items) == 9 and all(w.code == "xml-unknown-namespace" for i in items for w in i.warnings)


def test_not_marc_xml_is_refused():
    with pytest.raises(NotMarcError, match="html"):
        list(read_marcxml(io.BytesIO(b"<html><body><record/></body></html>")))
    with pytest.raises(NotMarcError, match="rss"):
        list(read_marcxml(io.BytesIO(b'<?xml version="1.0"?><rss><channel/></rss>')))
    with pytest.raises(NotMarcError):
        list(read_marcxml(io.BytesIO(b"<<< not xml")))


def test_records_inside_an_oai_pmh_response():
    doc = (
        b'<?xml version="1.0"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>'
        b'<record><header/><metadata><record xmlns="http://www.loc.gov/MARC21/slim">'
        b'<leader>00000nam a2200000   4500</leader><controlfield tag="001">1</controlfield></record>'
        b"</metadata></record><!-- <record> --><record><metadata>"
        b'<marc:record xmlns:marc="http://www.loc.gov/MARC21/slim"><marc:leader>00000nam a2200000   4500</marc:leader>'
        b'<marc:controlfield tag="001">2</marc:controlfield></marc:record></metadata></record></ListRecords></OAI-PMH>'
    )
    items = list(read_marcxml(io.BytesIO(doc)))
    assert [i.record.control_number for i in items] == ["1", "2"]
    for item in items:
        assert doc[item.offset : item.offset + len(item.raw)] == item.raw
        assert item.raw.startswith((b"<record xmlns=", b"<marc:record ")) and item.raw.endswith(b"record>")


def test_reading_streams(tmp_path):
    """The reader yields the first record long before it has read the whole file."""
    record = records(need_data() / "marc4j/chabon.xml")[0]
    big = tmp_path / "big.xml"
    with open(big, "wb") as out:
        write_marcxml([record] * 5000, out)

    class Counting(io.FileIO):
        consumed = 0

        def read(self, size=-1):
            data = super().read(size)
            Counting.consumed += len(data)
            return data

    with Counting(big, "rb") as stream:
        items = read_marcxml(stream)
        next(items)
        assert Counting.consumed < big.stat().st_size / 20
        assert sum(1 for _ in items) == 4999


# ---------------------------------------------------------------- writing


def all_readable_records() -> list[tuple[str, MarcRecord]]:
    """Every record the text readers get out of the fixtures, plus pymarc's reading of the ISO files."""
    marc = need_data()
    found = []
    for pattern, reader in [("*/*.xml", read_marcxml), ("*/*.json", read_marcjson), ("*/*.mrk", read_mrk), ("*/*.aleph", read_aleph)]:
        for path in sorted(marc.glob(pattern)):
            try:
                with open(path, "rb") as stream:
                    found += [(path.name, i.record) for i in reader(stream) if isinstance(i, ReadRecord)]
            except NotMarcError:
                pass
    for path in sorted([*marc.glob("*/*.mrc"), *marc.glob("*/*.dat")]):
        with open(path, "rb") as stream:
            reader = pymarc.MARCReader(stream, to_unicode=True, force_utf8=True, permissive=True, utf8_handling="replace")
            try:
                found += [(path.name, MarcRecord.from_pymarc(r)) for r in reader if r is not None]
            except Exception:  # pymarc gives up on some broken files; what it read so far is enough
                pass
    return found


@pytest.mark.filterwarnings("ignore")  # pymarc complains about the broken ISO files
def test_writer_output_is_schema_valid_for_every_readable_fixture(schema):
    found = all_readable_records()
    assert len(found) > 1000
    out = io.BytesIO()
    count = write_marcxml([r for _, r in found], out)
    assert count == len(found)
    doc = etree.fromstring(out.getvalue())
    assert schema.validate(doc), schema.error_log.last_error
    assert len(doc) == count


@pytest.mark.parametrize("path", files("*/*.xml"))
def test_round_trip(path, schema):
    need_data()
    first = records(path)
    out = io.BytesIO()
    with MarcXmlWriter(out) as writer:
        for record in first:
            writer.write(record)
    assert schema.validate(etree.fromstring(out.getvalue())), schema.error_log.last_error
    second = [i.record for i in read_marcxml(io.BytesIO(out.getvalue()))]
    assert len(second) == len(first)
    if path.name == "marc.xml":
        # Catmandu's sample has '-' in its leader and a data field before the control
        # fields: the schema allows neither, so the writer repairs both and says so.
        assert [p.code for _, p in writer.warnings] == ["xml-leader-adjusted"]
        assert second[0].leader == "00000nas a2200000z  4500"
        first = [schema_order(first[0])]
        first[0].leader = second[0].leader
    else:
        assert writer.warnings == []
    assert all(a.same_content(b) for a, b in zip(first, second))


def schema_order(record: MarcRecord) -> MarcRecord:
    copy = record.copy()
    copy.fields.sort(key=lambda f: f.data is None)
    return copy


def test_writer_repairs_what_the_schema_forbids(schema):
    record = MarcRecord(
        "01234xam|#2200000 |#45",
        [
            Field("001", data="abc\x1bdef\x00"),
            Field("245", indicators="|#", subfields=[("a", "Titel\x1fmet\x1ebytes"), (" ", "no code"), ("ab", "long code")]),
            Field("008", indicators="  ", subfields=[("a", "as data field")]),
            Field("500", data="a control field with a data tag"),
            Field("6aB", indicators="  ", subfields=[("a", "mixed case tag")]),
            Field("650", indicators="  ", subfields=[]),
            Field("0", data="bad"),
            Field("700", indicators="1 ", subfields=[("a", "Surrogate \udce9 and \ufffe")]),
        ],
    )
    out = io.BytesIO()
    writer = MarcXmlWriter(out)
    writer.write(record)
    writer.close()
    doc = etree.fromstring(out.getvalue())
    assert schema.validate(doc), schema.error_log.last_error
    assert sorted({p.code for _, p in writer.warnings}) == [
        "xml-code-adjusted", "xml-control-as-data", "xml-data-as-control", "xml-indicator-adjusted",
        "xml-leader-adjusted", "xml-tag-adjusted", "xml-tag-left-out",
    ]
    (back,) = read_marcxml(io.BytesIO(out.getvalue()))
    rec = back.record
    assert rec.leader == "01234xam a2200000   4500"
    assert rec.value("001") == "abc\u241bdef\u2400"
    assert rec.first("245").subfields == [("a", "Titel\u241fmet\u241ebytes"), ("?", "no code"), ("?", "long code")]
    assert rec.first("245").indicators == "  "
    assert rec.value("008") == "as data field"
    assert rec.first("500").subfields == [("a", "a control field with a data tag")]
    assert rec.value("6AB", "a") == "mixed case tag"
    assert rec.get_fields("650") == [] and rec.get_fields("0") == []
    assert rec.value("700", "a") == "Surrogate \ufffd and \ufffd"
    assert [f.tag for f in rec.fields] == ["001", "008", "245", "500", "6AB", "700"]


def test_xml_leader():
    assert xml_leader("00759cam  2200229 a 4500") == "00759cam a2200229 a 4500"
    assert xml_leader("short") == "00000 a  a" + " " * 14
    assert xml_leader("") == "      a  a" + " " * 14
    assert xml_leader("00000nam^a2200301^i^4500") == "00000nam a2200301 i 4500"


def test_record_to_marcxml(schema):
    record = build_record("00000nam  2200000   4500", [("001", "1"), ("245", "10", [("a", "De avonden <&>")])])
    xml = record_to_marcxml(record)
    elem = etree.fromstring(xml)
    assert elem.tag == f"{{{NS}}}record"
    assert schema.validate(etree.ElementTree(elem)), schema.error_log.last_error
    assert elem.find(f"{{{NS}}}leader").text == "00000nam a2200000   4500"
    assert b"De avonden &lt;&amp;&gt;" in xml
    (back,) = read_marcxml(io.BytesIO(xml))
    assert back.record.same_content(MarcRecord("00000nam a2200000   4500", record.fields))



def test_a_collection_without_its_end_tag_loses_nothing():
    data = (need_data() / "marc4j/sample1a.xml").read_bytes()
    items = list(read_marcxml(io.BytesIO(data.replace(b"</marcxml:collection>", b""))))
    assert len(items) == 9 and all(isinstance(i, ReadRecord) and not i.warnings for i in items)
