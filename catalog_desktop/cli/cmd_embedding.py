"""``catalog embedding``: fine-tune a sentence-transformers model folder on the library's records,
and say what a fine-tuned folder was trained on.

The fine-tuned folder is then named at training time:
``catalog train --backends centroid,knn,embedding --embedding-model FOLDER --out BUNDLE``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from catalog_desktop.cli.common import CliError, add_db_option, cancellable, open_catalogue, print_json, progress_bar


def register(commands) -> None:
    parser = commands.add_parser("embedding", help="fine-tune an embedding model on the catalogue or a corpus",
                                 description="Embedding models (sentence-transformers folders) for the embedding backend.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True

    tune = actions.add_parser(
        "finetune", help="fine-tune a model folder on records and their codes, into a new folder",
        description="Fine-tune a local sentence-transformers model folder so that records sharing a code come closer: "
        "pairs (record, label of its code) and (record, another record with the same code), "
        "MultipleNegativesRankingLoss, on the CPU. From the catalogue (the records `catalog train` would use, "
        "without the held-out ones) or from an Annif corpus. Writes a NEW folder with finetune.json; "
        "the base folder is never changed; nothing is downloaded. Ctrl-C cancels; nothing is written then.")
    tune.add_argument("--base", required=True, type=Path, metavar="FOLDER", help="the sentence-transformers model folder to start from")
    tune.add_argument("--out", required=True, type=Path, metavar="FOLDER", help="the new model folder to write")
    tune.add_argument("--replace", action="store_true", help="replace --out if it is an earlier fine-tuned folder")
    tune.add_argument("--corpus", type=Path, metavar="TRAIN.tsv", help="an Annif TSV corpus instead of the catalogue")
    tune.add_argument("--vocab", type=Path, metavar="VOCAB.tsv", help="its vocabulary (<uri><TAB>label): label pairs")
    tune.add_argument("--lines", metavar="RANGE", help="only these corpus lines: N (the first N) or A-B")
    tune.add_argument("--scheme", default="subjects", help="scheme name for a corpus (default: subjects)")
    tune.add_argument("--holdout", type=float, default=0.1,
                      help="catalogue: share of records left out, as `catalog train --holdout` (default 0.1)")
    tune.add_argument("--seed", type=int, default=0, help="random seed (pairs, batches, dropout); also the holdout split")
    tune.add_argument("--epochs", type=int, default=1, help="passes over the pairs (default 1)")
    tune.add_argument("--batch-size", type=int, default=32, help="pairs per batch; the others are its negatives (default 32)")
    tune.add_argument("--learning-rate", type=float, default=2e-5, help="AdamW learning rate (default 2e-5)")
    tune.add_argument("--pairs", default="label,record", help="pair kinds: label, record or both (default label,record)")
    tune.add_argument("--per-code", type=int, default=64, help="at most this many pairs for one code (default 64)")
    tune.add_argument("--max-pairs", type=int, default=20_000, help="at most this many pairs in all (default 20000)")
    tune.add_argument("--max-length", type=int, default=128,
                      help="tokens of a text used while training (default 128; 0: the model's own limit)")
    tune.add_argument("--threads", type=int, help="CPU threads for torch (1 is faster on a busy machine)")
    tune.add_argument("--json", action="store_true", help="print the note written as finetune.json")
    add_db_option(tune)
    tune.set_defaults(run=run_finetune)

    info = actions.add_parser("info", help="what a fine-tuned model folder was trained on")
    info.add_argument("folder", type=Path, metavar="FOLDER")
    info.set_defaults(run=run_info)


def _training_sets(args: argparse.Namespace, cancel):
    from catalog_desktop.cli.cmd_train import catalogue_training, corpus_training

    if args.vocab and not args.corpus:
        raise CliError("--vocab goes with --corpus")
    if args.corpus:
        return corpus_training(args)[0]
    if not 0.0 <= args.holdout < 1.0:
        raise CliError(f"--holdout must be at least 0 and below 1, not {args.holdout}")
    with open_catalogue(args) as catalogue:
        sets, _, _ = catalogue_training(catalogue, args.holdout, args.seed, cancel)
    return [t for t in sets if t.docs]


def run_finetune(args: argparse.Namespace) -> int:
    from catalog_desktop.suggest.finetune import FinetuneError, finetune_embedding
    from catalog_desktop.suggest.training import TrainingCancelled

    start = time.perf_counter()
    kinds = tuple(k.strip() for k in args.pairs.split(",") if k.strip())
    try:
        with cancellable() as cancel:
            sets = _training_sets(args, cancel)
            with progress_bar("Fine-tuning", not args.json) as progress:
                note = finetune_embedding(
                    args.base, args.out, sets, epochs=args.epochs, batch_size=args.batch_size,
                    learning_rate=args.learning_rate, seed=args.seed, kinds=kinds, per_code=args.per_code,
                    max_pairs=args.max_pairs, max_length=args.max_length or None, replace=args.replace,
                    threads=args.threads, progress=progress, cancel=cancel)
    except TrainingCancelled:
        raise CliError("fine-tuning cancelled; nothing was written", 130) from None
    except FinetuneError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print_json(note)
        return 0
    print(f"{note['pairs']:,} pairs, {note['steps']:,} steps, last loss {note['final_loss']}; "
          f"model written to {args.out} in {time.perf_counter() - start:.0f} s")
    print(f"train a bundle with it: catalog train --backends centroid,knn,embedding "
          f"--embedding-model {args.out.resolve()} --out BUNDLE")
    return 0


def run_info(args: argparse.Namespace) -> int:
    from catalog_desktop.suggest.finetune import FinetuneError, check_model_folder, read_note

    try:
        check_model_folder(args.folder)
    except FinetuneError as exc:
        raise CliError(str(exc)) from None
    note = read_note(args.folder)
    if note is None:
        print(f"{args.folder}: a model folder that catalog-desktop did not fine-tune (no finetune.json)", file=sys.stderr)
        return 1
    print_json(note)
    return 0
