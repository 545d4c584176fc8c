"""Writing generated Etiketveld (999) fields into records that lack them.

Through :meth:`Records.update`, like any edit: the old bytes go to the record's history, the
version goes up (optimistic locking), and every other field keeps its exact bytes. A record
that already has a 999 for a label kind keeps it untouched; only missing kinds are added,
one field per kind, in the order zizo, siso, genre (the kinds switched on in the rules).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable, Sequence

from catalog_desktop.labels.collect import read_entities, vocabularies_for
from catalog_desktop.labels.config import LabelRules, load_rules
from catalog_desktop.labels.rules import RecordLabels
from catalog_desktop.marc.record import Field

__all__ = ["StoredFields", "add_missing_label_fields", "missing_label_fields"]

Progress = Callable[[int, int, str], None]
REASON = "label fields"


@dataclass(slots=True)
class StoredFields:
    added: dict[int, list[tuple[tuple[str, str], ...]]] = field(default_factory=dict)  # record -> new 999s
    cancelled: bool = False


def missing_label_fields(rec: RecordLabels) -> list[tuple[tuple[str, str], ...]]:
    """The 999 subfield lists a record lacks, one per label kind it has a code for."""
    out = []
    for kind, values in rec.variants():
        found, generated = rec.etiketveld(kind, values)
        if found is None and generated:
            out.append(generated)
    return out


def add_missing_label_fields(catalogue, record_ids: Sequence[int], *, rules: LabelRules | None = None,
                             vocabs=None, who: str | None = None, progress: Progress | None = None,
                             cancel: threading.Event | None = None) -> StoredFields:
    rules = rules or load_rules()
    vocabs = vocabs if vocabs is not None else vocabularies_for(catalogue)
    result = StoredFields()
    total = len(record_ids)
    for done, (record_id, ents, nonfiling) in enumerate(read_entities(catalogue, record_ids), start=1):
        if cancel is not None and cancel.is_set():
            result.cancelled = True
            break
        new_fields = missing_label_fields(RecordLabels(record_id, ents, rules, vocabs, nonfiling))
        if new_fields:
            stored = catalogue.records.get(record_id)
            record = stored.record.copy()
            record.add(*(Field(rules.etiketveld_tag, indicators="  ", subfields=list(subs)) for subs in new_fields))
            catalogue.records.update(record_id, record, who=who, reason=REASON, expected_version=stored.version)
            result.added[record_id] = new_fields
        if progress is not None and (done % 50 == 0 or done == total):
            progress(done, total, ents.title[:40])
    return result
