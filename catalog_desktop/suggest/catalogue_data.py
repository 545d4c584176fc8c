"""Training data from the catalogue: one :class:`TrainingSet` per scheme.

Positives are the codes a record's MARC carries for the scheme (what catalogers put there,
and accepted suggestions, which accepting wrote into the MARC). An acceptance whose code
the record no longer carries is not used: the record was edited since, and the later word
wins. Negatives are the codes catalogers rejected for the record and did not take back.

Documents come from :mod:`catalog_desktop.suggest.features`, the same function suggestion
uses. Codes the vocabulary does not list are kept and flagged (``scheme.observe``), never
dropped. ``holdout`` sets a share of the records apart, the same records for every scheme,
chosen reproducibly from ``seed``.
"""

from __future__ import annotations

import random
import threading
from typing import Callable

from sqlalchemy import select

from catalog_desktop.catalogue.db import reading
from catalog_desktop.catalogue.models import Classification
from catalog_desktop.suggest import TrainingSet
from catalog_desktop.suggest.features import PREDICTED, iter_record_features

__all__ = ["training_sets_from_catalogue", "MULTI_LABEL"]

MULTI_LABEL = {"zizo": False, "siso": False, "genre": True}  # one ZIZO and one SISO code per record
_C = Classification.__table__
Progress = Callable[[int, int, str], None]


def _candidate_ids(catalogue) -> list[int]:
    """Records with a code of a predicted scheme, or with a standing decision."""
    with reading(catalogue.engine) as conn:
        ids = set(conn.execute(select(_C.c.record_id).where(_C.c.scheme.in_(PREDICTED)).distinct()).scalars())
    ids.update(d.record_id for d in catalogue.decisions.all())
    return sorted(ids)


def training_sets_from_catalogue(catalogue, vocabs, *, holdout: float = 0.0, seed: int = 0,
                                 schemes: tuple[str, ...] = PREDICTED, progress: Progress | None = None,
                                 cancel: threading.Event | None = None) -> tuple[list[TrainingSet], list[TrainingSet]]:
    """``(train, test)``: per scheme with data, a TrainingSet; ``test`` is empty without ``holdout``."""
    if not 0.0 <= holdout < 1.0:
        raise ValueError(f"holdout must be at least 0 and below 1, not {holdout}")
    ids = _candidate_ids(catalogue)
    rejected = catalogue.decisions.rejected_codes(ids)
    shuffled = list(ids)
    random.Random(seed).shuffle(shuffled)
    held = set(shuffled[: round(len(shuffled) * holdout)])

    vocab = {scheme: vocabs.scheme(scheme) for scheme in schemes}
    rows: dict[str, dict[bool, tuple[list, list, list]]] = {s: {False: ([], [], []), True: ([], [], [])} for s in schemes}
    for done, features in enumerate(iter_record_features(catalogue, ids), 1):
        if cancel is not None and cancel.is_set():
            break
        for scheme in schemes:
            positives = features.codes(scheme)
            negatives = sorted(rejected.get(features.record_id, {}).get(scheme, set()) - set(positives))
            if not positives and not negatives:
                continue
            for c in features.entities.codes:  # kept and flagged when unlisted, with what the record says
                if c.scheme == scheme:
                    vocab[scheme].observe(c.code, f"record {features.identity}", label=c.label, path=c.path,
                                          audience=features.entities.audience)
            docs, labels, negs = rows[scheme][features.record_id in held]
            docs.append(features.document(scheme))
            labels.append(positives)
            negs.append(negatives)
        if progress is not None and (done % 200 == 0 or done == len(ids)):
            progress(done, len(ids), f"{done:,} of {len(ids):,} records read")

    train, test = [], []
    for scheme in schemes:
        known = vocab[scheme].labels()
        for is_test, (docs, labels, negs) in rows[scheme].items():
            if not docs:
                continue
            seen = {c for codes in labels for c in codes} | {c for codes in negs for c in codes}
            labels_text = {c: known[c] for c in sorted(seen) if c in known}
            ts = TrainingSet(scheme, docs, labels, negatives=negs, multi_label=MULTI_LABEL.get(scheme, True),
                             parents=vocab[scheme].parents, labels_text=labels_text)
            (test if is_test else train).append(ts)
    return train, test
