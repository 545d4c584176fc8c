"""The team benchmark runs end to end (tiny sizes, a real throwaway server) and prints its
table: PostgreSQL next to SQLite, 2 and 4 concurrent writers, no update lost."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_team_benchmark_prints_postgresql_next_to_sqlite_and_loses_no_update():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_team.py"), "--records", "200", "--edits", "3"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rates = {line.split()[0]: line.split() for line in lines if line.startswith(("sqlite ", "postgresql "))}
    assert set(rates) == {"sqlite", "postgresql"}
    for cells in rates.values():
        assert float(cells[1].replace(",", "")) > 0  # import rate, records/s
    assert rates["sqlite"][-1] == "fts5" and rates["postgresql"][-1] == "like"
    writers = {int(line.split()[0]): line.split() for line in lines if line.strip()[:1].isdigit()}
    assert set(writers) == {2, 4}
    for n, cells in writers.items():
        assert int(cells[1]) == n * 3 and float(cells[3]) > 0 and cells[5] == "0"  # edits, rate, lost
    assert lines[-1] == "no update lost"
