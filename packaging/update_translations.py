"""Refresh the Qt translation sources from the GUI code, then compile them.

    .venv/bin/python packaging/update_translations.py

1. ``pyside6-lupdate`` collects every ``tr()`` string of ``catalog_desktop/gui`` into
   ``resources/translations/catalog_desktop_<lang>.ts`` (existing translations are kept);
2. a translator fills in the new ones with Qt Linguist (``pyside6-linguist``);
3. ``pyside6-lrelease`` compiles the ``.ts`` into the ``.qm`` the application loads.

The ``.qm`` files are generated: never edit them. A test fails when a GUI string has no
Dutch translation or a ``.qm`` is older than its ``.ts``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("nl",)


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def gui_sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "catalog_desktop" / "gui").glob("*.py"))


def update(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *gui_sources(), "-ts", str(ts), "-no-obsolete"], check=True)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)


def main() -> None:
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"catalog_desktop_{language}.ts"
        update(ts)
        release(ts, ts.with_suffix(".qm"))


if __name__ == "__main__":
    main()
