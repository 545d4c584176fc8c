"""``catalog evaluate``: score a bundle on a test corpus or a held-out part of the catalogue.

The figures are document-averaged with ``annif eval``'s definitions (see
``catalog_desktop.suggest.metrics``); ``--report`` writes the HTML report, ``--compare`` puts the
bundle it would replace beside it, on the same documents.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from catalog_desktop.cli.common import CliError, add_db_option, cancellable, open_catalogue, print_json, progress_bar

SHOWN = ("f1@5", "ndcg", "ndcg@5", "precision@1", "precision", "recall", "f1")


def register(commands) -> None:
    parser = commands.add_parser(
        "evaluate", help="score a model bundle (F1@5, NDCG, P@1 as annif eval) and write a report",
        description="Score a bundle on a test corpus (--corpus) or, without it, on the records of the catalogue "
        "that `catalog train` held out (same --holdout and --seed).")
    parser.add_argument("--bundle", required=True, type=Path, help="the bundle folder")
    parser.add_argument("--corpus", type=Path, metavar="TEST.tsv", help="an Annif TSV test corpus (.tsv or .tsv.gz)")
    parser.add_argument("--vocab", type=Path, metavar="VOCAB.tsv",
                        help="the corpus vocabulary: labels for the report; gold codes outside it are left out, as annif eval does")
    parser.add_argument("--lines", metavar="RANGE", help="only these corpus lines: N (the first N) or A-B")
    parser.add_argument("--scheme", help="the bundle's scheme to score the corpus against (default: its only scheme)")
    parser.add_argument("--holdout", type=float, default=0.1, help="catalogue: the held-out share used at training (default 0.1)")
    parser.add_argument("--seed", type=int, default=0, help="catalogue: the seed used at training (default 0)")
    parser.add_argument("--limit", type=int, default=5, help="suggestions per document (default 5)")
    parser.add_argument("--compare", type=Path, metavar="OLD_BUNDLE", help="the bundle this one would replace")
    parser.add_argument("--report", type=Path, metavar="REPORT.html", help="write the evaluation report")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the report (default nl)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    add_db_option(parser)
    parser.set_defaults(run=run)


def load_bundle(path: Path, vocab_hash: str | None = None):
    from catalog_desktop.suggest import BundleError, Suggester

    try:
        return Suggester.load(path, expected_vocab_hash=vocab_hash)
    except BundleError as exc:
        raise CliError(f"{path}: {exc}") from None


def corpus_tests(args: argparse.Namespace, suggester):
    """(test sets, labeller) for ``--corpus``."""
    from catalog_desktop.suggest.corpus import CorpusError, LineRange, corpus_set, read_vocabulary

    scheme = args.scheme or (suggester.schemes[0] if len(suggester.schemes) == 1 else None)
    if scheme is None:
        raise CliError(f"the bundle has several schemes ({', '.join(suggester.schemes)}): name one with --scheme")
    try:
        vocabulary = read_vocabulary(args.vocab) if args.vocab else None
        lines = LineRange.parse(args.lines) if args.lines else None
        test, unknown = corpus_set(args.corpus, vocabulary=vocabulary, lines=lines, scheme=scheme, known_only=True)
    except CorpusError as exc:
        raise CliError(str(exc)) from None
    if unknown:
        print(f"catalog: {unknown} gold codes are not in {args.vocab} and were left out", file=sys.stderr)
    return [test], (lambda _scheme, code: vocabulary.get(code)) if vocabulary else None


def catalogue_tests(args: argparse.Namespace):
    """(test sets, labeller, vocabulary hash, stored decisions) for the held-out records of the catalogue."""
    from catalog_desktop.cli.cmd_train import catalogue_training

    with open_catalogue(args) as catalogue, cancellable() as cancel:
        _, test, vocabs = catalogue_training(catalogue, args.holdout, args.seed, cancel)
        decisions = catalogue.decisions.all()
    if not any(t.docs for t in test):
        raise CliError("no held-out records to evaluate on: train with --holdout above 0, or give --corpus")

    def label(scheme: str, code: str):
        try:
            return vocabs.scheme(scheme).label(code)
        except (KeyError, ValueError):
            return None

    return test, label, vocabs.hash, decisions


def summary(evaluations) -> dict:
    """The scores as JSON: a single scheme's at the top level; several schemes document-weighted."""
    schemes = {e.scheme: e.metrics for e in evaluations}
    scored = [e for e in evaluations if e.metrics.get("docs")]
    docs = sum(e.metrics["docs"] for e in scored)
    top = {key: (sum(e.metrics[key] * e.metrics["docs"] for e in scored) / docs if docs else 0.0)
           for key in SHOWN + ("precision@3", "precision@5", "ndcg@10")}
    top["docs"] = docs
    return top | {"schemes": schemes}


def run(args: argparse.Namespace) -> int:
    from catalog_desktop.suggest.evaluation import EvaluationCancelled, evaluate_suggester
    from catalog_desktop.suggest.report import BundleEvaluation, write_report

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    decisions = None
    if args.corpus:
        suggester = load_bundle(args.bundle)
        tests, labels = corpus_tests(args, suggester)
    else:  # the bundle must be made for the catalogue's vocabularies
        tests, labels, vocab_hash, decisions = catalogue_tests(args)
        suggester = load_bundle(args.bundle, vocab_hash)
    previous = load_bundle(args.compare) if args.compare else None  # may predate a vocabulary update
    try:
        with cancellable() as cancel, progress_bar("Evaluating", not args.json) as progress:
            current = evaluate_suggester(suggester, tests, limit=args.limit, progress=progress, cancel=cancel)
            before = (evaluate_suggester(previous, [t for t in tests if t.scheme in previous.schemes],
                                         limit=args.limit, progress=progress, cancel=cancel)
                      if previous is not None else None)
    except EvaluationCancelled:
        raise CliError("evaluation cancelled", 130) from None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    result = summary(current) | {"bundle": suggester.version}
    if before is not None:
        result["compare"] = summary(before) | {"bundle": previous.version}
    if args.report:
        write_report(args.report, BundleEvaluation(suggester.version, current),
                     BundleEvaluation(previous.version, before) if previous is not None else None,
                     labels=labels, language=args.lang, decisions=decisions)
    if args.json:
        print_json(result)
    else:
        _print(result, current, before)
        if args.report:
            print(f"report written to {args.report}")
    return 0


def _print(result: dict, current, before) -> None:
    for evaluation in current:
        old = next((b for b in before or [] if b.scheme == evaluation.scheme), None)
        metrics = evaluation.metrics
        print(f"{evaluation.scheme}: {metrics.get('docs', 0):,} documents"
              + (f" ({metrics['skipped']} without gold codes skipped)" if metrics.get("skipped") else ""))
        for key in SHOWN if metrics.get("docs") else ():
            line = f"  {key:<12} {metrics[key]:.4f}"
            if old is not None and old.metrics.get("docs"):
                line += f"   (was {old.metrics[key]:.4f}, {metrics[key] - old.metrics[key]:+.4f})"
            print(line)
