"""Format detection from content, over every real fixture file and over non-MARC content."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from catalog_desktop.marc.detect import detect_format
from catalog_desktop.marc.reading import NotMarcError, ReadRecord, read_marc

from shared_data import MARC, need_data




def all_files() -> list:
    files = sorted(p for p in MARC.rglob("*") if p.is_file()) if MARC.is_dir() else []
    return [pytest.param(p, id=str(p.relative_to(MARC))) for p in files] or [pytest.param(None, id="missing-data")]


# Files whose content is not what their extension suggests.
NOT_MARC = {
    "pymarc/bad.dat",  # an e-mail with a human-readable record display
    "pymarc/test_marc8.txt",  # lines of text, no MARC structure
    "pymarc/test_utf8.txt",
    "catmandu-marc/LICENSE-bu_bibs.txt",
}
BY_EXTENSION = {".mrc": "iso2709", ".dat": "iso2709", ".xml": "marcxml", ".json": "marcjson", ".mrk": "mrk", ".aleph": "aleph"}


def expected_format(path: Path) -> str | None:
    if str(path.relative_to(MARC)) in NOT_MARC:
        return None
    return BY_EXTENSION[path.suffix]


@pytest.mark.parametrize("path", all_files())
def test_every_fixture_file_is_detected_from_its_content(path):
    need_data()
    assert path is not None
    head = path.read_bytes()[:65536]
    assert detect_format(head) == expected_format(path)


def test_the_fixture_set_is_complete():
    marc = need_data()
    files = [p for p in marc.rglob("*") if p.is_file()]
    assert len(files) >= 100  # 104 at the time of writing (SOURCES.md says 118)
    found = {detect_format(p.read_bytes()[:65536]) for p in files}
    assert found == {"iso2709", "marcxml", "marcjson", "mrk", "aleph", None}


def test_detection_does_not_depend_on_the_file_name(tmp_path):
    marc = need_data()
    for source in ("marc4j/chabon.xml", "catmandu-marc/camel.mrk", "catmandu-marc/rug01.aleph", "pymarc/one.json"):
        copy = tmp_path / "export.txt"
        copy.write_bytes((marc / source).read_bytes())
        assert detect_format(copy.read_bytes()) == BY_EXTENSION[Path(source).suffix]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   \n\n",
        b"\xef\xbb\xbf",
        b"hello",
        b"hello world\nthis is plain text\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        b"isbn,title,author\n9789022338458,De avonden,Reve\n",
        b"12345,67890,12345678901234567890123456789012345678901234567890\n",
        b'{"name": "not marc", "items": [1, 2, 3]}',
        b"[1, 2, 3]",
        b"<html><head><title>x</title></head><body><p>record</p></body></html>",
        b'<?xml version="1.0"?><rss version="2.0"><channel><item/></channel></rss>',
        b"<<<>>>",
        b"=== heading ===\n",
        b"GIF89a\x01\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x00\x00",
    ],
    ids=lambda c: repr(c[:20]),
)
def test_non_marc_content_is_none(content):
    assert detect_format(content) is None


XML_VARIANTS = {
    "no namespace": b"<collection><record><leader>00000nam a2200000   4500</leader></record></collection>",
    "prefixed": b'<marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim"><marc:record/></marc:collection>',
    "default namespace": b'<collection xmlns="http://www.loc.gov/MARC21/slim">\n<record>',
    "single record": b'<record xmlns="http://www.loc.gov/MARC21/slim"><leader>',
    "declaration and comment": b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- export 2024 -->\n<collection xmlns="http://www.loc.gov/MARC21/slim">',
    "doctype": b'<?xml version="1.0"?>\n<!DOCTYPE collection [<!ENTITY x "y">]>\n<collection><record><leader>',
    "bom and blank lines": b'\xef\xbb\xbf\n\n  <?xml version="1.0"?><marc:record xmlns:marc="http://www.loc.gov/MARC21/slim">',
    "OAI-PMH wrapper": b'<?xml version="1.0"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><metadata><marc:record xmlns:marc="http://www.loc.gov/MARC21/slim">',
}


@pytest.mark.parametrize("content", XML_VARIANTS.values(), ids=XML_VARIANTS.keys())
def test_marcxml_variants(content):
    assert detect_format(content) == "marcxml"


JSON_VARIANTS = {
    "object": b'{"leader": "00000nam a2200000   4500", "fields": []}',
    "array": b'[\n  {\n    "leader": "00000nam a2200000   4500",\n    "fields": [{"001": "1"}]\n  }\n]',
    "json lines": b'{"leader":"00000nam a2200000   4500","fields":[]}\n{"leader":"00000nam a2200000   4500","fields":[]}\n',
    "bom": b'\xef\xbb\xbf{"leader": "x", "fields": []}',
    "catmandu": b'{"record":[["LDR"," "," ","_","00755cam  22002414a 4500"],["001"," "," ","_","1"]],"_id":"1"}\n',
    "catmandu id first": b'{"_id":"1","record":[["FMT"," "," ","_","BK"],["LDR"," "," ","_","00755cam  22002414a 4500"]]}\n',
    "marc4j unquoted keys": b'{\n    leader : "01471cjm a2200349 a 4500",\n    controlfield :',
}


@pytest.mark.parametrize("content", JSON_VARIANTS.values(), ids=JSON_VARIANTS.keys())
def test_marcjson_variants(content):
    assert detect_format(content) == "marcjson"


def test_mrk_and_aleph():
    assert detect_format(b"=LDR  00755cam  22002414a 4500\n=001  x\n") == "mrk"
    assert detect_format(b"\xef\xbb\xbf=LDR  00755cam  22002414a 4500\r\n") == "mrk"
    assert detect_format(b"=001  fol05731351\\\n=245  10$aTitle\n") == "mrk"
    assert detect_format(b"000000002 FMT   L BK\n000000002 LDR   L 00000nam^a2200301^i^4500\n") == "aleph"
    assert detect_format(b"\n000123456 24510 L $$aTitel\n") == "aleph"


def _iso_record(leader: bytes) -> bytes:
    directory = b"001000400000" + b"245001200004"
    return leader + directory + b"\x1e" + b"123\x1e10\x1faTitel\x1e\x1d"


def test_iso2709_tolerates_wrong_length_and_leader():
    assert detect_format(_iso_record(b"00052nam a2200037   4500")) == "iso2709"
    assert detect_format(_iso_record(b"99999nam a2200037   4500")) == "iso2709"
    assert detect_format(_iso_record(b"00052nam a  00037   4500")) == "iso2709"  # leader/10-11 blank
    assert detect_format(_iso_record(b"00052       00037       ")) == "iso2709"
    assert detect_format(b"\n\n" + _iso_record(b"00052nam a2200037   4500")) == "iso2709"
    # only the start of a long directory is in the head
    assert detect_format(b"01234nam a2201234   4500" + b"001000400000245001200004") == "iso2709"


def test_iso2709_needs_a_directory():
    assert detect_format(b"00052nam a2200037   4500 and then some prose, not a directory") is None
    assert detect_format(b"00052nam a2200037   4500001000400000\n") is None


def test_read_marc_picks_the_reader_from_content():
    marc = need_data()
    cases = {
        "marc4j/chabon.xml": ("marcxml", 2),
        "pymarc/batch.json": ("marcjson", 2),
        "catmandu-marc/old_new.json": ("marcjson", 2),
        "catmandu-marc/camel.mrk": ("mrk", 10),
        "catmandu-marc/rug01.aleph": ("aleph", 2),
    }
    for name, (fmt, count) in cases.items():
        items = list(read_marc(marc / name))
        assert len(items) == count, name
        assert all(isinstance(i, ReadRecord) and i.source_format == fmt for i in items), name
    stream = io.BytesIO((marc / "marc4j/chabon.xml").read_bytes())
    assert len(list(read_marc(stream))) == 2


def test_read_marc_refuses_what_is_not_marc():
    marc = need_data()
    with pytest.raises(NotMarcError):
        list(read_marc(marc / "pymarc/test_utf8.txt"))
    with pytest.raises(NotMarcError, match="marc-json"):
        list(read_marc(marc / "marc4j/marc-json.json"))


def test_every_fixture_file_reads_the_same_from_its_path_as_from_memory():
    """Format detection looks at the first 64 KiB, also when it reads a file by its path
    (a default file buffer of 4 KiB once made two long-record files "not MARC")."""
    need_data()
    for path in sorted(p for p in MARC.rglob("*") if p.suffix in (".mrc", ".dat", ".xml", ".json", ".mrk", ".aleph")):
        data = path.read_bytes()
        try:
            from_memory = [(i.offset, i.raw) for i in read_marc(io.BytesIO(data))]
        except NotMarcError:
            from_memory = None
        try:
            from_path = [(i.offset, i.raw) for i in read_marc(path)]
        except NotMarcError:
            from_path = None
        assert from_path == from_memory, path
    assert len(list(read_marc(MARC / "marc4j/bad_too_long_plus_2.mrc"))) == 3
    assert len(list(read_marc(MARC / "marc4j/datos-20161010-slice.mrc"))) == 1


def test_a_file_whose_first_record_is_damaged_is_still_iso2709():
    """One flipped or lost byte in the first record must not make a whole file "not MARC"."""
    data = (need_data() / "pymarc/test.dat").read_bytes()
    assert detect_format(b"X" + data[1:]) == "iso2709"  # the leader's length spoiled
    assert detect_format(data[:40] + b"7" + data[40:]) == "iso2709"  # a byte too many in the directory
    assert detect_format(data[:30] + data[31:]) == "iso2709"  # a byte lost from the directory
    single = (need_data() / "marc4j/summerland.mrc").read_bytes()
    assert detect_format(single[:40] + b"7" + single[40:]) == "iso2709"


def test_a_head_that_ends_inside_a_long_directory_is_iso2709():
    data = (need_data() / "marc4j/datos-20161010-slice.mrc").read_bytes()
    for size in range(4090, 4110):
        assert detect_format(data[:size]) == "iso2709", size
