"""Pictograms: SVG files found by name, first in the user's folder, then the bundled demo set.

The bundled files (``resources/labels/pictograms/demo-*.svg``) are the project's own simple
drawings, named ``demo-…`` so nobody takes them for Biblioprint's pictograms. A library puts
its own (licensed) pictograms in ``pictograms/`` in the user data folder, under the names
its ``label-rules.toml`` uses.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from catalog_desktop.resources import resources_dir

__all__ = ["bundled_pictograms", "pictogram_dirs", "pictogram_path"]

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def pictogram_dirs() -> tuple[Path, ...]:
    from catalog_desktop.catalogue.db import default_location

    return (default_location().with_name("pictograms"), resources_dir() / "labels" / "pictograms")


@lru_cache(maxsize=512)
def _find(name: str, dirs: tuple[Path, ...]) -> Path | None:
    if not _NAME.fullmatch(name):
        return None
    for folder in dirs:
        path = folder / f"{name}.svg"
        if path.is_file():
            return path
    return None


def pictogram_path(name: str, dirs: tuple[Path, ...] | None = None) -> Path | None:
    """The SVG file of a pictogram (``demo-ster`` or ``demo-ster.svg``), or None when there is none."""
    return _find(name.removesuffix(".svg"), dirs if dirs is not None else pictogram_dirs())


def bundled_pictograms() -> list[str]:
    return sorted(p.stem for p in (resources_dir() / "labels" / "pictograms").glob("*.svg"))
