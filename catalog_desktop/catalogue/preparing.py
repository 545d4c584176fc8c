"""From read records to rows-to-be: entities derived, rows built, current bytes made, identity known.

The CPU-heavy half of an import (parsing, decoding, deriving entities, building rows) runs
here, away from the database; the store (:mod:`importer`) takes :class:`Prepared` items in
batches and only adds the ids the database hands out. A :class:`Prepared` is plain tuples,
so the store passes its parts to ``executemany`` without reshaping. (Preparing in a second
process while this one stores was tried: on a busy 2-core machine it was slower, 0.35x
pymarc against 0.42x in one process, side by side on 100,000 records.)
"""

from __future__ import annotations

import gc
import hashlib
import json
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, NamedTuple, Union

from catalog_desktop.catalogue.derive import derive_entities
from catalog_desktop.catalogue.entities import RecordEntities
from catalog_desktop.catalogue.store_rows import EntityRows, entity_rows
from catalog_desktop.marc.iso2709 import RecordError, serialize
from catalog_desktop.marc.reading import NotMarcError, Problem, QuarantinedRecord, ReadRecord, read_marc

_MAX_IDENTITY = 200


class ReaderFailed(Exception):
    """The reader stopped on a file (not MARC, unreadable, a reader bug); ``kind`` says which."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class Prepared(NamedTuple):
    """What the store needs of one readable record, and no more (plain values)."""

    identity: str
    control_number: str | None
    source_format: str
    encoding: str
    raw: bytes
    offset: int
    position: int
    marc: bytes | None  # current ISO 2709 bytes when they differ from raw
    warnings: str | None  # as stored: JSON [{code, message}], None when there are none
    rows: EntityRows


Item = Union[Prepared, QuarantinedRecord]


def identity_of(control_number: str | None, raw: bytes) -> str:
    """What a re-import matches on: the 001, or the record's bytes when it has none."""
    if control_number and len(control_number) <= _MAX_IDENTITY:
        return control_number
    return "sha1:" + hashlib.sha1(raw).hexdigest()


def prepare(read: ReadRecord, profile) -> Prepared:
    """Derive entities, their rows and the current bytes of one record read from a file."""
    record = read.record
    warnings = list(read.warnings)
    control_number = record.control_number
    try:
        entities = derive_entities(record, profile)
        rows = entity_rows(control_number, entities)
    except Exception as exc:  # a mapping bug must not lose the record: keep it, say so
        rows = entity_rows(control_number, RecordEntities(control_number=control_number, title=""))
        warnings.append(Problem("entities-failed", f"could not derive entities: {type(exc).__name__}: {exc}"))
    marc = None
    # A clean ISO 2709 record is its own current form; anything else is stored re-encoded.
    if read.source_format != "iso2709" or read.warnings:
        try:
            marc = serialize(record)
            marc = None if marc == read.raw else marc
        except RecordError as exc:
            warnings.append(Problem(exc.problem.code, f"cannot be written as ISO 2709: {exc}"))
    stored_warnings = (
        json.dumps([{"code": w.code, "message": w.message} for w in warnings], ensure_ascii=False) if warnings else None
    )
    return Prepared(
        identity_of(control_number, read.raw), control_number, read.source_format, record.encoding,
        read.raw, read.offset, read.position, marc, stored_warnings, rows,
    )


def prepared_items(path: Path, profile) -> Iterator[Item]:
    """Every record of a file, prepared, or quarantined; reader failures as :class:`ReaderFailed`."""
    items = read_marc(path)
    try:
        while True:
            try:
                item = next(items)
            except StopIteration:
                return
            except Exception as exc:
                raise _failure(exc) from exc
            yield item if isinstance(item, QuarantinedRecord) else prepare(item, profile)
    finally:
        items.close()


def _failure(exc: BaseException) -> ReaderFailed:
    if isinstance(exc, NotMarcError):
        return ReaderFailed("not-marc", exc.reason)
    if isinstance(exc, OSError):
        return ReaderFailed("os-error", exc.strerror or str(exc))
    if isinstance(exc, ImportError):
        raise exc  # a broken installation, not a broken file
    return ReaderFailed("failed", f"{type(exc).__name__}: {exc}")


@contextmanager
def collecting_rarely() -> Iterator[None]:
    """Run the cyclic garbage collector rarely while importing, then restore its settings.

    Reading allocates some hundred short-lived objects per record, and the import keeps
    growing caches; with CPython's defaults the collector ate ~40% of the import time
    (measured: 160 -> 96 us/record for reading alone). Those objects hold no cycles, so
    reference counting frees them anyway; freezing what exists before the import also keeps
    full collections from rescanning the program's own objects.
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], 10_000), thresholds[1], thresholds[2])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
