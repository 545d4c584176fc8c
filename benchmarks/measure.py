"""Run a command in its own process and measure it: wall time and that process's peak RSS."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Measured:
    seconds: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str


def run_measured(command: list[str], *, env: dict | None = None, cwd: Path | None = None) -> Measured:
    """Wall time and peak resident memory of ``command`` (and its children), from ``wait4``."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=cwd, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(seconds=seconds, peak_mb=usage.ru_maxrss / 1024, returncode=process.returncode,
                        stdout=out.read(), stderr=err.read())
