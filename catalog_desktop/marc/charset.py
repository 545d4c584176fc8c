"""Character sets of ISO 2709 records: UTF-8 and MARC-8, both ways.

Decoding never raises: bytes that are not valid in the declared character set are read as
Windows-1252 (what such bytes nearly always are in library exports) and reported, so a record
with one bad byte is imported with a warning instead of being lost. The raw bytes stay in the
record, so nothing is changed on the way out.

Encoding to MARC-8 covers ASCII and ANSEL (the Latin letters and diacritics of Dutch, French,
German, ...). Text outside them raises :class:`CannotEncodeMarc8`; the caller then writes the
record as UTF-8 instead.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import unicodedata
from functools import lru_cache

from pymarc import marc8_mapping
from pymarc.marc8 import MARC8ToUnicode

ESC = 0x1B
BASIC_LATIN = 0x42
ANSEL = 0x45


class CannotEncodeMarc8(ValueError):
    """The text holds a character that MARC-8's Latin sets cannot express."""


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace").replace("\ufffd", "?"), error.end


codecs.register_error("catalog-cp1252", _cp1252_fallback)


def decode_utf8(data: bytes) -> tuple[str, bool]:
    """Decode UTF-8; returns the text and whether invalid bytes had to be read as Windows-1252."""
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="catalog-cp1252"), True


def looks_like_utf8(data: bytes) -> bool:
    """True when the bytes hold non-ASCII text that is valid UTF-8.

    Genuine MARC-8 text with diacritics is practically never valid UTF-8: an ANSEL
    combining mark (0xE0-0xFE) is followed by an ASCII base letter, which UTF-8 forbids.
    """
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def translate_marc8(data: bytes) -> tuple[str, bool]:
    """pymarc's MARC-8 conversion, its stderr chatter kept quiet.

    Returns the text and whether pymarc complained; raises ValueError when the bytes
    (typically a broken escape sequence) cannot be converted at all.
    """
    converter = MARC8ToUnicode(quiet=True)
    noise = io.StringIO()
    try:
        with contextlib.redirect_stderr(noise):
            text = converter.translate(data)
    except Exception as exc:  # pymarc raises IndexError/TypeError/KeyError on broken escapes
        raise ValueError(f"MARC-8 could not be decoded ({type(exc).__name__})") from exc
    return text, bool(noise.getvalue().strip())


def decode_marc8(data: bytes) -> tuple[str, str | None]:
    """Decode MARC-8 to NFC Unicode; returns the text and a problem description or None."""
    if data.isascii() and ESC not in data:
        return data.decode("ascii"), None
    try:
        text, complained = translate_marc8(data)
    except ValueError as exc:
        return data.decode("cp1252", errors="replace"), f"{exc}; read as Windows-1252"
    problem = None
    if complained or "\ufffd" in text:
        problem = "MARC-8 text holds bytes without a character in the declared set"
    return unicodedata.normalize("NFC", text), problem


@lru_cache(maxsize=1)
def _marc8_encoding_table() -> tuple[dict[str, int], dict[str, int]]:
    """Unicode character -> ANSEL byte, split into spacing characters and combining marks."""
    spacing: dict[str, int] = {}
    combining: dict[str, int] = {}
    for byte, (codepoint, is_combining) in marc8_mapping.CODESETS[ANSEL].items():
        target = combining if is_combining else spacing
        target.setdefault(chr(codepoint), byte)
    return spacing, combining


def encode_marc8(text: str) -> bytes:
    """Encode text in MARC-8 (ASCII + ANSEL as G1); combining marks go before their base letter."""
    if text.isascii() and text.isprintable():
        return text.encode("ascii")
    spacing, combining = _marc8_encoding_table()
    out = bytearray()
    pending_base: list[int] = []  # the base character's bytes, written after its marks
    marks: list[int] = []

    def flush() -> None:
        out.extend(marks)
        out.extend(pending_base)
        marks.clear()
        pending_base.clear()

    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) or char in combining:
            if char not in combining:
                raise CannotEncodeMarc8(f"no MARC-8 combining mark for {char!r} (U+{ord(char):04X})")
            marks.append(combining[char])
            continue
        flush()
        if char < " ":
            # C0 controls are no MARC-8 characters (decoders drop them): write UTF-8 instead.
            raise CannotEncodeMarc8(f"no MARC-8 character for control character U+{ord(char):04X}")
        if char.isascii():
            pending_base.append(ord(char))
        elif char in spacing:
            pending_base.append(spacing[char])
        else:
            raise CannotEncodeMarc8(f"no MARC-8 character for {char!r} (U+{ord(char):04X})")
    flush()
    return bytes(out)
