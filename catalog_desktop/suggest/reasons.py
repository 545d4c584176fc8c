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
        # The codes of each training document, as sets: "does neighbour j carry code c?" is asked often.
        self.codes_of = [frozenset(self.Y.indices[a:b].tolist()) for a, b in zip(self.Y.indptr[:-1], self.Y.indptr[1:])]

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

    def text_words(self, X: sp.csr_matrix, row: int) -> tuple[np.ndarray, np.ndarray]:
        """The telling words of one query row: (sorted word columns, weights)."""
        a, b = X.indptr[row], X.indptr[row + 1]
        cols, vals = X.indices[a:b], X.data[a:b]
        keep = cols < self.n_word
        cols, vals = cols[keep], vals[keep]
        keep = self.telling[cols]
        cols, vals = cols[keep], vals[keep] * self.idf[cols[keep]]
        order = np.argsort(cols)
        return cols[order], vals[order]

    def reason(self, words: tuple[np.ndarray, np.ndarray], near_row, columns: list[int], label_text: str | None) -> Reason:
        rows, sims = near_row
        wanted = set(columns)
        carriers: list[int] = []
        similarity: list[float] = []
        if wanted:
            for r, sim in zip(rows.tolist(), sims.tolist()):
                if sim > 0 and not wanted.isdisjoint(self.codes_of[r]):
                    carriers.append(r)
                    similarity.append(sim)
        neighbours = [(self.doc_ids[r], round(s, 4)) for r, s in zip(carriers[:SHOWN], similarity[:SHOWN])]
        return Reason(neighbours, self._words(words, carriers[:10], label_text))

    def _words(self, words: tuple[np.ndarray, np.ndarray], carriers: list[int], label_text: str | None) -> list[tuple[str, float]]:
        cols, vals = words
        if not len(cols):
            return []
        if carriers:
            # The carriers' weights on the text's words, gathered straight from the CSR arrays.
            spans = [(self.X.indptr[j], self.X.indptr[j + 1]) for j in carriers]
            idx = np.concatenate([self.X.indices[a:b] for a, b in spans])
            dat = np.concatenate([self.X.data[a:b] for a, b in spans])
            where = np.searchsorted(cols, idx)
            hit = (where < len(cols)) & (cols[np.minimum(where, len(cols) - 1)] == idx)
            shared = np.zeros(len(cols), dtype=np.float32)
            np.add.at(shared, where[hit], dat[hit])
            weight = shared * vals
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
