"""The trainer's other sources: a MARC export and an Annif-style corpus, trained and evaluated
as :func:`catalogue_training.train_and_evaluate` does for the catalogue.

    result = train_from_export(catalogue, [Path("vlacc.mrc")], Path("models/nieuw"), holdout=0.1)
    result = train_from_corpus(Path("train.tsv"), Path("models/nieuw"), vocabulary=Path("vocab.tsv"))

An export is read with the core's readers (ISO 2709, MARCXML, … recognised by content) and the
catalogue's field profile into a throwaway working catalogue in a temporary folder, never into
the catalogue itself: the training sets then come from the same code as the catalogue's own
(:func:`catalogue_data.training_sets_from_catalogue`, with the other editions and the authors'
other records as hints), and the catalogue's vocabularies label and check the codes, so the
bundle can be the catalogue's active one. Records that cannot be read are counted in the
result's notes with their reasons; nothing is dropped silently.

A corpus is ``text<TAB><uri> <uri>…`` with its vocabulary ``<uri><TAB>label`` (the reader of
``catalog train --corpus``). Without a vocabulary file, a corpus of ZIZO, SISO or genre codes
is labelled by the catalogue's lists and its bundle can become the active one; with one, the
bundle is made for that vocabulary, and ``not_for_catalogue`` says why it cannot.

Each source is first read into a :class:`SourceData` (:func:`export_source`,
:func:`corpus_source`, :func:`catalogue_training.catalogue_source`); a bundle is trained from
it, or an embedding model is fine-tuned on its training share (:func:`finetune_from_source`).
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Callable, Sequence

from catalog_desktop.suggest.catalogue_training import (
    SourceData,
    TrainingResult,
    phase,
    train_evaluate_report,
    vocabulary_labeller,
)

__all__ = ["corpus_source", "export_source", "finetune_from_source", "train_from_corpus", "train_from_export"]

Progress = Callable[[int, int, str], None]
SHOWN_REASONS = 5  # unreadable records named in the notes; the count covers them all

TEXT = {
    "nl": {
        "unread": "{n} record(s) uit de export konden niet gelezen worden en zijn niet gebruikt",
        "file": "{path}: {error}",
        "nothing": "niets om op te trainen: geen records met ZIZO-, SISO- of genrecodes in {files}",
        "unknown_gold": "{n} code(s) van achtergehouden documenten staan niet in {vocab} en tellen niet mee "
                        "in de evaluatie (zoals annif eval)",
        "own_vocab": "Dit model is gemaakt voor de woordenlijst {vocab}, niet voor de ZIZO-, SISO- en "
                     "genrelijsten van deze catalogus: het kan niet het actieve model worden. Gebruik het met "
                     "catalog evaluate / catalog suggest --bundle.",
    },
    "en": {
        "unread": "{n} record(s) in the export could not be read and were not used",
        "file": "{path}: {error}",
        "nothing": "nothing to train on: no records with ZIZO, SISO or genre codes in {files}",
        "unknown_gold": "{n} code(s) of held-out documents are not in {vocab} and do not count in the "
                        "evaluation (as annif eval)",
        "own_vocab": "This bundle is made for the vocabulary {vocab}, not for this catalogue's ZIZO, SISO and "
                     "genre lists: it cannot become the active bundle. Use it with catalog evaluate / "
                     "catalog suggest --bundle.",
    },
}


def _text(language: str) -> dict[str, str]:
    return TEXT.get(language, TEXT["en"])


def _cancelled(cancel: threading.Event | None) -> bool:
    return cancel is not None and cancel.is_set()


def train_from_export(catalogue, exports: Sequence[Path], out: Path, *, holdout: float = 0.1, seed: int = 0,
                      compare: Path | None = None, language: str = "nl", embedding_model: Path | None = None,
                      progress: Progress | None = None, cancel: threading.Event | None = None) -> TrainingResult:
    """Train from MARC export files (or folders), evaluate on the share ``holdout`` kept out."""
    data = export_source(catalogue, exports, holdout=holdout, seed=seed, language=language, progress=progress,
                         cancel=cancel)
    return train_evaluate_report(data, out, seed=seed, compare=compare, language=language,
                                 embedding_model=embedding_model, progress=progress, cancel=cancel)


def export_source(catalogue, exports: Sequence[Path], *, holdout: float = 0.1, seed: int = 0, language: str = "nl",
                  progress: Progress | None = None, cancel: threading.Event | None = None) -> SourceData:
    """MARC export files (or folders) read into a throwaway catalogue, ``holdout`` kept out."""
    from catalog_desktop.catalogue import Catalogue
    from catalog_desktop.suggest import TrainingCancelled
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue

    t = _text(language)
    vocabs = catalogue.vocabularies()
    profile = catalogue.settings.get("profile")
    with tempfile.TemporaryDirectory(prefix="catalog-training-") as folder:
        with Catalogue.open(Path(folder) / "export.sqlite") as working:
            working.settings.set("profile", profile)
            summary = working.import_files(list(exports), profile=profile,
                                           progress=phase(progress, "import", language), cancel=cancel)
            if summary.cancelled or _cancelled(cancel):
                raise TrainingCancelled("cancelled while reading the export; nothing was written")
            notes = [t["file"].format(path=f.path, error=f.error) for f in summary.errors]
            if summary.quarantined:
                reasons = [f"{Path(q.source_file).name} #{q.position}: {q.reason_message}"
                           for q in working.quarantine.list(limit=SHOWN_REASONS)]
                notes.append(t["unread"].format(n=summary.quarantined) + ": " + "; ".join(reasons)
                             + (" …" if summary.quarantined > SHOWN_REASONS else ""))
            train, test = training_sets_from_catalogue(working, vocabs, holdout=holdout, seed=seed,
                                                       progress=phase(progress, "read", language), cancel=cancel)
    if _cancelled(cancel):
        raise TrainingCancelled("cancelled while reading the export; nothing was written")
    train = [s for s in train if s.docs]
    if not train:
        raise ValueError(t["nothing"].format(files=", ".join(str(p) for p in exports))
                         + "".join(f"; {note}" for note in notes))
    return SourceData(train, test, vocabs.hash, vocabulary_labeller(vocabs), tuple(notes))


def train_from_corpus(corpus: Path, out: Path, *, vocabulary: Path | None = None, scheme: str = "subjects",
                      lines=None, holdout: float = 0.1, seed: int = 0, vocabs=None, compare: Path | None = None,
                      language: str = "nl", embedding_model: Path | None = None, progress: Progress | None = None,
                      cancel: threading.Event | None = None) -> TrainingResult:
    """Train from an Annif TSV corpus (optionally a :class:`LineRange` of it), evaluate on ``holdout``.

    ``vocabs`` are the catalogue's vocabularies: they label a ZIZO, SISO or genre corpus that
    comes without a vocabulary file.
    """
    data = corpus_source(corpus, vocabulary=vocabulary, scheme=scheme, lines=lines, holdout=holdout, seed=seed,
                         vocabs=vocabs, language=language, progress=progress, cancel=cancel)
    return train_evaluate_report(data, out, seed=seed, compare=compare, language=language,
                                 embedding_model=embedding_model, progress=progress, cancel=cancel)


def corpus_source(corpus: Path, *, vocabulary: Path | None = None, scheme: str = "subjects", lines=None,
                  holdout: float = 0.1, seed: int = 0, vocabs=None, language: str = "nl",
                  progress: Progress | None = None, cancel: threading.Event | None = None) -> SourceData:
    """An Annif TSV corpus (optionally a :class:`LineRange` of it) and its vocabulary, ``holdout`` kept out."""
    from catalog_desktop.suggest import TrainingCancelled
    from catalog_desktop.suggest.catalogue_data import MULTI_LABEL
    from catalog_desktop.suggest.corpus import (
        CorpusDocument,
        CorpusError,
        random_split,
        read_corpus,
        read_vocabulary,
        training_set,
        vocabulary_hash,
    )
    from catalog_desktop.suggest.features import PREDICTED

    t = _text(language)
    own = read_vocabulary(vocabulary) if vocabulary is not None else None
    if own is None and vocabs is not None and scheme in PREDICTED:
        lists = vocabs.scheme(scheme)
        labels_text, parents, vocab_hash, labels = lists.labels(), lists.parents, vocabs.hash, vocabulary_labeller(vocabs)
        not_for_catalogue = None
    else:
        labels_text, parents = own, None
        vocab_hash = vocabulary_hash(own) if own is not None else ""
        labels = (lambda _scheme, code: own.get(code)) if own is not None else None
        not_for_catalogue = t["own_vocab"].format(vocab=vocabulary if vocabulary is not None else corpus)

    reading = phase(progress, "corpus", language)
    documents = []
    for document in read_corpus(corpus, lines):
        if _cancelled(cancel):
            raise TrainingCancelled("cancelled while reading the corpus; nothing was written")
        documents.append(document)
        if reading is not None and len(documents) % 1000 == 0:
            reading(len(documents), 0)
    if not documents:
        raise CorpusError(f"{corpus}: no documents")
    train_docs, test_docs = random_split(documents, holdout, seed)
    notes = []
    if own is not None:  # gold codes outside the vocabulary cannot be suggested: left out, as annif eval does
        unknown = sum(code not in own for d in test_docs for code in d.codes)
        test_docs = [CorpusDocument(d.text, tuple(c for c in d.codes if c in own), d.line) for d in test_docs]
        if unknown:
            notes.append(t["unknown_gold"].format(n=unknown, vocab=vocabulary))
    sets = []
    for docs in (train_docs, test_docs):
        ts = training_set(docs, labels_text, scheme=scheme, parents=parents)
        ts.multi_label = MULTI_LABEL.get(scheme, True)
        sets.append(ts)
    train, test = sets
    if not train.docs:
        raise CorpusError(f"{corpus}: no documents left to train on after keeping {holdout:.0%} out")
    return SourceData([train], [test], vocab_hash, labels, tuple(notes), not_for_catalogue)


def finetune_from_source(data: SourceData, base: Path, out: Path, *, epochs: int = 1, seed: int = 0,
                         threads: int | None = None, language: str = "nl", progress: Progress | None = None,
                         cancel: threading.Event | None = None) -> dict:
    """Fine-tune the sentence-transformers folder ``base`` on a source's training sets into the
    new folder ``out`` (see :func:`finetune.finetune_embedding`); returns its note. Only the
    training share: the records kept out stay unseen, so a bundle trained with the new model
    and evaluated on them is not flattered."""
    from catalog_desktop.suggest.finetune import finetune_embedding

    return finetune_embedding(base, out, [t for t in data.train if t.docs], epochs=epochs, seed=seed,
                              threads=threads, progress=phase(progress, "finetune", language), cancel=cancel)
