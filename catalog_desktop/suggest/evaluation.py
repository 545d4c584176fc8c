"""Evaluate a model bundle on held-out documents: the one path the CLI, report and benchmarks use.

``evaluate_suggester(suggester, sets, limit=5)`` asks the bundle for ``limit`` suggestions per
test document (in batches, with ``progress``/``cancel``) and scores them per scheme with
:mod:`catalog_desktop.suggest.metrics` (``annif eval``'s definitions). The ranked predictions
are kept, with each suggestion's calibrated confidence, so the report can draw thresholds,
reliability and confusions from them, and compare two bundles on the same documents.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from catalog_desktop.suggest.metrics import evaluate

Progress = Callable[[int, int, str], None]


class EvaluationCancelled(Exception):
    """The cancel event was set; nothing was scored."""


@dataclass
class SchemeEvaluation:
    """One scheme's test documents, their gold codes, the bundle's predictions and the scores."""

    scheme: str
    doc_ids: list[str]
    gold: list[list[str]]
    predicted: list[list[tuple[str, float]]]  # (code, confidence), best first
    limit: int
    metrics: dict[str, float | int] = field(default_factory=dict)
    ambiguous: int = 0                          # suggestions marked too close to call
    backoff: int = 0                            # parents suggested instead of an unsure leaf

    def as_json(self) -> dict:
        return {"scheme": self.scheme, "limit": self.limit, "metrics": self.metrics,
                "ambiguous": self.ambiguous, "backoff": self.backoff}


def evaluate_suggester(suggester, sets: Sequence, *, limit: int = 5, batch_size: int = 256,
                       progress: Progress | None = None,
                       cancel: threading.Event | None = None) -> list[SchemeEvaluation]:
    """Score ``suggester`` on test ``TrainingSet``s (documents + gold labels), one result per scheme.

    Documents without gold codes are skipped (there is nothing to compare with; the count of
    skipped documents is in ``metrics["skipped"]``); a scheme the bundle does not know raises
    ``ValueError`` naming it.
    """
    total = sum(len(test.docs) for test in sets)
    done = 0
    results = []
    for test in sets:
        if test.scheme not in suggester.schemes:
            raise ValueError(f"the bundle has no model for scheme {test.scheme!r} "
                             f"(it has: {', '.join(suggester.schemes)})")
        pairs = [(doc, list(gold)) for doc, gold in zip(test.docs, test.labels) if gold]
        evaluation = SchemeEvaluation(scheme=test.scheme, doc_ids=[], gold=[], predicted=[], limit=limit)
        for start in range(0, len(pairs), batch_size):
            if cancel is not None and cancel.is_set():
                raise EvaluationCancelled()
            batch = pairs[start:start + batch_size]
            suggested = suggester.suggest_batch([doc for doc, _ in batch], test.scheme, limit=limit,
                                                with_reasons=False)  # reasons do not change the ranking
            for (doc, gold), suggestions in zip(batch, suggested):
                evaluation.doc_ids.append(doc.id or str(len(evaluation.doc_ids) + 1))
                evaluation.gold.append(gold)
                evaluation.predicted.append([(s.code, float(s.confidence)) for s in suggestions])
                evaluation.ambiguous += sum(bool(s.ambiguous) for s in suggestions)
                evaluation.backoff += sum(bool(s.backoff) for s in suggestions)
            done += len(batch)
            if progress is not None:
                progress(done, total, test.scheme)
        if evaluation.gold:
            evaluation.metrics = evaluate(evaluation.gold, evaluation.predicted, limit=limit)
        else:
            evaluation.metrics = {"docs": 0}
        evaluation.metrics["skipped"] = len(test.docs) - len(pairs)
        done += len(test.docs) - len(pairs)
        results.append(evaluation)
    return results
