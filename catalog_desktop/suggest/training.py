"""Training a bundle: for each scheme, fit on most of the training data, choose the ensemble
weights and fit the calibration on a held-out tenth of it, then refit everything on all of it.

The held-out part is carved from the training documents with the seed: test data never
influences a choice. The same seed and data give the same bundle files, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import platform
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from .backends import TrainData, available_backends, backend_class
from .bundle import FORMAT_VERSION, write_bundle
from .calibration import Calibration, reliability
from .ensemble import candidate_columns, gather, ndcg_at, scale_of, tune_weights
from .model import SchemeModel
from .reasons import Reasons
from .types import TrainingSet
from .vectors import TextVectors

DEFAULT_BACKENDS = ("centroid", "knn")
HELD_OUT_SHARE = 0.1
HELD_OUT_MAX = 2000
MIN_FOR_HELD_OUT = 30
SCHEME_NAME = "abcdefghijklmnopqrstuvwxyz0123456789_-"

Progress = Callable[[int, int, str], None]


class TrainingCancelled(Exception):
    """Training stopped because the caller set ``cancel``; nothing was written."""


def choose_backends(backends: str | None, sets: list[TrainingSet]) -> list[str]:
    names = [n.strip() for n in backends.split(",") if n.strip()] if backends else list(DEFAULT_BACKENDS)
    for name in names:
        if name not in available_backends():
            raise ValueError(f"unknown backend {name!r}; choose from {', '.join(available_backends())}")
    return names


def training_hash(sets: list[TrainingSet]) -> str:
    digest = hashlib.sha256()
    for ts in sets:
        for i, doc in enumerate(ts.docs):
            entry = [ts.scheme, doc.id, doc.text, sorted(ts.labels[i]),
                     sorted(ts.negatives[i]) if ts.negatives else [], sorted(dict(doc.hints).items())]
            digest.update(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def label_matrix(rows: list[list[str]], index: dict[str, int]) -> sp.csr_matrix:
    r, c = [], []
    for i, codes in enumerate(rows):
        for code in dict.fromkeys(codes):
            if code in index:
                r.append(i)
                c.append(index[code])
    return sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(rows), len(index)))


def _library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for package in ("catalog-desktop", "numpy", "scipy", "scikit-learn"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "unknown"
    return versions


def _fit(ts: TrainingSet, rows: np.ndarray, labels: list[str], Y, N, names, seed, embedding_model):
    texts = [ts.docs[i].text for i in rows]
    vectors = TextVectors()
    X = vectors.fit_transform(texts)
    data = TrainData(texts, X, Y[rows], N[rows], labels, dict(ts.labels_text or {}), seed,
                     str(embedding_model) if embedding_model else None)
    backends = []
    for name in names:
        backend = backend_class(name)()
        backend.train(data)
        backends.append(backend)
    doc_ids = [ts.docs[i].id if ts.docs[i].id is not None else str(i + 1) for i in rows]
    reasons = Reasons(X, Y[rows], N[rows], doc_ids, vectors.n_word_features, vectors.words, vectors.word.idf_)
    return vectors, backends, reasons


def train_scheme(ts: TrainingSet, names: list[str], seed: int = 0, embedding_model: Path | None = None,
                 step: Callable[[str], None] = lambda message: None) -> tuple[SchemeModel, dict[str, Any]]:
    if not ts.scheme or any(ch not in SCHEME_NAME for ch in ts.scheme.lower()):
        raise ValueError(f"scheme name {ts.scheme!r}: use letters, digits, '_' or '-'")
    if not ts.docs:
        raise ValueError(f"scheme {ts.scheme}: no training documents")
    labels = sorted({code for codes in ts.labels for code in codes})
    if not labels:
        raise ValueError(f"scheme {ts.scheme}: the training documents carry no codes")
    index = {code: i for i, code in enumerate(labels)}
    Y = label_matrix(ts.labels, index)
    N = label_matrix(ts.negatives or [[] for _ in ts.docs], index)
    ancestors = {}
    if ts.parents is not None:
        ancestors = {code: list(ts.parents(code) or []) for code in labels}
    known = set(labels) | {p for ps in ancestors.values() for p in ps}
    label_texts = {c: t for c, t in (ts.labels_text or {}).items() if c in known}

    n = len(ts.docs)
    rng = np.random.default_rng(seed)
    labelled = np.flatnonzero(np.diff(Y.indptr) > 0)
    held = np.array([], dtype=np.int64)
    if len(labelled) >= MIN_FOR_HELD_OUT:
        size = min(HELD_OUT_MAX, max(10, int(round(HELD_OUT_SHARE * len(labelled)))))
        held = np.sort(rng.permutation(labelled)[:size])
    info: dict[str, Any] = {"documents": n, "labels": len(labels), "held_out": int(len(held)), "backends": names}
    weights, scales = [1.0] * len(names), [1.0] * len(names)
    settings: dict[str, Any] = {}
    calibration = parent_calibration = Calibration()
    if len(held):
        rest = np.setdiff1d(np.arange(n), held)
        step(f"{ts.scheme}: training on {len(rest)} documents, tuning on {len(held)} held out")
        vectors, backends, reasons = _fit(ts, rest, labels, Y, N, names, seed, embedding_model)
        probe = SchemeModel(ts.scheme, labels, vectors, backends, weights, scales, multi_label=ts.multi_label,
                            label_texts=label_texts, ancestors=ancestors, reasons=reasons)
        texts = [ts.docs[i].text for i in held]
        parts = probe.backend_scores(texts)
        scales = [scale_of(p) for p in parts]
        parts = [p * np.float32(s) for p, s in zip(parts, scales)]
        hints = [dict(ts.docs[i].hints) for i in held]
        gold_rows = Y[held]
        columns = candidate_columns(parts)
        values = [gather(p, columns) for p in parts]
        if any(hints):
            hint_matrix = np.zeros_like(parts[0])
            for r, h in enumerate(hints):
                for code, strength in h.items():
                    if code in index:
                        hint_matrix[r, index[code]] = strength
            columns = candidate_columns(parts + [hint_matrix])
            values = [gather(p, columns) for p in parts + [hint_matrix]]
        gold = gather(gold_rows, columns)
        n_gold = np.asarray(gold_rows.sum(axis=1)).ravel()
        tuned, _ = tune_weights(values, gold, n_gold, columns >= 0)
        weights = tuned[: len(parts)]
        settings["hint_weight"] = tuned[len(parts)] if any(hints) else float(sum(weights))
        probe.weights, probe.scales, probe.settings["hint_weight"] = weights, scales, settings["hint_weight"]
        total = probe.combine([p / np.float32(s) for p, s in zip(parts, scales)], hints)
        calibration, parent_calibration, report = _calibrate(probe, total, gold_rows, ts.labels, held)
        probe.calibration = calibration
        info["validation"] = report
        info["weights"] = dict(zip(names, weights))
    step(f"{ts.scheme}: training on all {n} documents")
    vectors, backends, reasons = _fit(ts, np.arange(n), labels, Y, N, names, seed, embedding_model)
    model = SchemeModel(ts.scheme, labels, vectors, backends, weights, scales, multi_label=ts.multi_label,
                        label_texts=label_texts, ancestors=ancestors, reasons=reasons, calibration=calibration,
                        parent_calibration=parent_calibration, settings=settings)
    if not len(held):
        model.scales = [scale_of(p) for p in model.backend_scores([d.text for d in ts.docs])]
    return model, info


def _calibrate(probe: SchemeModel, total: np.ndarray, gold_rows: sp.csr_matrix, all_labels, held):
    """Leaf calibration on the held-out candidates; parent calibration on their ancestors."""
    k = min(10, total.shape[1])
    top = np.argsort(-total, axis=1, kind="stable")[:, :k]
    top_scores = np.take_along_axis(total, top, axis=1)
    correct = np.asarray(gold_rows[np.arange(total.shape[0])[:, None], top].todense()) > 0
    valid = top_scores > 0
    calibration = Calibration.fit(top_scores[valid], correct[valid])
    gold = [all_labels[i] for i in held]
    n_gold = np.asarray(gold_rows.sum(axis=1)).ravel()
    # Figures on the held-out tenth of the training data (the weights were tuned on it too).
    report = {
        "ndcg@5": round(ndcg_at(top_scores, correct.astype(np.float32), n_gold, valid), 4),
        "precision@1": round(float((correct[:, 0] & valid[:, 0]).mean()), 4),
        "documents": int(total.shape[0]),
    }
    report["reliability"] = reliability(calibration(top_scores[valid]), correct[valid])
    parent_calibration = Calibration()
    if probe.ancestors and not probe.multi_label:
        masses, hits = [], []
        for r in range(total.shape[0]):
            conf = calibration(top_scores[r])
            entries = [{"code": probe.labels[j], "confidence": float(c)} for j, c, ok in zip(top[r], conf, valid[r]) if ok]
            truth = set(gold[r]) | {p for g in gold[r] for p in probe.ancestors.get(g, [])}
            for parent, mass in probe.parent_masses(entries).items():
                masses.append(mass)
                hits.append(parent in truth)
        parent_calibration = Calibration.fit(np.array(masses), np.array(hits))
    return calibration, parent_calibration, report


def train_bundle(sets: list[TrainingSet], out: Path, *, backends: str | None = None, seed: int = 0,
                 vocab_hash: str = "", embedding_model: Path | None = None,
                 progress: Progress | None = None, cancel: threading.Event | None = None) -> dict:
    """Train one model per training set and write them as one bundle; returns the manifest."""
    if not sets:
        raise ValueError("no training sets given")
    names = choose_backends(backends, sets)
    schemes = [ts.scheme for ts in sets]
    if len(set(schemes)) != len(schemes):
        raise ValueError(f"a scheme appears twice: {', '.join(schemes)}")
    total = 2 * len(sets) + 1
    done = 0

    def step(message: str) -> None:
        nonlocal done
        if cancel is not None and cancel.is_set():
            raise TrainingCancelled("training cancelled")
        if progress is not None:
            progress(done, total, message)
        done += 1

    files: dict[str, Any] = {}
    scheme_info: dict[str, Any] = {}
    for ts in sets:
        model, info = train_scheme(ts, names, seed, embedding_model, step)
        files.update(model.files())
        scheme_info[ts.scheme] = {**info, "multi_label": ts.multi_label}
        done = max(done, 2 * (schemes.index(ts.scheme) + 1))
    step("writing the bundle")
    manifest = {
        "format_version": FORMAT_VERSION,
        "schemes": scheme_info,
        "vocab_hash": vocab_hash,
        "training_data_hash": training_hash(sets),
        "seed": seed,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "library_versions": _library_versions(),
        "metrics": {s: i.get("validation", {}) for s, i in scheme_info.items()},
    }
    manifest = write_bundle(Path(out), files, manifest)
    if progress is not None:
        progress(total, total, "done")
    return manifest
