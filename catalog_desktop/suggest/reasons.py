"""Why a code is suggested: the nearest training documents that carry it, and the words of the
text that weighed most for it (the words it shares with those documents, weighted by TF-IDF).

Holds the training vectors and labels, which the kNN backend shares.
"""

from __future__ import annotations

import re

import numpy as np
import scipy.sparse as sp

from .backends.base import NEAREST, csr_from_arrays, csr_to_arrays
from .types import Reason

SHOWN = 3            # neighbours and ...
WORDS = 5            # ... words given per suggestion


class Reasons:
    def __init__(self, X: sp.csr_matrix, Y: sp.csr_matrix, N: sp.csr_matrix, doc_ids: list[str],
                 n_word_features: int, words: np.ndarray, word_idf: np.ndarray | None = None) -> None:
        self.X = sp.csr_matrix(X, dtype=np.float32)
        self.XT = sp.csr_matrix(self.X.T)
        self.Y = sp.csr_matrix(Y, dtype=np.float32)
        self.YC = sp.csc_matrix(self.Y)
        self.N = sp.csr_matrix(N, dtype=np.float32)
        self.doc_ids = [str(d) for d in doc_ids]
        self.n_word = n_word_features
        self.words = words
        # Rare words explain best ("van", "de", "the" do not): weigh by idf once more, and in a
        # corpus of some size leave out the words of more than one document in ten.
        self.idf = np.asarray(word_idf, dtype=np.float32) if word_idf is not None else np.ones(len(words), dtype=np.float32)
        common = np.log(10.0) + 1.0 if self.X.shape[0] >= 1000 else 0.0
        self.telling = self.idf >= common

    def nearest(self, X: sp.csr_matrix) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per query row: (training row numbers, similarities), best first."""
        sims = sp.csr_matrix(X @ self.XT)
        out = []
        for row in range(sims.shape[0]):
            start, end = sims.indptr[row], sims.indptr[row + 1]
            data, cols = sims.data[start:end], sims.indices[start:end]
            if len(data) > NEAREST:
                top = np.argpartition(-data, NEAREST - 1)[:NEAREST]
                data, cols = data[top], cols[top]
            order = np.argsort(-data, kind="stable")
            out.append((cols[order], data[order]))
        return out

    def empty(self) -> Reason:
        return Reason([], [])

    def reason(self, row: int, X: sp.csr_matrix, near, columns: list[int], label_text: str | None) -> Reason:
        rows, sims = near[row]
        carriers: list[int] = []
        similarity: list[float] = []
        if columns and len(rows):
            carried = np.zeros(len(rows), dtype=bool)
            for col in columns:
                start, end = self.YC.indptr[col], self.YC.indptr[col + 1]
                carried |= np.isin(rows, self.YC.indices[start:end])
            carriers = [int(r) for r in rows[carried]]
            similarity = [float(s) for s in sims[carried]]
        neighbours = [(self.doc_ids[r], round(s, 4)) for r, s in zip(carriers[:SHOWN], similarity[:SHOWN]) if s > 0]
        return Reason(neighbours, self._words(X[row], carriers[:10], label_text))

    def _words(self, x: sp.csr_matrix, carriers: list[int], label_text: str | None) -> list[tuple[str, float]]:
        x = sp.csr_matrix(x)
        mask = x.indices < self.n_word
        cols, vals = x.indices[mask], x.data[mask]
        keep = self.telling[cols]
        cols, vals = cols[keep], vals[keep] * self.idf[cols[keep]]
        if not len(cols):
            return []
        if carriers:
            weight = np.asarray(self.X[carriers][:, cols].sum(axis=0)).ravel() * vals
        elif label_text:
            label_words = set(re.findall(r"\w\w+", label_text.lower()))
            weight = np.array([v if self.words[c] in label_words else 0.0 for c, v in zip(cols, vals)])
        else:
            return []
        order = np.argsort(-weight, kind="stable")[:WORDS]
        return [(str(self.words[cols[i]]), round(float(weight[i]), 4)) for i in order if weight[i] > 0]

    def arrays(self) -> dict[str, np.ndarray]:
        return {**csr_to_arrays("X", self.X), **csr_to_arrays("Y", self.Y), **csr_to_arrays("N", self.N)}

    @classmethod
    def from_arrays(cls, arrays, doc_ids, n_word_features, words, word_idf=None) -> "Reasons":
        return cls(csr_from_arrays("X", arrays), csr_from_arrays("Y", arrays), csr_from_arrays("N", arrays),
                   doc_ids, n_word_features, words, word_idf)
