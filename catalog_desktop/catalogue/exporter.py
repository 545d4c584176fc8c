"""Writing records out: ISO 2709 byte for byte as stored, or MARCXML (UTF-8).

Streaming with constant memory: records are fetched in chunks of ids (keyset paging on the
primary key), never all at once.
"""

from __future__ import annotations

import threading
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

from sqlalchemy import Engine, func, select

from catalog_desktop.catalogue.db import reading
from catalog_desktop.catalogue.models import Record
from catalog_desktop.catalogue.records import parse_current

_R = Record.__table__
CHUNK = 500
FORMATS = ("iso2709", "marcxml")


def _chunks(engine: Engine, ids: Sequence[int] | None) -> Iterator[list]:
    """Rows ``(id, marc, raw, source_format)`` in chunks: all records by id, or the ids given in order."""
    cols = (_R.c.id, _R.c.marc, _R.c.raw, _R.c.source_format)
    if ids is None:
        last = 0
        while True:
            with reading(engine) as conn:
                rows = conn.execute(select(*cols).where(_R.c.id > last).order_by(_R.c.id).limit(CHUNK)).all()
            if not rows:
                return
            yield rows
            last = rows[-1].id
    else:
        for i in range(0, len(ids), CHUNK):
            chunk = list(ids[i : i + CHUNK])
            with reading(engine) as conn:
                found = {r.id: r for r in conn.execute(select(*cols).where(_R.c.id.in_(chunk)))}
            yield [found[i] for i in chunk if i in found]  # ids that vanished are skipped


def export(engine: Engine, stream: BinaryIO, fmt: str = "iso2709", ids: Iterable[int] | None = None,
           progress: Callable[[int, int, str], None] | None = None, cancel: threading.Event | None = None) -> int:
    """Write records to a binary stream; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"cannot export as {fmt!r}; choose from {', '.join(FORMATS)}")
    id_list = list(ids) if ids is not None else None
    if id_list is None:
        with reading(engine) as conn:
            total = conn.execute(select(func.count()).select_from(_R)).scalar_one()
    else:
        total = len(id_list)
    writer = None
    if fmt == "marcxml":
        from catalog_desktop.marc.marcxml import MarcXmlWriter

        writer = MarcXmlWriter(stream)
    written = 0
    try:
        for rows in _chunks(engine, id_list):
            for row in rows:
                if writer is None:
                    stream.write(row.marc if row.marc is not None else row.raw)
                else:
                    writer.write(parse_current(row.marc, row.raw, row.source_format))
                written += 1
            if progress is not None:
                progress(written, total, f"{written:,} of {total:,} records written")
            if cancel is not None and cancel.is_set():
                break
    finally:
        if writer is not None:
            writer.close()
    return written
