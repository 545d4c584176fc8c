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
    # The verdict comes from the median over the runs, rate and CPU ratios side by side.
    assert any(line.startswith("  iso2709: ratio ") and "CPU ratio" in line for line in lines)
    assert any(line.startswith("  marcxml: ratio ") and "peak" in line for line in lines)
    assert lines[-1] in ("targets met", "TARGETS NOT MET")


def test_suggestion_benchmark_prints_its_table_in_tiny_mode():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_suggest.py"), "--tiny"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = [line.split() for line in lines if line.startswith("ours default")]
    assert len(rows) == 2  # one per corpus
    for cells in rows:
        f1, ndcg, ndcg5, p1, train_s, peak_mb, docs_s, p95 = (float(c.replace(",", "")) for c in cells[2:10])
        assert 0 < f1 <= 1 and 0 < ndcg <= 1 and 0 <= p1 <= 1
        assert train_s > 0 and peak_mb > 0 and docs_s > 0 and p95 > 0
    assert "brinkman speed (ours default, warm):" in lines
    speed = [line.split() for line in lines if line.startswith(("  one record with reasons", "  batch without reasons"))]
    assert len(speed) == 4 and all(cells[-1] == "MET" or cells[-2:] == ["NOT", "MET"] for cells in speed)
    assert any(line.startswith("  batch with reasons:") for line in lines)


def test_label_benchmark_prints_pdf_and_data_file_figures():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_labels.py"), "--labels", "40"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("labels: 40 ")
    rows = {line[:22].strip(): line for line in lines if line.startswith(("pdf ", "data ", "collect "))}
    assert {"pdf a4-65", "pdf a4-24", "pdf roll-50x25", "data csv", "data json", "collect (catalogue)"} <= set(rows)
    for line in rows.values():
        seconds = float(line[22:].split()[0])
        assert seconds > 0
    assert "roll-50x25" in rows["pdf roll-50x25"] and "40 pages" in rows["pdf roll-50x25"]
    assert lines[-1] in ("targets met", "TARGETS NOT MET")


def test_write_benchmark_prints_both_writers_side_by_side():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_write.py"), "--records", "200"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()
            if line.startswith(("iso2709 ", "marcxml "))}
    assert set(rows) == {"iso2709", "marcxml"}
    for cells in rows.values():
        pymarc_rate, our_rate, ratio = (float(c.replace(",", "")) for c in cells[1:4])
        assert pymarc_rate > 0 and our_rate > 0
        assert abs(ratio - our_rate / pymarc_rate) < 0.01


def test_gui_benchmark_prints_first_rows_filters_and_memory():
    import os

    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_gui.py"), "--records", "300"],
        capture_output=True, text=True, timeout=600, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "records: 300" in out and "time to first rows: " in out and "200 rows shown" in out
    for name in ("all", "no_zizo", "suggestions_waiting", "changed_since_import", "my_edits_today"):
        assert f"filter {name}: " in out
    assert "slowest filter (best of 3): " in out and "memory: " in out
