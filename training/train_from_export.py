"""Train a bundle from an Open Vlacc export and write its evaluation report, in three steps.

    python training/train_from_export.py EXPORT.mrc [MORE…] --out models/mijn-bibliotheek \
        [--db werk.sqlite] [--holdout 0.1] [--seed 0] [--compare models/default]

1. ``catalog import`` the export(s) into a working catalogue (``--db``, default next to the bundle);
2. ``catalog train`` from that catalogue, keeping ``--holdout`` of the records out;
3. ``catalog evaluate`` on the records kept out, with the report ``<bundle>.html`` (and the
   bundle it would replace beside it with ``--compare``).

Every step is the ``catalog`` command itself: this script only chains them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from catalog_desktop.cli.main import main as catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exports", nargs="+", type=Path, help="MARC exports (any format `catalog import` reads)")
    parser.add_argument("--out", required=True, type=Path, help="the bundle folder to write")
    parser.add_argument("--db", type=Path, help="working catalogue (default: <out>.sqlite)")
    parser.add_argument("--holdout", default="0.1", help="share of records kept out for evaluation (default 0.1)")
    parser.add_argument("--seed", default="0")
    parser.add_argument("--backends", help="comma-separated backends (default: the engine's default)")
    parser.add_argument("--compare", type=Path, help="the bundle the new one would replace")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    args = parser.parse_args(argv)
    db = str(args.db or args.out.with_suffix(".sqlite"))
    steps = [
        ["import", *map(str, args.exports), "--db", db],
        ["train", "--db", db, "--out", str(args.out), "--holdout", args.holdout, "--seed", args.seed]
        + (["--backends", args.backends] if args.backends else []),
        ["evaluate", "--db", db, "--bundle", str(args.out), "--holdout", args.holdout, "--seed", args.seed,
         "--report", str(args.out.with_suffix(".html")), "--lang", args.lang]
        + (["--compare", str(args.compare)] if args.compare else []),
    ]
    for step in steps:
        print("$ catalog " + " ".join(step), flush=True)
        code = catalog(step)
        if code not in (0,) and not (step[0] == "import" and code == 1):  # import: 1 = some files unreadable
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
