"""Rebuild ``models/default/``: the demonstration bundle trained on the sample catalogue.

    .venv/bin/python training/make_default_bundle.py            # writes models/default/
    .venv/bin/python training/make_default_bundle.py --out /tmp/b --seed 7

The same seed gives the same model files (``tests/core/test_cli_suggest.py`` checks it);
``manifest.json`` differs only in its creation time. Commit the folder after rebuilding.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from catalog_desktop.resources import default_bundle
from catalog_desktop.suggest.sample_bundle import DEFAULT_SEED, build_sample_bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_bundle(), help="bundle folder (default: models/default/)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--backends", help="comma-separated backends (default: the engine's default)")
    args = parser.parse_args(argv)
    manifest = build_sample_bundle(args.out, seed=args.seed, backends=args.backends)
    summary = {"out": str(args.out), "schemes": sorted(manifest.get("schemes", {})), "vocab_hash": manifest.get("vocab_hash"),
               "training_data_hash": manifest.get("training_data_hash")}
    json.dump(summary, sys.stdout, indent=2, ensure_ascii=False, default=str)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
