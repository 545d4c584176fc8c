"""MARC-in-JSON (as pymarc and marc4j write it) and Catmandu's MARC JSON, both read.

Accepted layouts:

* ``{"leader": "...", "fields": [{"001": "..."}, {"245": {"ind1": "1", "ind2": "0",
  "subfields": [{"a": "..."}]}}]}`` -- one object, an array of objects, or one object per
  line (JSON Lines);
* Catmandu: ``{"record": [["LDR", " ", " ", "_", "..."], ["245", "1", "0", "a", "..."]],
  "_id": "..."}``, usually one per line. ``FMT`` (Aleph's format code) is dropped.

Streaming: when the first line holds a complete JSON value the file is read line by line
(JSON Lines, constant memory) and a line that does not parse is quarantined on its own; a
damaged first line is recognised by the line after it. Otherwise the whole file is read into
memory and its values (an array's elements, or objects one after another) are taken in turn.
Where the JSON does not parse (a lost brace, quote or comma, garbage between records) the
text up to the next record's opening brace (``{"leader":``, ``{"fields":``, ``{"record":``,
``{"_id":``) is quarantined and reading resumes there; only a file without a single record
start raises :class:`NotMarcError`. So marc4j's old "marc-json" (keys without quotes, not
JSON) is refused with the parser's message.

Literal control characters inside strings (real newlines, which strict JSON forbids but
older writers produced, e.g. marc4j's ``illegal-marc-in-json.json``) are accepted and
reported as a warning. JSON is Unicode, so records are UTF-8 and leader/09 is set to ``a``;
bytes that are not UTF-8 are read as Windows-1252, a lone surrogate escape (``\\ud800``)
becomes U+FFFD, and a field whose tag is not three ASCII letters or digits is skipped, each
with a warning, so that every record read can be stored and written as ISO 2709.
``raw`` is the exact text of each value (a line, or an array element) and ``offset`` its
byte offset.
"""

from __future__ import annotations

import json
import re
from itertools import chain
from typing import Any, BinaryIO, Iterator

from catalog_desktop.marc.reading import NotMarcError, Problem, QuarantinedRecord, ReadItem, ReadRecord, fit_leader, writable_as_iso2709
from catalog_desktop.marc.record import DEFAULT_LEADER, UTF8, Field, MarcRecord, is_control_tag

FORMAT = "marcjson"
_DECODER = json.JSONDecoder(strict=False)
_WS = re.compile(r"\s*")
_CONTROL = re.compile(r"[\x00-\x1f]")
_SURROGATE = re.compile(r"[\udc80-\udcff]")
_ANY_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TAG = re.compile(r"[0-9A-Za-z]{3}")  # ASCII only: ISO 2709 has no room for anything else


def read_marcjson(stream: BinaryIO) -> Iterator[ReadItem]:
    """Read MARC-in-JSON or Catmandu JSON records, one :class:`ReadRecord`/:class:`QuarantinedRecord` each."""
    name = getattr(stream, "name", "<stream>")
    first = stream.readline()
    offset = 0
    if first.startswith(b"\xef\xbb\xbf"):
        first, offset = first[3:], 3
    while first and not first.strip():
        offset += len(first)
        first = stream.readline()
    if not first:
        return
    ahead = [first]
    if not _one_value(first):
        if first.lstrip().startswith(b"["):
            yield from _document(first + stream.read(), offset, name)
            return
        # An object that is not a line of its own: pretty-printed JSON, or JSON Lines
        # whose first line is damaged. The next line tells.
        line = stream.readline()
        while line and not line.strip():
            ahead.append(line)
            line = stream.readline()
        ahead.append(line)
        if not _one_value(line):
            yield from _document(b"".join(ahead) + stream.read(), offset, name)
            return
    yield from _lines(chain(ahead, iter(stream.readline, b"")), offset)


def _one_value(line: bytes) -> bool:
    """Whether a line holds exactly one JSON value that is not an array: a JSON Lines line."""
    head = _decode(line)[0]
    try:
        value, end = _DECODER.raw_decode(head, _WS.match(head).end())
    except json.JSONDecodeError:
        return False
    return not head[end:].strip() and not isinstance(value, list)


def _decode(data: bytes) -> tuple[str, bool]:
    """Text whose bytes map back exactly (bad UTF-8 kept as surrogates), and whether any were bad."""
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="surrogateescape"), True


def _windows_1252(text: str) -> str:
    return _SURROGATE.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"), text)


def _repair_surrogates(record: MarcRecord, bad_utf8: bool, problems: list[Problem]) -> None:
    """Bytes that were not UTF-8 (kept as surrogates) read as Windows-1252; a lone surrogate
    written as a ``\\uD800`` escape, which no text can hold, replaced by U+FFFD."""
    lone = False

    def fix(text: str) -> str:
        nonlocal lone
        if bad_utf8:
            text = _windows_1252(text)
        if _ANY_SURROGATE.search(text):
            lone = True
            text = _ANY_SURROGATE.sub("\ufffd", text)
        return text

    record.leader = fix(record.leader)
    for f in record.fields:
        if f.data is not None:
            f.data = fix(f.data)
        f.indicators = fix(f.indicators)
        f.subfields = [(fix(c), fix(v)) for c, v in f.subfields]
    if bad_utf8:
        problems.append(Problem("json-not-utf8", "the record holds bytes that are not UTF-8; they were read as Windows-1252"))
    if lone:
        problems.append(Problem("json-lone-surrogate", "a \\u escape names half a character (a lone surrogate); replaced by U+FFFD"))


def _lines(lines: Iterator[bytes], offset: int) -> Iterator[ReadItem]:
    position = 0
    for line in lines:
        if line.strip():
            position += 1
            raw = line.rstrip(b"\r\n")
            text, bad = _decode(raw)
            try:
                value = _DECODER.decode(text)
            except json.JSONDecodeError as exc:
                yield QuarantinedRecord(raw, offset, position, FORMAT, Problem("json-syntax", f"this line is not JSON: {exc}"))
            else:
                yield _item(value, raw, offset, position, bad)
        offset += len(line)


def _document(data: bytes, offset: int, name: str) -> Iterator[ReadItem]:
    text, bad = _decode(data)
    if _RECORD_START.search(text) is None:
        # Not one record in the whole file: say why the JSON is not MARC, rather than
        # quarantining the file as one item.
        try:
            for _ in _values(text, strict=True):
                pass
        except json.JSONDecodeError as exc:
            hint = " -- keys without quotes: marc4j's old \"marc-json\", which is not JSON and not supported" if "double quotes" in exc.msg else ""
            raise NotMarcError(name, f"not MARC-in-JSON: the JSON does not parse ({exc}){hint}") from None
    position = 0
    byte_pos, char_pos = offset, 0  # where text[char_pos] starts in the file

    def byte_offset(at: int) -> int:
        nonlocal byte_pos, char_pos
        byte_pos += len(text[char_pos:at].encode("utf-8", errors="surrogateescape"))
        char_pos = at
        return byte_pos

    for start, end, value in _values(text):
        position += 1
        raw_offset = byte_offset(start)
        raw = text[start:end].encode("utf-8", errors="surrogateescape")
        if isinstance(value, json.JSONDecodeError):
            where = f"line {value.lineno}, column {value.colno}: {value.msg}"
            if end < len(text):
                reason = Problem("json-syntax", f"this record's JSON does not parse ({where}); reading went on at the next record")
            else:
                reason = Problem("json-syntax", f"the JSON breaks off here ({where}); no record starts after it")
            yield QuarantinedRecord(raw, raw_offset, position, FORMAT, reason)
        else:
            yield _item(value, raw, raw_offset, position, bad and _SURROGATE.search(text, start, end) is not None)


# Where a record object begins: what reading resumes at after a syntax error.
_RECORD_START = re.compile(r'\{\s*"(?:leader|fields|record|_id)"\s*:')


def _values(text: str, strict: bool = False) -> Iterator[tuple[int, int, Any]]:
    """(start, end, value) of each top-level value; an array yields its elements instead.

    Where the JSON does not parse (a lost brace, quote or comma; garbage between records),
    the value is a :class:`json.JSONDecodeError` and ``start:end`` the text from there up to
    the next record's opening brace, where reading resumes. ``strict`` raises instead.
    """
    pos = _WS.match(text).end()
    in_array = False
    while pos < len(text):
        if not in_array and text[pos] == "[":
            in_array = True
            pos = _WS.match(text, pos + 1).end()
            continue
        if in_array and text[pos] == "]":
            in_array = False
            pos = _WS.match(text, pos + 1).end()
            continue
        try:
            value, end = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            if strict:
                raise
            pos = yield from _skip(text, pos, exc)
            continue
        yield pos, end, value
        pos = _WS.match(text, end).end()
        if not in_array or pos >= len(text) or text[pos] == "]":
            continue
        if text[pos] == ",":
            pos = _WS.match(text, pos + 1).end()
        elif not _RECORD_START.match(text, pos):  # a missing comma before a record is harmless
            error = json.JSONDecodeError("Expecting ',' delimiter or ']'", text, pos)
            if strict:
                raise error
            pos = yield from _skip(text, pos, error)


def _skip(text: str, pos: int, error: json.JSONDecodeError):
    """Yield the unreadable text from ``pos`` to the next record start; return where that is."""
    found = _RECORD_START.search(text, pos + 1)
    resume = found.start() if found else len(text)
    end = resume  # up to the end of the file when no record follows
    while found and end > pos and text[end - 1] in " \t\r\n,":
        end -= 1  # the separator before the next record is not part of the broken one
    if text[pos:end].strip(" \t\r\n,[]"):
        yield pos, end, error
    # else only brackets and commas out of place (a lost "["): no record, nothing lost
    return resume


def _item(value: Any, raw: bytes, offset: int, position: int, bad_utf8: bool = False) -> ReadItem:
    problems: list[Problem] = []
    try:
        if isinstance(value, dict) and "fields" in value:
            record = _marc_in_json(value, problems)
        elif isinstance(value, dict) and isinstance(value.get("record"), list):
            record = _catmandu(value["record"], problems)
        else:
            raise _NotARecord(f"a JSON {type(value).__name__} without \"leader\"/\"fields\" or \"record\"")
    except _NotARecord as exc:
        return QuarantinedRecord(raw, offset, position, FORMAT, Problem("json-not-a-record", str(exc)))
    if bad_utf8 or b"\\u" in raw or b"\\U" in raw:
        _repair_surrogates(record, bad_utf8, problems)
    writable_as_iso2709(record, problems)
    if any(_CONTROL.search(v) for f in record.fields for v in ([f.data] if f.data is not None else f.values())):
        problems.append(Problem("json-control-character", "a value holds a line break or other control character (not allowed in strict JSON); kept as read"))
    return ReadRecord(record, raw, offset, position, FORMAT, problems)


class _NotARecord(ValueError):
    pass


def _leader(value: Any, problems: list[Problem]) -> str:
    if not isinstance(value, str):
        problems.append(Problem("missing-leader", "the record has no leader; a default leader was used"))
        return DEFAULT_LEADER
    leader = fit_leader(value, problems)
    return leader[:9] + "a" + leader[10:]


def _marc_in_json(obj: dict, problems: list[Problem]) -> MarcRecord:
    items = obj["fields"]
    if not isinstance(items, list):
        raise _NotARecord(f"\"fields\" is a {type(items).__name__}, not an array")
    fields: list[Field] = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            problems.append(Problem("json-bad-field", f"field #{n} is not an object and was skipped: {str(item)[:60]!r}"))
            continue
        for tag, content in item.items():
            field = _field(str(tag), content, n, problems)
            if field is not None:
                fields.append(field)
    if not fields:  # a leader alone is no record to catalogue
        raise _NotARecord("no fields" + "".join(f"; {p.message}" for p in problems))
    return MarcRecord(_leader(obj.get("leader"), problems), fields, UTF8)


def _field(tag: str, content: Any, n: int, problems: list[Problem]) -> Field | None:
    if not _TAG.fullmatch(tag):
        problems.append(Problem("json-bad-tag", f"field #{n} has tag {tag[:20]!r}, which is not 3 letters or digits; skipped"))
        return None
    if isinstance(content, (str, int, float)):
        data = str(content)
        if is_control_tag(tag):
            return Field(tag, data=data)
        problems.append(Problem("json-no-subfields", f"field {tag} holds plain text, not subfields; read as $a"))
        return Field(tag, subfields=[("a", data)])
    if not isinstance(content, dict) or not isinstance(content.get("subfields"), list):
        problems.append(Problem("json-bad-field", f"field {tag} (#{n}) has no \"subfields\" array and was skipped"))
        return None
    subfields: list[tuple[str, str]] = []
    for sub in content["subfields"]:
        pairs = sub.items() if isinstance(sub, dict) else []
        if not pairs:
            problems.append(Problem("json-bad-subfield", f"field {tag}: subfield {str(sub)[:40]!r} is not a {{code: value}} object; skipped"))
        for code, value in pairs:
            if value is None or isinstance(value, (dict, list)):
                problems.append(Problem("json-bad-subfield", f"field {tag}: subfield {code} has no text value; skipped"))
                continue
            subfields.append((str(code), str(value)))
    indicators = _indicator(content.get("ind1"), tag, problems) + _indicator(content.get("ind2"), tag, problems)
    return _data_or_control(tag, indicators, subfields, problems)


def _indicator(value: Any, tag: str, problems: list[Problem]) -> str:
    if value is None or value == "":
        return " "
    text = str(value)
    if len(text) != 1:
        problems.append(Problem("json-bad-indicator", f"field {tag}: indicator {text!r} is not one character; its first character was used"))
    return text[0]


def _data_or_control(tag: str, indicators: str, subfields: list[tuple[str, str]], problems: list[Problem]) -> Field | None:
    if any(len(code) != 1 for code, _ in subfields):
        subfields = _one_character_codes(tag, subfields, problems)
    if is_control_tag(tag):
        problems.append(Problem("control-field-with-subfields", f"field {tag} is a control field but came with subfields; their values were joined"))
        return Field(tag, data="".join(v for _, v in subfields))
    if not subfields:
        problems.append(Problem("empty-datafield", f"field {tag} has no subfields and was skipped"))
        return None
    return Field(tag, indicators=indicators, subfields=subfields)


def _one_character_codes(tag: str, subfields: list[tuple[str, str]], problems: list[Problem]) -> list[tuple[str, str]]:
    """A subfield code is one character (a longer one would merge into the value when written)."""
    out = []
    for code, value in subfields:
        if not code:
            problems.append(Problem("json-bad-subfield-code", f"field {tag}: a subfield without a code was skipped ({value[:40]!r})"))
            continue
        if len(code) != 1:
            problems.append(Problem("json-bad-subfield-code", f"field {tag}: subfield code {code[:40]!r} is not one character; {code[0]!r} was used"))
        out.append((code[0], value))
    return out


def _catmandu(rows: list, problems: list[Problem]) -> MarcRecord:
    leader: str | None = None
    fields: list[Field] = []
    for n, row in enumerate(rows, 1):
        if not isinstance(row, list) or len(row) < 3 or not all(isinstance(x, (str, int)) for x in row):
            problems.append(Problem("json-bad-field", f"row #{n} is not [tag, ind1, ind2, code, value, ...] and was skipped: {str(row)[:60]!r}"))
            continue
        tag, rest = str(row[0]), [str(x) for x in row[3:]]
        if tag == "FMT":
            continue
        if not _TAG.fullmatch(tag):
            problems.append(Problem("json-bad-tag", f"row #{n} has tag {tag[:20]!r}, which is not 3 letters or digits; skipped"))
            continue
        if tag == "LDR" or is_control_tag(tag):
            data = rest[1] if len(rest) >= 2 else "".join(rest)
            if tag == "LDR":
                leader = _leader(data, problems)
            else:
                fields.append(Field(tag, data=data))
            continue
        if len(rest) % 2:
            problems.append(Problem("json-bad-field", f"field {tag}: an odd number of code/value items; the last was skipped"))
        pairs = [(rest[i], rest[i + 1]) for i in range(0, len(rest) - 1, 2)]
        # Older Catmandu starts data fields with a ("_", "") pair.
        pairs = [(c, v) for c, v in pairs if not (c == "_" and v == "")]
        indicators = (str(row[1]) or " ")[0] + (str(row[2]) or " ")[0]
        field = _data_or_control(tag, indicators, pairs, problems)
        if field is not None:
            fields.append(field)
    if not fields:
        raise _NotARecord("a Catmandu record without fields")
    if leader is None:
        leader = _leader(None, problems)
    return MarcRecord(leader, fields, UTF8)
