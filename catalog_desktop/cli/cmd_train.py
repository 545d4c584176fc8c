"""``catalog train``: train a model bundle from an Annif-style corpus or from the catalogue."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from catalog_desktop.cli.common import CliError, add_db_option, cancellable, open_catalogue, print_json, progress_bar


def register(commands) -> None:
    parser = commands.add_parser(
        "train", help="train a suggestion model bundle (from a corpus or the catalogue)",
        description="Train a model bundle. With --corpus, from an Annif short-text corpus (text<TAB><uri> <uri>…) "
        "and its vocabulary (<uri><TAB>label); without, from the catalogue: the codes in the configured fields plus "
        "the accepted and rejected suggestions. Ctrl-C cancels; nothing is written then.")
    parser.add_argument("--out", required=True, type=Path, metavar="BUNDLE", help="the bundle folder to write")
    parser.add_argument("--corpus", type=Path, metavar="TRAIN.tsv", help="an Annif TSV corpus (.tsv or .tsv.gz)")
    parser.add_argument("--vocab", type=Path, metavar="VOCAB.tsv", help="its vocabulary (<uri><TAB>label)")
    parser.add_argument("--lines", metavar="RANGE", help="only these corpus lines: N (the first N) or A-B")
    parser.add_argument("--scheme", default="subjects", help="scheme name for a corpus (default: subjects)")
    parser.add_argument("--holdout", type=float, default=0.1,
                        help="catalogue: share of records kept out for `catalog evaluate` (default 0.1)")
    parser.add_argument("--backends", help="comma-separated backends (default: the engine's default ensemble)")
    parser.add_argument("--embedding-model", type=Path, help="a local sentence-transformers model folder")
    parser.add_argument("--seed", type=int, default=0, help="random seed: the same data and seed give the same bundle")
    parser.add_argument("--json", action="store_true", help="print the bundle manifest as JSON")
    add_db_option(parser)
    parser.set_defaults(run=run)


def corpus_training(args: argparse.Namespace):
    """(training sets, vocabulary hash) from ``--corpus``/``--vocab``/``--lines``."""
    from catalog_desktop.suggest.corpus import CorpusError, LineRange, corpus_set, read_vocabulary, vocabulary_hash

    try:
        vocabulary = read_vocabulary(args.vocab) if args.vocab else None
        lines = LineRange.parse(args.lines) if args.lines else None
        training, _ = corpus_set(args.corpus, vocabulary=vocabulary, lines=lines, scheme=args.scheme)
    except CorpusError as exc:
        raise CliError(str(exc)) from None
    return [training], vocabulary_hash(vocabulary) if vocabulary else ""


def catalogue_training(catalogue, holdout: float, seed: int, cancel=None):
    """(train sets, test sets, vocabularies) from the catalogue, split with ``holdout``/``seed``."""
    from catalog_desktop.suggest.catalogue_data import training_sets_from_catalogue

    vocabs = catalogue.vocabularies()
    with progress_bar("Reading records") as progress:
        train, test = training_sets_from_catalogue(catalogue, vocabs, holdout=holdout, seed=seed,
                                                   progress=progress, cancel=cancel)
    if cancel is not None and cancel.is_set():
        raise CliError("cancelled while reading the catalogue; no bundle was written", 130)
    return train, test, vocabs


def run(args: argparse.Namespace) -> int:
    from catalog_desktop.suggest import TrainingCancelled, train_bundle

    if args.vocab and not args.corpus:
        raise CliError("--vocab goes with --corpus")
    if not 0.0 <= args.holdout < 1.0:
        raise CliError(f"--holdout must be at least 0 and below 1, not {args.holdout}")
    start = time.perf_counter()
    held_out = 0
    if args.corpus:
        sets, vocab_hash = corpus_training(args)
    else:
        with open_catalogue(args) as catalogue, cancellable() as cancel:
            sets, test, vocabs = catalogue_training(catalogue, args.holdout, args.seed, cancel)
        vocab_hash, held_out = vocabs.hash, sum(len(t.docs) for t in test)
        for empty in (t for t in sets if not t.docs):
            print(f"catalog: no records with {empty.scheme} codes to train on; the bundle leaves it out", file=sys.stderr)
        sets = [t for t in sets if t.docs]
    if not any(t.docs for t in sets):
        raise CliError("nothing to train on: no documents with codes")
    try:
        with cancellable() as cancel, progress_bar("Training", not args.json) as progress:
            manifest = train_bundle(sets, args.out, backends=args.backends, seed=args.seed, vocab_hash=vocab_hash,
                                    embedding_model=args.embedding_model, progress=progress, cancel=cancel)
    except TrainingCancelled:
        raise CliError("training cancelled; no bundle was written", 130) from None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print_json(manifest)
        return 0
    seconds = time.perf_counter() - start
    for training in sets:
        codes = len({code for codes in training.labels for code in codes})
        print(f"{training.scheme}: {len(training.docs):,} documents, {codes:,} codes")
    print(f"bundle written to {args.out} in {seconds:.1f} s")
    if not args.corpus and held_out:
        print(f"{held_out:,} records held out; evaluate with: catalog evaluate --bundle {args.out} "
              f"--holdout {args.holdout} --seed {args.seed}")
    return 0
