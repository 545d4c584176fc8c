"""ISO 2709: the tolerant reader on real (and really broken) files, and the exact writer."""

import io
import unicodedata
from pathlib import Path

import pytest

from catalog_desktop.marc.charset import CannotEncodeMarc8, decode_marc8, encode_marc8
from catalog_desktop.marc.iso2709 import parse_record, read_iso2709, serialize
from catalog_desktop.marc.reading import QuarantinedRecord, ReadRecord
from catalog_desktop.marc.record import MARC8, UTF8, Field, build_record

MARC_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "marc"
ISO_FILES = sorted(p for p in MARC_DIR.glob("*/*") if p.suffix in (".mrc", ".dat"))


def read_all(path):
    with open(path, "rb") as stream:
        return list(read_iso2709(stream))


def split(items):
    return [i for i in items if isinstance(i, ReadRecord)], [i for i in items if isinstance(i, QuarantinedRecord)]


def test_shared_fixtures_are_there():
    assert len(ISO_FILES) > 60, f"expected the shared MARC fixtures in {MARC_DIR}"


@pytest.mark.parametrize("path", ISO_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_byte_of_every_file_is_accounted_for(path):
    """Records read + records quarantined cover the file: their bytes, in order, are all
    of the file but the whitespace some exporters put between records."""
    data = path.read_bytes()
    items = read_all(path)
    assert items, "no record found"
    covered = 0
    for item in items:
        assert data[item.offset : item.offset + len(item.raw)] == item.raw
        gap = data[covered : item.offset]
        assert gap.strip(b" \t\r\n\x00\x1a") == b"", f"bytes {covered}-{item.offset} belong to no record"
        covered = item.offset + len(item.raw)
    assert data[covered:].strip(b" \t\r\n\x00\x1a") == b""
    assert [i.position for i in items] == list(range(1, len(items) + 1))


@pytest.mark.parametrize("path", ISO_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_records_read_without_warning_round_trip_byte_identical(path):
    read, _ = split(read_all(path))
    clean = [r for r in read if not r.warnings]
    for item in clean:
        if path.name == "unordered-directory-entries.mrc":
            continue  # the writer puts the directory in order; see the test below
        assert serialize(item.record) == item.raw, f"record {item.position} changed on the way out"


EXPECTED = {
    # file: (read, quarantined, {warning or reason code that must occur})
    "catmandu-marc/bu_bibs.mrc": (100, 0, {"leader-length", "directory-in-characters", "marc8-flag-but-utf8"}),
    "pymarc/bad_records.mrc": (7, 1, {"base-address", "no-fields", "directory-offsets"}),
    "pymarc/regression106.dat": (146, 0, {"indicators"}),
    "marc4j/008008027.mrc": (18, 1, {"truncated"}),
    "marc4j/pride-and-prejudice-with-many-errors.mrc": (383, 0, {"invalid-utf8", "directory-offsets"}),
    "marc4j/sample1.mrc": (8, 0, {"leader-repaired", "invalid-utf8"}),
    "marc4j/bad_hathi_records.mrc": (5, 0, {"leader-length", "directory-offsets"}),  # one record of 1 MB
    "marc4j/datos-20161010-slice.mrc": (1, 0, {"directory-wide-offsets"}),
    "marc4j/incomplete_esc_seq.mrc": (1, 0, {"invalid-marc8"}),
    "pymarc/bad_subfield_code.dat": (1, 0, {"leader-length"}),
    "pymarc/bad_indicator.dat": (1, 0, {"invalid-tag"}),
    "pymarc/utf8_without_leader_flag.dat": (1, 0, {"marc8-flag-but-utf8"}),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_known_broken_files_give_the_expected_counts_and_reasons(name):
    read, quarantined = split(read_all(MARC_DIR / name))
    n_read, n_quarantined, codes = EXPECTED[name]
    assert (len(read), len(quarantined)) == (n_read, n_quarantined)
    found = {p.code for r in read for p in r.warnings} | {q.reason.code for q in quarantined}
    assert codes <= found, f"missing {codes - found}"


def test_alma_records_with_character_counted_lengths_are_read_completely():
    read, _ = split(read_all(MARC_DIR / "catmandu-marc/bu_bibs.mrc"))
    repaired = [r for r in read if any(p.code == "directory-in-characters" for p in r.warnings)]
    assert len(repaired) == 16
    for item in repaired:
        tags = [f.tag for f in item.record.fields]
        assert tags[0] == "001" and "245" in tags
        assert item.record.encoding == UTF8
        assert all(f.tag != "245" or f.first("a") for f in item.record.fields)


def test_truncated_last_record_is_quarantined_with_its_bytes():
    path = MARC_DIR / "marc4j/008008027.mrc"
    _, quarantined = split(read_all(path))
    (q,) = quarantined
    assert q.reason.code == "truncated"
    assert path.read_bytes()[q.offset :] == q.raw
    assert "ends" in q.reason.message


def test_missing_end_of_record_mark_between_records_is_split_at_the_next_leader():
    one = serialize(build_record("00000nam a2200000 a 4500", [("001", "1"), ("245", "10", [("a", "Een")])]))
    two = serialize(build_record("00000nam a2200000 a 4500", [("001", "2"), ("245", "10", [("a", "Twee")])]))
    items = list(read_iso2709(io.BytesIO(one[:-1] + two)))
    read, quarantined = split(items)
    assert not quarantined
    assert [r.record.control_number for r in read] == ["1", "2"]
    assert read[0].warnings[0].code == "missing-end-of-record"
    assert not read[1].warnings


def test_garbage_between_records_is_quarantined_and_reading_goes_on():
    rec = serialize(build_record("00000nam a2200000 a 4500", [("001", "9"), ("245", "10", [("a", "Negen")])]))
    items = list(read_iso2709(io.BytesIO(rec + b"this is not a record\x1d" + rec)))
    read, quarantined = split(items)
    assert len(read) == 2 and len(quarantined) == 1
    assert quarantined[0].raw == b"this is not a record\x1d"
    assert quarantined[0].offset == len(rec)


def test_marc8_and_utf8_editions_of_the_same_records_decode_to_the_same_text():
    marc8 = [r.record for r in split(read_all(MARC_DIR / "marc4j/brkrtest.mrc"))[0]]
    utf8 = [r.record for r in split(read_all(MARC_DIR / "marc4j/brkrtest_UTF8.mrc"))[0]]
    assert len(marc8) == len(utf8) == 8
    assert {r.encoding for r in marc8} == {MARC8} and {r.encoding for r in utf8} == {UTF8}

    def norm(text):
        # LC maps the MARC-8 ligature and double-tilde halves to U+FE20-FE23; the UTF-8 file
        # uses the double diacritics U+0360/U+0361. Both are LC-sanctioned.
        for half, double in (("\ufe20", "\u0361"), ("\ufe21", ""), ("\ufe22", "\u0360"), ("\ufe23", "")):
            text = text.replace(half, double)
        return unicodedata.normalize("NFC", text)

    for a, b in zip(marc8, utf8):
        assert [norm(str(f)) for f in a.fields if f.tag != "005"] == [norm(str(f)) for f in b.fields if f.tag != "005"]
    polish = next(f for r in marc8 for f in r.fields if "Polish" in f.text())
    assert "Łódź" in polish.text()


def test_marc8_diacritics_decode_to_nfc():
    text, problem = decode_marc8(b"Caf\xe2e cr\xe3eme br\xfbul\xe2ee")  # acute, circumflex, ... in ANSEL
    assert problem is None
    assert text == unicodedata.normalize("NFC", text)
    assert text.startswith("Café")


@pytest.mark.parametrize("text", ["Café", "Ærø", "Łódź", "Brontë", "naïve façade", "plain ASCII", "Ŭ ŏ ß"])
def test_marc8_encoder_round_trips(text):
    decoded, problem = decode_marc8(encode_marc8(text))
    assert problem is None
    assert decoded == unicodedata.normalize("NFC", text)


def test_marc8_encoder_refuses_what_it_cannot_express():
    with pytest.raises(CannotEncodeMarc8):
        encode_marc8("Ελληνικά")


def test_edited_record_differs_only_in_the_edited_field():
    path = MARC_DIR / "marc4j/brkrtest.mrc"  # MARC-8, with diacritics in many fields
    item = split(read_all(path))[0][0]
    record = item.record
    index = next(i for i, f in enumerate(record.fields) if f.tag == "245")
    record.fields[index] = Field("245", indicators="10", subfields=[("a", "Nieuwe titel met é en ë")])
    out = serialize(record)
    reparsed, problems = parse_record(out)
    assert not problems and reparsed.encoding == MARC8
    assert reparsed.fields[index].first("a") == "Nieuwe titel met é en ë"
    original_raw = [f.raw for f in record.fields]
    new_raw = [f.raw for f in reparsed.fields]
    changed = [i for i, (a, b) in enumerate(zip(original_raw, new_raw)) if a != b]
    assert changed == [index]


def test_a_field_changed_in_place_is_not_written_from_stale_bytes():
    item = split(read_all(MARC_DIR / "pymarc/one.dat"))[0][0]
    field = item.record.first("245")
    field.subfields[0] = ("a", "Changed in place")  # raw left as it was, by mistake
    reparsed, _ = parse_record(serialize(item.record))
    assert reparsed.first("245").first("a") == "Changed in place"


def test_marc8_record_with_greek_edit_is_written_as_utf8():
    item = split(read_all(MARC_DIR / "pymarc/marc8.dat"))[0][0]
    assert item.record.encoding == MARC8
    item.record.fields.append(Field("500", indicators="  ", subfields=[("a", "Ελληνικά")]))
    reparsed, problems = parse_record(serialize(item.record))
    assert reparsed.leader[9] == "a" and reparsed.encoding == UTF8 and not problems
    assert reparsed.fields[-1].first("a") == "Ελληνικά"


def test_unordered_directory_is_read_in_directory_order_and_written_in_order():
    item = split(read_all(MARC_DIR / "marc4j/unordered-directory-entries.mrc"))[0][0]
    reparsed, problems = parse_record(serialize(item.record))
    assert not problems
    assert [str(f) for f in reparsed.fields] == [str(f) for f in item.record.fields]


def test_records_without_any_end_of_record_mark_are_split_at_each_leader():
    records = [
        serialize(build_record("00000nam a2200000 a 4500", [("001", str(n)), ("245", "10", [("a", f"Titel {n}")])]))
        for n in range(5)
    ]
    data = b"".join(r[:-1] for r in records)  # an exporter that drops every 0x1D
    read, quarantined = split(list(read_iso2709(io.BytesIO(data))))
    assert not quarantined
    assert [r.record.control_number for r in read] == ["0", "1", "2", "3", "4"]
    assert all(r.warnings[0].code == "missing-end-of-record" for r in read)
    assert [r.record.first("245").first("a") for r in read] == [f"Titel {n}" for n in range(5)]


def test_the_fast_path_reads_every_fixture_record_as_the_careful_path_does():
    """parse_record tries a fast path for well-formed records first; wherever it answers, its
    record (fields, decoded text, raw bytes per field) is the careful path's, with no problem."""
    from catalog_desktop.marc import iso2709

    fast_records = 0
    for path in ISO_FILES:
        for item in read_all(path):
            fast = iso2709._parse_clean(item.raw)
            if fast is None:
                continue
            fast_records += 1
            careful, problems = iso2709._parse_carefully(item.raw)
            assert problems == [], f"{path.name}@{item.offset}: the fast path took a record with problems"
            assert fast == careful and fast.encoding == careful.encoding
            assert [f.raw for f in fast.fields] == [f.raw for f in careful.fields]
    assert fast_records > 500  # most real records are clean: the comparison is not vacuous


@pytest.mark.parametrize("damage, problem", [
    (lambda raw: raw[:-1], None),  # no end-of-record mark (the framing reports that)
    (lambda raw: raw.replace(b"\x1fbx", b"\x1fb\x1f"), "empty-subfield"),
    (lambda raw: raw[:12] + b"00099" + raw[17:], "base-address"),
    (lambda raw: raw[:9] + b" " + raw[10:], "marc8-flag-but-utf8"),
])
def test_the_fast_path_leaves_damaged_records_to_the_careful_path(damage, problem):
    from catalog_desktop.marc import iso2709

    raw = serialize(build_record("00000nam a2200000 a 4500", [("001", "x1"), ("245", "10", [("a", "Één titel"), ("b", "x")])]))
    assert iso2709._parse_clean(raw) is not None
    assert iso2709._parse_clean(damage(raw)) is None
    record, problems = parse_record(damage(raw))
    assert [p.code for p in problems] == ([problem] if problem else [])
    assert record.value("245", "a") == "Één titel"
