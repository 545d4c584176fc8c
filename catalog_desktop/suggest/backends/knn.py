"""Nearest training documents (cosine over TF-IDF): each of the ``k`` nearest votes for its
labels with its similarity raised to ``power``; a rejection votes against the code.

The training vectors are shared with the reasons (``Reason.neighbours``), so this backend
stores nothing of its own: the scheme model hands it the training matrix.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from ..topk import top_product
from .base import NEAREST, Backend, QueryData, TrainData


def first_per_row(near: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """The first ``k`` entries of each row of a matrix whose rows are in rank order."""
    lengths = np.diff(near.indptr)
    if lengths.max(initial=0) <= k:
        return sp.csr_matrix(near, copy=True)
    position = np.arange(near.nnz) - np.repeat(near.indptr[:-1], lengths)
    keep = position < k
    rows = np.repeat(np.arange(near.shape[0]), lengths)[keep]
    return sp.csr_matrix((near.data[keep], (rows, near.indices[keep])), shape=near.shape)


class KnnBackend(Backend):
    name = "knn"
    default_params = {"k": 50, "power": 1.0, "negative_weight": 1.0}

    def _train(self, data: TrainData) -> None:
        # The training vectors are kept once, by the reasons; the model hands them to the
        # nearest-neighbour search (``QueryData.near``). The transpose is built here only if a
        # query comes without them.
        self.X, self._XT = data.X, None
        self.Y = sp.csr_matrix(data.Y, dtype=np.float32)
        self.N = sp.csr_matrix(data.N, dtype=np.float32)

    @property
    def XT(self) -> sp.csr_matrix:
        if self._XT is None:
            self._XT = sp.csr_matrix(self.X.T)
        return self._XT

    def _suggest_batch(self, query: QueryData) -> np.ndarray:
        k = int(self.params["k"])
        return self._suggest_sparse(query, 0).toarray()

    def _suggest_sparse(self, query: QueryData, top: int) -> sp.csr_matrix:
        k = int(self.params["k"])
        if query.near is not None and k <= NEAREST:
            near = first_per_row(query.near, k)
        else:
            near = top_product(query.X, self.XT, k)
        near.data = np.power(np.maximum(near.data, 0), self.params["power"]).astype(np.float32)
        scores = near @ self.Y  # the labels of k documents: all of them are kept
        if self.N.nnz:
            scores = scores - self.params["negative_weight"] * (near @ self.N)
        return sp.csr_matrix(scores)

    def _load(self, arrays, context) -> None:
        reasons = context["reasons"]  # the training vectors, kept once for both
        self.X, self._XT, self.Y, self.N = reasons.X, reasons.XT, reasons.Y, reasons.N


BACKEND = KnnBackend
