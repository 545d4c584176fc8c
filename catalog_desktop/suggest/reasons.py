"""Why a code is suggested: the nearest training documents that carry it, and the words of the
text that weighed most for it (the words it shares with those documents, weighted by TF-IDF).

Holds the training vectors and labels, which the kNN backend shares.
"""

from __future__ import annotations

import re

import numpy as np
import scipy.sparse as sp

from .backends.base import NEAREST, csr_from_arrays, csr_to_arrays
from .topk import top_product
from .types import Reason

SHOWN = 3            # neighbours and ...
WORDS = 5            # ... words given per suggestion


# Words that never explain a subject, in the languages of the catalogue and the corpora.
STOP_WORDS = frozenset("""
de het een en van in op te voor met aan door over bij uit als om tot naar is zijn was wordt worden
of dat die dit deze er niet ook maar nog dan hun haar hij zij ze we wij je u ik
the a an and of in on to for with at by from as into about is are was be been or that this these
those its it their not also than under between
""".split())


def _is_stop(term: str) -> bool:
    """A word, or a word pair that starts or ends with a stop word ("analyse van")."""
    parts = term.split()
    return parts[0] in STOP_WORDS or parts[-1] in STOP_WORDS


class Reasons:
    def __init__(self, X: sp.csr_matrix, Y: sp.csr_matrix, N: sp.csr_matrix, doc_ids: list[str],
                 n_word_features: int, words: np.ndarray, word_idf: np.ndarray | None = None) -> None:
        self.X = sp.csr_matrix(X, dtype=np.float32)
        self.XT = sp.csr_matrix(self.X.T)
        self.Y = sp.csr_matrix(Y, dtype=np.float32)
        self.N = sp.csr_matrix(N, dtype=np.float32)
        self.doc_ids = [str(d) for d in doc_ids]
        self.n_word = n_word_features
        self.words = words
        # Rare words explain best ("van", "de", "the" do not): weigh by idf once more, and in a
        # corpus of some size leave out the words of more than one document in ten.
        self.idf = np.asarray(word_idf, dtype=np.float32) if word_idf is not None else np.ones(len(words), dtype=np.float32)
        common = np.log(10.0) + 1.0 if self.X.shape[0] >= 1000 else 0.0
        self.telling = (self.idf >= common) & np.array([not _is_stop(str(w)) for w in words], dtype=bool)

    def nearest(self, X: sp.csr_matrix) -> sp.csr_matrix:
        """The ``NEAREST`` training documents of each query row: a CSR matrix (queries x
        training documents) whose rows hold the similarities best first."""
        return top_product(X, self.XT, NEAREST)

    def empty(self) -> Reason:
        return Reason([], [])

    def for_row(self, X: sp.csr_matrix, near: sp.csr_matrix, row: int) -> "RowReasons":
        """What the reasons of one query row share: its neighbours, their codes, its words."""
        return RowReasons(self, X, near, row)

    def arrays(self) -> dict[str, np.ndarray]:
        return {**csr_to_arrays("X", self.X), **csr_to_arrays("Y", self.Y), **csr_to_arrays("N", self.N)}

    @classmethod
    def from_arrays(cls, arrays, doc_ids, n_word_features, words, word_idf=None) -> "Reasons":
        return cls(csr_from_arrays("X", arrays), csr_from_arrays("Y", arrays), csr_from_arrays("N", arrays),
                   doc_ids, n_word_features, words, word_idf)


def gather_rows(matrix: sp.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The entries of some CSR rows at once: (position of the row in ``rows``, column, value)."""
    starts = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - starts
    owner = np.repeat(np.arange(len(rows)), lengths)
    where = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths) + np.repeat(starts, lengths)
    return owner, matrix.indices[where], matrix.data[where]


class RowReasons:
    """The reasons for the suggestions of one text, built from what they share: the text's
    nearest training documents (already found for the kNN scores), the codes those documents
    carry, and the weights those documents give the text's telling words. Each suggestion then
    costs a dictionary look-up and a small sum: numpy's set functions cost more than that on
    arrays of a few dozen entries."""

    def __init__(self, reasons: Reasons, X: sp.csr_matrix, near: sp.csr_matrix, row: int) -> None:
        self.reasons = reasons
        a, b = near.indptr[row], near.indptr[row + 1]
        self.rows, self.sims = near.indices[a:b], near.data[a:b]   # best first, all positive
        owner, codes, _ = gather_rows(reasons.Y, self.rows)
        self.carriers_of: dict[int, list[int]] = {}                 # label column -> neighbour positions
        for position, code in zip(owner.tolist(), codes.tolist()):
            self.carriers_of.setdefault(code, []).append(position)
        a, b = X.indptr[row], X.indptr[row + 1]
        cols, vals = X.indices[a:b], X.data[a:b]
        keep = cols < reasons.n_word
        cols, vals = cols[keep], vals[keep]
        keep = reasons.telling[cols]
        cols, vals = cols[keep], vals[keep] * reasons.idf[cols[keep]]
        order = np.argsort(cols)
        self.word_cols, self.word_vals = cols[order], vals[order]
        self._shared: np.ndarray | None = None

    def shared(self) -> np.ndarray:
        """Neighbours x the text's telling words: each neighbour's weight on each word."""
        if self._shared is None:
            cols = self.word_cols
            self._shared = np.zeros((len(self.rows), len(cols)), dtype=np.float32)
            if len(cols) and len(self.rows):
                owner, idx, dat = gather_rows(self.reasons.X, self.rows)
                where = np.searchsorted(cols, idx)
                hit = (where < len(cols)) & (cols[np.minimum(where, len(cols) - 1)] == idx)
                self._shared[owner[hit], where[hit]] = dat[hit]
        return self._shared

    def reason(self, columns: list[int], label_text: str | None) -> Reason:
        """Why the code of these label columns (a parent: its children's) is suggested."""
        if len(columns) == 1:
            carriers = self.carriers_of.get(columns[0], [])
        else:
            carriers = sorted({p for c in columns for p in self.carriers_of.get(c, ())})
        neighbours = [(self.reasons.doc_ids[r], round(s, 4))
                      for r, s in zip(self.rows[carriers[:SHOWN]].tolist(), self.sims[carriers[:SHOWN]].tolist())]
        return Reason(neighbours, self._words(carriers[:10], label_text))

    def _words(self, carriers: list[int], label_text: str | None) -> list[tuple[str, float]]:
        cols, vals, words = self.word_cols, self.word_vals, self.reasons.words
        if not len(cols):
            return []
        if carriers:
            weight = self.shared()[carriers].sum(axis=0) * vals   # the words the text shares with them
        elif label_text:
            label_words = set(re.findall(r"\w\w+", label_text.lower()))
            weight = np.array([v if words[c] in label_words else 0.0 for c, v in zip(cols.tolist(), vals.tolist())])
        else:
            return []
        best = np.argsort(-weight, kind="stable")[:WORDS]
        return [(str(words[cols[i]]), round(float(weight[i]), 4)) for i in best.tolist() if weight[i] > 0]
