"""The core never imports Qt: checked by import-linter's contract in pyproject.toml."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_only_the_gui_package_imports_qt():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, env=dict(os.environ)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken" in result.stdout


def test_catalog_help_starts_without_heavy_imports():
    code = (
        "import sys; from catalog_desktop.cli.main import build_parser; build_parser();"
        "heavy = [m for m in ('sqlalchemy', 'PySide6', 'torch', 'sklearn', 'lxml') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
