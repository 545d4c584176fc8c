"""Train a bundle from the catalogue and evaluate it on the records kept out: the trainer's
window does this in the background, as ``catalog train`` + ``catalog evaluate`` do in two steps.

    result = train_and_evaluate(cat, Path("models/nieuw"), holdout=0.1, progress=..., cancel=...)
    result.report      # the HTML evaluation report (compared with the active bundle when given)
    result.scores      # per scheme: F1@5, NDCG, ... (annif eval's definitions)

Nothing is written when ``cancel`` is set: training raises TrainingCancelled and leaves no
bundle, evaluating raises EvaluationCancelled. Making the new bundle the active one is the
caller's choice (a person's setting), not done here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

Progress = Callable[[int, int, str], None]

__all__ = ["TrainingResult", "train_and_evaluate"]


@dataclass(frozen=True)
class TrainingResult:
    bundle: Path
    manifest: dict
    report: Path | None  # None when nothing was held out to evaluate on
    scores: dict  # scheme -> metrics
    compared_with: str | None  # the version of the bundle it was compared with


def train_and_evaluate(catalogue, out: Path, *, holdout: float = 0.1, seed: int = 0, compare: Path | None = None,
                       language: str = "nl", progress: Progress | None = None,
                       cancel: threading.Event | None = None) -> TrainingResult:
    from catalog_desktop.suggest import Suggester, TrainingCancelled, train_bundle
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue
    from catalog_desktop.suggest.evaluation import evaluate_suggester
    from catalog_desktop.suggest.report import BundleEvaluation, write_report

    vocabs = catalogue.vocabularies()
    train, test = training_sets_from_catalogue(catalogue, vocabs, holdout=holdout, seed=seed,
                                               progress=progress, cancel=cancel)
    if cancel is not None and cancel.is_set():
        raise TrainingCancelled("cancelled while reading the catalogue; no bundle was written")
    train = [t for t in train if t.docs]
    if not train:
        raise ValueError("nothing to train on: no records with ZIZO, SISO or genre codes")
    out = Path(out)
    manifest = train_bundle(train, out, seed=seed, vocab_hash=vocabs.hash, progress=progress, cancel=cancel)
    test = [t for t in test if t.docs]
    if not test:
        return TrainingResult(out, manifest, None, {}, None)
    suggester = Suggester.load(out, expected_vocab_hash=vocabs.hash)
    current = evaluate_suggester(suggester, test, progress=progress, cancel=cancel)
    previous = before = None
    if compare is not None:
        previous = Suggester.load(compare)
        before = evaluate_suggester(previous, [t for t in test if t.scheme in previous.schemes],
                                    progress=progress, cancel=cancel)

    def label(scheme: str, code: str):
        try:
            return vocabs.scheme(scheme).label(code)
        except (KeyError, ValueError):
            return None

    # Beside the bundle, not in it: a bundle holds only the files its manifest lists.
    report = write_report(out.parent / f"{out.name}-evaluatie.html", BundleEvaluation(suggester.version, current),
                          BundleEvaluation(previous.version, before) if previous is not None else None,
                          labels=label, language=language, decisions=catalogue.decisions.all())
    return TrainingResult(out, manifest, report, {e.scheme: e.metrics for e in current},
                          previous.version if previous is not None else None)
