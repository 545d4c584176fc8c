"""Subject suggestions: from a record's text to ranked, explained, calibrated codes per scheme.

    from catalog_desktop.suggest import Document, TrainingSet, train_bundle, Suggester
    train_bundle([TrainingSet("siso", docs, labels, multi_label=False, parents=...)], Path("bundle"))
    suggester = Suggester.load(Path("bundle"), expected_vocab_hash=vocabs.hash)
    suggester.suggest(Document("Tuinieren op balkons"), "siso", limit=5, exclude=())

The model code: ``vectors`` (TF-IDF), ``backends/`` (centroid, knn, match, embedding, dummy), ``ensemble`` (weights tuned on held-out training data), ``calibration``, ``reasons``,
``model`` (one scheme: back-off and ambiguity), ``training`` (``train_bundle``), ``bundle``
(plain files, checks), ``suggester``. numpy/scipy/scikit-learn load only when a model part is
used, so importing the plain types here stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .types import Document, Reason, Suggestion, TrainingSet

if TYPE_CHECKING:
    from .bundle import BundleError
    from .suggester import Suggester
    from .training import TrainingCancelled, train_bundle

_LAZY = {
    "BundleError": "bundle",
    "Suggester": "suggester",
    "train_bundle": "training",
    "TrainingCancelled": "training",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["BundleError", "Document", "Reason", "Suggester", "Suggestion", "TrainingCancelled", "TrainingSet", "train_bundle"]
