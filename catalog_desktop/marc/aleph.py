"""Aleph sequential, the export format of Ex Libris Aleph (UGent rug01, and Vlacc/Anet exports).

One line per field: ``000000002 24510 L $$aTitle$$cAuthor`` -- a 9-digit system number, a
blank, the tag and two indicators, `` L `` (the field's language code in Aleph), then the
data. The lines of one record share the system number and follow each other; a record ends
where the number changes. In ``LDR`` and in control fields ``^`` stands for a blank.

* ``FMT`` (Aleph's own record format, BK/MU/VM...) is Aleph-internal and is dropped.
* Local fields with letters in the tag (``CAT``, ``OWN``, ``SYS``, ``Z30``...) are kept as
  data fields: MARC allows alphanumeric tags. One without ``$$`` subfields is read as ``$a``.
* The system number becomes the 001 only when the record has none (with a warning).
* Lines that do not have this shape are reported by line number and skipped.

The text is UTF-8 (Windows-1252 is read with a warning), so records are Unicode and
leader/09 is set to ``a``. ``raw`` is the record's lines as bytes; ``offset`` the byte offset
of its first line.
"""

from __future__ import annotations

import re
from typing import BinaryIO, Iterator

from catalog_desktop.marc.reading import Problem, QuarantinedRecord, ReadItem, ReadRecord, fit_leader, writable_as_iso2709
from catalog_desktop.marc.charset import decode_utf8
from catalog_desktop.marc.record import DEFAULT_LEADER, UTF8, Field, MarcRecord, is_control_tag

FORMAT = "aleph"
_LINE = re.compile(r"(\d{9}) ([0-9A-Za-z]{3})(.)(.) L ?(.*)", re.DOTALL)
_SYSNO = re.compile(rb"\d{9} ")


def read_aleph(stream: BinaryIO) -> Iterator[ReadItem]:
    """Read Aleph sequential records, one :class:`ReadRecord` or :class:`QuarantinedRecord` each."""
    position = 0
    for offset, first_line, sysno, lines in _groups(stream):
        position += 1
        raw = b"".join(lines)
        problems: list[Problem] = []
        record = _parse(sysno, lines, first_line, problems)
        if record is None:
            detail = "; ".join(p.message for p in problems) or "only Aleph-internal lines"
            yield QuarantinedRecord(raw, offset, position, FORMAT, Problem("aleph-no-fields", f"no MARC data in record {sysno}: {detail}"))
        else:
            yield ReadRecord(record, raw, offset, position, FORMAT, problems)


def _groups(stream: BinaryIO) -> Iterator[tuple[int, int, str, list[bytes]]]:
    """(offset, first line number, system number, lines) per run of lines with one system number.

    A line without a system number stays with the record it is in, so that it is reported
    there; blank lines between records belong to neither, inside a record to its bytes.
    """
    lines: list[bytes] = []
    blanks: list[bytes] = []  # blank lines seen since the last line of the current record
    sysno = ""
    start = first = offset = 0
    for number, line in enumerate(stream, 1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            offset += 3
            line = line[3:]
        if not line.strip():
            blanks.append(line)
            offset += len(line)
            continue
        this = line[:9].decode("ascii") if _SYSNO.match(line) else sysno
        if lines and this != sysno:
            yield start, first, sysno, lines
            lines = []
        if not lines:
            start, first, sysno = offset, number, this
        else:
            lines += blanks  # blank lines inside a record are part of its bytes
        blanks = []
        lines.append(line)
        offset += len(line)
    if lines:
        yield start, first, sysno, lines


def _parse(sysno: str, lines: list[bytes], first_line: int, problems: list[Problem]) -> MarcRecord | None:
    leader: str | None = None
    fields: list[Field] = []
    for number, raw_line in enumerate(lines, first_line):
        if not raw_line.strip():
            continue
        line, not_utf8 = decode_utf8(raw_line)
        if not_utf8:
            problems.append(Problem("aleph-not-utf8", f"line {number} is not valid UTF-8; its odd bytes were read as Windows-1252"))
        line = line.rstrip("\r\n")
        m = _LINE.fullmatch(line)
        if not m:
            problems.append(Problem("aleph-bad-line", f"line {number} is not an Aleph sequential line and was skipped: {line[:60]!r}"))
            continue
        _, tag, ind1, ind2, data = m.groups()
        if tag == "FMT":
            continue
        if tag == "LDR":
            leader = fit_leader(data.replace("^", " "), problems)
        elif is_control_tag(tag):
            fields.append(Field(tag, data=data.replace("^", " ")))
        else:
            field = _data_field(tag, (ind1 + ind2).replace("^", " "), data, number, problems)
            if field is not None:
                fields.append(field)
    if not fields:
        return None  # a leader alone is no record to catalogue
    if leader is None:
        problems.append(Problem("missing-leader", f"record {sysno} has no LDR line; a default leader was used"))
        leader = DEFAULT_LEADER
    if sysno and not any(f.tag == "001" for f in fields):
        problems.append(Problem("aleph-sysno-as-001", f"record {sysno} has no 001; the Aleph system number was used"))
        fields.insert(0, Field("001", data=sysno))
    return writable_as_iso2709(MarcRecord(leader[:9] + "a" + leader[10:], fields, UTF8), problems)


def _data_field(tag: str, indicators: str, data: str, number: int, problems: list[Problem]) -> Field | None:
    before, sep, rest = data.partition("$$")
    if not sep:
        if not data.strip():
            problems.append(Problem("empty-datafield", f"line {number}: field {tag} is empty and was skipped"))
            return None
        problems.append(Problem("aleph-no-subfields", f"line {number}: field {tag} has no $$ subfields; read as $a"))
        return Field(tag, indicators=indicators, subfields=[("a", data)])
    if before.strip():
        problems.append(Problem("aleph-text-before-subfields", f"line {number}: text before the first $$ of {tag} was skipped: {before[:60]!r}"))
    subfields = [(part[0], part[1:]) for part in rest.split("$$") if part]
    if not subfields:
        problems.append(Problem("empty-datafield", f"line {number}: field {tag} has no subfields and was skipped"))
        return None
    return Field(tag, indicators=indicators, subfields=subfields)
