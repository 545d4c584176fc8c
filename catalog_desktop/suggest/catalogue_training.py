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

__all__ = ["SourceData", "TrainingResult", "catalogue_source", "phase", "train_and_evaluate",
           "train_evaluate_report", "vocabulary_labeller"]

# What the trainer's window shows while the work runs, in its language (the engine's own
# progress messages are technical and English; the counts are kept).
PHASES = {
    "nl": {"read": "Records lezen", "import": "Export lezen", "corpus": "Corpus lezen",
           "train": "Model trainen", "evaluate": "Evalueren op de achtergehouden records",
           "finetune": "Embeddingmodel bijtrainen"},
    "en": {"read": "Reading records", "import": "Reading the export", "corpus": "Reading the corpus",
           "train": "Training the model", "evaluate": "Evaluating on the held-out records",
           "finetune": "Fine-tuning the embedding model"},
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


@dataclass(frozen=True)
class SourceData:
    """What one of the trainer's sources gives: the sets to train on and the ones kept out to
    evaluate on, how their codes are labelled, and what the trainer should know about them.
    Training a bundle and fine-tuning an embedding model both start from it."""

    train: list  # TrainingSet, each with documents
    test: list  # TrainingSet, the held-out share (may be empty)
    vocab_hash: str
    labels: Labeller | None
    notes: tuple[str, ...] = ()  # records that could not be read, ...
    not_for_catalogue: str | None = None  # why a bundle from it cannot be the catalogue's active one
    decisions: object = None  # the catalogers' decisions, for the report (catalogue source only)


def train_evaluate_report(data: SourceData, out: Path, *, seed: int = 0, compare: Path | None = None,
                          language: str = "nl", embedding_model: Path | None = None,
                          progress: Progress | None = None, cancel: threading.Event | None = None) -> TrainingResult:
    """Train on ``data.train``, evaluate on ``data.test`` (and ``compare`` on the schemes it
    knows), write the report. ``embedding_model`` (a sentence-transformers folder, e.g. one
    fine-tuned with :func:`finetune.finetune_embedding`) adds the embedding backend to the
    default ensemble."""
    from catalog_desktop.suggest import Suggester, train_bundle
    from catalog_desktop.suggest.evaluation import evaluate_suggester
    from catalog_desktop.suggest.report import BundleEvaluation, write_report
    from catalog_desktop.suggest.training import choose_backends

    out, notes, not_for_catalogue = Path(out), data.notes, data.not_for_catalogue
    backends = ",".join(choose_backends(None, data.train) + ["embedding"]) if embedding_model else None
    manifest = train_bundle(data.train, out, backends=backends, seed=seed, vocab_hash=data.vocab_hash,
                            embedding_model=embedding_model, progress=phase(progress, "train", language), cancel=cancel)
    test = [t for t in data.test if t.docs]
    if not test:
        return TrainingResult(out, manifest, None, {}, None, notes, not_for_catalogue)
    suggester = Suggester.load(out, expected_vocab_hash=data.vocab_hash)
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
                          labels=data.labels, language=language, decisions=data.decisions)
    return TrainingResult(out, manifest, report, {e.scheme: e.metrics for e in current},
                          previous.version if previous is not None else None, notes, not_for_catalogue)


def catalogue_source(catalogue, *, holdout: float = 0.1, seed: int = 0, language: str = "nl",
                     progress: Progress | None = None, cancel: threading.Event | None = None) -> SourceData:
    """The catalogue's records with codes (and the catalogers' decisions), ``holdout`` kept out."""
    from catalog_desktop.suggest import TrainingCancelled
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue

    vocabs = catalogue.vocabularies()
    train, test = training_sets_from_catalogue(catalogue, vocabs, holdout=holdout, seed=seed,
                                               progress=phase(progress, "read", language), cancel=cancel)
    if cancel is not None and cancel.is_set():
        raise TrainingCancelled("cancelled while reading the catalogue; nothing was written")
    train = [t for t in train if t.docs]
    if not train:
        raise ValueError("nothing to train on: no records with ZIZO, SISO or genre codes")
    return SourceData(train, test, vocabs.hash, vocabulary_labeller(vocabs), decisions=catalogue.decisions.all())


def train_and_evaluate(catalogue, out: Path, *, holdout: float = 0.1, seed: int = 0, compare: Path | None = None,
                       language: str = "nl", embedding_model: Path | None = None, progress: Progress | None = None,
                       cancel: threading.Event | None = None) -> TrainingResult:
    data = catalogue_source(catalogue, holdout=holdout, seed=seed, language=language, progress=progress, cancel=cancel)
    return train_evaluate_report(data, out, seed=seed, compare=compare, language=language,
                                 embedding_model=embedding_model, progress=progress, cancel=cancel)
