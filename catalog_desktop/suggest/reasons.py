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
        # Where each training row's words end (its columns sorted: words, then character
        # n-grams): the reasons read only the words of the neighbours they show.
        self.X.sort_indices()
        seen = np.concatenate([[0], np.cumsum(self.X.indices < self.n_word, dtype=np.int64)])
        self.word_end = self.X.indptr[:-1] + (seen[self.X.indptr[1:]] - seen[self.X.indptr[:-1]])

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


def gather_rows(matrix: sp.csr_matrix, rows: np.ndarray, ends: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The entries of some CSR rows at once (each up to ``ends[row]`` when given): (position of
    the row in ``rows``, column, value)."""
    starts = matrix.indptr[rows]
    lengths = (matrix.indptr[rows + 1] if ends is None else ends[rows]) - starts
    owner = np.repeat(np.arange(len(rows)), lengths)
    where = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths) + np.repeat(starts, lengths)
    return owner, matrix.indices[where], matrix.data[where]


class RowReasons:
    """The reasons for the suggestions of one text, given together: they share the text's
    nearest training documents (already found for the kNN scores), the codes those documents
    carry and the text's telling words, and only the documents some reason shows are read."""

    def __init__(self, reasons: Reasons, X: sp.csr_matrix, near: sp.csr_matrix, row: int) -> None:
        self.reasons = reasons
        a, b = near.indptr[row], near.indptr[row + 1]
        self.rows, self.sims = near.indices[a:b], near.data[a:b]   # best first, all positive
        self.owner, self.codes, _ = gather_rows(reasons.Y, self.rows)   # neighbour position, label column
        a, b = X.indptr[row], X.indptr[row + 1]
        cols, vals = X.indices[a:b], X.data[a:b]
        keep = cols < reasons.n_word
        cols, vals = cols[keep], vals[keep]
        keep = reasons.telling[cols]
        cols, vals = cols[keep], vals[keep] * reasons.idf[cols[keep]]
        order = np.argsort(cols)
        self.word_cols, self.word_vals = cols[order], vals[order]

    def carriers(self, columns: list[int]) -> list[int]:
        """Positions (best first) of the neighbours carrying any of these label columns."""
        if len(columns) == 1:
            return self.owner[self.codes == columns[0]].tolist()
        return np.unique(self.owner[np.isin(self.codes, columns)]).tolist() if columns else []

    def reasons_for(self, columns: list[list[int]], label_texts: list[str | None]) -> list[Reason]:
        """One reason per suggestion: the label columns of its code (a parent: its children's)."""
        carriers = [self.carriers(c) for c in columns]
        read = sorted({p for found in carriers for p in found[:10]})
        shared = self._shared(read)
        at = {p: i for i, p in enumerate(read)}
        out = []
        for found, label_text in zip(carriers, label_texts):
            shown = found[:SHOWN]
            neighbours = [(self.reasons.doc_ids[r], round(s, 4))
                          for r, s in zip(self.rows[shown].tolist(), self.sims[shown].tolist())]
            weights = shared[[at[p] for p in found[:10]]].sum(axis=0) if found else None
            out.append(Reason(neighbours, self._words(weights, label_text)))
        return out

    def _shared(self, positions: list[int]) -> np.ndarray:
        """These neighbours x the text's telling words: each neighbour's weight on each word."""
        cols = self.word_cols
        shared = np.zeros((len(positions), len(cols)), dtype=np.float32)
        if len(cols) and positions:
            owner, idx, dat = gather_rows(self.reasons.X, self.rows[positions], self.reasons.word_end)
            where = np.searchsorted(cols, idx)
            hit = (where < len(cols)) & (cols[np.minimum(where, len(cols) - 1)] == idx)
            shared[owner[hit], where[hit]] = dat[hit]
        return shared

    def _words(self, shared: np.ndarray | None, label_text: str | None) -> list[tuple[str, float]]:
        """The words the text shares with the carriers, by weight; without carriers, the
        text's words found in the code's label."""
        cols, vals, words = self.word_cols, self.word_vals, self.reasons.words
        if not len(cols):
            return []
        if shared is not None:
            weight = shared * vals
        elif label_text:
            label_words = set(re.findall(r"\w\w+", label_text.lower()))
            weight = np.array([v if words[c] in label_words else 0.0 for c, v in zip(cols.tolist(), vals.tolist())])
        else:
            return []
        best = np.argsort(-weight, kind="stable")[:WORDS]
        return [(str(words[cols[i]]), round(float(weight[i]), 4)) for i in best.tolist() if weight[i] > 0]
