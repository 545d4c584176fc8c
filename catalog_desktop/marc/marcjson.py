"""MARC-in-JSON (as pymarc and marc4j write it) and Catmandu's MARC JSON, both read.

Accepted layouts:

* ``{"leader": "...", "fields": [{"001": "..."}, {"245": {"ind1": "1", "ind2": "0",
  "subfields": [{"a": "..."}]}}]}`` -- one object, an array of objects, or one object per
  line (JSON Lines);
* Catmandu: ``{"record": [["LDR", " ", " ", "_", "..."], ["245", "1", "0", "a", "..."]],
  "_id": "..."}``, usually one per line. ``FMT`` (Aleph's format code) is dropped.

Streaming: when the first line holds a complete JSON value the file is read line by line
(JSON Lines, constant memory) and a line that does not parse is quarantined on its own.
Otherwise the whole file is read into memory and its values (an array's elements, or
objects one after another) are taken in turn; a syntax error there quarantines the rest of
the file as one item, or, before any record was read, raises :class:`NotMarcError`. So
marc4j's old "marc-json" (keys without quotes, not JSON) is refused with the parser's message.

Literal control characters inside strings (real newlines, which strict JSON forbids but
older writers produced, e.g. marc4j's ``illegal-marc-in-json.json``) are accepted and
reported as a warning. JSON is Unicode, so records are UTF-8 and leader/09 is set to ``a``.
``raw`` is the exact text of each value (a line, or an array element) and ``offset`` its
byte offset.
"""

from __future__ import annotations

import json
import re
from typing import Any, BinaryIO, Iterator

from catalog_desktop.marc.reading import NotMarcError, Problem, QuarantinedRecord, ReadItem, ReadRecord, fit_leader
from catalog_desktop.marc.record import DEFAULT_LEADER, UTF8, Field, MarcRecord, is_control_tag

FORMAT = "marcjson"
_DECODER = json.JSONDecoder(strict=False)
_WS = re.compile(r"\s*")
_CONTROL = re.compile(r"[\x00-\x1f]")
_SURROGATE = re.compile(r"[\udc80-\udcff]")


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
    head = _decode(first)[0]
    try:
        value, end = _DECODER.raw_decode(head, _WS.match(head).end())
        complete = not head[end:].strip()
    except json.JSONDecodeError:
        complete = False
    if complete and not isinstance(value, list):
        yield from _lines(first, offset, stream)
    else:
        yield from _document(first + stream.read(), offset, name)


def _decode(data: bytes) -> tuple[str, bool]:
    """Text whose bytes map back exactly (bad UTF-8 kept as surrogates), and whether any were bad."""
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="surrogateescape"), True


def _windows_1252(text: str) -> str:
    return _SURROGATE.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"), text)


def _lines(first: bytes, offset: int, stream: BinaryIO) -> Iterator[ReadItem]:
    position = 0
    line = first
    while line:
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
        line = stream.readline()


def _document(data: bytes, offset: int, name: str) -> Iterator[ReadItem]:
    text, bad = _decode(data)
    position = 0
    byte_pos, char_pos = offset, 0  # where text[char_pos] starts in the file

    def byte_offset(at: int) -> int:
        nonlocal byte_pos, char_pos
        byte_pos += len(text[char_pos:at].encode("utf-8", errors="surrogateescape"))
        char_pos = at
        return byte_pos

    try:
        for start, end, value in _values(text):
            position += 1
            raw_offset = byte_offset(start)
            raw = text[start:end].encode("utf-8", errors="surrogateescape")
            yield _item(value, raw, raw_offset, position, bad and _SURROGATE.search(text, start, end) is not None)
    except json.JSONDecodeError as exc:
        if position == 0:
            hint = " -- keys without quotes: marc4j's old \"marc-json\", which is not JSON and not supported" if "double quotes" in exc.msg else ""
            raise NotMarcError(name, f"not MARC-in-JSON: the JSON does not parse ({exc}){hint}") from None
        rest = byte_offset(exc.pos)
        raw = data[rest - offset :]
        reason = Problem("json-syntax", f"the JSON breaks off here ({exc}); the rest of the file could not be read")
        yield QuarantinedRecord(raw, rest, position + 1, FORMAT, reason)


def _values(text: str) -> Iterator[tuple[int, int, Any]]:
    """(start, end, value) of each top-level value; an array yields its elements instead."""
    pos = _WS.match(text).end()
    while pos < len(text):
        if text[pos] != "[":
            value, end = _DECODER.raw_decode(text, pos)
            yield pos, end, value
            pos = _WS.match(text, end).end()
            continue
        pos = _WS.match(text, pos + 1).end()
        if text.startswith("]", pos):
            pos = _WS.match(text, pos + 1).end()
            continue
        while True:
            value, end = _DECODER.raw_decode(text, pos)
            yield pos, end, value
            pos = _WS.match(text, end).end()
            if text.startswith(",", pos):
                pos = _WS.match(text, pos + 1).end()
            elif text.startswith("]", pos):
                pos = _WS.match(text, pos + 1).end()
                break
            else:
                raise json.JSONDecodeError("Expecting ',' delimiter or ']'", text, pos)


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
    if bad_utf8:
        for f in record.fields:
            if f.data is not None:
                f.data = _windows_1252(f.data)
            f.subfields = [(_windows_1252(c), _windows_1252(v)) for c, v in f.subfields]
        record.leader = _windows_1252(record.leader)
        problems.append(Problem("json-not-utf8", "the record holds bytes that are not UTF-8; they were read as Windows-1252"))
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
    if not items and "leader" not in obj:
        raise _NotARecord("no leader and no fields")
    fields: list[Field] = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            problems.append(Problem("json-bad-field", f"field #{n} is not an object and was skipped: {str(item)[:60]!r}"))
            continue
        for tag, content in item.items():
            field = _field(str(tag), content, n, problems)
            if field is not None:
                fields.append(field)
    return MarcRecord(_leader(obj.get("leader"), problems), fields, UTF8)


def _field(tag: str, content: Any, n: int, problems: list[Problem]) -> Field | None:
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
    if is_control_tag(tag):
        problems.append(Problem("control-field-with-subfields", f"field {tag} is a control field but came with subfields; their values were joined"))
        return Field(tag, data="".join(v for _, v in subfields))
    if not subfields:
        problems.append(Problem("empty-datafield", f"field {tag} has no subfields and was skipped"))
        return None
    return Field(tag, indicators=indicators, subfields=subfields)


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
    if leader is None:
        if not fields:
            raise _NotARecord("a Catmandu record without LDR and without fields")
        leader = _leader(None, problems)
    return MarcRecord(leader, fields, UTF8)
