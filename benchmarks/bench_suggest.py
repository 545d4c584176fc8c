"""Subject suggestion quality, speed and memory, side by side with Annif, in one run.

Both systems are trained and tested on the same splits of ``../shared/data/corpora/``:

- ``brinkman``: KB dissertations with the Brinkman thesaurus, the given train (5,464) / test (1,360) files;
- ``yso``: yso-finna-en, lines 1-50,000 to train, lines 600,001-602,000 to test.

Ours goes through ``catalog train`` (a process of its own, start-up included, as ``annif train``)
and a measured evaluation process (bundle load, batch suggestion, single-record latency).
Annif 1.4.3 (tfidf, omikuji, mllm and the equal-weight ensembles of ``NOTES.md``) runs in its own
virtual environment (``benchmarks/annif_env.py``). Figures per system: F1@5, NDCG, NDCG@5, P@1
(``annif eval --limit 5`` definitions), training seconds, peak RSS and warm suggestion rate
(documents/s; ours without reasons, as in evaluation). Then the ratios ours/Annif, and a check
that Annif's own ``annif.eval`` gives our figures on our predictions.

How time and memory are counted, the same way for both systems: every step is a process of its
own, measured from outside (wall time, peak RSS of the process and its children from ``wait4``).
Training seconds: ours is one ``catalog train`` (reading the corpus and vocabulary included);
an Annif backend is its ``annif train`` (the vocabulary is loaded once before, not counted), an
Annif ensemble the sum of its sources' ``annif train``. Peak MB: the largest of the processes a
user runs one after the other, never a sum: ours max(train, evaluate); an Annif backend
max(train, eval); an Annif ensemble max(each source's train, the ensemble's eval, which loads
every source model in one process).

    python benchmarks/bench_suggest.py                       # both corpora, ours and Annif
    python benchmarks/bench_suggest.py --corpus brinkman --no-annif
    python benchmarks/bench_suggest.py --ours default --ours centroid
    python benchmarks/bench_suggest.py --tiny                # small data, no Annif (the smoke test)

Targets (issue 4): above Annif's best F1@5 and NDCG on each corpus (any backend or ensemble), with
less training time and memory than that Annif configuration; one record p95 < 30 ms after
warm-up; batch >= 1,000 records/s with the lexical model.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.measure import run_measured  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
CORPORA = ROOT.parent / "shared" / "data" / "corpora"
LIMIT = 5
P95_TARGET_MS = 30.0      # issue 4: one record, p95 after warm-up
BATCH_TARGET = 1000.0     # issue 4: records/s in a batch with the lexical model (2 cores)


@dataclass(frozen=True)
class Split:
    name: str
    source: Path
    train_lines: str | None
    test_source: Path
    test_lines: str | None
    vocabulary: Path
    language: str   # of the vocabulary labels (Annif project language)
    analyzer: str


def splits(tiny: bool) -> dict[str, Split]:
    brinkman = CORPORA / "kb-nl-dissertations-brinkman"
    yso = CORPORA / "annif-yso-finna" / "yso-finna-en.shuffled.tsv.gz"
    return {
        "brinkman": Split("brinkman", brinkman / "full_title_topics_abstract-train.tsv", "500" if tiny else None,
                          brinkman / "full_title_topics_abstract-test.tsv", "60" if tiny else None,
                          brinkman / "brinkmanthesaurus_vocab.tsv", "nl", "snowball(english)"),
        "yso": Split("yso", yso, "1000" if tiny else "50000", yso, "1001-1060" if tiny else "600001-602000",
                     CORPORA / "annif-vocab" / "yso-en-2017.tsv", "en", "snowball(english)"),
    }


def write_split(source: Path, lines: str | None, target: Path) -> Path:
    """The lines of a split as a plain TSV file, so both systems read exactly the same documents."""
    from catalog_desktop.suggest.corpus import LineRange, read_corpus

    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8") as out:
        for doc in read_corpus(source, LineRange.parse(lines) if lines else None):
            out.write(doc.text + "\t" + " ".join(f"<{code}>" for code in doc.codes) + "\n")
    return target


# --- our engine ---------------------------------------------------------------------------------

def child_evaluate(bundle: str, test: str, vocabulary: str, predictions: str) -> None:
    """In its own process: load the bundle, suggest for every test document (batch), time single
    records after warm-up, score; print JSON and write the predictions for the metrics check."""
    from catalog_desktop.suggest import Suggester
    from catalog_desktop.suggest.corpus import corpus_set, read_vocabulary
    from catalog_desktop.suggest.evaluation import evaluate_suggester
    from catalog_desktop.suggest.metrics import select

    start = time.perf_counter()
    suggester = Suggester.load(Path(bundle))
    load_seconds = time.perf_counter() - start
    scheme = suggester.schemes[0]
    tests, _ = corpus_set(test, vocabulary=read_vocabulary(vocabulary), scheme=scheme, known_only=True)
    [evaluation] = evaluate_suggester(suggester, [tests], limit=LIMIT)  # also the warm-up of the batch path
    docs = tests.docs
    # Warm batch rates, as `catalog suggest --all` runs: without reasons (evaluation, stored
    # suggestions) and with them (what a cataloger reads).
    start, cpu = time.perf_counter(), time.process_time()
    suggester.suggest_batch(docs, scheme, limit=LIMIT, with_reasons=False)
    batch_rate = len(docs) / (time.perf_counter() - start)
    cpu_ms = (time.process_time() - cpu) * 1000 / len(docs)   # all threads: what the engine costs, whatever the load
    start = time.perf_counter()
    suggester.suggest_batch(docs, scheme, limit=LIMIT)
    reasons_rate = len(docs) / (time.perf_counter() - start)
    for doc in docs[:20]:  # warm-up
        suggester.suggest(doc, scheme, limit=LIMIT)
    timings = []
    for doc in docs[20:320] or docs:  # one record at a time, with reasons, as the GUI asks
        begin = time.perf_counter()
        suggester.suggest(doc, scheme, limit=LIMIT)
        timings.append((time.perf_counter() - begin) * 1000)
    p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) >= 2 else timings[0]
    # the suggestions the metrics keep (confidence > 0, as Annif drops zero scores), in rank order
    Path(predictions).write_text(json.dumps({"gold": evaluation.gold, "predicted": [
        select(ranked, LIMIT) for ranked in evaluation.predicted]}), encoding="utf-8")
    print(json.dumps({"metrics": evaluation.metrics, "docs_per_second": batch_rate,
                      "with_reasons_per_second": reasons_rate, "p95_ms": p95, "load_seconds": load_seconds,
                      "cpu_ms_per_record": cpu_ms, "load_average": os.getloadavg()[0]}))


def run_ours(split: Split, train: Path, test: Path, backends: str, work: Path) -> dict:
    bundle = work / f"bundle-{split.name}-{backends.replace(',', '+')}"
    command = [sys.executable, "-m", "catalog_desktop.cli.main", "train", "--corpus", str(train),
               "--vocab", str(split.vocabulary), "--out", str(bundle), "--seed", "0", "--json"]
    if backends != "default":
        command += ["--backends", backends]
    trained = run_measured(command, cwd=ROOT)
    if trained.returncode != 0:
        raise RuntimeError(f"catalog train ({split.name}, {backends}) failed:\n{trained.stderr[-3000:]}")
    predictions = work / f"predictions-{split.name}-{backends.replace(',', '+')}.json"
    evaluated = run_measured([sys.executable, __file__, "--child-evaluate", str(bundle), str(test),
                              str(split.vocabulary), str(predictions)], cwd=ROOT)
    if evaluated.returncode != 0:
        raise RuntimeError(f"evaluation ({split.name}, {backends}) failed:\n{evaluated.stderr[-3000:]}")
    result = json.loads(evaluated.stdout.strip().splitlines()[-1])
    m = result["metrics"]
    return {"system": f"ours {backends}", "f1@5": m["f1@5"], "ndcg": m["ndcg"], "ndcg@5": m["ndcg@5"],
            "p@1": m["precision@1"], "train_s": trained.seconds, "peak_mb": max(trained.peak_mb, evaluated.peak_mb),
            "docs_s": result["docs_per_second"], "reasons_s": result["with_reasons_per_second"],
            "p95_ms": result["p95_ms"], "docs": m["docs"], "cpu_ms": result["cpu_ms_per_record"],
            "load": result["load_average"],
            "predictions": predictions, "metrics": m}


# --- Annif ---------------------------------------------------------------------------------------

def run_annif(split: Split, train: Path, test: Path, work: Path) -> list[dict]:
    from benchmarks.annif_env import BACKENDS, ENSEMBLES, AnnifProjects, ensure_annif

    ensure_annif(log=lambda message: print(message, file=sys.stderr))
    projects = AnnifProjects(work / "annif" / split.name, split.name, split.vocabulary, split.language, split.analyzer)
    projects.prepare()
    results, trained = [], {}
    for name in (*BACKENDS, *ENSEMBLES):
        print(f"  annif {name} on {split.name} …", file=sys.stderr, flush=True)
        run = projects.run(name, train, test, LIMIT)
        sources = ENSEMBLES.get(name, (name,))
        if run.train is not None:
            trained[name] = run.train
        m = run.metrics
        results.append({
            "system": f"annif {name}", "f1@5": m["F1@5"], "ndcg": m["NDCG"], "ndcg@5": m["NDCG@5"],
            "p@1": m["Precision@1"], "train_s": sum(trained[s].seconds for s in sources),
            "peak_mb": max([run.evaluate.peak_mb] + [trained[s].peak_mb for s in sources]),
            "docs_s": run.warm_docs_per_second, "p95_ms": None, "docs": run.docs})
    return results


def check_metrics(ours: dict, work: Path) -> float:
    """Largest difference between our metrics and Annif's ``annif.eval`` on the same predictions."""
    from benchmarks.annif_env import annif_eval_metrics

    data = json.loads(Path(ours["predictions"]).read_text(encoding="utf-8"))
    theirs = annif_eval_metrics(data["gold"], data["predicted"], work)
    return max(abs(ours["metrics"][key] - value) for key, value in theirs.items())


# --- the table ---------------------------------------------------------------------------------

def print_table(name: str, rows: list[dict]) -> None:
    print(f"\n{name}: {rows[0]['docs']:,} test documents")
    print(f"{'system':<30} {'F1@5':>6} {'NDCG':>6} {'NDCG@5':>6} {'P@1':>6} {'train s':>8} {'peak MB':>8} "
          f"{'docs/s':>8} {'p95 ms':>7}")
    for row in rows:
        p95 = f"{row['p95_ms']:7.1f}" if row["p95_ms"] is not None else f"{'–':>7}"
        print(f"{row['system']:<30} {row['f1@5']:6.3f} {row['ndcg']:6.3f} {row['ndcg@5']:6.3f} {row['p@1']:6.3f} "
              f"{row['train_s']:8.1f} {row['peak_mb']:8.0f} {row['docs_s']:8,.0f} {p95}")


def print_ratios(name: str, ours: list[dict], annif: list[dict]) -> bool:
    """Our first configuration (the one that ships, normally ``default``) against Annif.

    Quality is compared with Annif's best figure on each metric over every backend and ensemble
    (so F1@5 and NDCG may come from different Annif configurations); time and memory with the
    Annif configuration that has the best F1@5, as it would be run to get that result."""
    row = ours[0]
    best_annif = max(annif, key=lambda r: r["f1@5"])
    ratios = {key: row[key] / max(r[key] for r in annif) for key in ("f1@5", "ndcg", "p@1")}
    ratios |= {key: row[key] / best_annif[key] for key in ("train_s", "peak_mb")}
    print(f"{name} ratio ({row['system']} / Annif best per metric; time and memory / {best_annif['system']}): "
          + ", ".join(f"{key} {value:.2f}" for key, value in ratios.items()))
    met = {"f1@5": ratios["f1@5"] > 1, "ndcg": ratios["ndcg"] > 1,
           "train_s": ratios["train_s"] < 1, "peak_mb": ratios["peak_mb"] < 1}
    print(f"  {name} against Annif: " + ", ".join(
        f"{key} {'MET' if ok else 'NOT MET'}" for key, ok in met.items()))
    return all(met.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("brinkman", "yso", "all"), default="all")
    parser.add_argument("--ours", action="append", metavar="BACKENDS",
                        help="our configurations: 'default' or comma-separated backends (repeatable)")
    parser.add_argument("--no-annif", action="store_true", help="only our engine")
    parser.add_argument("--tiny", action="store_true", help="small splits, no Annif: checks the script runs")
    parser.add_argument("--child-evaluate", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_evaluate:
        child_evaluate(*args.child_evaluate)
        return
    with_annif = not (args.no_annif or args.tiny)
    configurations = args.ours or ["default"]
    work = OUT / ("suggest-tiny" if args.tiny else "suggest")
    chosen = splits(args.tiny)
    names = list(chosen) if args.corpus == "all" else [args.corpus]
    print(f"catalog-desktop suggestion benchmark{' (tiny)' if args.tiny else ''}: {', '.join(names)}; "
          f"ours: {', '.join(configurations)}; Annif: {'yes' if with_annif else 'no'}; 2-core figures are noisy")
    ok = True
    lexical = []
    for name in names:
        split = chosen[name]
        train = write_split(split.source, split.train_lines, work / "splits" / f"{name}-train.tsv")
        test = write_split(split.test_source, split.test_lines, work / "splits" / f"{name}-test.tsv")
        print(f"  ours on {name} …", file=sys.stderr, flush=True)
        ours = [run_ours(split, train, test, backends, work) for backends in configurations]
        annif = run_annif(split, train, test, work) if with_annif else []
        print_table(name, ours + annif)
        lexical.append((name, ours[0]))
        if annif:
            ok &= print_ratios(name, ours, annif)
            print(f"{name} metrics check: largest |ours - annif.eval| on our predictions = "
                  f"{check_metrics(ours[0], work):.1e}")
    print()
    for name, row in lexical:
        p95_ok, batch_ok = row["p95_ms"] < P95_TARGET_MS, row["docs_s"] >= BATCH_TARGET
        ok &= p95_ok and batch_ok
        print(f"{name} speed ({row['system']}, warm):")
        print(f"  one record with reasons, p95 after warm-up: {row['p95_ms']:7.1f} ms      "
              f"(target < {P95_TARGET_MS:.0f} ms)      {'MET' if p95_ok else 'NOT MET'}")
        print(f"  batch without reasons:                     {row['docs_s']:7,.0f} records/s "
              f"(target >= {BATCH_TARGET:,.0f}/s) {'MET' if batch_ok else 'NOT MET'}")
        print(f"    ({row['cpu_ms']:.2f} ms of CPU per record; load average {row['load']:.1f} on "
              f"{os.cpu_count()} cores while measured)")
        print(f"  batch with reasons:                        {row['reasons_s']:7,.0f} records/s "
              f"({'at' if row['reasons_s'] >= BATCH_TARGET else 'below'} the batch target)")
    if with_annif:
        print("targets met" if ok else "TARGETS NOT MET")


if __name__ == "__main__":
    main()
