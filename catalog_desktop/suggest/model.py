"""One scheme's trained model: text vectors, backends, ensemble weights, calibration, hierarchy.

``SchemeModel.rank`` turns texts into ranked, calibrated ``Suggestion``s: combined backend
scores plus the hints, rejected codes dropped, and for single-label schemes the hierarchy
back-off (a parent when the leaf is uncertain) and the ambiguity mark. ``files``/``load``
move it to and from plain bundle files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from .backends import Backend, QueryData, backend_class
from .backends.base import csr_from_arrays, csr_to_arrays
from .bundle import load_npz
from .calibration import Calibration, calibration_input
from .reasons import Reasons
from .types import Suggestion
from .vectors import TextVectors

SETTINGS_DEFAULTS: dict[str, Any] = {
    "hint_weight": 1.0,          # a hint of weight 1 adds this to the combined score
    "ambiguity_margin": 0.1,     # second best this close in confidence ...
    "ambiguity_odds": 1.5,       # ... or the best less than this many times as likely: too close to call
    "backoff_below": 0.5,        # leaf confidence under which a parent may be suggested
    "backoff_gain": 0.15,        # ...if the parent is at least this much more certain
}
# Candidates each weighted backend gives per text when suggesting: the combined best 20 are
# (nearly always) among them, and only these are summed, sorted and calibrated.
CANDIDATES = 200


class SchemeModel:
    def __init__(self, scheme: str, labels: list[str], vectors: TextVectors, backends: list[Backend],
                 weights: list[float], scales: list[float], *, multi_label: bool = True,
                 label_texts: Mapping[str, str] | None = None, ancestors: Mapping[str, list[str]] | None = None,
                 reasons: Reasons, calibration: Calibration | None = None,
                 parent_calibration: Calibration | None = None, settings: dict[str, Any] | None = None) -> None:
        self.scheme = scheme
        self.labels = labels
        self.index = {code: i for i, code in enumerate(labels)}
        self.vectors = vectors
        self.backends = backends
        self.weights = weights
        self.scales = scales
        self.multi_label = multi_label
        self.label_texts = dict(label_texts or {})
        self.ancestors = {c: list(p) for c, p in (ancestors or {}).items() if p}
        self.reasons = reasons
        self.calibration = calibration or Calibration()
        self.parent_calibration = parent_calibration or Calibration()
        self.settings = {**SETTINGS_DEFAULTS, **(settings or {})}
        self.children: dict[str, list[int]] = {}
        for code, parents in self.ancestors.items():
            if code in self.index:
                for parent in parents:
                    self.children.setdefault(parent, []).append(self.index[code])

    # --- scores -----------------------------------------------------------------------------
    def backend_scores(self, texts: Sequence[str], X: sp.csr_matrix | None = None, near=None) -> list[np.ndarray]:
        X = self.vectors.transform(list(texts)) if X is None else X
        if near is None and any(b.name == "knn" for b in self.backends):
            near = self.reasons.nearest(X)
        query = QueryData(list(texts), X, near)
        return [b.suggest_batch(query) for b in self.backends]

    # --- suggestions ------------------------------------------------------------------------
    def candidates(self, texts: Sequence[str], X: sp.csr_matrix, near: sp.csr_matrix | None,
                   hints: Sequence[Mapping[str, float]] | None, top: int) -> sp.csr_matrix:
        """The combined scores of each text's candidates, sparse: every backend with a weight
        gives at least its ``top`` best codes (the kNN and label-match backends give all
        theirs), then the hints are added. Nothing of the size texts x labels is built."""
        query = QueryData(list(texts), X, near)
        rows, cols, vals = [], [], []
        for backend, weight, scale in zip(self.backends, self.weights, self.scales):
            if weight:
                part = sp.coo_matrix(backend.suggest_sparse(query, top))
                rows.append(part.row)
                cols.append(part.col)
                vals.append(part.data * np.float32(weight * scale))
        for row, doc_hints in enumerate(hints or []):
            for code, strength in (doc_hints or {}).items():
                if code in self.index:
                    rows.append(np.array([row]))
                    cols.append(np.array([self.index[code]]))
                    vals.append(np.array([self.settings["hint_weight"] * strength], dtype=np.float32))
        shape = (len(texts), len(self.labels))
        if not rows:
            return sp.csr_matrix(shape, dtype=np.float32)
        # COO to CSR sums the entries a code got from several backends.
        return sp.csr_matrix((np.concatenate(vals).astype(np.float32), (np.concatenate(rows), np.concatenate(cols))),
                             shape=shape)

    def rank(self, texts: Sequence[str], hints: Sequence[Mapping[str, float]] | None = None, limit: int = 5,
             excludes: Sequence[Sequence[str]] | None = None, with_reasons: bool = True) -> list[list[Suggestion]]:
        texts = list(texts)
        if not texts:
            return []
        X = self.vectors.transform(texts)
        uses_near = any(b.name == "knn" and w for b, w in zip(self.backends, self.weights))
        near = self.reasons.nearest(X) if with_reasons or uses_near else None
        # Each row then only sorts a few of its best candidates.
        k = max(limit * 4, 20)
        scores = self.candidates(texts, X, near, hints, max(CANDIDATES, k))
        exclude_sets = [set((excludes[row] if excludes else ()) or ()) for row in range(len(texts))]
        cols, vals, counts = self._best(scores, exclude_sets, k)
        # Calibrated once for the whole batch (rows padded with zeros, which calibration ignores).
        confidences = self.calibration(calibration_input(vals, self.multi_label)) if vals.size else vals
        results = []
        for row in range(len(texts)):
            n = int(counts[row])
            extra = {c: w for c, w in ((hints[row] if hints else None) or {}).items() if c not in self.index}
            why = self.reasons.for_row(X, near, row) if with_reasons else None
            results.append(self._rank_row(cols[row, :n], vals[row, :n], None if extra else confidences[row, :n],
                                          why, limit, exclude_sets[row], extra))
        return results

    def _best(self, scores: sp.csr_matrix, exclude_sets: list[set[str]], k: int):
        """Each row's ``k`` best positive candidates, best first (ties by column), for the whole
        batch at once: (columns, scores, how many) with rows padded by zeros."""
        scores = sp.csr_matrix(scores, copy=True)
        for row, exclude in enumerate(exclude_sets):
            if exclude:
                a, b = scores.indptr[row], scores.indptr[row + 1]
                dropped = np.isin(scores.indices[a:b], [self.index[c] for c in exclude if c in self.index])
                scores.data[a:b][dropped] = 0.0
        lengths = np.diff(scores.indptr)
        n, width = scores.shape[0], int(lengths.max(initial=0))
        padded = np.full((n, max(width, 1)), -np.inf, dtype=np.float32)
        padded_cols = np.zeros((n, max(width, 1)), dtype=np.int64)
        rows = np.repeat(np.arange(n), lengths)
        position = np.arange(scores.nnz) - np.repeat(scores.indptr[:-1], lengths)
        padded[rows, position] = np.where(scores.data > 0, scores.data, -np.inf)
        padded_cols[rows, position] = scores.indices
        if padded.shape[1] > k:
            top = np.argpartition(-padded, k - 1, axis=1)[:, :k]
            padded, padded_cols = np.take_along_axis(padded, top, axis=1), np.take_along_axis(padded_cols, top, axis=1)
        order = np.lexsort((padded_cols, -padded), axis=-1)
        vals = np.take_along_axis(padded, order, axis=1)
        cols = np.take_along_axis(padded_cols, order, axis=1)
        valid = np.isfinite(vals)
        return cols, np.where(valid, vals, 0.0).astype(np.float32), valid.sum(axis=1)

    def _rank_row(self, cols, vals, confidences, why, limit, exclude, extra) -> list[Suggestion]:
        # A multi-label scheme shows the best ``limit`` as they are; a single-label one looks at
        # all candidates (ambiguity, the parents' summed confidence).
        take = min(len(cols), limit) if self.multi_label and not extra else len(cols)
        ranked = [(self.labels[i], float(v), [i]) for i, v in zip(cols[:take].tolist(), vals[:take].tolist())]
        # Hinted codes the model never saw in training still come up, on the hint alone.
        if extra:
            for code, strength in extra.items():
                if code not in exclude and strength > 0:
                    ranked.append((code, float(self.settings["hint_weight"] * strength), []))
            ranked.sort(key=lambda item: -item[1])
        if confidences is None:  # the hints' codes joined the ranking
            raw = np.array([s for _, s, _ in ranked])
            confidences = self.calibration(calibration_input(raw, self.multi_label)) if ranked else np.zeros(0)
        entries = [
            {"code": c, "score": s, "confidence": float(p), "columns": cols, "backoff": False, "ambiguous": False}
            for (c, s, cols), p in zip(ranked, confidences[:len(ranked)].tolist())
        ]
        if not self.multi_label and entries:
            self._mark_ambiguous(entries)
            parent = self._backoff(entries, exclude)
            if parent is not None:
                entries.insert(0, parent)
        entries = entries[:limit]
        labels = [self.label_texts.get(e["code"]) for e in entries]
        if why is not None:
            reasons = why.reasons_for([e["columns"] for e in entries], labels)
        else:
            reasons = [self.reasons.empty() for _ in entries]
        return [
            Suggestion(scheme=self.scheme, code=e["code"], label=label, confidence=round(e["confidence"], 4),
                       score=round(e["score"], 6), ambiguous=e["ambiguous"], backoff=e["backoff"], reason=reason)
            for e, label, reason in zip(entries, labels, reasons)
        ]

    def _mark_ambiguous(self, entries: list[dict]) -> None:
        sure = entries[0]["confidence"]
        close = [e for e in entries[1:]
                 if e["confidence"] > sure - self.settings["ambiguity_margin"]
                 or (e["confidence"] > 0 and sure < self.settings["ambiguity_odds"] * e["confidence"])]
        if close:
            entries[0]["ambiguous"] = True
            for e in close:
                e["ambiguous"] = True

    def parent_masses(self, entries: list[dict]) -> dict[str, float]:
        """Summed leaf confidence under each ancestor of the candidates (capped at 1)."""
        mass: dict[str, float] = {}
        for e in entries:
            for parent in self.ancestors.get(e["code"], []):
                mass[parent] = mass.get(parent, 0.0) + e["confidence"]
            if e["code"] in self.children:  # the parent itself was a training label
                mass[e["code"]] = mass.get(e["code"], 0.0) + e["confidence"]
        return {p: min(1.0, m) for p, m in mass.items()}

    def _backoff(self, entries: list[dict], exclude: set[str]) -> dict | None:
        leaf = entries[0]
        if leaf["confidence"] >= self.settings["backoff_below"] or not self.ancestors:
            return None
        masses = {p: m for p, m in self.parent_masses(entries).items() if p not in exclude and p != leaf["code"]}
        if not masses:
            return None
        # The deepest parent that is sure enough beats a shallow one that is trivially sure.
        confidence = {p: float(self.parent_calibration(np.array([m]))[0]) for p, m in masses.items()}
        wanted = leaf["confidence"] + self.settings["backoff_gain"]
        good = [p for p in self.ancestors.get(leaf["code"], []) if confidence.get(p, 0.0) >= wanted]
        if not good:
            return None
        parent = good[0]
        columns = self.children.get(parent, []) + ([self.index[parent]] if parent in self.index else [])
        return {"code": parent, "score": masses[parent], "confidence": confidence[parent], "columns": columns,
                "backoff": True, "ambiguous": False}

    # --- plain files ------------------------------------------------------------------------
    def files(self) -> dict[str, Any]:
        p = f"{self.scheme}/"
        vectors_meta, vectors_arrays = self.vectors.to_data()
        out: dict[str, Any] = {
            p + "model.json": {
                "scheme": self.scheme, "multi_label": self.multi_label, "labels": self.labels,
                "label_texts": self.label_texts, "ancestors": self.ancestors, "settings": self.settings,
                "backends": [
                    {"name": b.name, "params": b.params, "weight": w, "scale": s}
                    for b, w, s in zip(self.backends, self.weights, self.scales)
                ],
            },
            p + "vectors.json": vectors_meta,
            p + "vectors.npz": vectors_arrays,
            p + "training.npz": self.reasons.arrays(),
            p + "reasons.json": {"doc_ids": self.reasons.doc_ids},
            p + "calibration.npz": {**self.calibration.arrays("leaf"), **self.parent_calibration.arrays("parent")},
        }
        for backend in self.backends:
            out[p + f"{backend.name}.npz"] = backend.arrays()
        return out

    @classmethod
    def load(cls, folder: Path, scheme: str) -> "SchemeModel":
        import json

        base = Path(folder) / scheme
        meta = json.loads((base / "model.json").read_text(encoding="utf-8"))
        vectors = TextVectors.from_data(json.loads((base / "vectors.json").read_text(encoding="utf-8")), load_npz(base / "vectors.npz"))
        doc_ids = json.loads((base / "reasons.json").read_text(encoding="utf-8"))["doc_ids"]
        reasons = Reasons.from_arrays(load_npz(base / "training.npz"), doc_ids, vectors.n_word_features, vectors.words, vectors.word.idf_)
        context = {"reasons": reasons, "labels": meta["labels"], "label_texts": meta["label_texts"], "vectors": vectors}
        backends, weights, scales = [], [], []
        for entry in meta["backends"]:
            backends.append(backend_class(entry["name"]).from_arrays(entry["params"], load_npz(base / f"{entry['name']}.npz"), context))
            weights.append(float(entry["weight"]))
            scales.append(float(entry["scale"]))
        calibration = load_npz(base / "calibration.npz")
        return cls(
            scheme, meta["labels"], vectors, backends, weights, scales, multi_label=meta["multi_label"],
            label_texts=meta["label_texts"], ancestors=meta["ancestors"], reasons=reasons,
            calibration=Calibration.from_arrays("leaf", calibration),
            parent_calibration=Calibration.from_arrays("parent", calibration), settings=meta["settings"],
        )


__all__ = ["SchemeModel", "csr_from_arrays", "csr_to_arrays"]
