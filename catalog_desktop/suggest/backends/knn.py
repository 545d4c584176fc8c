"""Nearest training documents (cosine over TF-IDF): each of the ``k`` nearest votes for its
labels with its similarity raised to ``power``; a rejection votes against the code.

The training vectors are shared with the reasons (``Reason.neighbours``), so this backend
stores nothing of its own: the scheme model hands it the training matrix.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from .base import NEAREST, Backend, QueryData, TrainData


def nearest(similarities: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """The ``k`` largest entries of each row of a sparse similarity matrix."""
    similarities = sp.csr_matrix(similarities)
    rows, cols, vals = [], [], []
    for row in range(similarities.shape[0]):
        start, end = similarities.indptr[row], similarities.indptr[row + 1]
        data = similarities.data[start:end]
        if len(data) > k:
            top = np.argpartition(data, -k)[-k:]
        else:
            top = np.arange(len(data))
        rows.append(np.full(len(top), row))
        cols.append(similarities.indices[start:end][top])
        vals.append(data[top])
    if not rows:
        return sp.csr_matrix(similarities.shape, dtype=np.float32)
    return sp.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=similarities.shape
    )


def _from_lists(lists, k: int, n_train: int) -> sp.csr_matrix:
    rows = np.concatenate([np.full(min(k, len(r)), i) for i, (r, _) in enumerate(lists)] or [np.zeros(0, int)])
    cols = np.concatenate([r[:k] for r, _ in lists] or [np.zeros(0, int)])
    vals = np.concatenate([s[:k] for _, s in lists] or [np.zeros(0, np.float32)])
    return sp.csr_matrix((vals.astype(np.float32), (rows, cols)), shape=(len(lists), n_train))


class KnnBackend(Backend):
    name = "knn"
    default_params = {"k": 50, "power": 1.0, "negative_weight": 1.0}

    def _train(self, data: TrainData) -> None:
        self._set(data.X, data.Y, data.N)

    def _set(self, X, Y, N) -> None:
        self.XT = sp.csr_matrix(X.T)
        self.Y = sp.csr_matrix(Y, dtype=np.float32)
        self.N = sp.csr_matrix(N, dtype=np.float32)

    def _suggest_batch(self, query: QueryData) -> np.ndarray:
        k = int(self.params["k"])
        if query.near is not None and k <= NEAREST:
            near = _from_lists(query.near, k, self.XT.shape[1])
        else:
            near = nearest(query.X @ self.XT, k)
        near.data = np.power(np.maximum(near.data, 0), self.params["power"]).astype(np.float32)
        scores = near @ self.Y
        if self.N.nnz:
            scores = scores - self.params["negative_weight"] * (near @ self.N)
        return sp.csr_matrix(scores).toarray()

    def _load(self, arrays, context) -> None:
        reasons = context["reasons"]  # the training vectors, kept once for both
        self.XT, self.Y, self.N = reasons.XT, reasons.Y, reasons.N


BACKEND = KnnBackend
