"""What every MARC reader yields, and the one entry point that picks a reader for a file.

A reader is an iterator over one input, yielding for each record found either a
:class:`ReadRecord` (parsed, perhaps with warnings) or a :class:`QuarantinedRecord` (its raw
bytes and the reason it could not be read). Readers never raise for a bad record: they
report it and resynchronise on the next one, so that for every file
``records read + records quarantined = records in the file``. They raise
:class:`NotMarcError` only when the input as a whole is not MARC in the format asked for.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Union

from catalog_desktop.marc.record import LEADER_LENGTH, MarcRecord


@dataclass(frozen=True, slots=True)
class Problem:
    """A machine-readable code (stable, tests check it) and a sentence for people."""

    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@dataclass(slots=True)
class ReadRecord:
    record: MarcRecord
    raw: bytes  # exactly the bytes of this record in the input
    offset: int  # byte offset of ``raw`` in the input
    position: int  # 1-based number of the record in the input
    source_format: str
    warnings: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class QuarantinedRecord:
    raw: bytes
    offset: int
    position: int
    source_format: str
    reason: Problem


ReadItem = Union[ReadRecord, QuarantinedRecord]
Reader = Callable[[BinaryIO], Iterator[ReadItem]]


def fit_leader(leader: str, problems: list[Problem]) -> str:
    """The leader cut or padded to 24 printable ASCII characters, with a warning when it was not."""
    if len(leader) == LEADER_LENGTH and leader.isascii() and leader.isprintable():
        return leader
    if len(leader) != LEADER_LENGTH:
        stripped = leader.strip("\r\n\t")
        how = "padded with blanks" if len(stripped) < LEADER_LENGTH else "cut to 24"
        problems.append(Problem("leader-size", f"the leader has {len(leader)} characters instead of 24 ({leader!r}); {how}"))
        leader = stripped.ljust(LEADER_LENGTH)[:LEADER_LENGTH]
    if not (leader.isascii() and leader.isprintable()):
        # ISO 2709 leaders are ASCII: anything else would be written as "?".
        bad = [str(i) for i, c in enumerate(leader) if not (c.isascii() and c.isprintable())]
        problems.append(Problem("leader-repaired", f"the leader holds characters that are not printable ASCII at position(s) {', '.join(bad)}; replaced by blanks"))
        leader = "".join(c if c.isascii() and c.isprintable() else " " for c in leader)
    return leader


# ISO 2709's end-of-record, field terminator and subfield delimiter, and the visible Unicode
# "control pictures" the MARCXML writer also uses for them.
_STRUCTURE = re.compile("[\x1d\x1e\x1f]")
_PICTURES = str.maketrans({"\x1d": "\u241d", "\x1e": "\u241e", "\x1f": "\u241f"})


def writable_as_iso2709(record: MarcRecord, problems: list[Problem]) -> MarcRecord:
    """A record read from text (JSON, .mrk, Aleph) made fit to be stored as ISO 2709.

    A value may hold ISO 2709's terminators or delimiter, which would cut the field or record
    in two when written: they are replaced by their visible control pictures (U+241D-U+241F).
    An indicator must be one printable ASCII character (anything else takes more than one
    byte and shifts the subfields): it becomes a blank. Each with a warning. (Leaders are
    seen to by :func:`fit_leader`.)"""
    found = False
    bad_indicators = []

    def visible(text: str) -> str:
        nonlocal found
        if _STRUCTURE.search(text) is None:
            return text
        found = True
        return text.translate(_PICTURES)

    for f in record.fields:
        if f.data is not None:
            f.data = visible(f.data)
        else:
            if not (len(f.indicators) == 2 and f.indicators.isascii() and f.indicators.isprintable()):
                bad_indicators.append(f"{f.tag} {f.indicators!r}")
                f.indicators = "".join(c if " " <= c <= "~" else " " for c in f.indicators.ljust(2)[:2])
            f.subfields = [(visible(c), visible(v)) for c, v in f.subfields]
    if bad_indicators:
        problems.append(Problem("indicators", f"indicators that are not printable ASCII were read as blanks: {', '.join(bad_indicators)}"))
    if found:
        problems.append(Problem("structure-character", "a value holds an ISO 2709 terminator or subfield delimiter (0x1D-0x1F); shown as a visible symbol (U+241D-U+241F)"))
    return record


class NotMarcError(ValueError):
    """The input as a whole is not MARC (or not the MARC format that was asked for)."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


HEAD_SIZE = 1 << 16  # how much of a file format detection looks at
FORMATS = ("iso2709", "marcxml", "marcjson", "mrk", "aleph")


def get_reader(fmt: str) -> Reader:
    """The reader for a format name; imported lazily so a CLI start-up stays cheap."""
    if fmt == "iso2709":
        from catalog_desktop.marc.iso2709 import read_iso2709

        return read_iso2709
    if fmt == "marcxml":
        from catalog_desktop.marc.marcxml import read_marcxml

        return read_marcxml
    if fmt == "marcjson":
        from catalog_desktop.marc.marcjson import read_marcjson

        return read_marcjson
    if fmt == "mrk":
        from catalog_desktop.marc.mrk import read_mrk

        return read_mrk
    if fmt == "aleph":
        from catalog_desktop.marc.aleph import read_aleph

        return read_aleph
    raise ValueError(f"unknown MARC format {fmt!r}; known: {', '.join(FORMATS)}")


def read_marc(
    source: Union[str, os.PathLike, BinaryIO], fmt: str | None = None
) -> Iterator[ReadItem]:
    """Read every record of a file (a path or a binary stream), detecting its format from content."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        # A 64 KiB buffer: format detection peeks that far (a default buffer gives 4 or 8 KiB,
        # less than the directory of one long record).
        with open(path, "rb", buffering=HEAD_SIZE) as stream:
            yield from _read_stream(stream, fmt, str(path))
        return
    yield from _read_stream(source, fmt, getattr(source, "name", "<stream>"))


def _read_stream(stream: BinaryIO, fmt: str | None, name: str) -> Iterator[ReadItem]:
    from catalog_desktop.marc.detect import detect_format

    head = stream.peek(HEAD_SIZE)[:HEAD_SIZE] if isinstance(stream, io.BufferedReader) else b""
    if len(head) < HEAD_SIZE:
        # Not buffered, or a buffer smaller than the head detection needs (peek never
        # returns more than the buffer holds): read through a buffer of our own.
        stream = io.BufferedReader(stream, buffer_size=HEAD_SIZE)  # type: ignore[arg-type]
        head = stream.peek(HEAD_SIZE)[:HEAD_SIZE]
    if fmt is None:
        fmt = detect_format(head)
        if fmt is None:
            raise NotMarcError(name, "this file is not MARC: not ISO 2709, MARCXML, MARC-in-JSON, MarcEdit (.mrk) or Aleph sequential")
    try:
        yield from get_reader(fmt)(stream)
    except NotMarcError as exc:
        raise NotMarcError(name, exc.reason) from None
