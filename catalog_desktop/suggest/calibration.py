"""Calibrated confidence: a monotone map from an ensemble score to the chance the code is right.

Fitted on predictions for held-out training documents (never the test data): isotonic
regression when there are enough of them, a logistic curve when there are few; so that of the
suggestions shown at 0.9 about 90% are right. Stored as the two arrays of a monotone table
and applied with ``numpy.interp``.
"""

from __future__ import annotations

import numpy as np


class Calibration:
    def __init__(self, x: np.ndarray | None = None, y: np.ndarray | None = None) -> None:
        # Without held-out data (tiny training sets) the score itself, clipped to 0..1, is used.
        self.x = np.asarray(x if x is not None else [0.0, 1.0], dtype=np.float64)
        self.y = np.asarray(y if y is not None else [0.0, 1.0], dtype=np.float64)

    @property
    def fitted(self) -> bool:
        return len(self.x) != 2 or not np.array_equal(self.x, self.y)

    @classmethod
    def fit(cls, scores: np.ndarray, correct: np.ndarray, min_samples: int = 20,
            isotonic_from: int = 2000) -> "Calibration":
        """Isotonic regression when there are enough held-out predictions; below
        ``isotonic_from`` a logistic curve (Platt scaling), which does not overfit a few dozen
        examples into steps of 0 and 1. Either way the result is a monotone table."""
        scores = np.asarray(scores, dtype=np.float64).ravel()
        correct = np.asarray(correct, dtype=np.float64).ravel()
        if len(scores) < min_samples or correct.min(initial=0) == correct.max(initial=0):
            return cls()
        if len(scores) < isotonic_from:
            from sklearn.linear_model import LogisticRegression

            platt = LogisticRegression(C=1.0).fit(scores[:, None], correct.astype(int))
            if platt.coef_[0, 0] <= 0:
                rate = float(correct.mean())
                return cls(np.array([0.0, 1.0]), np.array([rate, rate]))
            grid = np.linspace(0.0, max(float(scores.max()) * 4.0, 1e-6), 201)
            return cls(grid, platt.predict_proba(grid[:, None])[:, 1])
        from sklearn.isotonic import IsotonicRegression

        iso = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip")
        iso.fit(scores, correct)
        return cls(iso.X_thresholds_, iso.y_thresholds_)

    def __call__(self, scores: np.ndarray) -> np.ndarray:
        return np.interp(np.asarray(scores, dtype=np.float64), self.x, self.y)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}_x": self.x, f"{prefix}_y": self.y}

    @classmethod
    def from_arrays(cls, prefix: str, arrays: dict[str, np.ndarray]) -> "Calibration":
        return cls(arrays[f"{prefix}_x"], arrays[f"{prefix}_y"])


def calibration_input(ranked_scores: np.ndarray, multi_label: bool) -> np.ndarray:
    """What the calibration maps, for rows of scores sorted best first.

    Multi-label schemes: the score itself (several codes can be right at once). Single-label
    schemes: the score's share of the ten best, since what makes a leaf likely there is
    how much it stands out from its rivals, not how high the scores run for that text."""
    ranked_scores = np.asarray(ranked_scores, dtype=np.float64)
    if multi_label:
        return ranked_scores
    positive = np.maximum(ranked_scores, 0.0)
    total = positive[..., :10].sum(axis=-1, keepdims=True)
    return np.divide(positive, total, out=np.zeros_like(positive), where=total > 0)


def reliability(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[dict]:
    """Per confidence bin: how many suggestions, their mean confidence and how many were right."""
    confidence = np.asarray(confidence, dtype=np.float64)
    correct = np.asarray(correct, dtype=np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    table = []
    for b in range(bins):
        sel = which == b
        if sel.any():
            table.append({"from": float(edges[b]), "to": float(edges[b + 1]), "count": int(sel.sum()),
                          "confidence": float(confidence[sel].mean()), "accuracy": float(correct[sel].mean())})
    return table
