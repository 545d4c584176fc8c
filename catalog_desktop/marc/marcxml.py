"""MARCXML (MARC21 slim): a streaming, tolerant reader and a schema-valid writer.

Reading
-------
:func:`read_marcxml` runs ``lxml.etree.iterparse`` over ``record`` elements, clearing each
one after use, so memory stays flat however large the file. Elements are matched by local
name in the MARC21 slim namespace, the MARCXchange namespace or no namespace, with any
prefix. A root that is neither ``collection`` nor ``record`` (an OAI-PMH or SRU response)
is searched for namespaced MARC records; if it has none, :class:`NotMarcError` is raised.

``raw`` and ``offset`` are the exact bytes of the record element in the file and their byte
offset: the bytes the parser reads pass through a small tape that keeps only what follows
the last record found, and each record's span is found there from its start tag to its end
tag (cross-checked with the line number lxml reports). Where that fails (a file in UTF-16,
markup the tape cannot follow) ``raw`` is the element re-serialised by lxml and ``offset``
is -1.

Broken input, as found in the wild:

* a bad record (no leader, missing or bad tags, subfields without a code, elements MARCXML
  does not have, missing indicators) is read with a warning per repair, the damaged part
  dropped or fixed as the warning says; a record with neither leader nor fields is
  quarantined (``xml-empty-record``);
* XML that is not well-formed: in a ``collection``, the record where the parser stopped is
  quarantined (``xml-not-well-formed``, with the parser's line and column) and a new parser
  takes up the file at the next ``<record>`` start tag, behind the collection's start tag
  (namespaces included); broken markup outside any record is no record, so it is reported
  as a warning on the next record (``xml-skipped-markup``). A record whose end tag is missing
  would be swallowed by the record after it: it is quarantined (``xml-unclosed-record``).
  A root whose start tag does not parse (a spoilt name or namespace declaration) is taken
  for such a collection, not for a wrapper. When no record follows, or in a wrapper
  (OAI-PMH, SRU), the rest of the file from the end of the last good record is quarantined
  as one item. XML that breaks before its root
  element is found raises :class:`NotMarcError`.
* records in a collection are read whatever their namespace (a typo in it would otherwise
  make them vanish), with a warning when it is not MARC21 slim (``xml-unknown-namespace``).

MARCXML is Unicode, so records are UTF-8 and leader/09 is set to ``a`` on reading.

Writing
-------
:class:`MarcXmlWriter`, :func:`write_marcxml` and :func:`record_to_marcxml` write what the
Library of Congress schema (MARC21slim.xsd) accepts, whatever the record holds:

* control fields come before data fields (the schema fixes that order);
* leader positions the schema does not allow are set to their usual value (blank; ``a``
  for 06 and 09, ``2`` for 10-11, ``0`` for digits, ``4500`` for 20-23);
* an indicator outside ``[0-9a-z ]`` is written as a blank, a subfield code that is not one
  allowed character as ``?``;
* a data field without subfields is left out; a data field with a control tag (``00X``) is
  written as a control field (its subfield values joined); a control field with a data
  field tag as a data field with one ``$a``; a tag the schema cannot hold at all is left out;
* characters XML 1.0 cannot carry are replaced: C0 control characters by their visible
  Unicode "control pictures" (U+241F for a stray subfield delimiter, ...), non-characters
  and lone surrogates by U+FFFD.

Each such repair is listed in :attr:`MarcXmlWriter.warnings`, so an export can report it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import BinaryIO, Iterable, Iterator

from lxml import etree

from catalog_desktop.marc.detect import well_formed_start, xml_root
from catalog_desktop.marc.reading import NotMarcError, Problem, QuarantinedRecord, ReadItem, ReadRecord, fit_leader
from catalog_desktop.marc.record import DEFAULT_LEADER, UTF8, Field, MarcRecord

FORMAT = "marcxml"
NS = "http://www.loc.gov/MARC21/slim"
SCHEMA_LOCATION = "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd"
_MARC_NAMESPACES = (NS, "info:lc/xmlns/marcxchange-v1", "info:lc/xmlns/marcxchange-v2")
_RECORD_TYPES = {"Bibliographic", "Authority", "Holdings", "Classification", "Community"}
_HEAD = 65536
_MAX_TAPE = 64 << 20  # give up exact spans rather than hold more than this in memory


# --------------------------------------------------------------------------- reading


def read_marcxml(stream: BinaryIO) -> Iterator[ReadItem]:
    """Read MARCXML records, one :class:`ReadRecord` or :class:`QuarantinedRecord` each."""
    name = getattr(stream, "name", "<stream>")
    tape = _Tape(stream)
    head = tape.peek(_HEAD)
    root = xml_root(head)
    # A wrapper (OAI-PMH, SRU) has a sound start tag; a spoilt one is a broken collection.
    wrapped = root is not None and root[1] not in ("collection", "record") and well_formed_start(head)
    if wrapped and not any(ns.encode() in head for ns in _MARC_NAMESPACES):
        raise NotMarcError(name, f"the XML root element is <{':'.join(filter(None, root))}>, not a MARC collection or record")
    # In a wrapper only MARC-namespaced records are MARC; in a collection every <record> is,
    # also in a namespace spoilt by a typo (else its records would vanish without a word).
    tags = [f"{{{ns}}}record" for ns in _MARC_NAMESPACES] if wrapped else ["{*}record"]
    tape.orphans = not wrapped
    # A collection can be read on after a syntax error: behind its own root start tag.
    # (No root found: the prolog is broken; the records may still be read behind a new one.)
    prefix = _restart_prefix(head) if root is None or root[1] == "collection" or (root[1] != "record" and not wrapped) else None
    position = 0
    skipped: Problem | None = None  # broken markup outside records, reported with the next record
    while True:
        events = etree.iterparse(
            tape, events=("end",), tag=tags, resolve_entities=False, no_network=True, load_dtd=False
        )
        try:
            for _, elem in events:
                if position == 0 and not wrapped:
                    # (rpartition: a prefix whose declaration was spoilt stays in the name)
                    top = _local(elem.getroottree().getroot().tag).rpartition(":")[2]
                    if top not in ("collection", "record"):
                        raise NotMarcError(name, f"the XML root element is <{top}>, not a MARC collection or record")
                span = tape.span(elem)
                raw, offset, unclosed = span if span else (etree.tostring(elem), -1, None)
                if unclosed is not None:
                    position += 1
                    reason = Problem("xml-unclosed-record", "a record element without its end tag; the records after it were read")
                    yield QuarantinedRecord(*unclosed, position, FORMAT, reason)
                position += 1
                item = _read_record(elem, raw, offset, position)
                namespace = elem.tag[1:].partition("}")[0] if elem.tag[0] == "{" else None
                if namespace is not None and namespace not in _MARC_NAMESPACES and isinstance(item, ReadRecord):
                    item.warnings.insert(0, Problem("xml-unknown-namespace", f"the record is in namespace {namespace[:80]!r}, not MARC21 slim; read as MARCXML"))
                if skipped is not None and isinstance(item, ReadRecord):
                    item.warnings.insert(0, skipped)
                skipped = None
                yield item
                elem.clear(keep_tail=True)
                parent = elem.getparent()
                while parent is not None and elem.getprevious() is not None:
                    del parent[0]
            break
        except etree.XMLSyntaxError as exc:
            line, column = exc.position
            resume = tape.next_record(line, column) if prefix is not None else None
            if resume is not None:
                raw, offset = tape.restart(resume, prefix)
                where = f"line {line}, column {column}: {exc.msg}"
                if _ANY_RECORD_START.search(raw) is None:
                    # Broken markup outside any record (the collection's start tag, between
                    # records): not a record, so nothing to quarantine; the next record says so.
                    skipped = Problem("xml-skipped-markup", f"{len(raw)} bytes of broken XML before this record, from byte {offset}, were skipped ({where})")
                    continue
                position += 1
                reason = Problem("xml-not-well-formed", f"this record is not well-formed XML ({where}); reading went on at the next record")
                yield QuarantinedRecord(raw, offset, position, FORMAT, reason)
                continue
            offset, rest = tape.rest()
            if position == 0 and offset == 0 and root is None:
                raise NotMarcError(name, f"not well-formed XML: {exc}") from None
            if _CLOSING_ONLY.fullmatch(rest):
                return  # only the end tags of the collection are broken or missing: no record lost
            reason = Problem("xml-not-well-formed", f"the XML is not well-formed at line {line}, column {column} ({exc.msg}); the rest of the file from byte {offset} could not be read")
            yield QuarantinedRecord(rest, offset, position + 1, FORMAT, reason)
            return
    if position == 0 and wrapped:
        raise NotMarcError(name, "no MARC records in this XML file")


# What may follow the last record without being a record: blanks and (broken) end tags.
_CLOSING_ONLY = re.compile(rb"(?:\s|</[^<>]*>?)*")
_XML_DECLARATION = re.compile(rb"\s*<\?xml[^>]*\?>")
_ANY_RECORD_START = re.compile(rb"(<(?:[\w.-]+:)?record(?:\s[^>]*)?>)")


def _restart_prefix(head: bytes) -> bytes | None:
    """The XML declaration and the collection's start tag (namespaces!), on one line, to put
    in front of the records that follow a syntax error so that a new parser can read them.
    If that start tag is itself broken, a plain MARC21 slim one with the records' prefix."""
    text = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    declaration = _XML_DECLARATION.match(text)
    declared = declaration.group().strip() if declaration and _well_formed(declaration.group().strip() + b"<x/>") else b""
    start = re.search(rb"<(?:[\w.-]+:)?collection(?:\s[^>]*)?>", text)
    if start is not None and not start.group().endswith(b"/>"):
        prefix = (declared + start.group()).replace(b"\r", b" ").replace(b"\n", b" ")
        name = re.match(rb"<([\w.:-]+)", start.group()).group(1)
        if _well_formed(prefix + b"</" + name + b">"):
            return prefix
    record = re.search(rb"<(?:([\w.-]+):)?record[\s>]", text)
    namespace = b'xmlns="' + NS.encode() + b'"'
    if record is not None and record.group(1):
        namespace += b" xmlns:" + record.group(1) + b'="' + NS.encode() + b'"'
    return declared + b"<collection " + namespace + b">"


def _well_formed(xml: bytes) -> bool:
    try:
        etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return False
    return True


class _Tape:
    """The file as the parser reads it, kept from the end of the last record found onwards."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream
        self._buf = bytearray()
        self._base = 0  # file offset of _buf[0]
        self._line = 1  # line number at _buf[0]
        self._fed = 0  # bytes of _buf already handed to the parser
        self._spans = True
        self.orphans = False  # look for records whose end tag is missing (not in a wrapper)
        self._prefix = 0  # bytes at the start of _buf that are not the file's (see restart)

    def peek(self, size: int) -> bytes:
        while len(self._buf) < size:
            chunk = self._stream.read(size - len(self._buf))
            if not chunk:
                break
            self._buf += chunk
        head = bytes(self._buf[:size])
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:200].count(b"\x00") * 4 > len(head[:200]):
            self._spans = False  # not an ASCII-compatible encoding: byte patterns won't match
        return head

    def read(self, size: int = -1) -> bytes:
        if self._fed < len(self._buf):
            end = len(self._buf) if size < 0 else self._fed + size
            data = bytes(self._buf[self._fed : end])
        else:
            data = self._stream.read(size if size >= 0 else -1)
            self._buf += data
        self._fed += len(data)
        if not self._spans and self._fed > _HEAD:
            self._drop(self._fed)
        return data

    def _drop(self, upto: int) -> None:
        self._prefix = max(0, self._prefix - upto)
        self._line += self._buf.count(b"\n", 0, upto)
        del self._buf[:upto]
        self._base += upto
        self._fed -= upto

    def span(self, elem) -> tuple[bytes, int, tuple[bytes, int] | None] | None:
        """(bytes, offset) of this record element in the file, or None when it cannot be found,
        and (bytes, offset) of a record before it whose end tag is missing, if any (its
        parser element never ends, so it would vanish unseen)."""
        if not self._spans:
            return None
        found = self._find(elem)
        if found is None:
            if len(self._buf) > _MAX_TAPE:
                self._spans = False
                self._drop(self._fed)
            return None
        start, end = found
        raw = bytes(self._buf[start:end])
        offset = self._base + start
        unclosed = None
        if self.orphans:
            before = _next_tag(_tag_patterns(_prefix(elem))[0][0], self._buf, 0, start)
            if before is not None:
                unclosed = bytes(self._buf[before[0] : start]).rstrip(), self._base + before[0]
        self._drop(end)  # match objects are gone by now: a bytearray cannot shrink while exported
        return raw, offset, unclosed

    def next_record(self, line: int, column: int) -> int | None:
        """Where in the tape the first record start tag after the parser's error (at ``line``,
        ``column`` of the current document) begins, reading on as far as needed; None when
        no record follows or byte positions cannot be trusted."""
        if not self._spans:
            return None
        index = 0
        for _ in range(max(0, line - self._line)):  # (the prefix holds no line break)
            newline = self._buf.find(b"\n", index)
            if newline < 0:
                break
            index = newline + 1
        index = max(1, min(len(self._buf), index + column - 1))
        while True:
            found = _next_tag(_ANY_RECORD_START, self._buf, index, len(self._buf))
            if found is not None and not self._buf[self._prefix : found[0]].strip():
                index = found[0] + 1  # nothing unread before it: the broken record is this one
                continue
            if found is not None:
                return found[0]
            chunk = self._stream.read(1 << 16) if len(self._buf) < _MAX_TAPE else b""
            if not chunk:
                return None  # no record follows (or none within reach: the rest is quarantined)
            index = max(index, len(self._buf) - 1024)  # a start tag may straddle the reads
            self._buf += chunk

    def restart(self, resume: int, prefix: bytes) -> tuple[bytes, int]:
        """(bytes, offset) from the end of the last record found up to ``resume``: what could
        not be read. The tape then starts a new document: ``prefix`` and the file from ``resume``."""
        skip = min(self._prefix, resume)  # a prefix put in front before is not the file's
        first = _next_tag(_ANY_RECORD_START, self._buf, skip, resume)
        if first is not None:
            skip = first[0]  # the broken record starts here; what is before it is no record
        raw = bytes(self._buf[skip:resume]).rstrip()
        offset = self._base + skip
        del self._buf[:resume]
        self._buf[:0] = prefix
        self._base += resume - len(prefix)
        self._prefix = len(prefix)
        self._line = 1
        self._fed = 0
        return raw, offset

    def _find(self, elem) -> tuple[int, int] | None:
        # Records do not nest, so this record's start tag is the next one after the previous
        # record's end; a wrapper element with the same name (an unprefixed OAI-PMH <record>)
        # is told apart by taking the innermost start tag. Plain patterns are fast; where a
        # comment, CDATA or processing instruction is in the way, slower ones skip them.
        plain, careful = _tag_patterns(_prefix(elem))
        found = self._locate(*plain)
        if found is None or self._buf.find(b"<!", 0, found[1]) >= 0 or self._buf.find(b"<?", 0, found[1]) >= 0:
            found = self._locate(*careful)
        if found is None:
            return None
        # libxml2's line numbers are exact below 65535 lines: a free cross-check there.
        want = elem.sourceline or 0
        if want < 65000 and self._line + self._buf.count(b"\n", 0, found[0]) != want:
            return None
        return found

    def _locate(self, start_tag: re.Pattern, end_tag: re.Pattern) -> tuple[int, int] | None:
        buf, fed = self._buf, self._fed
        start = _next_tag(start_tag, buf, 0, fed)
        if start is None or _empty(buf, start):
            return start
        end = _next_tag(end_tag, buf, start[1], fed)
        if end is None:
            return None
        while (inner := _next_tag(start_tag, buf, start[1], end[0])) is not None:
            start = inner
        return start if _empty(buf, start) else (start[0], end[1])

    def rest(self) -> tuple[int, bytes]:
        """(offset, bytes) from the end of the last record found to the end of the file."""
        return self._base + self._prefix, bytes(self._buf[self._prefix :]) + self._stream.read()


_SKIP = rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|"


@lru_cache(maxsize=16)
def _tag_patterns(prefix: str) -> tuple[tuple[re.Pattern, re.Pattern], tuple[re.Pattern, re.Pattern]]:
    """(start, end) tag patterns: plain ones, and careful ones that step over comments and CDATA."""
    qname = re.escape(f"{prefix}:record".lstrip(":").encode())
    start = rb"(<" + qname + rb"(?:\s[^>]*)?/?>)"
    end = rb"(</" + qname + rb"\s*>)"
    plain = re.compile(start), re.compile(end)
    careful = re.compile(_SKIP + start, re.DOTALL), re.compile(_SKIP + end, re.DOTALL)
    return plain, careful


def _empty(buf, tag: tuple[int, int]) -> bool:
    return buf[tag[1] - 2 : tag[1]] == b"/>"


def _next_tag(pattern: re.Pattern, buf, pos: int, endpos: int) -> tuple[int, int] | None:
    """(start, end) of the next real tag matching ``pattern`` in buf[pos:endpos], or None."""
    for m in pattern.finditer(buf, pos, endpos):
        if m.start(1) >= 0:
            return m.start(1), m.end(1)
    return None


def _prefix(elem) -> str:
    """The prefix of an element as written in the file, also when its declaration is missing
    (lxml then keeps ``prefix:name`` as the tag, without a namespace)."""
    if elem.prefix:
        return elem.prefix
    tag = elem.tag
    return tag.partition(":")[0] if ":" in tag and tag[0] != "{" else ""


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _read_record(elem, raw: bytes, offset: int, position: int) -> ReadItem:
    problems: list[Problem] = []
    leader: str | None = None
    fields: list[Field] = []
    record_type = elem.get("type")
    if record_type is not None and record_type not in _RECORD_TYPES:
        problems.append(Problem("xml-bad-record-type", f"record type {record_type!r} is not one MARCXML defines; ignored"))
    for n, child in enumerate(elem, 1):
        kind = _local(child.tag)
        if not kind:
            continue  # comment or processing instruction
        if ":" in kind:  # a prefix whose namespace declaration was spoilt stays in the name
            kind = kind.rpartition(":")[2]
        if kind == "leader":
            if leader is None:
                leader = fit_leader(child.text or "", problems)
            else:
                problems.append(Problem("xml-extra-leader", f"a second leader {child.text!r} was ignored"))
        elif kind == "controlfield":
            tag = _tag(child, "controlfield", n, problems)
            if tag is None:
                pass
            elif tag < "010" and tag.isdigit():
                fields.append(Field(tag, data=child.text or ""))
            elif child.text:
                # ISO 2709 tells control fields by their tag: written as one, this would be
                # read back as a data field with its first two characters as indicators.
                problems.append(Problem("xml-control-field-tag", f"controlfield {tag} has a data field tag; read as a data field with $a"))
                fields.append(Field(tag, indicators="  ", subfields=[("a", child.text)]))
        elif kind == "datafield":
            field = _data_field(child, n, problems)
            if field is not None:
                fields.append(field)
        else:
            text = " ".join(child.itertext()).strip()
            problems.append(Problem("xml-unknown-element", f"element <{kind}> is not MARCXML and was skipped (text: {text[:60]!r})"))
    if not fields:  # a leader alone is no record to catalogue
        detail = "; ".join(p.message for p in problems)
        reason = Problem("xml-empty-record", "a record element without fields" + (f": {detail}" if detail else ""))
        return QuarantinedRecord(raw, offset, position, FORMAT, reason)
    if leader is None:
        problems.append(Problem("missing-leader", "the record has no leader; a default leader was used"))
        leader = DEFAULT_LEADER
    record = MarcRecord(leader[:9] + "a" + leader[10:], fields, UTF8)
    return ReadRecord(record, raw, offset, position, FORMAT, problems)


def _describe(elem) -> str:
    text = "".join(elem.itertext()).strip()
    return f"{text[:60]!r}" if text else "no text"


_SHORT_TAG = re.compile(r"\d{1,2}")
_ANY_TAG = re.compile(r"[0-9A-Za-z]{3}")


def _tag(elem, kind: str, n: int, problems: list[Problem]) -> str | None:
    tag = elem.get("tag")
    if tag is not None and len(tag) == 3 and tag.isascii() and tag.isalnum():
        return tag  # the common case, without the checks below
    if tag is None:
        problems.append(Problem("xml-missing-tag", f"{kind} #{n} has no tag and was skipped ({_describe(elem)})"))
        return None
    if _SHORT_TAG.fullmatch(tag):
        problems.append(Problem("xml-bad-tag", f"{kind} tag {tag!r} read as {tag.zfill(3)!r}"))
        return tag.zfill(3)
    if not _ANY_TAG.fullmatch(tag):
        problems.append(Problem("xml-bad-tag", f"{kind} #{n} has tag {tag!r}, which is not 3 letters or digits; skipped ({_describe(elem)})"))
        return None
    return tag


_SUBFIELD_TAGS = frozenset([f"{{{ns}}}subfield" for ns in _MARC_NAMESPACES] + ["subfield"])


def _data_field(elem, n: int, problems: list[Problem]) -> Field | None:
    tag = _tag(elem, "datafield", n, problems)
    if tag is None:
        return None
    indicators = _indicator(elem, "ind1", tag, problems) + _indicator(elem, "ind2", tag, problems)
    subfields: list[tuple[str, str]] = []
    for child in elem:
        if child.tag in _SUBFIELD_TAGS:  # the common case first: a plain one-letter subfield
            code = child.get("code")
            if code is not None and len(code) == 1 and len(child) == 0:
                subfields.append((code, child.text or ""))
                continue
        kind = _local(child.tag).rpartition(":")[2]  # (see _read_record)
        if not kind:
            continue
        if kind != "subfield":
            problems.append(Problem("xml-unknown-element", f"field {tag}: element <{kind}> is not a subfield and was skipped ({_describe(child)})"))
            continue
        code = child.get("code")
        if not code:
            problems.append(Problem("xml-missing-subfield-code", f"field {tag}: a subfield without a code was skipped ({_describe(child)})"))
            continue
        if len(code) != 1:
            problems.append(Problem("xml-bad-subfield-code", f"field {tag}: subfield code {code!r} is not one character; {code[0]!r} was used"))
        subfields.append((code[0], (child.text or "") if len(child) == 0 else "".join(child.itertext())))
    if not subfields:
        problems.append(Problem("empty-datafield", f"field {tag} has no subfields and was skipped"))
        return None
    if tag < "010" and tag.isdigit():  # ISO 2709 would read it back as a control field
        problems.append(Problem("control-field-with-subfields", f"datafield {tag} has a control field tag; read as a control field, its subfield values joined"))
        return Field(tag, data="".join(v for _, v in subfields))
    return Field(tag, indicators=indicators, subfields=subfields)


def _indicator(elem, name: str, tag: str, problems: list[Problem]) -> str:
    value = elem.get(name)
    if value is not None and len(value) == 1 and " " <= value <= "~":
        return value  # the common case
    if value is None:
        problems.append(Problem("xml-missing-indicator", f"field {tag} has no {name}; read as blank"))
        return " "
    if len(value) != 1:
        problems.append(Problem("xml-bad-indicator", f"field {tag}: {name} {value!r} is not one character; {'blank' if not value else repr(value[0])} used"))
        value = value[:1] or " "
    if not " " <= value <= "~":  # more than one byte in ISO 2709: the subfields would shift
        problems.append(Problem("xml-bad-indicator", f"field {tag}: {name} {value!r} is not a printable ASCII character; blank used"))
        return " "
    return value


# --------------------------------------------------------------------------- writing

_CONTROL_TAG = re.compile(r"00[1-9A-Za-z]")
_DATA_TAG = re.compile(r"0[1-9A-Z][0-9A-Z]|0[1-9a-z][0-9a-z]|[1-9A-Z][0-9A-Z]{2}|[1-9a-z][0-9a-z]{2}")
_INDICATORS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz ")
_CODES = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!\"#$%&'()*+,-./:;<=>?{}_^`~[]\\")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DIGITS, _ALNUM = set("0123456789 "), set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _xml_text(text: str) -> str:
    if not _NOT_XML.search(text):
        return text
    return _NOT_XML.sub(lambda m: chr(0x2400 + ord(m.group())) if m.group() < " " else "\ufffd", text)


def xml_leader(leader: str) -> str:
    """The leader as MARCXML must have it: 24 characters the schema's pattern accepts, 09 = ``a``."""
    chars = list(leader.ljust(24)[:24])
    for i, c in enumerate(chars):
        if i < 5 or 12 <= i < 17:
            ok, default = c in _DIGITS, "0"
        elif i == 6:
            ok, default = c in _ALNUM, "a"
        elif i in (10, 11):
            ok, default = c in "2 ", "2"
        elif i >= 20:
            ok, default = True, c
        else:
            ok, default = c in _ALNUM or c == " ", " "
        chars[i] = c if ok else default
    chars[9] = "a"
    tail = "".join(chars[20:])
    return "".join(chars[:20]) + (tail if tail in ("4500", "    ") else "4500")


class _Builder:
    """Builds ``<record>`` elements; namespaced for a standalone record, plain inside a collection."""

    def __init__(self, namespaced: bool):
        q = (lambda n: f"{{{NS}}}{n}") if namespaced else (lambda n: n)
        self.nsmap = {None: NS} if namespaced else None
        self.record, self.leader, self.control, self.data, self.sub = (
            q("record"), q("leader"), q("controlfield"), q("datafield"), q("subfield"))

    def build(self, record: MarcRecord, problems: list[Problem]):
        rec = etree.Element(self.record, nsmap=self.nsmap)
        leader = xml_leader(record.leader)
        changed = [i for i, (a, b) in enumerate(zip(record.leader.ljust(24), leader)) if a != b and i != 9]
        if changed or len(record.leader) != 24:
            problems.append(Problem("xml-leader-adjusted", f"leader {record.leader!r} written as {leader!r} (positions {', '.join(map(str, changed)) or 'length'})"))
        etree.SubElement(rec, self.leader).text = leader
        controls, datas = self._partition(record, problems)
        for tag, data in controls:
            etree.SubElement(rec, self.control, tag=tag).text = _xml_text(data)
        for tag, indicators, subfields in datas:
            df = etree.SubElement(rec, self.data, tag=tag, ind1=indicators[0], ind2=indicators[1])
            for code, value in subfields:
                etree.SubElement(df, self.sub, code=code).text = _xml_text(value)
        return rec

    @staticmethod
    def _partition(record: MarcRecord, problems: list[Problem]):
        controls: list[tuple[str, str]] = []
        datas: list[tuple[str, str, list[tuple[str, str]]]] = []
        for f in record.fields:
            tag = f.tag
            if f.data is not None:
                if _CONTROL_TAG.fullmatch(tag):
                    controls.append((tag, f.data))
                elif _DATA_TAG.fullmatch(tag):
                    problems.append(Problem("xml-control-as-data", f"control field {tag} has a data field tag; written as a data field with $a"))
                    datas.append((tag, "  ", [("a", f.data)]))
                else:
                    problems.append(Problem("xml-tag-left-out", f"field {tag!r} cannot be written in MARCXML and was left out"))
                continue
            if _CONTROL_TAG.fullmatch(tag):
                problems.append(Problem("xml-data-as-control", f"data field {tag} has a control tag; written as a control field (subfield values joined)"))
                controls.append((tag, "".join(v for _, v in f.subfields)))
                continue
            if not _DATA_TAG.fullmatch(tag):
                fixed = tag.upper()
                if not _DATA_TAG.fullmatch(fixed):
                    problems.append(Problem("xml-tag-left-out", f"field {tag!r} cannot be written in MARCXML and was left out"))
                    continue
                problems.append(Problem("xml-tag-adjusted", f"tag {tag!r} written as {fixed!r}"))
                tag = fixed
            if not f.subfields:
                problems.append(Problem("xml-tag-left-out", f"field {tag} has no subfields and was left out"))
                continue
            indicators = "".join(c if c in _INDICATORS else " " for c in f.indicators.ljust(2)[:2])
            if indicators != f.indicators:
                problems.append(Problem("xml-indicator-adjusted", f"field {tag}: indicators {f.indicators!r} written as {indicators!r}"))
            subfields = []
            for code, value in f.subfields:
                if code not in _CODES:
                    problems.append(Problem("xml-code-adjusted", f"field {tag}: subfield code {code!r} written as '?'"))
                    code = "?"
                subfields.append((code, value))
            datas.append((tag, indicators, subfields))
        return controls, datas


_STANDALONE = _Builder(namespaced=True)
_IN_COLLECTION = _Builder(namespaced=False)


def record_to_marcxml(record: MarcRecord) -> bytes:
    """One ``<record>`` element in the MARC21 slim namespace (UTF-8, no XML declaration)."""
    return etree.tostring(_STANDALONE.build(record, []), encoding="UTF-8", xml_declaration=False)


class MarcXmlWriter:
    """Writes a MARCXML collection record by record; :meth:`close` ends the document.

    The stream is not closed (it belongs to the caller). Repairs made to fit the schema are
    collected in :attr:`warnings` as ``(record number, Problem)``.
    """

    def __init__(self, stream: BinaryIO):
        self._stream = stream
        self.count = 0
        self.warnings: list[tuple[int, Problem]] = []
        self._closed = False
        stream.write(
            b'<?xml version="1.0" encoding="UTF-8"?>\n'
            b'<collection xmlns="' + NS.encode() + b'" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            b'xsi:schemaLocation="' + f"{NS} {SCHEMA_LOCATION}".encode() + b'">\n'
        )

    def write(self, record: MarcRecord) -> None:
        if self._closed:
            raise ValueError("MarcXmlWriter is closed")
        self.count += 1
        problems: list[Problem] = []
        elem = _IN_COLLECTION.build(record, problems)
        self._stream.write(etree.tostring(elem, encoding="UTF-8", xml_declaration=False, pretty_print=True))
        self.warnings.extend((self.count, p) for p in problems)

    def close(self) -> None:
        if not self._closed:
            self._stream.write(b"</collection>\n")
            self._closed = True
            if hasattr(self._stream, "flush"):
                self._stream.flush()

    def __enter__(self) -> "MarcXmlWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def write_marcxml(records: Iterable[MarcRecord], stream: BinaryIO) -> int:
    """Write the records as one MARCXML collection; returns how many were written."""
    with MarcXmlWriter(stream) as writer:
        for record in records:
            writer.write(record)
    return writer.count
