"""The import benchmark runs end to end (tiny sizes) and prints its table: it cannot rot."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_benchmark_prints_side_by_side_figures():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_import.py"), "--records", "300"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = {line.split()[0]: line.split() for line in lines if line.startswith(("iso2709 ", "marcxml "))}
    assert set(rows) == {"iso2709", "marcxml"}
    for cells in rows.values():
        assert float(cells[1].replace(",", "")) > 0 and float(cells[3].replace(",", "")) > 0  # both rates measured
        assert float(cells[5]) > 0  # the ratio
    assert any(line.startswith("iso2709: import time per record: read") for line in lines)
    assert lines[-1] in ("targets met", "TARGETS NOT MET")
