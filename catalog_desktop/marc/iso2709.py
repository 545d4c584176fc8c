"""ISO 2709 (binary MARC): a tolerant streaming reader and a field-preserving writer.

Real exports break the format in ways pymarc stops at. The reader frames records by the
end-of-record mark (0x1D) and uses the leader length only to cross-check, so that:

* a leader length counted in characters instead of bytes is read, with a warning;
* a record whose end-of-record mark is missing is split from the next one where a new
  leader begins, with a warning;
* a directory whose offsets are wrong is repaired from the field terminators, with a warning;
* what cannot be read (no usable leader or directory, a truncated record) is quarantined
  with its bytes, its offset and the reason, and reading goes on;
* bytes that are not a record, glued to the front of one, are cut off at its leader and
  quarantined on their own (``not-a-record``), so the record behind them is read; a stray
  end-of-record mark between records is a one-byte item (``too-short``).

The promise, which ``tests/core/test_damaged_input.py`` checks on damaged real files: the
raw bytes of the items (read and quarantined) tile the input in order, none counted twice
and none lost, except the whitespace (blanks, line breaks, NUL and ^Z padding) between records.

The writer reuses the bytes a field was read from (``Field.raw``) so that a record written
back out changes only in the fields that were edited.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import BinaryIO, Iterator

from catalog_desktop.marc.charset import (
    CannotEncodeMarc8,
    decode_marc8,
    decode_utf8,
    encode_marc8,
    looks_like_utf8,
)
from catalog_desktop.marc.reading import Problem, QuarantinedRecord, ReadItem, ReadRecord
from catalog_desktop.marc.record import (
    LEADER_LENGTH,
    MARC8,
    UTF8,
    Field,
    MarcRecord,
    is_control_tag,
)

FT = 0x1E  # field terminator
RT = 0x1D  # record terminator
SD = 0x1F  # subfield delimiter
ESC = 0x1B  # starts a MARC-8 character set escape
FORMAT = "iso2709"
CHUNK_SIZE = 1 << 20
MAX_RECORD_LENGTH = 99999
MAX_SCAN = 16 * CHUNK_SIZE  # how far to look for an end-of-record mark before giving up on it

# What a leader looks like where one starts: five digits (length), a status and a type letter,
# level, ..., five digits (base address) at 12-16. Tolerant on purpose (bad 10/11 happen).
_LEADER_AT = re.compile(rb"\d{5}[a-zA-Z ][a-zA-Z][\x20-\x7e]{5}\d{5}[\x20-\x7e]{7}[0-9A-Za-z]{3}\d{9}")
# Any leader, even a broken one: five digits, 19 printable bytes of which 5-9 are not all
# digits (so not a piece of a directory), then a directory entry or the field terminator.
# A lookahead, as candidates may overlap.
_ANY_LEADER = re.compile(rb"(?=(\d{5})(?!\d{5})[\x20-\x7e]{19}(?:[\x20-\x7e]{3}\d{9}|\x1e))")
_WHITESPACE = b" \t\r\n\x00\x1a"


class RecordError(ValueError):
    """A record that cannot be read; carries the :class:`Problem` to quarantine it with."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.problem = Problem(code, message)


class RecordTooLong(RecordError):
    pass


# --- reading ---------------------------------------------------------------------------


def read_iso2709(stream: BinaryIO) -> Iterator[ReadItem]:
    """Yield every record of an ISO 2709 stream, read or quarantined, in file order."""
    for position, (offset, chunk, framing) in enumerate(_frame_records(stream), start=1):
        truncated = [p for p in framing if p.code in _UNREADABLE]
        if truncated:
            # Part of the record is missing: importing the rest would pass off a damaged
            # record as whole, so it goes to quarantine with its bytes.
            yield QuarantinedRecord(chunk, offset, position, FORMAT, truncated[0])
            continue
        try:
            record, problems = parse_record(chunk)
        except RecordError as exc:
            yield QuarantinedRecord(chunk, offset, position, FORMAT, exc.problem)
            continue
        yield ReadRecord(record, chunk, offset, position, FORMAT, framing + problems)


# Framing problems that leave nothing to import: part of the record is missing, or the bytes
# are not a record at all.
_UNREADABLE = frozenset({"truncated", "not-a-record"})


def _looks_like_leader(data: bytes | bytearray, at: int) -> bool:
    return _LEADER_AT.match(data, at) is not None


def _frame_records(stream: BinaryIO) -> Iterator[tuple[int, bytes, list[Problem]]]:
    """Cut the stream into record-sized chunks: ``(offset, bytes, framing problems)``."""
    buf = bytearray()
    base = 0  # file offset of buf[0]
    start = 0  # index in buf where the next record begins
    eof = False

    def fill(need_index: int) -> bool:
        """Read until buf holds index ``need_index`` or the stream ends."""
        nonlocal eof
        while len(buf) <= need_index and not eof:
            data = stream.read(CHUNK_SIZE)
            if not data:
                eof = True
            else:
                buf.extend(data)
        return len(buf) > need_index

    while True:
        # Skip the whitespace some exporters put between records.
        while True:
            if not fill(start):
                return
            if buf[start] in _WHITESPACE:
                start += 1
            else:
                break
        # Drop consumed bytes now and then so memory stays bounded by the largest record.
        if start > CHUNK_SIZE:
            del buf[:start]
            base += start
            start = 0

        end = buf.find(RT, start)
        while end < 0 and not eof and len(buf) - start < MAX_SCAN:
            fill(len(buf))
            end = buf.find(RT, start)

        problems: list[Problem] = []
        declared = _declared_length(buf, start)
        if end < 0:
            # No end-of-record mark in reach: the record ends where the next leader begins,
            # or it is the last record of the file.
            cut = _next_leader_at(buf, start, declared)
            if cut is None and not eof:
                cut = len(buf)  # megabytes without a record boundary: take them as one item
            if cut is not None:
                problems.append(Problem("missing-end-of-record", f"no end-of-record mark (0x1D) after {cut - start} bytes"))
                yield base + start, bytes(buf[start:cut]), problems
                start = cut
                continue
            chunk = bytes(buf[start:])
            if declared is not None and declared > len(chunk) + 1:
                problems.append(
                    Problem("truncated", f"the file ends {declared - len(chunk)} bytes before the end of this record (leader says {declared} bytes, {len(chunk)} present)")
                )
            else:
                problems.append(Problem("missing-end-of-record", "the last record has no end-of-record mark (0x1D)"))
            yield base + start, chunk, problems
            return

        chunk_end = end + 1
        if declared != chunk_end - start:  # the clean case costs this one comparison
            if declared is not None:
                chunk_end, problems = _reconcile_length(buf, start, chunk_end, declared, fill)
            else:  # no length where a leader should be: garbage before a record, or a damaged leader
                inner = _record_inside(buf, start, chunk_end, exact=False)
                if inner is not None:
                    chunk_end, problems = inner, [_not_a_record(inner - start)]
                else:  # (written back with the right length: say so)
                    problems = [Problem("leader-length", f"the leader's record length {bytes(buf[start : start + 5])!r} is not a number; read up to the end-of-record mark")]
        chunk = bytes(buf[start:chunk_end])
        yield base + start, chunk, problems
        start = chunk_end


def _next_leader_at(buf, start: int, declared: int | None, before: int | None = None) -> int | None:
    """Where the next record begins, if a leader stands where this one's length says it ends
    (or one byte earlier: a length that counted the missing end-of-record mark)."""
    if declared is None:
        return None
    limit = len(buf) if before is None else before
    for cut in (start + declared, start + declared - 1):
        if LEADER_LENGTH < cut - start and cut < limit and _looks_like_leader(buf, cut):
            return cut
    return None


def _declared_length(buf: bytearray, start: int) -> int | None:
    digits = bytes(buf[start : start + 5])
    return int(digits) if len(digits) == 5 and digits.isdigit() else None


def _reconcile_length(buf, start, chunk_end, declared, fill):
    """The leader length and the end-of-record mark disagree: decide where the record ends."""
    found = chunk_end - start
    if declared < found:
        # Either the end-of-record mark is missing and the next record starts inside this
        # chunk, or the leader counted characters rather than bytes (multi-byte UTF-8).
        # A record ending exactly at the end-of-record mark is the strongest evidence (a
        # leader-like run inside the next record's leader once fooled the length check).
        split = _split_before_record(buf, start, chunk_end, declared)
        if split is not None:
            return split
        cut = _next_leader_at(buf, start, declared, before=chunk_end)
        if cut is not None:
            return cut, [Problem("missing-end-of-record", f"no end-of-record mark after {cut - start} bytes; the next record starts there")]
        return chunk_end, [Problem("leader-length", f"the leader gives a length of {declared} bytes but the record has {found} (length counted in characters?); read up to its end-of-record mark")]
    # declared > found: an end-of-record byte inside the data, or a truncated/short record.
    if declared <= MAX_RECORD_LENGTH and fill(start + declared):
        after = start + declared
        if buf[after - 1] == RT and (not fill(after) or _looks_like_leader(buf, after) or buf[after] in _WHITESPACE):
            return after, [Problem("stray-end-of-record", "an end-of-record byte (0x1D) inside the record data; the leader length was followed")]
    split = _split_before_record(buf, start, chunk_end, declared)
    if split is not None:
        return split
    return chunk_end, [Problem("leader-length", f"the leader gives a length of {declared} bytes but the record ends after {found}")]


def _record_inside(buf, start: int, end: int, exact: bool) -> int | None:
    """Where a record begins inside ``buf[start:end]`` (``end`` just past an end-of-record
    mark): a leader whose length ends exactly at ``end``, or with ``exact=False`` the first
    leader found. Only asked when the bytes at ``start`` do not frame as a record."""
    window = bytes(buf[start + 1 : end])  # a copy: match objects must not pin the bytearray
    for m in _ANY_LEADER.finditer(window):
        # Five digits giving exactly the distance to the end-of-record mark: a leader, even
        # a broken one (a blank type, a bad base address).
        if int(m.group(1)) == end - start - 1 - m.start():
            return start + 1 + m.start()
    if exact:
        return None
    m = _LEADER_AT.search(window)
    return None if m is None else start + 1 + m.start()


def _split_before_record(buf, start: int, chunk_end: int, declared: int):
    """A whole record ends this chunk while the leader at ``start`` says another length: the
    bytes before it are a record whose end (or more) was lost, or garbage; cut them off."""
    inner = _record_inside(buf, start, chunk_end, exact=True)
    if inner is None:
        return None
    found = inner - start
    if not _looks_like_leader(buf, start):
        return inner, [_not_a_record(found)]
    if declared > found + 1:
        return inner, [Problem("truncated", f"only {found} of the {declared} bytes the leader gives are there before the next record begins")]
    return inner, [Problem("missing-end-of-record", f"no end-of-record mark after {found} bytes; the next record starts there")]


def _not_a_record(size: int) -> Problem:
    return Problem("not-a-record", f"{size} bytes that do not start with a leader, before the next record")


# --- parsing one record ----------------------------------------------------------------


def parse_record(raw: bytes) -> tuple[MarcRecord, list[Problem]]:
    """Parse the bytes of one record; returns the record and the problems met on the way.

    Raises :class:`RecordError` when no record can be recovered.
    """
    record = _parse_clean(raw)
    if record is not None:
        return record, []
    return _parse_carefully(raw)


def _parse_carefully(raw: bytes) -> tuple[MarcRecord, list[Problem]]:
    """Every check, every repair, every problem reported: for records the fast path declines."""
    problems: list[Problem] = []
    if len(raw) < LEADER_LENGTH + 1:
        raise RecordError("too-short", f"only {len(raw)} bytes: too short to be a MARC record")
    leader = _repair_leader(raw[:LEADER_LENGTH], problems)

    dir_end = raw.find(FT, LEADER_LENGTH)
    if dir_end < 0:
        raise RecordError("no-directory", "no field terminator after the leader: the directory cannot be found")
    directory = raw[LEADER_LENGTH:dir_end]
    data_start = dir_end + 1
    base_digits = leader[12:17]
    if not base_digits.isdigit() or int(base_digits) != data_start:
        problems.append(Problem("base-address", f"the leader's base address {base_digits!r} does not match the end of the directory ({data_start})"))
    entries = _parse_directory(directory, problems)
    if not entries:
        raise RecordError("no-fields", "the directory lists no fields")
    if all(tag is None for tag, _, _ in entries):
        raise RecordError("directory-invalid", f"no directory entry has a valid tag: {directory[:36]!r}")

    chunks = _field_chunks(raw, data_start, entries, problems)
    encoding = UTF8 if leader[9] == "a" else MARC8
    if leader[9] not in " a":  # written back as blank: say so
        problems.append(Problem("leader-encoding", f"leader/09 is {leader[9]!r}, neither blank (MARC-8) nor 'a' (UTF-8); read as MARC-8"))
    if encoding == MARC8 and looks_like_utf8(raw[data_start:]):
        encoding = UTF8
        problems.append(Problem("marc8-flag-but-utf8", "the leader says MARC-8 (leader/09 blank) but the data is UTF-8; read as UTF-8"))
    record = MarcRecord(leader, [], encoding)
    for (tag, _, _), chunk in zip(entries, chunks):
        if tag is None:
            problems.append(Problem("invalid-tag", f"a field whose directory tag is not valid was left out (kept in the raw record): {chunk[:40]!r}"))
            continue
        record.fields.append(_parse_field(tag, chunk, encoding, problems))
    return record, problems


# One directory entry of a well-formed record: an alphanumeric tag, 4-digit length, 5-digit start.
_DIRECTORY_ENTRY = re.compile(r"([0-9A-Za-z]{3})([0-9]{4})([0-9]{5})")
_CONTROL_TAGS = frozenset(f"00{d}" for d in "0123456789")  # what _parse_field reads as control fields


def _parse_clean(raw: bytes) -> MarcRecord | None:
    """The record when it is well-formed through and through, else None (then the careful path).

    Why this exists: it is the import's hot loop, and nearly every real record is clean.
    Instead of slicing the data by each directory entry and decoding field by field, it
    splits the data at the field terminators and decodes it in one go (C-level calls), then
    checks that the directory describes exactly those pieces in order. It accepts only what
    the careful path reads without any problem and gives the same result (a test compares
    the two on every fixture record); anything unusual (a repaired leader, odd offsets,
    fields in another order than the data, MARC-8 beyond ASCII, bad bytes, odd indicators,
    empty subfields) returns None.
    """
    if raw[-1:] != b"\x1d":
        return None
    dir_end = raw.find(FT, LEADER_LENGTH)
    if dir_end < 0:
        return None
    try:
        head = raw[:dir_end].decode("ascii")
    except UnicodeDecodeError:
        return None
    leader, directory = head[:LEADER_LENGTH], head[LEADER_LENGTH:]
    if len(leader) != LEADER_LENGTH or not leader.isprintable() or leader[12:17] != f"{dir_end + 1:05d}":
        return None
    entries = _DIRECTORY_ENTRY.findall(directory)
    if not entries or len(entries) * 12 != len(directory):  # n matches of 12 chars tile it exactly
        return None
    data = raw[dir_end + 1 : -1]
    chunks = data.split(b"\x1e")
    if chunks.pop() != b"" or len(chunks) != len(entries):
        return None
    tags, lengths, starts = zip(*entries)
    lengths = list(map(int, lengths))
    if lengths != [len(c) + 1 for c in chunks] or list(map(int, starts)) != list(accumulate(lengths[:-1], initial=0)):
        return None
    if leader[9] == "a":
        try:
            text = data.decode("utf-8")  # a piece cut at 0x1E decodes the same on its own
        except UnicodeDecodeError:
            return None
        encoding = UTF8
    elif leader[9] == " " and data.isascii() and ESC not in data:  # (another leader/09: careful path)
        text, encoding = data.decode("ascii"), MARC8
    else:
        return None
    fields = []
    for tag, field_text, chunk in zip(tags, text.split("\x1e"), chunks):
        if tag in _CONTROL_TAGS:
            fields.append(Field(tag, field_text, "  ", [], chunk))
            continue
        parts = field_text.split("\x1f")
        if len(parts[0]) != 2 or "" in parts:
            return None
        fields.append(Field(tag, None, parts[0], [(p[0], p[1:]) for p in parts[1:]], chunk))
    return MarcRecord(leader, fields, encoding)


# Defaults for leader positions found holding a control character or a non-ASCII byte.
_LEADER_DEFAULTS = {9: " ", 10: "2", 11: "2", 20: "4", 21: "5", 22: "0", 23: "0"}


def _repair_leader(leader_bytes: bytes, problems: list[Problem]) -> str:
    if leader_bytes.isascii() and min(leader_bytes) >= 0x20 and max(leader_bytes) < 0x7F:
        return leader_bytes.decode("ascii")  # the common case
    chars = []
    bad = []
    for i, b in enumerate(leader_bytes):
        if 0x20 <= b < 0x7F:
            chars.append(chr(b))
        else:
            chars.append(_LEADER_DEFAULTS.get(i, " "))
            bad.append(str(i))
    if bad:
        problems.append(Problem("leader-repaired", f"the leader holds unprintable bytes at position(s) {', '.join(bad)}; replaced by their default values"))
    return "".join(chars)


_WELL_FORMED_DIRECTORY = re.compile(rb"(?:[0-9A-Za-z]{3}[0-9]{9})+")


def _parse_directory(directory: bytes, problems: list[Problem]) -> list[tuple[str, int | None, int | None]]:
    """Directory entries ``(tag, length, start)``; length/start are None where not numeric.

    Records over 99,999 bytes written by some systems carry six-digit starting positions
    once the five digits overflow; those entries are 13 bytes long, and are read as such
    when the sequence of starting positions shows it.
    """
    # The common case: well-formed entries, in one comprehension. (Checked with a pattern
    # first: int() also takes "+012", " 12" and "1_2", which are no directory numbers.)
    if _WELL_FORMED_DIRECTORY.fullmatch(directory):
        return [
            (directory[i : i + 3].decode("ascii"), int(directory[i + 3 : i + 7]), int(directory[i + 7 : i + 12]))
            for i in range(0, len(directory), 12)
        ]
    entries = []
    pos, expected, widened = 0, 0, False
    while pos + 12 <= len(directory):
        tag, length = directory[pos : pos + 3], directory[pos + 3 : pos + 7]
        width = 5
        start = directory[pos + 7 : pos + 12]
        wide = directory[pos + 7 : pos + 13]
        if expected > 99999 and wide.isdigit() and int(wide) == expected:
            width, start, widened = 6, wide, True
        n_length = int(length) if length.isdigit() else None
        n_start = int(start) if start.isdigit() else None
        # An entry with an invalid tag keeps its place (for pairing with the data) as None.
        name = tag.decode("ascii") if tag.isascii() and tag.isalnum() else None
        entries.append((name, n_length, n_start))
        if n_length is not None and n_start is not None:
            expected = n_start + n_length
        pos += 7 + width
    if widened:
        problems.append(Problem("directory-wide-offsets", "the record is longer than 99,999 bytes and its directory uses six-digit starting positions"))
    if pos != len(directory):
        problems.append(Problem("directory-length", f"the directory ends with {len(directory) - pos} stray byte(s); ignored"))
    return entries


def _field_chunks(raw: bytes, data_start: int, entries, problems: list[Problem]) -> list[bytes]:
    """The bytes of each field (without terminator): by the directory, else repaired."""
    end = len(raw) - 1 if raw[-1] == RT else len(raw)
    data = raw[data_start:end]
    chunks = _chunks_by_offsets(data, entries)
    if chunks is not None:
        return chunks
    if not data.isascii():
        # Some exporters count lengths and offsets in characters instead of bytes.
        text = data.decode("utf-8", errors="surrogateescape")
        by_chars = _chunks_by_offsets(text, entries)
        if by_chars is not None:
            problems.append(Problem("directory-in-characters", "the directory counts characters instead of bytes; fields were read by character positions"))
            return [c.encode("utf-8", errors="surrogateescape") for c in by_chars]
    return _chunks_by_terminators(data, entries, problems)


def _chunks_by_offsets(data, entries):
    """Slice fields by the directory; None unless every entry lands on a field terminator."""
    chunks = []
    terminator = b"\x1e" if isinstance(data, bytes) else "\x1e"
    for _tag, length, start in entries:
        if length is None or start is None or length < 1 or start < 0 or start + length > len(data):
            return None
        if data[start + length - 1 : start + length] != terminator:
            return None
        chunks.append(data[start : start + length - 1])
    return chunks


def _chunks_by_terminators(data: bytes, entries, problems: list[Problem]) -> list[bytes]:
    """Split the data at field terminators and give each directory entry its piece.

    A piece that starts where an entry says it starts is that entry's; the others are
    taken in order. Pieces no entry points to are reported, not silently dropped.
    """
    pieces = data.split(b"\x1e")
    if pieces and pieces[-1] == b"":
        pieces.pop()
    if len(pieces) < len(entries):
        raise RecordError(
            "directory-invalid",
            f"the directory lists {len(entries)} fields but its offsets are wrong and the data holds only {len(pieces)} field terminators",
        )
    starts, offset = {}, 0
    for index, piece in enumerate(pieces):
        starts[offset] = index
        offset += len(piece) + 1
    chosen, next_index = [], 0
    for _tag, _length, start in entries:
        index = starts.get(start) if start is not None else None
        if index is None or index < next_index or len(pieces) - index < len(entries) - len(chosen):
            index = next_index
        chosen.append(index)
        next_index = index + 1
    unused = len(pieces) - len(set(chosen))
    if unused:
        problems.append(Problem("extra-data", f"{unused} piece(s) of field data without a directory entry were left out (kept in the raw record)"))
    problems.append(Problem("directory-offsets", "the directory's lengths or offsets do not match the data; fields were recovered from the field terminators"))
    return [pieces[i] for i in chosen]


def _decode(data: bytes, encoding: str, tag: str, problems: list[Problem]) -> str:
    if encoding == UTF8:
        text, bad = decode_utf8(data)
        if bad:
            problems.append(Problem("invalid-utf8", f"field {tag} holds bytes that are not valid UTF-8; read them as Windows-1252"))
        return text
    text, problem = decode_marc8(data)
    if problem:
        problems.append(Problem("invalid-marc8", f"field {tag}: {problem}"))
    return text


def _parse_field(tag: str, chunk: bytes, encoding: str, problems: list[Problem]) -> Field:
    text = _decode_whole(chunk, encoding)
    if text is None:  # non-ASCII MARC-8 or invalid UTF-8: decode piece by piece, reporting
        return _parse_field_carefully(tag, chunk, encoding, problems)
    if tag[0] == "0" and tag[1] == "0" and tag.isdigit():
        return Field(tag, text, "  ", [], chunk)
    parts = text.split("\x1f")
    head = parts[0]
    if len(head) != 2:
        problems.append(Problem("indicators", f"field {tag} has {len(head)} indicator characters instead of 2"))
        head = head[:2].ljust(2)
    subfields = [(part[0], part[1:]) for part in parts[1:] if part]
    if len(subfields) != len(parts) - 1:
        problems.append(Problem("empty-subfield", f"field {tag} has an empty subfield"))
    return Field(tag, None, head, subfields, chunk)


def _decode_whole(chunk: bytes, encoding: str) -> str | None:
    """The whole field decoded in one go: the common, fast case."""
    if encoding == UTF8:
        try:
            return chunk.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if chunk.isascii() and 0x1B not in chunk:
        return chunk.decode("ascii")
    return None


def _parse_field_carefully(tag: str, chunk: bytes, encoding: str, problems: list[Problem]) -> Field:
    if is_control_tag(tag):
        return Field(tag, data=_decode(chunk, encoding, tag, problems), raw=chunk)
    parts = chunk.split(b"\x1f")
    head = parts[0]
    if len(head) != 2:
        problems.append(Problem("indicators", f"field {tag} has {len(head)} indicator bytes instead of 2"))
    indicators = _decode(head[:2], encoding, tag, problems).ljust(2)
    subfields = []
    for part in parts[1:]:
        if not part:
            problems.append(Problem("empty-subfield", f"field {tag} has an empty subfield"))
            continue
        text = _decode(part, encoding, tag, problems)
        if not text:  # e.g. nothing but a MARC-8 escape sequence
            problems.append(Problem("empty-subfield", f"field {tag} has a subfield whose bytes {part[:20]!r} hold no character"))
            continue
        subfields.append((text[0], text[1:]))
    return Field(tag, indicators=indicators, subfields=subfields, raw=chunk)


# --- writing ---------------------------------------------------------------------------


def encode_field(field: Field, encoding: str) -> bytes:
    """The bytes of a field (without terminator) in the given encoding."""
    if encoding == UTF8:  # stateless: the whole field in one call (MARC-8 escapes restart per subfield)
        if field.data is not None:
            return field.data.encode("utf-8")
        return (field.indicators.ljust(2)[:2] + "".join(["\x1f" + code + value for code, value in field.subfields])).encode("utf-8")
    encode = _encoder(encoding)
    if field.data is not None:
        return encode(field.data)
    parts = [encode(field.indicators.ljust(2)[:2])]
    for code, value in field.subfields:
        parts.append(b"\x1f" + encode(code + value))
    return b"".join(parts)


def _encoder(encoding: str):
    if encoding == UTF8:
        return lambda text: text.encode("utf-8")
    return encode_marc8


def serialize(record: MarcRecord) -> bytes:
    """ISO 2709 bytes of a record; fields that kept their ``raw`` bytes are written unchanged.

    A MARC-8 record with a new character that MARC-8 cannot express is written as UTF-8
    (leader/09 ``a``) rather than losing the character.
    """
    try:
        return _serialize(record, record.encoding)
    except CannotEncodeMarc8:
        return _serialize(to_utf8(record), UTF8)


def _serialize(record: MarcRecord, encoding: str) -> bytes:
    directory = bytearray()
    body = bytearray()
    for field in record.fields:
        data = field.raw if _raw_still_true(field, encoding) else encode_field(field, encoding)
        if len(data) + 1 > 9999:
            raise RecordTooLong("field-too-long", f"field {field.tag} is {len(data) + 1} bytes; ISO 2709 allows 9,999")
        directory += f"{field.tag[:3]:>3}{len(data) + 1:04d}{len(body):05d}".encode("ascii")
        body += data
        body.append(FT)
    base = LEADER_LENGTH + len(directory) + 1
    total = base + len(body) + 1
    if total > MAX_RECORD_LENGTH:
        raise RecordTooLong("record-too-long", f"the record is {total} bytes; ISO 2709 allows 99,999")
    leader = record.leader.ljust(LEADER_LENGTH)[:LEADER_LENGTH]
    flag = "a" if encoding == UTF8 else " "
    leader = f"{total:05d}{leader[5:9]}{flag}{leader[10:12]}{base:05d}{leader[17:]}"
    return leader.encode("ascii", errors="replace") + bytes(directory) + b"\x1e" + bytes(body) + b"\x1d"


def _raw_still_true(field: Field, encoding: str) -> bool:
    """Reuse a field's raw bytes only if they still decode to its content (guards against
    a caller that changed a field in place and forgot to drop ``raw``)."""
    if field.raw is None:
        return False
    return _parse_field(field.tag, field.raw, encoding, []).same_content(field)


def to_utf8(record: MarcRecord) -> MarcRecord:
    """A copy of a record to be written as UTF-8: raw bytes are kept only where they are ASCII."""
    copy = record.copy()
    copy.encoding = UTF8
    for field in copy.fields:
        if field.raw is not None and not field.raw.isascii():
            field.raw = None
    copy.leader = copy.leader[:9] + "a" + copy.leader[10:]
    return copy


def adopt_raw(edited: MarcRecord, original: MarcRecord) -> MarcRecord:
    """Give the fields of an edited record the raw bytes of the original fields they equal.

    An editor may rebuild every field from text; this restores exactness for the fields whose
    content did not change, matching them in order per tag.
    """
    if edited.encoding != original.encoding:
        return edited
    pool: dict[str, list[Field]] = {}
    for field in original.fields:
        if field.raw is not None:
            pool.setdefault(field.tag, []).append(field)
    for field in edited.fields:
        if field.raw is not None:
            continue
        for candidate in pool.get(field.tag, ()):
            if candidate.same_content(field):
                field.raw = candidate.raw
                pool[field.tag].remove(candidate)
                break
    return edited
