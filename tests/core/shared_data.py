"""Where the shared real-world fixtures are: ``../shared/data`` beside the repository.

A test that needs them fails (never skips) with the path it looked in when they are missing.
"""

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
MARC = DATA / "marc"


def need_data() -> Path:
    if not MARC.is_dir():
        pytest.fail(f"the shared MARC fixtures are missing: expected them in {MARC}")
    return MARC
