"""``catalog stats``: what the catalogue holds."""

from __future__ import annotations

import argparse

from catalog_desktop.cli.common import add_db_option, open_catalogue, print_json


def register(commands) -> None:
    parser = commands.add_parser("stats", help="counts of records, works, codes, quarantine, imports")
    parser.add_argument("--json", action="store_true")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalogue = open_catalogue(args)
    with catalogue:
        stats = catalogue.stats()
    if args.json:
        print_json(stats)
        return 0
    _print(stats)
    return 0


def _print(data, indent: int = 0) -> None:
    pad = "  " * indent
    for key, value in data.items():
        if isinstance(value, dict):
            print(f"{pad}{key}:")
            _print(value, indent + 1)
        elif isinstance(value, list):
            print(f"{pad}{key}: {len(value)}")
            for entry in value[-10:]:
                print(f"{pad}  - {entry}")
        else:
            print(f"{pad}{key}: {value}")
