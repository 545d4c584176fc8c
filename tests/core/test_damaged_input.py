"""Real MARC files damaged on purpose, in seeded, repeatable ways: the readers must hold.

Issue 3 asks that a broken record never stops a run nor vanishes. Each case here takes a
real file from ``../shared/data/marc`` and damages it (truncation, a flipped, missing or
extra byte, a lost or doubled end-of-record mark, garbage between records, a wrong leader
length, a directory entry pointing past the end, bad UTF-8, a cut MARC-8 escape, broken XML
or JSON, a bad .mrk line), then checks what every reader promises:

* reading never raises, except :class:`NotMarcError` for input that is not MARC at all;
* every quarantined item has its raw bytes, its byte offset and a reason;
* items are the file's own bytes at their offsets, in order, never overlapping;
* ISO 2709, .mrk and Aleph: the items tile the file -- no byte lost, none counted twice
  (only whitespace between records belongs to no item);
* MARCXML: every record start tag in the file lies in exactly one item;
* records away from the damage come through exactly as from the intact file
  (the reader resynchronised); an ISO 2709 record read without a warning round-trips
  byte-identical; every record read can be prepared for the catalogue, and one read from
  a text format reads back the same from the ISO 2709 it is stored as.

The random cases use a fixed seed, so a failure is the same failure on every machine, and
their number is bounded to keep the suite fast. For a longer hunt, multiply the rounds:
``CATALOG_DAMAGE_ROUNDS=25 pytest tests/core/test_damaged_input.py`` (a few minutes).
"""

from __future__ import annotations

import io
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from catalog_desktop.catalogue.preparing import prepare
from catalog_desktop.marc.iso2709 import RecordError, parse_record, serialize
from catalog_desktop.marc.mapping import load_profile
from catalog_desktop.marc.reading import NotMarcError, Problem, QuarantinedRecord, ReadRecord, read_marc
from catalog_desktop.marc.record import MARC8, Field, MarcRecord

from tests.core.shared_data import need_data

SEED = 20261123
ROUNDS = int(os.environ.get("CATALOG_DAMAGE_ROUNDS", "1"))
WHITESPACE = b" \t\r\n\x00\x1a"
RT, FT, ESC = 0x1D, 0x1E, 0x1B

# Real files, by what they exercise. Small ones keep the suite fast.
ISO_FILES = {
    "marc8": "pymarc/test.dat",  # 10 MARC-8 records
    "marc8-escapes": "marc4j/brkrtest.mrc",  # MARC-8 with diacritics and character set escapes
    "utf8": "marc4j/brkrtest_UTF8.mrc",  # the same records in UTF-8
    "alma": "catmandu-marc/bu_bibs.mrc",  # leader lengths counted in characters (first 12 records)
    "broken": "pymarc/bad_records.mrc",  # already broken in seven ways
}
TEXT_FILES = {
    "marcxml": "marc4j/sample1a.xml",
    "marcxml-ns": "pymarc/batch.xml",
    "marcjson": "pymarc/batch.json",
    "marcjson-lines": "catmandu-marc/old_new.json",
    "mrk": "marc4j/brkrtest.mrk",
    "aleph": "catmandu-marc/rug01.aleph",
}


def source(name: str) -> bytes:
    path = need_data() / name
    data = path.read_bytes()
    if name.endswith("bu_bibs.mrc"):
        data = data[: _record_spans(data)[11][1]]  # 12 records are plenty, and quick
    return data


# --- what every read must satisfy -------------------------------------------------------


@dataclass
class Outcome:
    items: list
    not_marc: NotMarcError | None = None

    @property
    def read(self) -> list[ReadRecord]:
        return [i for i in self.items if isinstance(i, ReadRecord)]

    @property
    def quarantined(self) -> list[QuarantinedRecord]:
        return [i for i in self.items if isinstance(i, QuarantinedRecord)]


def read_checked(data: bytes, fmt: str | None = None, tiled: bool = False) -> Outcome:
    """Read ``data`` and check the promises every reader makes, whatever the damage."""
    try:
        items = list(read_marc(io.BytesIO(data), fmt))
    except NotMarcError as exc:
        assert exc.reason, "a NotMarcError must say why"
        return Outcome([], exc)
    assert [i.position for i in items] == list(range(1, len(items) + 1))
    end = 0
    for item in items:
        assert isinstance(item.raw, bytes)
        if isinstance(item, QuarantinedRecord):
            assert item.raw, "a quarantined item without bytes"
            assert item.offset >= 0, f"quarantined item {item.position} has no offset"
            assert isinstance(item.reason, Problem) and item.reason.code and item.reason.message
        else:
            assert all(isinstance(w, Problem) and w.code and w.message for w in item.warnings)
        if item.offset < 0:
            continue  # a MARCXML record whose exact span could not be found (documented)
        assert data[item.offset : item.offset + len(item.raw)] == item.raw, f"item {item.position} is not the file's bytes"
        assert item.offset >= end, f"item {item.position} overlaps the one before"
        if tiled:
            gap = data[end : item.offset]
            assert gap.lstrip(b"\xef\xbb\xbf").strip(WHITESPACE) == b"", f"bytes {end}-{item.offset} ({gap[:40]!r}) belong to no item"
        end = item.offset + len(item.raw)
    if tiled:
        assert data[end:].strip(WHITESPACE) == b"", f"bytes from {end} on ({data[end:end + 40]!r}) belong to no item"
    return Outcome(items)


@pytest.fixture(scope="module")
def profile():
    return load_profile()


def check_records(outcome: Outcome, profile) -> None:
    """Records read can go into the catalogue; clean ISO 2709 ones round-trip exactly."""
    for item in outcome.read:
        prepare(item, profile)
        if item.source_format == "iso2709":
            if not item.warnings:
                assert serialize(item.record) == item.raw, f"record {item.position} was read without a warning but does not round-trip"
            continue
        # A record read from text is stored and exported as ISO 2709: that must read back the same.
        try:
            written = serialize(item.record)
        except RecordError:
            continue  # too long for ISO 2709: the import says so
        again, problems = parse_record(written)
        assert not problems, f"record {item.position} cannot be read back from ISO 2709: {problems}"
        # The same fields and leader; a MARC-8 record with a character MARC-8 lacks is written
        # as UTF-8 (leader/09), as serialize documents.
        same = again.leader[5:9] + again.leader[17:20] == item.record.leader[5:9] + item.record.leader[17:20]
        assert same and all(a.same_content(b) for a, b in zip(again.fields, item.record.fields)) \
            and len(again.fields) == len(item.record.fields), f"record {item.position} changes when written as ISO 2709"


# --- ISO 2709 damage ---------------------------------------------------------------------


def _record_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each record of an intact file, framed the way the reader frames it."""
    return [(i.offset, i.offset + len(i.raw)) for i in read_marc(io.BytesIO(data), "iso2709")]


@dataclass
class Damage:
    """``data`` with original bytes [lo, hi) replaced by ``inserted`` bytes."""

    name: str
    data: bytes
    lo: int
    hi: int
    inserted: int

    def moved(self, offset: int) -> int:
        return offset + self.inserted - (self.hi - self.lo)


def replace(data: bytes, name: str, lo: int, hi: int, new: bytes) -> Damage:
    return Damage(name, data[:lo] + new + data[hi:], lo, hi, len(new))


def iso_damages(data: bytes, rng: random.Random, cases: int) -> list[Damage]:
    spans = _record_spans(data)
    out: list[Damage] = []
    for _ in range(cases):
        start, end = rng.choice(spans)
        length = end - start
        if length < 30:
            continue
        digits = data[start + 12 : start + 17]
        base = start + int(digits) if digits.isdigit() else start + 24
        base = min(max(base, start + 25), end - 2)  # the broken file's records have odd ones
        kind = rng.randrange(15)
        if kind == 0:
            cut = rng.choice([start + rng.randrange(1, 24), rng.randrange(start + 24, base), rng.randrange(base, end), end])
            out.append(replace(data, "truncate", cut, len(data), b""))
        elif kind == 1:
            p = rng.randrange(start, end)
            out.append(replace(data, "flip", p, p + 1, bytes([data[p] ^ rng.randrange(1, 256)])))
        elif kind == 2:
            p = rng.randrange(start, end)
            out.append(replace(data, "delete", p, p + 1, b""))
        elif kind == 3:
            p = rng.randrange(start, end)
            out.append(replace(data, "insert", p, p, bytes([rng.randrange(256)])))
        elif kind == 4:
            out.append(replace(data, "no-end-of-record", end - 1, end, b""))
        elif kind == 5:
            out.append(replace(data, "double-end-of-record", end, end, bytes([RT])))
        elif kind == 6:
            junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 60)))
            out.append(replace(data, "garbage-between", end, end, junk))
        elif kind == 7:
            text = b"garbage between records" + (b"\x1d" if rng.random() < 0.5 else b"")
            out.append(replace(data, "text-between", end, end, text))
        elif kind == 8:
            wrong = max(0, min(99999, length + rng.choice([-200, -30, -2, -1, 1, 2, 30, 200, 99999])))
            out.append(replace(data, "leader-length", start, start + 5, b"%05d" % wrong))
        elif kind == 9:
            entries = (base - 1 - start - 24) // 12
            entries = min(entries, (end - start - 24) // 12)
            if entries < 1:
                continue
            e = start + 24 + 12 * rng.randrange(entries)
            new = rng.choice([b"9999" + data[e + 7 : e + 12], data[e + 3 : e + 7] + b"99999", b"0001" + b"%05d" % (length + 5)])
            out.append(replace(data, "directory-past-end", e + 3, e + 12, new))
        elif kind == 10:
            p = rng.randrange(base, end - 1)
            out.append(replace(data, "invalid-utf8", p, p + 1, rng.choice([b"\xff", b"\xc3", b"\xe2\x82", b"\x80", b"\xed\xa0\x80"])))
        elif kind == 11:
            escapes = [i for i in range(base, end) if data[i] == ESC]
            p = rng.choice(escapes) if escapes else rng.randrange(base, end - 1)
            cut = rng.choice([b"\x1b", b"\x1b(", b"\x1b$", b"\x1b$1"])
            # The escape cut off: the field's data stops in the middle of the sequence.
            q = data.find(bytes([FT]), p)
            q = q if start < q < end else p + 1
            out.append(replace(data, "marc8-escape-cut", p, q, cut))
        elif kind == 12:
            p = rng.randrange(start, end)
            n = rng.randrange(1, 40)
            out.append(replace(data, "delete-run", p, min(end, p + n), b""))
        elif kind == 13:
            p = rng.randrange(start + 12, start + 17)
            out.append(replace(data, "base-address", p, p + 1, bytes([rng.choice(b"0123456789X ")])))
        else:
            p = rng.randrange(base, end - 1)
            out.append(replace(data, "stray-terminator", p, p + 1, bytes([rng.choice([RT, FT, 0x1F])])))
    return out


def assert_resynchronised(intact: dict, damage: Damage, outcome: Outcome) -> None:
    """Every record that the damage did not touch is read exactly as from the intact file
    (``intact``: its items by offset)."""
    got = {i.offset: i for i in outcome.items}
    for offset, before in intact.items():
        end = offset + len(before.raw)
        if (offset < damage.hi and damage.lo < end) or offset < damage.lo < end:
            continue  # the damaged record
        if offset == damage.hi and (isinstance(before, QuarantinedRecord) or before.warnings):
            continue  # a broken record right after the damage may not be found as a record start
        where = offset if end <= damage.lo else damage.moved(offset)
        after = got.get(where)
        assert after is not None and after.raw == before.raw, f"record {before.position} (offset {offset}) was lost after {damage.name} at {damage.lo}"
        assert type(after) is type(before)
        if isinstance(before, ReadRecord):
            assert after.record == before.record and after.warnings == before.warnings


ISO_CASES = [(label, n) for label in ISO_FILES for n in range(4 * ROUNDS)]


@pytest.mark.parametrize(("label", "batch"), ISO_CASES, ids=[f"{label}-{n}" for label, n in ISO_CASES])
def test_damaged_iso2709_is_read_record_by_record(label, batch, profile):
    data = source(ISO_FILES[label])
    rng = random.Random(f"{SEED}-{label}-{batch}")
    intact = {i.offset: i for i in read_marc(io.BytesIO(data), "iso2709")}
    for damage in iso_damages(data, rng, 40):
        outcome = read_checked(damage.data, tiled=True)
        if outcome.not_marc is not None:
            # Only a file whose very first record lost its leader may stop looking like MARC.
            assert damage.lo < 24 or damage.lo >= len(damage.data), f"{damage.name} at {damage.lo}: {outcome.not_marc}"
            continue
        try:
            check_records(outcome, profile)
            assert_resynchronised(intact, damage, outcome)
        except AssertionError as exc:
            raise AssertionError(f"{label}: {damage.name} at {damage.lo}-{damage.hi}: {exc}") from exc


def test_truncation_at_every_kind_of_place_in_every_record(profile):
    """Cut inside each leader, directory and data, and exactly between records."""
    data = source(ISO_FILES["marc8-escapes"])
    spans = _record_spans(data)
    for start, end in spans:
        base = start + int(data[start + 12 : start + 17])
        for cut in (start + 1, start + 5, start + 23, start + 24, start + 30, base - 1, base, (base + end) // 2, end - 1, end):
            outcome = read_checked(data[:cut], tiled=True)
            if start == 0 and cut < 48:
                continue  # a file holding less than a leader and two directory entries is not MARC
            assert outcome.not_marc is None
            before = [s for s in spans if s[1] <= cut]
            assert [(i.offset, i.offset + len(i.raw)) for i in outcome.items[: len(before)]] == before
            assert all(isinstance(i, ReadRecord) for i in outcome.items[: len(before)])
            rest = outcome.items[len(before) :]
            if cut == end - 1:
                (whole,) = rest  # only the end-of-record mark is missing: the record is all there
                assert isinstance(whole, ReadRecord) and [w.code for w in whole.warnings] == ["missing-end-of-record"]
            elif start < cut < end:
                (partial,) = rest
                assert isinstance(partial, QuarantinedRecord), f"a record cut at byte {cut - start} of {end - start} was imported"
                assert partial.offset == start and partial.raw == data[start:cut]
            check_records(outcome, profile)


def test_garbage_without_end_mark_before_a_record_is_cut_off():
    """Bytes that are not a record, glued to the front of the next one, are quarantined on
    their own; the record behind them is read (it used to be quarantined with them)."""
    data = source(ISO_FILES["utf8"])
    first, second = _record_spans(data)[:2]
    junk = b"garbage between records \x00\xff"
    outcome = read_checked(data[: first[1]] + junk + data[second[0] :], tiled=True)
    assert isinstance(outcome.items[0], ReadRecord) and isinstance(outcome.items[2], ReadRecord)
    garbage = outcome.items[1]
    assert isinstance(garbage, QuarantinedRecord) and garbage.raw == junk and garbage.offset == first[1]
    assert garbage.reason.code == "not-a-record"
    assert outcome.items[2].raw == data[second[0] : second[1]] and not outcome.items[2].warnings


def test_a_record_that_lost_its_end_is_quarantined_and_the_next_one_read():
    data = source(ISO_FILES["marc8"])
    first, second = _record_spans(data)[:2]
    cut = first[1] - 100  # the last 100 bytes of record 1, with its end mark, are gone
    outcome = read_checked(data[:cut] + data[second[0] :], tiled=True)
    lost, after = outcome.items[:2]
    assert isinstance(lost, QuarantinedRecord) and lost.reason.code == "truncated" and lost.raw == data[:cut]
    assert isinstance(after, ReadRecord) and after.raw == data[second[0] : second[1]] and not after.warnings
# --- the other formats -------------------------------------------------------------------


_XML_RECORD_START = re.compile(rb"<((?:[\w.-]+:)?record)[\s>/]")
_XML_BREAKS = [b"</record>", b"</datafield>", b"</subfield>", b"<subfield", b"<datafield", b"<record", b'code="', b'tag="', b"<leader>"]


def format_damage(data: bytes, fmt: str, rng: random.Random) -> Damage | None:
    """A damage that only makes sense in this format: a lost or misspelt element, brace, '='."""
    if fmt == "marcxml":
        needle = rng.choice(_XML_BREAKS)
        places = [m.start() for m in re.finditer(re.escape(needle[:2]) + rb"(?:\w+:)?" + re.escape(needle[2:] if needle.startswith(b"</") else needle[1:]), data)] if needle.startswith(b"<") else [m.start() for m in re.finditer(re.escape(needle), data)]
        if not places:
            return None
        p = rng.choice(places)
        end = data.find(b">", p) + 1 if needle.startswith(b"<") else p + len(needle)
        return replace(data, "xml-" + needle.decode().strip("</\"="), p, end, rng.choice([b"", data[p:end].replace(b"d", b"x", 1)]))
    if fmt == "marcjson":
        places = [i for i, b in enumerate(data) if b in b"{}[],:\""]
        p = rng.choice(places)
        return replace(data, "json-lost-" + chr(data[p]), p, p + 1, b"")
    if fmt == "mrk":
        places = [m.start() + 1 for m in re.finditer(rb"\n=", data)]
        p = rng.choice(places)
        return replace(data, "mrk-no-equals", p, p + 1, b"")
    return None


def text_damages(data: bytes, fmt: str, rng: random.Random, cases: int) -> list[Damage]:
    out = []
    for _ in range(cases):
        kind = rng.randrange(8)
        p = rng.randrange(len(data))
        if kind >= 6:
            damage = format_damage(data, fmt, rng)
            if damage is not None:
                out.append(damage)
        elif kind == 0:
            out.append(replace(data, "truncate", p, len(data), b""))
        elif kind == 1:
            out.append(replace(data, "delete", p, p + 1, b""))
        elif kind == 2:
            out.append(replace(data, "insert", p, p, bytes([rng.choice(b"<>{}[],\":=$\n\x00\xff\xc3\x1d\x1e\x1f")])))
        elif kind == 3:
            out.append(replace(data, "flip", p, p + 1, bytes([data[p] ^ rng.randrange(1, 256)])))
        elif kind == 4:
            q = min(len(data), p + rng.randrange(1, 80))
            out.append(replace(data, "delete-run", p, q, b""))
        else:
            out.append(replace(data, "invalid-utf8", p, p, rng.choice([b"\xff", b"\xc3", b"\xe2\x82"])))
    return out


def assert_every_record_start_in_one_item(data: bytes, outcome: Outcome, names: set[bytes]) -> None:
    """MARCXML: each record start tag in the file lies in exactly one item (read or
    quarantined), so no record vanishes, whatever the damage did to the XML. ``names``: the
    tag names the intact file's records have (a fragment of a spoilt end tag is no record)."""
    spans = [(i.offset, i.offset + len(i.raw)) for i in outcome.items if i.offset >= 0]
    if len(spans) < len(outcome.items):
        return  # spans unknown (documented for markup the tape cannot follow)
    for m in _XML_RECORD_START.finditer(data):
        if m.group(1) not in names:
            continue
        holders = [s for s in spans if s[0] <= m.start() < s[1]]
        assert len(holders) == 1, f"the record starting at byte {m.start()} is in {len(holders)} items"


TEXT_CASES = [(label, n) for label in TEXT_FILES for n in range(2 * ROUNDS)]


@pytest.mark.parametrize(("label", "batch"), TEXT_CASES, ids=[f"{label}-{n}" for label, n in TEXT_CASES])
def test_damaged_text_formats_never_raise_and_keep_every_byte_found(label, batch, profile):
    data = source(TEXT_FILES[label])
    fmt = next(i.source_format for i in read_marc(io.BytesIO(data)))
    tiled = fmt in ("mrk", "aleph") or label == "marcjson-lines"
    intact = list(read_marc(io.BytesIO(data)))
    names = {m.group(1) for i in intact for m in [_XML_RECORD_START.match(i.raw)] if m}
    rng = random.Random(f"{SEED}-{label}-{batch}")
    for damage in text_damages(data, fmt, rng, 60):
        try:
            outcome = read_checked(damage.data, tiled=tiled)
            if outcome.not_marc is not None:
                # Only a damaged start of a one-record file, or a file cut in its first
                # record, may stop looking like MARC: no readable record is refused.
                first_end = intact[0].offset + len(intact[0].raw)
                assert damage.lo < first_end and (len(intact) == 1 or damage.name == "truncate"), f"{outcome.not_marc}"
                continue
            check_records(outcome, profile)
            # Records wholly before the damage are read as from the intact file. In the
            # line formats a damaged line (an Aleph line whose system number is spoiled)
            # may join the record before it, so "before" means before the damaged line.
            limit = damage.data.rfind(b"\n", 0, damage.lo) + 1 if fmt in ("mrk", "aleph") else damage.lo
            for before in intact:
                if before.offset + len(before.raw) < limit:
                    after = outcome.items[before.position - 1]
                    assert (after.offset, after.raw) == (before.offset, before.raw)
            if fmt == "marcxml":
                assert_every_record_start_in_one_item(damage.data, outcome, names)
            # Records wholly after the damage (after its line, in the line formats) are
            # found again: the reader resynchronised.
            resume = data.find(b"\n", damage.hi) + 1 if fmt in ("mrk", "aleph") or label == "marcjson-lines" else damage.hi
            found = {(i.offset, i.raw) for i in outcome.items}
            for before in intact:
                if resume and before.offset >= resume:
                    assert (damage.moved(before.offset), before.raw) in found, f"record {before.position} was not found again"
        except AssertionError as exc:
            raise AssertionError(f"{label}: {damage.name} at {damage.lo}-{damage.hi}: {exc}") from exc





# --- whole files that are not MARC, and the import ------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\x00" * 5000, b"\n\n  \r\n", b"\x1d\x1e\x1f" * 10, bytes(range(256)) * 4],
                         ids=["empty", "zeros", "blank lines", "terminators only", "all bytes"])
def test_files_that_are_not_marc_are_refused_as_a_whole(content):
    with pytest.raises(NotMarcError) as info:
        list(read_marc(io.BytesIO(content)))
    assert "not MARC" in str(info.value)


def damaged_files(tmp_path) -> dict[str, bytes]:
    """One damaged file per format (named for the reader of its records), plus non-MARC files."""
    iso = source(ISO_FILES["marc8"])
    spans = _record_spans(iso)
    cut = spans[3][0] + 100
    xml = source(TEXT_FILES["marcxml"])
    json_array = source(TEXT_FILES["marcjson"])
    mrk = source(TEXT_FILES["mrk"])
    files = {
        # garbage before record 2, record 4 cut short with the next one glued on, a doubled end mark
        "damaged.mrc": iso[: spans[0][1]] + b"junk!" + iso[spans[1][0] : cut] + iso[spans[4][0] : spans[6][1]] + b"\x1d" + iso[spans[7][0] :],
        "truncated.mrc": iso[: spans[5][0] + 500],
        "cut.xml": xml[: len(xml) // 2],
        "brace.json": json_array.replace(b"}\n  ]\n}", b"}\n  ]\n", 1),
        "no-equals.mrk": mrk.replace(b"\n=245", b"\n245", 1),
        "empty.mrc": b"",
        "zeros.mrc": b"\x00" * 4096,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return files


def test_damaged_files_are_imported_record_by_record(catalogue, tmp_path):
    files = damaged_files(tmp_path)
    summary = catalogue.import_files(sorted(tmp_path / name for name in files))
    by_name = {Path(s.path).name: s for s in summary.files}
    assert set(by_name) == set(files)
    stored = {}
    for item in catalogue.quarantine.list():
        stored.setdefault(Path(item.source_file).name, []).append(catalogue.quarantine.get(item.id))
    for name, data in files.items():
        s = by_name[name]
        assert s.found == s.imported + s.updated + s.unchanged + s.quarantined, name
        if name in ("empty.mrc", "zeros.mrc"):
            assert s.found == 0 and s.error and "not MARC" in s.error
            continue
        assert s.error is None, (name, s.error)
        items = list(read_marc(io.BytesIO(data)))
        assert s.found == len(items), name
        quarantined = [i for i in items if isinstance(i, QuarantinedRecord)]
        assert s.quarantined == len(quarantined), name
        assert quarantined or any(i.warnings for i in items), f"{name}: the damage went unnoticed"
        rows = sorted(stored.get(name, []), key=lambda q: q.offset)
        assert [(q.offset, q.raw, q.reason_code) for q in rows] == [(i.offset, i.raw, i.reason.code) for i in quarantined]
        assert all(data[q.offset : q.offset + len(q.raw)] == q.raw and q.reason_message for q in rows)
    assert catalogue.records.count() == sum(s.imported for s in summary.files)
    # Records read with a repair keep its warnings in the catalogue.
    read = {(name, i.offset): i for name, data in files.items() if name not in ("empty.mrc", "zeros.mrc")
            for i in read_marc(io.BytesIO(data)) if isinstance(i, ReadRecord)}
    kept = []
    for row in catalogue.records.page(limit=1000):
        record = catalogue.records.get(row.id)
        item = read[(Path(record.source_file).name, record.source_offset)]
        assert [w.code for w in record.warnings] == [w.code for w in item.warnings]
        kept += [w.code for w in record.warnings]
    assert "mrk-bad-line" in kept
    assert sorted(q.reason_code for q in stored["damaged.mrc"]) == ["not-a-record", "too-short", "truncated"]


@pytest.mark.parametrize("fmt", ["marcjson", "mrk", "aleph"])
def test_iso2709_terminators_inside_text_values_are_made_visible(fmt):
    """A 0x1E inside a JSON, .mrk or Aleph value used to be written into the stored ISO 2709
    as is, cutting the field in two (and a 0x1F made a subfield of its own)."""
    data = {
        "marcjson": b'{"leader":"00000nam a2200000   4500","fields":[{"001":"1\\u001e2"},{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"A\\u001fbB\\u001d"}]}}]}\n',
        "mrk": b"=LDR  00000nam a2200000   4500\n=001  1\x1e2\n=245  10$aA{1F}bB\x1d\n",
        "aleph": b"000000001 LDR   L 00000nam^a2200000^^^4500\n000000001 001   L 1\x1e2\n000000001 24510 L $$aA\x1fbB\x1d\n",
    }[fmt]
    (item,) = read_marc(io.BytesIO(data), fmt)
    assert "structure-character" in [w.code for w in item.warnings]
    assert item.record.value("001") == "1\u241e2" and item.record.value("245", "a") == "A\u241fbB\u241d"
    again, problems = parse_record(serialize(item.record))
    assert not problems and again.same_content(item.record)


def test_what_iso2709_cannot_hold_is_repaired_with_a_warning():
    """Found by the damage tests: a JSON subfield code of several characters merged into the
    value when written, a non-ASCII leader character became "?", and a control character in
    a MARC-8 value was dropped by the MARC-8 decoder on the way back."""
    data = '{"leader":"00925n\u00c3jm 22002777a 4500","fields":[{"245":{"subfields":[{"dx y":"v"},{"":"w"}]}}]}'
    (item,) = read_marc(io.BytesIO(data.encode()), "marcjson")
    assert sorted(w.code for w in item.warnings) == ["json-bad-subfield-code", "json-bad-subfield-code", "leader-repaired"]
    assert item.record.leader == "00925n jma22002777a 4500" and item.record.first("245").subfields == [("d", "v")]
    marc8 = MarcRecord("00000nam  2200000 a 4500", [Field("245", indicators="10", subfields=[("a", "ctrl\x14char")])], MARC8)
    again, problems = parse_record(serialize(marc8))
    assert not problems and again.value("245", "a") == "ctrl\x14char" and again.encoding == "utf-8"


def test_regressions_found_by_a_longer_damage_campaign():
    """Two cases a run with more seeds found (kept here so they stay fixed)."""
    # A subfield holding nothing but a cut MARC-8 escape decoded to "" and raised IndexError.
    data = source(ISO_FILES["marc8-escapes"])
    end = data.index(b"\x1faWashington, DC") - 3  # the field terminator before that field
    begin = data.rindex(b"\x1e", 0, end) + 1
    damaged = data[:begin] + b"10\x1f\x1b$1" + data[end:]
    outcome = read_checked(damaged, tiled=True)
    assert any(w.code == "empty-subfield" for i in outcome.read for w in i.warnings)
    # A record that lost its last 13 bytes and its end mark: a leader-like run inside the
    # next record's leader (its base address "00241 a 4500...") was taken for a record start,
    # so the next record was read from the middle of its leader.
    data = (need_data() / "marc4j/pride-and-prejudice-with-many-errors.mrc").read_bytes()
    damaged = data[:280317] + data[280330:]
    items = {i.offset: i for i in read_checked(damaged, tiled=True).items}
    assert items[280032].reason.code == "truncated"
    assert isinstance(items[280317], ReadRecord) and items[280317].raw == data[280330:281111] and not items[280317].warnings


def test_regressions_found_in_the_text_formats():
    """Cases a longer run over more text files found (kept here so they stay fixed)."""
    # A blank line inside an Aleph record: the record's bytes were its lines without it,
    # so ``raw`` was not the file's bytes at ``offset``.
    data = source(TEXT_FILES["aleph"])
    inside = data.index(b"\n000000003 24510") + 1
    outcome = read_checked(data[:inside] + b"\n" + data[inside:], tiled=True)
    assert [type(i) for i in outcome.items] == [ReadRecord, ReadRecord] and not outcome.items[1].warnings
    # A leader and no fields is no record to catalogue (ISO 2709 cannot even hold it).
    for fmt, text in [
        ("mrk", b"=LDR  00000nam  2200000 a 4500\n\n=LDR  00000nam  2200000 a 4500\n=001  2\n"),
        ("aleph", b"000000001 LDR   L 00000nam^a2200000^^^4500\n000000002 001   L 2\n"),
        ("marcjson", b'[{"leader": "00000nam a2200000   4500", "fields": []}, {"fields": [{"001": "2"}]}]'),
        ("marcxml", b"<collection><record><leader>00000nam a2200000   4500</leader></record>"
                    b"<record><controlfield tag='001'>2</controlfield></record></collection>"),
    ]:
        first, second = read_checked(text).items
        assert isinstance(first, QuarantinedRecord) and isinstance(second, ReadRecord), fmt
        assert first.source_format == fmt and second.record.control_number == "2"
    # MARCXML fields that ISO 2709 would read back as something else.
    (item,) = read_checked((
        "<record><leader>00000nam a2200000   4500</leader><controlfield tag='245'>Titel</controlfield>"
        "<datafield tag='005' ind1=' ' ind2=' '><subfield code='a'>2024</subfield></datafield>"
        "<datafield tag='100' ind1='\u00e9' ind2='0'><subfield code='a'>Auteur</subfield></datafield></record>"
    ).encode()).items
    assert [w.code for w in item.warnings] == ["xml-control-field-tag", "control-field-with-subfields", "xml-bad-indicator"]
    assert [str(f) for f in item.record.fields] == ["=245  \\\\$aTitel", "=005  2024", "=100  \\0$aAuteur"]
    # MARC-in-JSON without its leader, and Catmandu JSON whose first line lost a quote: still JSON MARC.
    (item,) = read_checked(b'{"fields": [{"001": "1"}, {"245": {"subfields": [{"a": "Titel"}]}}]}').items
    assert [w.code for w in item.warnings] == ["missing-leader"]
    lines = source(TEXT_FILES["marcjson-lines"])
    items = read_checked(lines.replace(b'{"record"', b'{"recod"', 1)).items
    assert [type(i) for i in items] == [QuarantinedRecord, ReadRecord]


def test_a_damaged_start_of_a_text_file_does_not_make_it_not_marc(profile):
    """A spoilt first line or prolog used to make a whole .mrk, Aleph or MARCXML file "not MARC"."""
    aleph = source(TEXT_FILES["aleph"])
    items = read_checked(b"X" + aleph[1:], tiled=True).items
    assert [type(i) for i in items] == [QuarantinedRecord, ReadRecord, ReadRecord]
    mrk = source(TEXT_FILES["mrk"])
    items = read_checked(b"LDR" + mrk[4:], tiled=True).items
    assert len(items) == 8 and "mrk-bad-line" in [w.code for w in items[0].warnings]
    xml = source(TEXT_FILES["marcxml-ns"])
    for spoilt in (xml.replace(b'encoding="UTF-8"', b'encodng="UTF-8"', 1),  # the XML declaration
                   xml.replace(b"xmlns:marc=", b"xmlns:mark=", 1)):  # the prefix's declaration
        items = read_checked(spoilt).items
        assert [type(i) for i in items] == [ReadRecord, ReadRecord]
    # A digit int() refuses ('²' in an ISBN) used to stop the import while preparing the record.
    (item,) = read_checked(b"=LDR  00000nam  2200000 a 4500\n=001  1\n=020  \\\\$a90\xc2\xb29012633\n").items
    check_records(Outcome([item]), profile)


def test_an_unknown_character_coding_flag_is_reported():
    """Leader/09 neither blank nor 'a' was read as MARC-8 without a word, and written back as
    blank: a record "without warnings" that did not round-trip (found by a longer run)."""
    data = source(ISO_FILES["marc8"])
    first = _record_spans(data)[0]
    (item,) = read_checked(data[:9] + b"q" + data[10 : first[1]], tiled=True).items
    assert [w.code for w in item.warnings] == ["leader-encoding"] and item.record.encoding == "marc-8"


def test_json_punctuation_out_of_place_is_no_record():
    """A lost "[" left "," and "]" to be quarantined as records, one of them without bytes."""
    data = source(TEXT_FILES["marcjson"])
    items = read_checked(data[data.index(b"[") + 1 :]).items
    assert [type(i) for i in items] == [ReadRecord, ReadRecord]


def test_a_sign_or_blank_in_a_directory_number_is_a_damaged_directory():
    """int() reads "+012" and " 12": such a directory passed for sound, and the record was
    read without a warning though it could not be written back the same (found by a longer run)."""
    data = source(ISO_FILES["marc8"])
    first = _record_spans(data)[0]
    entry = data.index(b"042", 24)  # a directory entry of the first record
    for spoilt in (b"+", b" "):
        damaged = data[: entry + 7] + spoilt + data[entry + 8 : first[1]]
        (item,) = read_checked(damaged, tiled=True).items
        assert "directory-offsets" in [w.code for w in item.warnings]


def test_more_regressions_from_longer_runs():
    # A record length that is not a number ("#0127") was read without a warning.
    data = source(ISO_FILES["broken"])
    first, last = _record_spans(data)[0], _record_spans(data)[-1]
    _, item = read_checked(data[: first[1]] + b"#" + data[last[0] + 1 : last[1]], tiled=True).items
    assert [w.code for w in item.warnings] == ["leader-length"]
    # Garbage before the XML declaration, and Catmandu JSON whose first "{" is lost.
    xml = source(TEXT_FILES["marcxml-ns"])
    items = read_checked(b"\xff" + xml).items
    assert [type(i) for i in items] == [ReadRecord, ReadRecord] and items[0].warnings[0].code == "xml-skipped-markup"
    lines = source(TEXT_FILES["marcjson-lines"])
    items = read_checked(lines[1:], tiled=True).items
    assert [type(i) for i in items] == [QuarantinedRecord, ReadRecord]


def test_a_spoilt_collection_start_tag_costs_no_record():
    """A broken name or namespace declaration in the root start tag made the file look like a
    wrapper (OAI-PMH): it was read as one quarantined item, or refused as "not MARC"."""
    xml = source(TEXT_FILES["marcxml-ns"])
    start = xml.index(b"<marc:collection")
    end = xml.index(b">", start)
    for spoilt in (xml[: start + 7] + b"\x1f" + xml[start + 7 :],  # <marc:c\x1follection
                   xml[: start + 17] + xml[end - 40 :]):  # its namespace declarations cut out
        items = read_checked(spoilt).items
        assert [type(i) for i in items] == [ReadRecord, ReadRecord]


def test_a_misspelt_collection_in_marcs_namespace_is_marcxml():
    xml = (need_data() / "marc4j/chabon.xml").read_bytes()
    items = read_checked(xml.replace(b"<collection", b"<colection", 1)).items
    assert [type(i) for i in items] == [ReadRecord, ReadRecord]
