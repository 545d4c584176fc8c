"""Registry of suggestion backends, imported lazily so that a heavy library (an embedding
model) loads only when its backend is chosen (after Annif's ``annif/backend/__init__.py``).

    backend_class("knn")       -> the class; the module is imported on first use
    available_backends()       -> the names a bundle may list
"""

from __future__ import annotations

import importlib

from .base import Backend, QueryData, TrainData

_MODULES = {
    "dummy": "dummy",          # label frequencies only: for tests
    "centroid": "centroid",    # TF-IDF centroid per label (Rocchio)
    "knn": "knn",              # nearest training documents
    "match": "match",          # label words found in the text
    "embedding": "embedding",  # sentence embeddings (optional package)
}


def available_backends() -> list[str]:
    return list(_MODULES)


def backend_class(name: str) -> type[Backend]:
    if name not in _MODULES:
        raise ValueError(f"unknown backend {name!r}; choose from {', '.join(_MODULES)}")
    module = importlib.import_module(f"{__name__}.{_MODULES[name]}")
    return module.BACKEND


__all__ = ["Backend", "QueryData", "TrainData", "available_backends", "backend_class"]
