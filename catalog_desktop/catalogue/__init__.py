"""The catalogue: records with their exact MARC, the entities derived from them, the store.

``from catalog_desktop.catalogue import Catalogue`` is the way in. The names below load
lazily, so that code needing only the entities (``catalogue.entities``, ``catalogue.derive``)
does not pay for SQLAlchemy and Alembic at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "Catalogue": "catalog_desktop.catalogue.catalogue",
    "Change": "catalog_desktop.catalogue.changes",
    "CatalogueError": "catalog_desktop.catalogue.errors",
    "CatalogueTooNewError": "catalog_desktop.catalogue.errors",
    "RecordNotFound": "catalog_desktop.catalogue.errors",
    "VersionConflict": "catalog_desktop.catalogue.errors",
    "NotAllowed": "catalog_desktop.catalogue.errors",
    "Conflict": "catalog_desktop.catalogue.conflicts",
    "FileSummary": "catalog_desktop.catalogue.summaries",
    "ImportSummary": "catalog_desktop.catalogue.summaries",
    "RecordFilter": "catalog_desktop.catalogue.views",
    "RecordSummary": "catalog_desktop.catalogue.views",
    "StoredRecord": "catalog_desktop.catalogue.views",
}
__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
