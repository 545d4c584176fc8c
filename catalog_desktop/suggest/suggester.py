"""The Suggester: a checked bundle, loaded, answering "which codes for this record?".

    suggester = Suggester.load(path, expected_vocab_hash=vocabs.hash)   # BundleError if unusable
    suggester.suggest(Document(text), "siso", limit=5, exclude={"914.1"})
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .bundle import BundleError, check_bundle
from .model import SchemeModel
from .types import Document, Suggestion

BATCH = 256


class Suggester:
    def __init__(self, models: dict[str, SchemeModel], manifest: dict[str, Any], path: Path | None = None) -> None:
        self.models = models
        self.manifest = manifest
        self.path = path

    @classmethod
    def load(cls, path: Path | str, *, expected_vocab_hash: str | None = None) -> "Suggester":
        path = Path(path)
        manifest = check_bundle(path, expected_vocab_hash)
        schemes = manifest.get("schemes")
        if not isinstance(schemes, dict) or not schemes:
            raise BundleError(f"Het manifest van {path.name} noemt geen schema's.", f"The manifest of {path.name} names no schemes.", path)
        models = {}
        for scheme in schemes:
            try:
                models[scheme] = SchemeModel.load(path, scheme)
            except BundleError:
                raise
            except (OSError, KeyError, ValueError, TypeError) as error:
                raise BundleError(
                    f"Het model voor {scheme} in {path.name} kan niet geladen worden: {error}",
                    f"The {scheme} model in {path.name} cannot be loaded: {error}", path,
                ) from error
        return cls(models, manifest, path)

    @property
    def schemes(self) -> list[str]:
        return list(self.models)

    @property
    def version(self) -> str:
        """Identifies the bundle that made a suggestion (stored with decisions)."""
        return f"{self.manifest.get('created', '')}/{self.manifest.get('training_data_hash', '')[:12]}"

    def _model(self, scheme: str) -> SchemeModel:
        if scheme not in self.models:
            raise KeyError(f"this bundle has no model for scheme {scheme!r} (it has: {', '.join(self.models)})")
        return self.models[scheme]

    def suggest(self, doc: Document, scheme: str, limit: int = 5, exclude: Iterable[str] = ()) -> list[Suggestion]:
        return self._model(scheme).rank([doc.text], [doc.hints], limit, [list(exclude)])[0]

    def suggest_batch(self, docs: Sequence[Document], scheme: str, limit: int = 5,
                      excludes: Sequence[Iterable[str]] | None = None, with_reasons: bool = True) -> list[list[Suggestion]]:
        model = self._model(scheme)
        out: list[list[Suggestion]] = []
        for start in range(0, len(docs), BATCH):
            chunk = docs[start:start + BATCH]
            chunk_ex = [list(e or ()) for e in excludes[start:start + BATCH]] if excludes is not None else None
            out.extend(model.rank([d.text for d in chunk], [d.hints for d in chunk], limit, chunk_ex, with_reasons))
        return out
