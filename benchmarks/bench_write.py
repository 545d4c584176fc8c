"""Writing speed of our ISO 2709 and MARCXML writers, side by side with pymarc's, in one run.

Both sides write the same generated records (read once, before timing). The figure that
matters is the ratio: ours must not be much slower than pymarc's writer (the export of a
whole catalogue goes through these writers).

    python benchmarks/bench_write.py                  # 20,000 records
    python benchmarks/bench_write.py --records 2000   # a quick look
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def best_rate(write, count: int, repeats: int = 3) -> float:
    """Records per second of the best of a few runs: a busy machine only slows some of them."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        write()
        best = min(best, time.perf_counter() - start)
    return count / best


def main() -> None:
    import pymarc

    from benchmarks.generate import generate
    from catalog_desktop.marc.iso2709 import read_iso2709, serialize
    from catalog_desktop.marc.marcxml import MarcXmlWriter

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = generate(Path(tmp) / "records.mrc", args.records, "iso2709")
        with open(path, "rb") as stream:
            ours = [item.record for item in read_iso2709(stream)]
        with open(path, "rb") as stream:
            theirs = list(pymarc.MARCReader(stream, to_unicode=True, force_utf8=True))
    count = len(ours)

    def ours_xml():
        writer = MarcXmlWriter(io.BytesIO())
        for record in ours:
            writer.write(record)
        writer.close()

    def pymarc_xml():
        out = io.BytesIO()
        writer = pymarc.XMLWriter(out)
        for record in theirs:
            writer.write(record)
        writer.close(close_fh=False)

    rows = [
        ("iso2709", best_rate(lambda: [r.as_marc() for r in theirs], count),
         best_rate(lambda: [serialize(r) for r in ours], count)),
        ("marcxml", best_rate(pymarc_xml, count), best_rate(ours_xml, count)),
    ]
    print(f"records: {count:,}")
    print(f"{'format':8} {'pymarc rec/s':>13} {'ours rec/s':>11} {'ratio':>6}")
    for fmt, pymarc_rate, our_rate in rows:
        print(f"{fmt:8} {pymarc_rate:13,.0f} {our_rate:11,.0f} {our_rate / pymarc_rate:6.2f}")


if __name__ == "__main__":
    main()
