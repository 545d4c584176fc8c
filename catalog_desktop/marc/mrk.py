"""MarcEdit mnemonic text (``.mrk``): one ``=TAG  data`` line per field, blank line between records.

Conventions (MarcEdit / LC MARCMaker):

* ``=LDR  00755cam  22002414a 4500``; ``\\`` stands for a blank in the leader, in control
  fields and in indicators. In subfield data a backslash is a backslash.
* ``=245  10$aTitle$cAuthor``: two indicators, then ``$`` + code per subfield; a real dollar
  sign is written ``{dollar}``.
* Character mnemonics: ``{acute}``, ``{Lstrok}``, ``{lcub}``, ... name MARC-8 characters;
  ``{E2}``-style hex gives a MARC-8 byte, ``{U+00E9}`` a Unicode code point. MARC-8
  diacritics precede their base letter (``{acute}e``), so they are moved after it and the
  value is composed to NFC, as the ISO 2709 MARC-8 decoder does. Values that switch
  character sets with ``{esc}`` are decoded by pymarc's MARC-8 converter. An unknown
  mnemonic stays as text, with a warning.
* ``#`` starts a comment line (MarcEdit ignores those when compiling).

The record's encoding follows leader/09: mnemonic files written from MARC-8 records stay
MARC-8 when written back to ISO 2709. ``raw`` is the record's lines as bytes (without the
blank separator line); ``offset`` is the byte offset of its first line.

"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import BinaryIO, Iterator

from catalog_desktop.marc.reading import Problem, QuarantinedRecord, ReadItem, ReadRecord, fit_leader, writable_as_iso2709
from catalog_desktop.marc.charset import decode_utf8, translate_marc8
from catalog_desktop.marc.record import DEFAULT_LEADER, MARC8, UTF8, Field, MarcRecord, is_control_tag

FORMAT = "mrk"

_LINE = re.compile(r"=([0-9A-Za-z]{3}) {1,2}(.*)", re.DOTALL)
_MNEMONIC = re.compile(r"\{([A-Za-z][A-Za-z0-9]{0,11}|[0-9A-Fa-f]{2}|U\+[0-9A-Fa-f]{4,6})\}")
_ESCAPE_SEQUENCE = re.compile(r"\{(?:esc|1[Bb])\}")

# MARCMaker names -> MARC-8 byte (ASCII, or ANSEL in G1).
MNEMONICS: dict[str, int] = {
    # ASCII that the format itself uses, or that people escape
    "esc": 0x1B, "dollar": 0x24, "bsol": 0x5C, "lcub": 0x7B, "rcub": 0x7D, "verbar": 0x7C,
    "sp": 0x20, "excl": 0x21, "quot": 0x22, "num": 0x23, "percnt": 0x25, "amp": 0x26,
    "apos": 0x27, "lpar": 0x28, "rpar": 0x29, "ast": 0x2A, "plus": 0x2B, "comma": 0x2C,
    "hyphen": 0x2D, "period": 0x2E, "sol": 0x2F, "colon": 0x3A, "semi": 0x3B, "lt": 0x3C,
    "equals": 0x3D, "gt": 0x3E, "quest": 0x3F, "commat": 0x40, "lsqb": 0x5B, "rsqb": 0x5D,
    "lowbar": 0x5F, "lowline": 0x5F, "spcirc": 0x5E, "spgrave": 0x60, "sptilde": 0x7E,
    # control characters of MARC-8
    "nsb": 0x88, "nse": 0x89, "joiner": 0x8D, "zwj": 0x8D, "nonjoin": 0x8E, "zwnj": 0x8E,
    # ANSEL spacing characters
    "Lstrok": 0xA1, "Ostrok": 0xA2, "Dstrok": 0xA3, "THORN": 0xA4, "AElig": 0xA5,
    "OElig": 0xA6, "softsign": 0xA7, "middot": 0xA8, "flat": 0xA9, "reg": 0xAA,
    "plusmn": 0xAB, "Ohorn": 0xAC, "Uhorn": 0xAD, "mlrhring": 0xAE, "mllhring": 0xB0,
    "lstrok": 0xB1, "ostrok": 0xB2, "dstrok": 0xB3, "thorn": 0xB4, "aelig": 0xB5,
    "oelig": 0xB6, "hardsign": 0xB7, "inodot": 0xB8, "pound": 0xB9, "eth": 0xBA,
    "ohorn": 0xBC, "uhorn": 0xBD, "deg": 0xC0, "scriptl": 0xC1, "phono": 0xC2,
    "copy": 0xC3, "sharp": 0xC4, "iquest": 0xC5, "iexcl": 0xC6, "eszett": 0xC7,
    "szlig": 0xC7, "euro": 0xC8,
    # ANSEL combining diacritics (written before the base letter)
    "hooka": 0xE0, "grave": 0xE1, "acute": 0xE2, "circ": 0xE3, "tilde": 0xE4, "macr": 0xE5,
    "breve": 0xE6, "dot": 0xE7, "uml": 0xE8, "diaer": 0xE8, "caron": 0xE9, "hacek": 0xE9,
    "ring": 0xEA, "llig": 0xEB, "rlig": 0xEC, "rcommaa": 0xED, "dblac": 0xEE,
    "candra": 0xEF, "cedil": 0xF0, "ogon": 0xF1, "dotb": 0xF2, "dbldotb": 0xF3,
    "ringb": 0xF4, "dblunder": 0xF5, "under": 0xF6, "commab": 0xF7, "rcedil": 0xF8,
    "breveb": 0xF9, "ldbltil": 0xFA, "rdbltil": 0xFB, "commaa": 0xFE,
}


def read_mrk(stream: BinaryIO) -> Iterator[ReadItem]:
    """Read MarcEdit mnemonic records, one :class:`ReadRecord` or :class:`QuarantinedRecord` each."""
    position = 0
    for offset, first_line, lines in _groups(stream):
        position += 1
        raw = b"".join(lines)
        problems: list[Problem] = []
        record = _parse(lines, first_line, problems)
        if record is None:
            detail = "; ".join(p.message for p in problems) or "no field lines"
            yield QuarantinedRecord(raw, offset, position, FORMAT, Problem("mrk-no-fields", f"nothing readable in this record: {detail}"))
        else:
            yield ReadRecord(record, raw, offset, position, FORMAT, problems)


def _groups(stream: BinaryIO) -> Iterator[tuple[int, int, list[bytes]]]:
    """(byte offset, first line number, lines) per record: split at blank lines and at a second =LDR."""
    lines: list[bytes] = []
    start = first = 0
    has_leader = False
    offset = 0
    for number, line in enumerate(stream, 1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            offset += 3
            line = line[3:]
        is_leader = line.startswith(b"=LDR")
        if not line.strip() or (is_leader and has_leader):
            if lines:
                yield start, first, lines
                lines, has_leader = [], False
            if not line.strip():
                offset += len(line)
                continue
        if not lines:
            start, first = offset, number
        lines.append(line)
        has_leader = has_leader or is_leader
        offset += len(line)
    if lines:
        yield start, first, lines


def _parse(lines: list[bytes], first_line: int, problems: list[Problem]) -> MarcRecord | None:
    leader: str | None = None
    fields: list[Field] = []
    for number, raw_line in enumerate(lines, first_line):
        line, not_utf8 = decode_utf8(raw_line)
        if not_utf8:
            problems.append(Problem("mrk-not-utf8", f"line {number} is not valid UTF-8; its odd bytes were read as Windows-1252"))
        line = line.rstrip("\r\n")
        if line.startswith("#"):
            continue
        m = _LINE.fullmatch(line)
        if not m:
            problems.append(Problem("mrk-bad-line", f"line {number} is not a =TAG  data line and was skipped: {line[:60]!r}"))
            continue
        tag, rest = m.groups()
        if tag == "LDR":
            leader = fit_leader(rest.replace("\\", " "), problems)
        elif is_control_tag(tag):
            fields.append(Field(tag, data=_decode(rest.replace("\\", " "), tag, problems)))
        else:
            field = _data_field(tag, rest, number, problems)
            if field is not None:
                fields.append(field)
    if not fields:
        return None  # a leader alone is no record to catalogue
    if leader is None:
        problems.append(Problem("missing-leader", "the record has no =LDR line; a default leader was used"))
        leader = DEFAULT_LEADER
    return writable_as_iso2709(MarcRecord(leader, fields, UTF8 if leader[9] == "a" else MARC8), problems)


def _data_field(tag: str, rest: str, number: int, problems: list[Problem]) -> Field | None:
    if rest.startswith("$"):
        problems.append(Problem("mrk-missing-indicators", f"line {number}: field {tag} has no indicators; read as blanks"))
        indicators, body = "  ", rest
    else:
        indicators, body = rest[:2].replace("\\", " ").ljust(2), rest[2:]
    before, dollar, body = body.partition("$")
    if before.strip():
        problems.append(Problem("mrk-text-before-subfields", f"line {number}: text before the first subfield of {tag} was skipped: {before[:60]!r}"))
    subfields = []
    if dollar:
        for part in body.split("$"):
            if not part:
                problems.append(Problem("mrk-empty-subfield", f"line {number}: an empty subfield in {tag} (a '$' not written as {{dollar}}?) was skipped"))
                continue
            subfields.append((part[0], _decode(part[1:], tag, problems)))
    if not subfields:
        problems.append(Problem("empty-datafield", f"line {number}: field {tag} has no subfields and was skipped"))
        return None
    return Field(tag, indicators=indicators, subfields=subfields)


@lru_cache(maxsize=1)
def _ansel() -> dict[int, tuple[str, bool]]:
    from pymarc import marc8_mapping

    return {byte: (chr(cp), bool(comb)) for byte, (cp, comb) in marc8_mapping.CODESETS[0x45].items()}


def _character(name: str) -> tuple[str, bool] | None:
    """(character, is a MARC-8 combining mark) for a mnemonic's name, or None if unknown."""
    if name.startswith("U+"):
        code = int(name[2:], 16)
        return None if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF else (chr(code), False)
    byte = MNEMONICS.get(name)
    if byte is None and len(name) == 2:
        try:
            byte = int(name, 16)
        except ValueError:
            byte = None
    if byte is None:
        return None
    if byte < 0x80:
        return chr(byte), False
    return _ansel().get(byte)


def _decode(value: str, tag: str, problems: list[Problem]) -> str:
    """Resolve the mnemonics of one value to Unicode (NFC)."""
    if "{" not in value:
        return value
    if _ESCAPE_SEQUENCE.search(value):
        text = _decode_marc8(value)
        if text is not None:
            return text
        problems.append(Problem("mrk-bad-escape", f"field {tag}: a character set escape could not be decoded; the escapes were kept as text"))
    out: list[str] = []
    marks: list[str] = []  # MARC-8 diacritics waiting for their base character

    def base(chars: str) -> None:
        if not chars:
            return
        out.append(chars[0])
        out.extend(marks)
        marks.clear()
        out.append(chars[1:])

    pos = 0
    for m in _MNEMONIC.finditer(value):
        base(value[pos : m.start()])
        pos = m.end()
        found = _character(m.group(1))
        if found is None:
            problems.append(Problem("mrk-unknown-mnemonic", f"field {tag}: unknown mnemonic {m.group(0)} kept as text"))
            base(m.group(0))
        elif found[1]:
            marks.append(found[0])
        else:
            base(found[0])
    base(value[pos:])
    out.extend(marks)
    return unicodedata.normalize("NFC", "".join(out))


def _decode_marc8(value: str) -> str | None:
    """A value with character set escapes, as MARC-8 bytes through pymarc's converter."""
    data = bytearray()
    pos = 0
    for m in [*_MNEMONIC.finditer(value), None]:
        text = value[pos : m.start() if m else len(value)]
        if not text.isascii():
            return None
        data += text.encode("ascii")
        if m is None:
            break
        pos = m.end()
        name = m.group(1)
        byte = MNEMONICS.get(name)
        if byte is None and re.fullmatch(r"[0-9A-Fa-f]{2}", name):
            byte = int(name, 16)
        if byte is None:
            return None
        data.append(byte)
    try:
        return translate_marc8(bytes(data))[0]
    except ValueError:
        return None
