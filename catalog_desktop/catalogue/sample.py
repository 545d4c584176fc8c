"""The bundled sample catalogue: what ``catalog-desktop --sample`` opens on first start.

It lives in its own file next to the user's catalogue, so demonstration records never mix
with a library's own.
"""

from __future__ import annotations

from pathlib import Path

from catalog_desktop.catalogue.db import default_location
from catalog_desktop.resources import resources_dir

SAMPLE_SUFFIXES = (".mrc", ".xml", ".json", ".mrk", ".aleph")


def sample_location() -> Path:
    return default_location().with_name("sample-catalogue.sqlite")


def sample_files() -> list[Path]:
    folder = resources_dir() / "sample"
    return sorted(p for p in folder.iterdir() if p.suffix in SAMPLE_SUFFIXES)


def fill_sample_catalogue(catalogue, progress=None, cancel=None):
    """Import the bundled sample files (an import like any other: quarantine and all)."""
    return catalogue.import_files(sample_files(), progress=progress, cancel=cancel)
