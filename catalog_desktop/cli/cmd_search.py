"""``catalog search``: find records by title, author, ISBN, Vlacc number or code."""

from __future__ import annotations

import argparse

from catalog_desktop.cli.common import add_db_option, open_catalogue, print_json


def register(commands) -> None:
    parser = commands.add_parser(
        "search",
        help="search the catalogue",
        description="Words match title, authors, subjects, ISBN, Vlacc number and codes. Limit a word to one "
        "field with title:, author:, isbn:, vlacc:, code:, zizo:, siso: or genre:.",
    )
    parser.add_argument("query", nargs="+", help="what to look for")
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalogue = open_catalogue(args)
    with catalogue:
        results = catalogue.search(" ".join(args.query), limit=args.limit)
    if args.json:
        print_json([r._asdict() for r in results])
        return 0
    if not results:
        print("Nothing found.")
        return 0
    for r in results:
        author = f" / {r.author}" if r.author else ""
        year = f" ({r.year})" if r.year else ""
        print(f"#{r.id:<7} {r.control_number or '-':<12} {r.title}{author}{year}")
    return 0
