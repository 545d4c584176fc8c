"""Killing an import mid-way (SIGKILL, as a power cut would), for the crash tests."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]


def committed(db: Path) -> int:
    """Records committed in a catalogue file, read without disturbing the writer (0 if none yet)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM record").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def kill_mid_import(db: Path, path: Path, setup: str = "", ready: Callable[[], bool] = lambda: True) -> None:
    """Import ``path`` into ``db`` in another Python process (after running ``setup`` there),
    and SIGKILL it once a batch is committed and ``ready()`` holds."""
    code = "\n".join([
        "import sys", "from catalog_desktop.catalogue import Catalogue", setup,
        "Catalogue.open(sys.argv[1]).import_files([sys.argv[2]])",
    ])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(path)], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 60
        while committed(db) == 0 or not ready():
            assert proc.poll() is None, "the import ended before it could be killed"
            assert time.monotonic() < deadline, "no batch was committed within a minute"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
