"""TF-IDF centroid per label (Rocchio; Annif's ``tfidf`` backend does the same).

A label's centroid is the sum of its documents' vectors minus, with ``negative_weight``, the
vectors of documents where a cataloger rejected it; the score is the cosine with the text.
Only the ``keep`` heaviest features of each centroid are kept, which bounds memory on label
spaces of tens of thousands of codes and hardly changes the ranking.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from ..topk import top_product
from .base import Backend, QueryData, TrainData, csr_from_arrays, csr_to_arrays


def top_per_row(matrix: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Keep the ``keep`` entries of largest magnitude in each row."""
    matrix = sp.csr_matrix(matrix)
    lengths = np.diff(matrix.indptr)
    if keep <= 0 or lengths.max(initial=0) <= keep:
        return matrix
    mask = np.ones(matrix.nnz, dtype=bool)
    for row in np.flatnonzero(lengths > keep):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        magnitude = np.abs(matrix.data[start:end])
        drop = np.argpartition(magnitude, -keep)[:-keep]
        mask[start + drop] = False
    matrix.data = np.where(mask, matrix.data, 0).astype(matrix.data.dtype)
    matrix.eliminate_zeros()
    return matrix


class CentroidBackend(Backend):
    name = "centroid"
    default_params = {"negative_weight": 1.0, "keep": 300}

    def _train(self, data: TrainData) -> None:
        centroids = (data.Y.T @ data.X).tocsr()
        if data.N.nnz:
            centroids = centroids - self.params["negative_weight"] * (data.N.T @ data.X).tocsr()
        centroids = top_per_row(centroids, int(self.params["keep"]))
        self._set(normalize(centroids).astype(np.float32).tocsr())

    def _set(self, centroids: sp.csr_matrix) -> None:
        self.centroids = centroids
        self.features_by_label = sp.csr_matrix(centroids.T)  # row per feature: the product stays CSR

    def _suggest_batch(self, query: QueryData) -> np.ndarray:
        return (query.X @ self.features_by_label).toarray()

    def _suggest_sparse(self, query: QueryData, top: int) -> sp.csr_matrix:
        return top_product(query.X, self.features_by_label, top)

    def _arrays(self) -> dict[str, np.ndarray]:
        return csr_to_arrays("centroids", self.centroids)

    def _load(self, arrays, context) -> None:
        self._set(csr_from_arrays("centroids", arrays))


BACKEND = CentroidBackend
