"""A label run over the catalogue: choose records, read them, one label (or problem) per copy.

    ids = select_record_ids(catalogue, ["today"])
    run = collect_labels(catalogue, ids, vocabs=vocabs, progress=..., cancel=...)
    run.labels, run.problems

Long work follows the project's pattern: ``progress(done, total, message)`` and a ``cancel``
event checked between records; a cancelled run keeps what it made and says so.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, time, timezone
from typing import Callable, Iterable, Sequence

from sqlalchemy import or_, select

from catalog_desktop.catalogue.db import reading
from catalog_desktop.catalogue.errors import RecordNotFound
from catalog_desktop.catalogue.models import Record
from catalog_desktop.labels.config import LabelRules, load_rules
from catalog_desktop.labels.data import LabelData, LabelProblem
from catalog_desktop.labels.rules import labels_for_record

__all__ = ["LabelRun", "collect_labels", "read_entities", "select_record_ids", "vocabularies_for"]

Progress = Callable[[int, int, str], None]
_R = Record.__table__
_BATCH = 200


@dataclass(slots=True)
class LabelRun:
    labels: list[LabelData] = field(default_factory=list)
    problems: list[LabelProblem] = field(default_factory=list)
    records: int = 0
    cancelled: bool = False


def _start_of_today_utc() -> datetime:
    """Local midnight as naive UTC (the catalogue's timestamps are naive UTC)."""
    local_midnight = datetime.combine(datetime.now().date(), time.min).astimezone()
    return local_midnight.astimezone(timezone.utc).replace(tzinfo=None)


def select_record_ids(catalogue, selection: Sequence[str]) -> list[int]:
    """Record ids for ``all``, ``today`` (imported or changed since local midnight), or record
    ids / Vlacc numbers. An unknown reference raises :class:`RecordNotFound` naming it."""
    words = list(selection)
    if words == ["all"]:
        stmt = select(_R.c.id).order_by(_R.c.id)
    elif words == ["today"]:
        since = _start_of_today_utc()
        stmt = select(_R.c.id).where(or_(_R.c.imported_at >= since, _R.c.updated_at >= since)).order_by(_R.c.id)
    else:
        return [catalogue.records.find(ref).id for ref in words]
    with reading(catalogue.engine) as conn:
        return [row.id for row in conn.execute(stmt)]


def read_entities(catalogue, record_ids: Sequence[int]) -> Iterable[tuple[int, object, int]]:
    """(record id, entities, 245 nonfiling count) per record, read in batches, in the given order."""
    from catalog_desktop.catalogue.derive import derive_entities
    from catalog_desktop.catalogue.records import parse_current

    profile = catalogue.profile()
    for start in range(0, len(record_ids), _BATCH):
        chunk = list(record_ids[start:start + _BATCH])
        with reading(catalogue.engine) as conn:
            rows = {r.id: r for r in conn.execute(
                select(_R.c.id, _R.c.raw, _R.c.marc, _R.c.source_format).where(_R.c.id.in_(chunk)))}
        for record_id in chunk:
            row = rows.get(record_id)
            if row is None:
                raise RecordNotFound(record_id)
            record = parse_current(row.marc, row.raw, row.source_format)
            title = record.first("245")
            ind2 = title.indicators[1:2] if title is not None else ""
            nonfiling = int(ind2) if ind2.isdigit() else 0
            yield record_id, derive_entities(record, profile), nonfiling


def vocabularies_for(catalogue, extra=()):
    """The catalogue's vocabularies (loaded once per catalogue), or those with official lists merged."""
    if not extra:
        return catalogue.vocabularies()
    from catalog_desktop.vocab import load_vocabularies

    return load_vocabularies(extra=list(extra))


def collect_labels(catalogue, record_ids: Sequence[int], *, rules: LabelRules | None = None, vocabs=None,
                   progress: Progress | None = None, cancel: threading.Event | None = None) -> LabelRun:
    """Labels for every copy of these records, in order; problems for copies that get none.

    ``vocabs``: the vocabularies (rubric names, official colours and pictograms); the bundled
    ones when None."""
    rules = rules or load_rules()
    vocabs = vocabs if vocabs is not None else vocabularies_for(catalogue)
    adjustments = catalogue.label_adjustments.for_records(record_ids)
    run = LabelRun()
    total = len(record_ids)
    for done, (record_id, ents, nonfiling) in enumerate(read_entities(catalogue, record_ids), start=1):
        if cancel is not None and cancel.is_set():
            run.cancelled = True
            break
        changes = {key: {f: a.value for f, a in by_field.items()}
                   for key, by_field in adjustments.get(record_id, {}).items()}
        labels, problems = labels_for_record(record_id, ents, rules, vocabs, nonfiling=nonfiling,
                                             adjustments=changes)
        run.labels += labels
        run.problems += problems
        run.records = done
        if progress is not None and (done % 50 == 0 or done == total):
            progress(done, total, ents.title[:40])
    return run
