"""Weighted combination of backend scores, with weights chosen on held-out training documents.

Each backend's scores are first brought to a common scale (divided by its mean best score on
the held-out documents); the weights (and the weight of the hints, when the documents have
any) are then tuned by coordinate ascent on nDCG@5 over the union of each backend's best
candidates, which keeps the search cheap even with tens of thousands of labels.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

STEPS = (0.0, 0.25, 0.5, 0.7, 1.4, 2.0, 4.0)


def candidate_columns(matrices: list[np.ndarray], per_source: int = 40) -> np.ndarray:
    """Per row, the union of the ``per_source`` best columns of each matrix (padded with -1)."""
    n = matrices[0].shape[0]
    tops = []
    for m in matrices:
        k = min(per_source, m.shape[1])
        tops.append(np.argpartition(-m, k - 1, axis=1)[:, :k] if k < m.shape[1] else np.tile(np.arange(m.shape[1]), (n, 1)))
    joined = np.hstack(tops)
    rows = [np.unique(r) for r in joined]
    width = max(len(r) for r in rows)
    out = np.full((n, width), -1, dtype=np.int64)
    for i, r in enumerate(rows):
        out[i, : len(r)] = r
    return out


def gather(matrix: np.ndarray | sp.spmatrix, columns: np.ndarray) -> np.ndarray:
    valid = columns >= 0
    safe = np.where(valid, columns, 0)
    if sp.issparse(matrix):
        matrix = matrix.toarray()
    values = np.take_along_axis(np.asarray(matrix, dtype=np.float32), safe, axis=1)
    return np.where(valid, values, 0.0)


def ndcg_at(scores: np.ndarray, gold: np.ndarray, n_gold: np.ndarray, valid: np.ndarray, k: int = 5) -> float:
    """Mean nDCG@k of ranking each row's candidates by ``scores`` (``gold``: 1 where right)."""
    scores = np.where(valid & (scores > 0), scores, -np.inf)
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    hits = np.take_along_axis(gold, order, axis=1) * np.isfinite(np.take_along_axis(scores, order, axis=1))
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    dcg = (hits * discounts[: hits.shape[1]]).sum(axis=1)
    n_gold = np.asarray(n_gold).astype(np.int64)
    ideal = np.cumsum(discounts)[np.clip(np.minimum(n_gold, k) - 1, 0, k - 1)]
    ideal = np.where(n_gold > 0, ideal, 1.0)
    return float((dcg / ideal).mean())


def tune_weights(values: list[np.ndarray], gold: np.ndarray, n_gold: np.ndarray, valid: np.ndarray,
                 rounds: int = 3) -> tuple[list[float], float]:
    """Coordinate ascent on nDCG@5; returns (weights, best nDCG)."""
    weights = [1.0] * len(values)

    def quality(w: list[float]) -> float:
        if not any(w):
            return -1.0
        total = sum(wi * v for wi, v in zip(w, values) if wi)
        return ndcg_at(total, gold, n_gold, valid)

    best = quality(weights)
    for _ in range(rounds):
        improved = False
        for b in range(len(values)):
            base = weights[b] if weights[b] else 0.25
            for step in STEPS:
                trial = list(weights)
                trial[b] = round(base * step, 4)
                q = quality(trial)
                if q > best + 1e-5:
                    best, weights, improved = q, trial, True
        if not improved:
            break
    return weights, best


def scale_of(matrix: np.ndarray) -> float:
    """1 / mean best score: brings backends with different score ranges to one scale."""
    if matrix.size == 0:
        return 1.0
    best = matrix.max(axis=1)
    mean = float(best[best > 0].mean()) if (best > 0).any() else 0.0
    return 1.0 / mean if mean > 0 else 1.0
