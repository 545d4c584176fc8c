"""Suggestions on a catalogue: features, one record, a batch — side by side in one run.

Generates made-up Open Vlacc-shaped records (``benchmarks/generate.py``, seeded), imports
them into a temporary catalogue, trains a lexical bundle from the catalogue (the catalogue
mode of training), then times:

* feature extraction (``suggest.features``) alone, per record in batches;
* one record through ``SuggestionService.for_record`` (warm), p50/p95, against the 30 ms target;
* a batch through ``for_records`` with and without reasons, against 1,000 records/s.

    nice -n 10 .venv/bin/python benchmarks/bench_catalogue_suggest.py --records 20000
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SEED, make_record  # noqa: E402

from catalog_desktop.marc.iso2709 import serialize  # noqa: E402

P95_TARGET_MS = 30.0
BATCH_TARGET = 1000.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--singles", type=int, default=200, help="records timed one by one")
    args = parser.parse_args()

    from catalog_desktop.catalogue import Catalogue
    from catalog_desktop.suggest import Suggester, train_bundle
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue
    from catalog_desktop.suggest.features import iter_record_features
    from catalog_desktop.suggest.service import SuggestionService

    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory(prefix="bench-suggest-") as tmp:
        work = Path(tmp)
        with open(work / "records.mrc", "wb") as out:
            for i in range(args.records):
                out.write(serialize(make_record(rng, i)))
        with Catalogue.open(work / "cat.sqlite") as cat:
            start = time.perf_counter()
            cat.import_files(work / "records.mrc")
            print(f"import: {args.records:,} records in {time.perf_counter() - start:.1f} s")
            vocabs = cat.vocabularies()

            start = time.perf_counter()
            train, _ = training_sets_from_catalogue(cat, vocabs, seed=1)
            data_s = time.perf_counter() - start
            start = time.perf_counter()
            train_bundle(train, work / "bundle", seed=1, vocab_hash=vocabs.hash)
            print(f"training data from the catalogue: {data_s:.1f} s; training: {time.perf_counter() - start:.1f} s "
                  f"({', '.join(f'{ts.scheme} {len(ts.docs):,} docs' for ts in train)})")

            service = SuggestionService(cat, Suggester.load(work / "bundle", expected_vocab_hash=vocabs.hash), vocabs)
            ids = [r.id for r in cat.records.page(limit=args.records)]

            start = time.perf_counter()
            n = sum(1 for _ in iter_record_features(cat, ids))
            features_rate = n / (time.perf_counter() - start)

            picks = random.Random(2).sample(ids, min(args.singles, len(ids)))
            for rid in picks[:20]:  # warm-up
                service.for_record(rid)
            times = []
            for rid in picks:
                start = time.perf_counter()
                service.for_record(rid)
                times.append((time.perf_counter() - start) * 1000)
            p50, p95 = statistics.median(times), statistics.quantiles(times, n=20)[18]

            rates = {}
            for reasons in (False, True):
                start = time.perf_counter()
                service.for_records(ids, reasons=reasons)
                rates[reasons] = len(ids) / (time.perf_counter() - start)

    print()
    print(f"{'what':42} {'figure':>14}")
    print(f"{'features alone (records/s)':42} {features_rate:>14,.0f}")
    print(f"{'one record, warm: p50 (ms)':42} {p50:>14.1f}")
    print(f"{'one record, warm: p95 (ms)':42} {p95:>14.1f}")
    print(f"{'batch without reasons (records/s)':42} {rates[False]:>14,.0f}")
    print(f"{'batch with reasons (records/s)':42} {rates[True]:>14,.0f}")
    print(f"{'share of batch time in features':42} {rates[False] / features_rate:>14.0%}")
    print(f"one record p95 < {P95_TARGET_MS:.0f} ms: {'MET' if p95 < P95_TARGET_MS else 'NOT MET'}; "
          f"batch without reasons >= {BATCH_TARGET:,.0f} records/s: {'MET' if rates[False] >= BATCH_TARGET else 'NOT MET'} "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
