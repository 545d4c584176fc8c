"""The shape every suggestion backend has (after Annif's ``annif/backend/backend.py``).

A backend learns from ``TrainData`` and scores ``QueryData``: one row per document, one
column per label of the scheme. Its state is plain arrays (``arrays``/``from_arrays``) so a
bundle never holds a pickle. Public ``train``/``suggest_batch`` check and call the protected
``_train``/``_suggest_batch`` that each backend implements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import scipy.sparse as sp


NEAREST = 50  # nearest training documents the model finds per text (reasons, kNN)


@dataclass
class TrainData:
    """What the trainer prepares once per scheme and hands to every backend."""

    texts: list[str]
    X: sp.csr_matrix             # TF-IDF rows (unit length)
    Y: sp.csr_matrix             # documents x labels, 1 where the document carries the label
    N: sp.csr_matrix             # documents x labels, 1 where the label was rejected (negative)
    labels: list[str]
    labels_text: dict[str, str] = field(default_factory=dict)
    seed: int = 0
    embedding_model: str | None = None
    vectors: Any = None          # the fitted ``TextVectors`` (a backend may vectorise label texts)


@dataclass
class QueryData:
    texts: list[str]
    X: sp.csr_matrix
    # Nearest training documents per text, when the model already computed them for the
    # reasons: a CSR matrix (texts x training documents) holding each row's ``NEAREST`` best
    # similarities in rank order (``topk.top_product``); the kNN backend reuses it.
    near: sp.csr_matrix | None = None


class Backend:
    """Base class: ``name`` equals the module name; ``default_params`` are data."""

    name: ClassVar[str] = ""
    default_params: ClassVar[dict[str, Any]] = {}

    def __init__(self, params: dict[str, Any] | None = None) -> None:
        self.params = {**self.default_params, **(params or {})}
        self.n_labels = 0

    def train(self, data: TrainData) -> None:
        if data.X.shape[0] != data.Y.shape[0]:
            raise ValueError(f"{self.name}: {data.X.shape[0]} documents but {data.Y.shape[0]} label rows")
        self.n_labels = data.Y.shape[1]
        self._train(data)

    def suggest_batch(self, query: QueryData) -> np.ndarray:
        """Scores, float32 array (documents x labels); higher is better, 0 means no evidence."""
        if not query.texts:
            return np.zeros((0, self.n_labels), dtype=np.float32)
        scores = np.asarray(self._suggest_batch(query), dtype=np.float32)
        if scores.shape != (len(query.texts), self.n_labels):
            raise ValueError(f"{self.name}: scores of shape {scores.shape}")
        return scores

    def suggest_sparse(self, query: QueryData, top: int) -> sp.csr_matrix:
        """Scores as a sparse float32 matrix that holds at least each row's ``top`` best positive
        scores (what suggesting needs; ``suggest_batch`` gives every score, for training)."""
        if not query.texts:
            return sp.csr_matrix((0, self.n_labels), dtype=np.float32)
        scores = sp.csr_matrix(self._suggest_sparse(query, top), dtype=np.float32)
        if scores.shape != (len(query.texts), self.n_labels):
            raise ValueError(f"{self.name}: scores of shape {scores.shape}")
        return scores

    def arrays(self) -> dict[str, np.ndarray]:
        """The learned state as named arrays (stored in the bundle as ``<name>.npz``)."""
        return {"n_labels": np.array([self.n_labels]), **self._arrays()}

    @classmethod
    def from_arrays(cls, params: dict[str, Any], arrays: dict[str, np.ndarray], context: dict[str, Any]) -> "Backend":
        self = cls(params)
        self.n_labels = int(arrays["n_labels"][0])
        self._load(arrays, context)
        return self

    # --- what a backend implements ----------------------------------------------------------
    def _train(self, data: TrainData) -> None:
        raise NotImplementedError

    def _suggest_batch(self, query: QueryData) -> np.ndarray:
        raise NotImplementedError

    def _suggest_sparse(self, query: QueryData, top: int) -> sp.spmatrix:
        """By default the best ``top`` of the dense scores; sparse backends override it."""
        from ..topk import dense_top_per_row

        return dense_top_per_row(self.suggest_batch(query), top)

    def _arrays(self) -> dict[str, np.ndarray]:
        return {}

    def _load(self, arrays: dict[str, np.ndarray], context: dict[str, Any]) -> None:
        pass


def csr_to_arrays(prefix: str, matrix: sp.csr_matrix) -> dict[str, np.ndarray]:
    matrix = sp.csr_matrix(matrix)
    return {
        f"{prefix}_data": matrix.data, f"{prefix}_indices": matrix.indices,
        f"{prefix}_indptr": matrix.indptr, f"{prefix}_shape": np.array(matrix.shape, dtype=np.int64),
    }


def csr_from_arrays(prefix: str, arrays: dict[str, np.ndarray]) -> sp.csr_matrix:
    shape = tuple(int(v) for v in arrays[f"{prefix}_shape"])
    return sp.csr_matrix(
        (arrays[f"{prefix}_data"], arrays[f"{prefix}_indices"], arrays[f"{prefix}_indptr"]), shape=shape
    )
