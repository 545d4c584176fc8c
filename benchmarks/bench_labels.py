"""Spine-label speed: labels to PDF sheets and to the data file, side by side in one run.

Made-up records (``generate.py``, seeded) are imported into a fresh catalogue; then, timed:
collecting the labels from the catalogue (rules, vocabularies, per-copy adjustments), laying
them out and writing the PDF for each template (with Code 128 barcodes), and writing the CSV
and JSON data files.

    python benchmarks/bench_labels.py                # 1,000 labels
    python benchmarks/bench_labels.py --labels 50    # a quick look (what the test runs)

Target (issue 6): 1,000 labels to PDF in under 5 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TARGET_PDF_SECONDS = 5.0  # for 1,000 labels


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=int, default=1000)
    args = parser.parse_args()

    from generate import generate

    from catalog_desktop.catalogue import Catalogue
    from catalog_desktop.labels.collect import collect_labels, select_record_ids
    from catalog_desktop.labels.datafile import write_csv, write_json
    from catalog_desktop.labels.layout import layout_sheet
    from catalog_desktop.labels.pdf import write_pdf
    from catalog_desktop.labels.templates import load_templates
    from catalog_desktop.vocab import load_vocabularies

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = generate(folder / "records.mrc", max(args.labels, 10), "iso2709")
        with Catalogue.open(folder / "catalogue.sqlite") as catalogue:
            catalogue.import_files([source])
            ids = select_record_ids(catalogue, ["all"])
            vocabs = load_vocabularies()
            run, collect_s = timed(lambda: collect_labels(catalogue, ids, vocabs=vocabs))
        if not run.labels:
            print("no labels collected from the generated records", file=sys.stderr)
            return 1
        labels = list(islice(cycle(run.labels), args.labels))
        per_label_collect = collect_s / max(len(run.labels), 1)
        print(f"labels: {len(labels)} (collected {len(run.labels)} from {len(ids)} records, "
              f"{len(run.problems)} copies without a label)")
        print(f"{'step':<22} {'seconds':>8} {'labels/s':>10}")
        print(f"{'collect (catalogue)':<22} {per_label_collect * len(labels):>8.3f} {1 / per_label_collect:>10,.0f}")
        pdf_seconds = {}
        for name, template in load_templates(include_user=False).items():
            def to_pdf(template=template, name=name):
                sheet = layout_sheet(labels, template, barcodes=True)
                return write_pdf(sheet, folder / f"{name}.pdf")

            pages, seconds = timed(to_pdf)
            pdf_seconds[name] = seconds
            size = (folder / f"{name}.pdf").stat().st_size
            print(f"{'pdf ' + name:<22} {seconds:>8.3f} {len(labels) / seconds:>10,.0f}   "
                  f"{pages} pages, {size / 1024:,.0f} KiB")
        _, csv_s = timed(lambda: write_csv(labels, folder / "labels.csv"))
        print(f"{'data csv':<22} {csv_s:>8.3f} {len(labels) / csv_s:>10,.0f}")
        _, json_s = timed(lambda: write_json(labels, folder / "labels.json", run.problems))
        print(f"{'data json':<22} {json_s:>8.3f} {len(labels) / json_s:>10,.0f}")
    worst = max(pdf_seconds.values()) * 1000 / len(labels)
    print(f"pdf, slowest template, per 1,000 labels: {worst:.2f} s (target < {TARGET_PDF_SECONDS:g} s)")
    print("targets met" if worst < TARGET_PDF_SECONDS else "TARGETS NOT MET")
    return 0


if __name__ == "__main__":
    sys.exit(main())
