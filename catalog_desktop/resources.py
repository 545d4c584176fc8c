"""Where the application's data files live (field profiles, sample data, ...).

The ``resources/`` folder sits next to the package in the repository. A packaged or
relocated install points at it with the ``CATALOG_DESKTOP_RESOURCES`` environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "CATALOG_DESKTOP_RESOURCES"


class ResourcesNotFoundError(FileNotFoundError):
    """The resources folder is missing: the install is incomplete or the env var is wrong."""


def resources_dir() -> Path:
    """The resources folder: ``$CATALOG_DESKTOP_RESOURCES`` if set, else ``<repo>/resources``."""
    override = os.environ.get(ENV_VAR)
    if override:
        path = Path(override).expanduser()
        origin = f"the environment variable {ENV_VAR}"
    else:
        path = Path(__file__).resolve().parents[1] / "resources"
        origin = "the repository layout (<repo>/resources next to catalog_desktop/)"
    if not path.is_dir():
        raise ResourcesNotFoundError(
            f"resources folder not found: {path} (taken from {origin}); "
            f"set {ENV_VAR} to the folder that holds marc/profiles/"
        )
    return path


MODELS_ENV_VAR = "CATALOG_DESKTOP_MODELS"


def models_dir() -> Path:
    """The model bundles folder: ``$CATALOG_DESKTOP_MODELS`` if set, else ``<repo>/models``
    (``models/default/`` is the bundle used when none is named)."""
    override = os.environ.get(MODELS_ENV_VAR)
    return Path(override).expanduser() if override else Path(__file__).resolve().parents[1] / "models"


def default_bundle() -> Path:
    return models_dir() / "default"
