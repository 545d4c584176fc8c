"""Train a bundle from the catalogue and evaluate it on the records kept out: the trainer's
window does this in the background, as ``catalog train`` + ``catalog evaluate`` do in two steps.

    result = train_and_evaluate(cat, Path("models/nieuw"), holdout=0.1, progress=..., cancel=...)
    result.report      # the HTML evaluation report (compared with the active bundle when given)
    result.scores      # per scheme: F1@5, NDCG, ... (annif eval's definitions)

Nothing is written when ``cancel`` is set: training raises TrainingCancelled and leaves no
bundle, evaluating raises EvaluationCancelled. Making the new bundle the active one is the
caller's choice (a person's setting), not done here. The other sources the trainer can train
from (a MARC export, an Annif corpus) are in :mod:`catalog_desktop.suggest.training_sources`;
all three end in :func:`train_evaluate_report`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

Progress = Callable[[int, int, str], None]
Labeller = Callable[[str, str], "str | None"]

__all__ = ["TrainingResult", "phase", "train_and_evaluate", "train_evaluate_report", "vocabulary_labeller"]

# What the trainer's window shows while the work runs, in its language (the engine's own
# progress messages are technical and English; the counts are kept).
PHASES = {
    "nl": {"read": "Records lezen", "import": "Export lezen", "corpus": "Corpus lezen",
           "train": "Model trainen", "evaluate": "Evalueren op de achtergehouden records"},
    "en": {"read": "Reading records", "import": "Reading the export", "corpus": "Reading the corpus",
           "train": "Training the model", "evaluate": "Evaluating on the held-out records"},
}


@dataclass(frozen=True)
class TrainingResult:
    bundle: Path
    manifest: dict
    report: Path | None  # None when nothing was held out to evaluate on
    scores: dict  # scheme -> metrics
    compared_with: str | None  # the version of the bundle it was compared with
    notes: tuple[str, ...] = ()  # what a trainer should know: records that could not be read, ...
    not_for_catalogue: str | None = None  # why the bundle cannot be the catalogue's active one (None: it can)


def phase(progress: Progress | None, name: str, language: str = "nl") -> Progress | None:
    """``progress`` with the message replaced by the phase's name in ``language``."""
    if progress is None:
        return None
    message = PHASES.get(language, PHASES["en"])[name]
    return lambda done, total, _detail="": progress(done, total, message)


def vocabulary_labeller(vocabs) -> Labeller:
    def label(scheme: str, code: str):
        try:
            return vocabs.scheme(scheme).label(code)
        except (KeyError, ValueError):
            return None

    return label


def train_evaluate_report(train: list, test: list, out: Path, *, vocab_hash: str, labels: Labeller | None,
                          seed: int = 0, compare: Path | None = None, language: str = "nl",
                          decisions=None, notes: tuple[str, ...] = (), not_for_catalogue: str | None = None,
                          progress: Progress | None = None, cancel: threading.Event | None = None) -> TrainingResult:
    """Train on ``train``, evaluate on ``test`` (and ``compare`` on the schemes it knows), write the report."""
    from catalog_desktop.suggest import Suggester, train_bundle
    from catalog_desktop.suggest.evaluation import evaluate_suggester
    from catalog_desktop.suggest.report import BundleEvaluation, write_report

    out = Path(out)
    manifest = train_bundle(train, out, seed=seed, vocab_hash=vocab_hash, progress=phase(progress, "train", language),
                            cancel=cancel)
    test = [t for t in test if t.docs]
    if not test:
        return TrainingResult(out, manifest, None, {}, None, notes, not_for_catalogue)
    suggester = Suggester.load(out, expected_vocab_hash=vocab_hash)
    progress = phase(progress, "evaluate", language)
    current = evaluate_suggester(suggester, test, progress=progress, cancel=cancel)
    previous = before = None
    if compare is not None:
        candidate = Suggester.load(compare)
        shared = [t for t in test if t.scheme in candidate.schemes]
        if shared:  # a corpus of another vocabulary has nothing to compare the old bundle on
            previous = candidate
            before = evaluate_suggester(previous, shared, progress=progress, cancel=cancel)

    # Beside the bundle, not in it: a bundle holds only the files its manifest lists.
    report = write_report(out.parent / f"{out.name}-evaluatie.html", BundleEvaluation(suggester.version, current),
                          BundleEvaluation(previous.version, before) if previous is not None else None,
                          labels=labels, language=language, decisions=decisions)
    return TrainingResult(out, manifest, report, {e.scheme: e.metrics for e in current},
                          previous.version if previous is not None else None, notes, not_for_catalogue)


def train_and_evaluate(catalogue, out: Path, *, holdout: float = 0.1, seed: int = 0, compare: Path | None = None,
                       language: str = "nl", progress: Progress | None = None,
                       cancel: threading.Event | None = None) -> TrainingResult:
    from catalog_desktop.suggest import TrainingCancelled
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue

    vocabs = catalogue.vocabularies()
    train, test = training_sets_from_catalogue(catalogue, vocabs, holdout=holdout, seed=seed,
                                               progress=phase(progress, "read", language), cancel=cancel)
    if cancel is not None and cancel.is_set():
        raise TrainingCancelled("cancelled while reading the catalogue; no bundle was written")
    train = [t for t in train if t.docs]
    if not train:
        raise ValueError("nothing to train on: no records with ZIZO, SISO or genre codes")
    return train_evaluate_report(train, test, out, vocab_hash=vocabs.hash, labels=vocabulary_labeller(vocabs),
                                 seed=seed, compare=compare, language=language,
                                 decisions=catalogue.decisions.all(), progress=progress, cancel=cancel)
