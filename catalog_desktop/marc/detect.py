"""Which MARC serialisation a file holds, judged from its first bytes only.

File names lie (``.dat``, ``.txt``, ``.xml`` for anything), so :func:`detect_format` looks
at content. Each test is strict enough that plain text, CSV, PDF, images and empty files
give ``None``, and tolerant enough for the real-world breakage the readers repair: an ISO
2709 record length of ``99999``, junk in leader/10-11, a UTF-8 BOM, leading blank lines,
an XML comment before the root, a namespace prefix or none.

MARC-in-JSON includes Catmandu's ``{"record": [["LDR", ...], ...]}`` lines; the marcjson
reader reads both. marc4j's old "marc-json" (unquoted keys, not JSON) is also reported as
"marcjson" so that the reader can refuse it with a message that names the problem, rather
than the generic "not MARC".
"""

from __future__ import annotations

import re

BOM = b"\xef\xbb\xbf"
MARCXML_NS = b"http://www.loc.gov/MARC21/slim"
MARCXCHANGE_NS = b"info:lc/xmlns/marcxchange"

_WS = b" \t\r\n\x00\x1a"
# A leader: five digits, then 19 bytes that are not terminators or line breaks.
_ISO_LEADER = re.compile(rb"\d{5}[^\x1d\x1e\r\n]{19}")
# The same, with the status and type letters and the base address a real leader has.
_STRICT_LEADER = re.compile(rb"\d{5}[a-zA-Z ][a-zA-Z][\x20-\x7e]{5}\d{5}")
# A directory entry: tag (3 printable bytes; broken files have blanks in tags), length, start.
_DIR_ENTRY = re.compile(rb"[\x20-\x7e]{3}\d{9}")
_PARTIAL_ENTRY = re.compile(rb"[\x20-\x7e]{0,3}\d{0,8}|[\x20-\x7e]{0,2}")
_ALEPH_LINE = re.compile(rb"\d{9} [0-9A-Za-z]{3}[ \w^]{2} L ")
_JSON_FIELDS = re.compile(rb'"fields"\s*:\s*\[\s*\{\s*"[0-9A-Za-z]{3}"\s*:')
_MRK_LINE = re.compile(rb"=(?:LDR|[0-9A-Za-z]{3}) ")
# Prolog items that may precede the root element.
_XML_PROLOG = re.compile(
    rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.DOTALL
)
_XML_ROOT = re.compile(rb"\s*<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)")


def detect_format(head: bytes) -> str | None:
    """The MARC format of content starting with ``head`` (64 KiB is plenty), or None."""
    text = _strip(head)
    if not text:
        return None
    first = text[:1]
    if first == b"<":
        return "marcxml" if _is_marcxml(text) else None
    if first in (b"{", b"["):
        return "marcjson" if _is_marcjson(text) else None
    if first == b"=" and _MRK_LINE.match(text):
        return "mrk"
    if _ALEPH_LINE.match(text):
        return "aleph"
    if _is_iso2709(text):
        return "iso2709"
    # Damage at the very start: MARCXML records further on, or lines that tell (three of
    # the next seven).
    if MARCXML_NS in text and re.search(rb"<(?:[\w.-]+:)?record[\s>]", text):
        return "marcxml"
    if re.search(rb'\n[\[\s]*\{\s*"(?:record|_id)"', text) and b'"LDR"' in text:
        return "marcjson"
    lines = text[:8192].split(b"\n")[1:8]
    if sum(1 for line in lines if _ALEPH_LINE.match(line)) >= 3:
        return "aleph"
    if sum(1 for line in lines if _MRK_LINE.match(line)) >= 3:
        return "mrk"
    return None


def _strip(head: bytes) -> bytes:
    if head.startswith(BOM):
        head = head[len(BOM):]
    return head.lstrip(_WS)


def _after_prolog(text: bytes) -> tuple[bytes, int]:
    """The text without byte-order mark and leading space, and where its prolog ends."""
    text = _strip(text)
    pos = 0
    while True:
        m = _XML_PROLOG.match(text, pos)
        if not m or m.end() == pos:
            return text, pos
        pos = m.end()


def xml_root(text: bytes) -> tuple[str, str] | None:
    """``(prefix, local name)`` of the root element after the prolog, or None if not found."""
    text, pos = _after_prolog(text)
    m = _XML_ROOT.match(text, pos)
    if not m:
        return None
    return (m.group(1) or b"").decode("ascii"), m.group(2).decode("ascii")


def _is_marcxml(text: bytes) -> bool:
    root = xml_root(text)
    has_ns = MARCXML_NS in text or MARCXCHANGE_NS in text
    if root is None:  # a broken prolog: MARC records after it still make it MARCXML
        return _marc_records_in(text, has_ns)
    if root[1] in ("collection", "record"):
        # A namespace-less <record> is common in MARCXML; make sure it holds MARC elements.
        return has_ns or bool(re.search(rb"<(?:\w+:)?(?:leader|controlfield|datafield)\b", text))
    # A wrapper (OAI-PMH, SRU) around MARC21-slim records: the reader takes those records.
    # (Or a misspelt collection whose default namespace is MARC's: its records are MARC's.)
    return bool(re.search(rb"<(?:[\w.-]+:)?record\b[^>]*" + re.escape(MARCXML_NS), text)) or bool(
        re.search(rb"xmlns(?::[\w.-]+)?=[\"']" + re.escape(MARCXML_NS), text)
    ) or (not well_formed_start(text) and _marc_records_in(text, has_ns))


def _marc_records_in(text: bytes, has_ns: bool) -> bool:
    """MARC record elements further on: what a file with a spoilt start still holds."""
    if re.search(rb"<(?:[\w.-]+:)?record[\s>]", text) is None:
        return False
    return has_ns or re.search(rb"<(?:[\w.-]+:)?(?:leader|controlfield|datafield)\b", text) is not None


def root_start_tag(text: bytes) -> bytes | None:
    """The root element's start tag as written (after the prolog), or None."""
    text, pos = _after_prolog(text)
    m = re.compile(rb"\s*(<[^<>]*>)").match(text, pos)
    return m.group(1) if m else None


def well_formed_start(text: bytes) -> bool:
    """Whether the root's start tag parses (a spoilt name or namespace declaration does not)."""
    from lxml import etree

    tag = root_start_tag(text)
    name = re.match(rb"<([^\s>/]+)", tag or b"")
    if tag is None or name is None or tag.endswith(b"/>"):
        return tag is not None
    try:
        etree.fromstring(tag + b"</" + name.group(1) + b">", etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return False
    return True


def _is_marcjson(text: bytes) -> bool:
    sample = text[:65536]
    if b'"leader"' in sample and b'"fields"' in sample:
        return True
    if _JSON_FIELDS.search(sample):
        return True  # a record that lost its leader: "fields" holding {"001": ...}-style objects
    if re.search(rb'(?:^|\n)[\[\s]*\{\s*"(?:record|_id)"', sample) and b'"LDR"' in sample:
        return True  # Catmandu (on any line: the first one may be damaged)
    # marc4j's unquoted-key variant: claimed here so the reader can explain why it refuses it.
    return bool(re.match(rb"[\[\s]*\{\s*leader\s*:", sample))


def _is_iso2709(text: bytes) -> bool:
    if _iso_record_at(text, 0):
        return True
    # The first record may be damaged (a flipped byte in its leader, a byte lost from its
    # directory): the file is still ISO 2709 when a record starts right after one of the
    # first end-of-record marks. Plain text has no 0x1D, so this stays strict.
    pos = 0
    for _ in range(3):
        pos = text.find(b"\x1d", pos) + 1
        if pos == 0:
            return False
        while pos < len(text) and text[pos] in _WS:
            pos += 1
        if _iso_record_at(text, pos):
            return True
    return False


def _iso_record_at(text: bytes, at: int) -> bool:
    if not _ISO_LEADER.match(text, at):
        return False
    # Leader/10-11 and the length may be wrong; the directory right after the leader is the
    # strong signal: 12-byte entries up to a field terminator.
    pos, entries = at + 24, 0
    while _DIR_ENTRY.match(text, pos):
        pos += 12
        entries += 1
    if entries == 0:
        return False
    if _PARTIAL_ENTRY.fullmatch(text, pos):
        return entries >= 2  # head ends inside the directory (perhaps inside an entry)
    # A leader shaped like one (status and type letters, a numeric base address) and two
    # well-formed entries are MARC even if the directory is damaged further on: one lost
    # byte must not make the whole file unreadable.
    if entries >= 2 and _STRICT_LEADER.match(text, at):
        return True
    # A garbled last entry (bad lengths shift the 12-byte grid) may precede the terminator.
    return b"\x1e" in text[pos : pos + 12]
