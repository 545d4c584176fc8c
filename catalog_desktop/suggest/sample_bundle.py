"""The default bundle in ``models/default/``: trained on the bundled sample catalogue.

Reproducible: the sample files are imported into a fresh temporary catalogue, the training
sets come from :func:`training_sets_from_catalogue` (the catalogue mode of ``catalog train``)
and :func:`train_bundle` runs with a fixed seed, so the same seed gives the same model files.
It only knows the few codes the demonstration records carry: a demonstration model, not a
measure of quality (``models/README.md``). ``training/make_default_bundle.py`` runs it.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Callable

__all__ = ["DEFAULT_SEED", "build_sample_bundle"]

DEFAULT_SEED = 20261123


def build_sample_bundle(out: Path, *, seed: int = DEFAULT_SEED, backends: str | None = None,
                        progress: Callable[[int, int, str], None] | None = None,
                        cancel: threading.Event | None = None) -> dict:
    """Train a bundle on the sample catalogue into ``out``; returns its manifest."""
    from catalog_desktop.catalogue import Catalogue
    from catalog_desktop.catalogue.sample import fill_sample_catalogue
    from catalog_desktop.suggest import train_bundle
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue

    with tempfile.TemporaryDirectory(prefix="sample-bundle-") as tmp:
        with Catalogue.open(Path(tmp) / "sample.sqlite") as catalogue:
            summary = fill_sample_catalogue(catalogue)
            if summary.quarantined:
                raise ValueError(f"{summary.quarantined} sample record(s) could not be read; see catalog quarantine")
            vocabs = catalogue.vocabularies()
            train, _ = training_sets_from_catalogue(catalogue, vocabs, seed=seed)
    return train_bundle(train, Path(out), backends=backends, seed=seed, vocab_hash=vocabs.hash,
                        progress=progress, cancel=cancel)
