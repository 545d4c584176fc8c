"""Compare a new bundle with the one it would replace, on the same test documents, as a report.

    python training/compare_bundles.py NEW OLD --corpus TEST.tsv [--vocab VOCAB.tsv] --report vergelijking.html
    python training/compare_bundles.py NEW OLD --db catalogus.sqlite [--holdout 0.1 --seed 0] --report vergelijking.html

A thin front for ``catalog evaluate --bundle NEW --compare OLD``: the scores of both, side by side.
"""

from __future__ import annotations

import sys

from catalog_desktop.cli.main import main as catalog


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) < 2 or argv[0].startswith("-") or argv[1].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    new, old, rest = argv[0], argv[1], argv[2:]
    return catalog(["evaluate", "--bundle", new, "--compare", old, *rest])


if __name__ == "__main__":
    sys.exit(main())
