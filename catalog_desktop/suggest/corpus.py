"""Annif short-text corpora and vocabularies, read as streams; line-range and random splits.

Corpus: one document a line, ``text<TAB><uri> <uri> …`` (plain or ``.gz``, UTF-8). URIs may
carry angle brackets, which are removed. Vocabulary: ``<uri><TAB>label`` (Annif's TSV
vocabulary; a third column, the notation, is allowed and ignored; a URI repeated on a later
line keeps its first label).

Nothing is dropped silently: a line without a tab or without subjects raises
:class:`CorpusError` naming the file and line; blank lines are not documents and are skipped.
A document's ``id`` is its line number (1-based) as text, so reasons can point back to it.

Splits, as the benchmarks and ``catalog train``/``evaluate`` use them:
``LineRange.parse("1-50000")`` (lines 1 to 50,000), ``"600001-602000"``, ``"50000"``
(the first 50,000), and :func:`random_split` (a held-out share, reproducible from a seed).
"""

from __future__ import annotations

import gzip
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO


class CorpusError(ValueError):
    """A corpus or vocabulary file that cannot be read as such; the message names file and line."""


@dataclass(frozen=True)
class CorpusDocument:
    text: str
    codes: tuple[str, ...]
    line: int

    @property
    def id(self) -> str:
        return str(self.line)


@dataclass(frozen=True)
class LineRange:
    """Lines ``first`` to ``last`` inclusive, 1-based; ``last=None`` means to the end."""

    first: int = 1
    last: int | None = None

    @classmethod
    def parse(cls, text: str) -> LineRange:
        try:
            if "-" in text:
                first, _, last = text.partition("-")
                span = cls(int(first), int(last) if last.strip() else None)
            else:
                span = cls(1, int(text))
        except ValueError:
            raise CorpusError(f"not a line range: {text!r} (use N for the first N lines, or A-B)") from None
        if span.first < 1 or (span.last is not None and span.last < span.first):
            raise CorpusError(f"not a line range: {text!r} (lines count from 1, A <= B)")
        return span

    def __contains__(self, line: int) -> bool:
        return line >= self.first and (self.last is None or line <= self.last)


def open_text(path: str | Path) -> IO[str]:
    """Open a UTF-8 text file, gunzipping ``.gz``; a byte-order mark is ignored."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: no such file")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig")
    return open(path, encoding="utf-8-sig")


def clean_uri(uri: str) -> str:
    return uri[1:-1] if uri.startswith("<") and uri.endswith(">") else uri


def read_corpus(path: str | Path, lines: LineRange | None = None) -> Iterator[CorpusDocument]:
    """Stream the documents of an Annif TSV corpus, optionally only those in a line range."""
    with open_text(path) as stream:
        try:
            for number, line in enumerate(stream, start=1):
                if lines is not None:
                    if lines.last is not None and number > lines.last:
                        break
                    if number < lines.first:
                        continue
                if not line.strip():
                    continue
                text, tab, uris = line.rstrip("\r\n").partition("\t")
                codes = tuple(dict.fromkeys(clean_uri(uri) for uri in uris.split()))
                if not tab:
                    raise CorpusError(f"{path}, line {number}: no tab between the text and its subjects")
                if not codes:
                    raise CorpusError(f"{path}, line {number}: no subjects after the tab")
                yield CorpusDocument(text=text.strip(), codes=codes, line=number)
        except (UnicodeDecodeError, EOFError, gzip.BadGzipFile) as exc:
            raise CorpusError(f"{path}: not a UTF-8 text corpus ({exc})") from None


def read_vocabulary(path: str | Path) -> dict[str, str]:
    """An Annif TSV vocabulary as ``{uri: label}``, in file order."""
    vocabulary: dict[str, str] = {}
    with open_text(path) as stream:
        try:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                uri, tab, rest = line.rstrip("\r\n").partition("\t")
                if not tab or not uri.strip():
                    raise CorpusError(f"{path}, line {number}: expected <uri><TAB>label")
                # a repeated URI is an alternative label (Brinkman has a few in Cyrillic): keep the first
                vocabulary.setdefault(clean_uri(uri.strip()), rest.split("\t")[0].strip())
        except (UnicodeDecodeError, EOFError, gzip.BadGzipFile) as exc:
            raise CorpusError(f"{path}: not a UTF-8 vocabulary file ({exc})") from None
    return vocabulary


def random_split(documents: Iterable[CorpusDocument], holdout: float, seed: int = 0
                 ) -> tuple[list[CorpusDocument], list[CorpusDocument]]:
    """(train, test): each document goes to test with probability ``holdout``, from ``seed``.

    One pass over the stream; the same corpus, share and seed always give the same split.
    """
    if not 0.0 <= holdout < 1.0:
        raise CorpusError(f"held-out share must be at least 0 and below 1, not {holdout}")
    rng = random.Random(seed)
    train: list[CorpusDocument] = []
    test: list[CorpusDocument] = []
    for document in documents:
        (test if rng.random() < holdout else train).append(document)
    return train, test


def training_set(documents: Iterable[CorpusDocument], vocabulary: dict[str, str] | None = None,
                 scheme: str = "corpus", parents: Callable[[str], list[str]] | None = None):
    """The engine's ``TrainingSet`` for a corpus: multi-label, vocabulary labels as label text."""
    from catalog_desktop.suggest import Document, TrainingSet

    docs, labels = [], []
    for document in documents:
        docs.append(Document(text=document.text, id=document.id))
        labels.append(list(document.codes))
    return TrainingSet(scheme=scheme, docs=docs, labels=labels, multi_label=True,
                       parents=parents, labels_text=vocabulary)


def vocabulary_hash(vocabulary: dict[str, str]) -> str:
    """A stable sha256 over a corpus vocabulary's URIs and labels, for the bundle manifest."""
    import hashlib

    digest = hashlib.sha256()
    for uri, label in sorted(vocabulary.items()):
        digest.update(f"{uri}\t{label}\n".encode("utf-8"))
    return digest.hexdigest()


def corpus_set(path: str | Path, *, vocabulary: dict[str, str] | None = None, lines: LineRange | None = None,
               scheme: str = "subjects", known_only: bool = False):
    """A corpus file (or a line range of it) as one ``TrainingSet`` and the count of gold codes
    left out because ``known_only`` keeps only codes of ``vocabulary`` (as ``annif eval`` does)."""
    documents = list(read_corpus(path, lines))
    if not documents:
        raise CorpusError(f"{path}: no documents" + (f" in lines {lines.first}-{lines.last or ''}" if lines else ""))
    unknown = 0
    if known_only and vocabulary is not None:
        kept = []
        for document in documents:
            codes = tuple(code for code in document.codes if code in vocabulary)
            unknown += len(document.codes) - len(codes)
            kept.append(CorpusDocument(text=document.text, codes=codes, line=document.line))
        documents = kept
    return training_set(documents, vocabulary, scheme=scheme), unknown
