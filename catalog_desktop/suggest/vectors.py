"""TF-IDF text vectors: word n-grams and character n-grams, one L2-normalised sparse row per text.

Words go through scikit-learn's ``TfidfVectorizer`` (its vocabulary also names the words that
weighed most for a suggestion, ``Reason.words``); character n-grams are hashed with numpy
(``chargrams``), which needs no vocabulary, keeps memory flat on large corpora and is several
times faster than building each n-gram as a string.
Everything is stored as plain data (the word vocabulary as a JSON list, idf weights as arrays)
and rebuilt from it, never pickled.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from .chargrams import HASHER, char_ngram_counts
from .tfidf_rows import normalise_rows, word_tfidf

DEFAULTS: dict[str, Any] = {
    "word_ngrams": [1, 2],
    "char_ngrams": [3, 5],
    "char_features": 2**18,   # hashed character n-gram columns (a power of two)
    "char_hasher": HASHER,
    "min_df": 2,
    "max_df": 0.5,
    "char_max_df": 0.02,      # character n-grams in more documents than this share are dropped
    "char_weight": 1.0,       # weight of the character part relative to the word part
    "max_words": 300_000,
}


class TextVectors:
    """Word + character TF-IDF; ``transform`` gives float32 CSR rows of unit length."""

    CHUNK = 5000    # texts whose character n-grams are counted at once

    def __init__(self, params: dict[str, Any] | None = None) -> None:
        self.params = {**DEFAULTS, **(params or {})}
        p = self.params
        self.word = TfidfVectorizer(
            analyzer="word", ngram_range=tuple(p["word_ngrams"]), min_df=p["min_df"], max_df=p["max_df"],
            sublinear_tf=True, dtype=np.float32, max_features=p["max_words"], token_pattern=r"(?u)\b\w\w+\b",
        )
        if p["char_hasher"] != HASHER:
            raise ValueError(f"character n-grams hashed with {p['char_hasher']!r}, this version hashes with {HASHER!r}: retrain")
        self.char = p["char_weight"] > 0
        self.char_idf = np.zeros(p["char_features"], dtype=np.float32)
        self.words = np.array([], dtype=object)
        self._analyze = None   # the word vectorizer's analyzer, built once for transform

    def fit_transform(self, texts: list[str]) -> sp.csr_matrix:
        try:
            words = self.word.fit_transform(texts)
        except ValueError:  # tiny training sets: no word in two documents
            self.word.set_params(min_df=1, max_df=1.0)
            words = self.word.fit_transform(texts)
        self.words = np.array(self.word.get_feature_names_out(), dtype=object)
        # Every word n-gram cut by min_df/max_df, kept only for introspection: often more than
        # the model itself (scikit-learn documents that it may be removed).
        if hasattr(self.word, "stop_words_"):
            delattr(self.word, "stop_words_")
        parts = [words]
        if self.char:
            self.char_idf = self._fit_char_idf(texts)
            parts.append(self._char_transform(texts))
        return self._join(parts)

    def _fit_char_idf(self, texts: list[str]) -> np.ndarray:
        """Smoothed idf of the character n-grams (as scikit-learn's ``TfidfTransformer``), 0 for
        those in fewer than ``min_df`` or more than ``char_max_df`` of the texts. Counted a chunk
        of texts at a time and not kept: the raw counts of a large corpus are several times the
        pruned vectors."""
        df = np.zeros(self.params["char_features"], dtype=np.int64)
        for start in range(0, len(texts), self.CHUNK):
            counts = self._char_counts(texts[start:start + self.CHUNK])
            df += np.bincount(counts.indices, minlength=counts.shape[1])
        if len(texts) >= 10:
            keep = (df >= self.params["min_df"]) & (df <= self.params["char_max_df"] * len(texts))
        else:
            keep = df > 0
        idf = np.full(df.shape, len(texts) + 1, dtype=np.float32) / (df.astype(np.float32) + 1.0)
        return np.where(keep, np.log(idf) + 1.0, 0.0).astype(np.float32)

    def _char_transform(self, texts: list[str]) -> sp.csr_matrix:
        parts = [self._char_part(self._char_counts(texts[start:start + self.CHUNK]))
                 for start in range(0, len(texts), self.CHUNK)]
        if not parts:
            return sp.csr_matrix((0, self.params["char_features"]), dtype=np.float32)
        return parts[0] if len(parts) == 1 else sp.vstack(parts, format="csr")

    def fit(self, texts: list[str]) -> "TextVectors":
        self.fit_transform(texts)
        return self

    @property
    def n_word_features(self) -> int:
        return len(self.word.vocabulary_)

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        if self._analyze is None:
            self._analyze = self.word.build_analyzer()
        parts = [word_tfidf(texts, self._analyze, self.word.vocabulary_, self.word.idf_)]
        if self.char:
            parts.append(self._char_transform(texts))
        return self._join(parts)

    def _char_counts(self, texts: list[str]) -> sp.csr_matrix:
        return char_ngram_counts(texts, tuple(self.params["char_ngrams"]), self.params["char_features"])

    def _char_part(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        counts = sp.csr_matrix(counts, dtype=np.float32)
        counts.data = (np.log(counts.data) + 1.0) * self.char_idf[counts.indices]
        counts.eliminate_zeros()
        counts = normalise_rows(counts)
        if self.params["char_weight"] != 1.0:
            counts.data *= np.float32(self.params["char_weight"])
        return counts

    @staticmethod
    def _join(parts: list[sp.csr_matrix]) -> sp.csr_matrix:
        matrix = sp.hstack(parts, format="csr", dtype=np.float32) if len(parts) > 1 else parts[0]
        return normalise_rows(sp.csr_matrix(matrix, dtype=np.float32))

    # --- plain data -------------------------------------------------------------------------
    def to_data(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """(JSON part, array part) that ``from_data`` turns back into the same vectorizer."""
        meta = {"params": self.params, "word_vocabulary": [str(w) for w in self.words]}
        arrays = {"word_idf": self.word.idf_.astype(np.float64)}
        if self.char:
            arrays["char_idf"] = self.char_idf
        return meta, arrays

    @classmethod
    def from_data(cls, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> "TextVectors":
        self = cls(meta["params"])
        terms, idf = meta["word_vocabulary"], arrays["word_idf"]
        if len(terms) != len(idf):
            raise ValueError(f"vocabulary of {len(terms)} words but {len(idf)} idf weights")
        self.word.vocabulary_ = {term: index for index, term in enumerate(terms)}
        self.word.idf_ = idf
        self.words = np.array(terms, dtype=object)
        if self.char:
            self.char_idf = arrays["char_idf"].astype(np.float32)
        return self
