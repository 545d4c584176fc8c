"""``catalog export``: write records out as ISO 2709 or MARCXML."""

from __future__ import annotations

import argparse
import sys

from catalog_desktop.cli.common import CliError, add_db_option, cancellable, open_catalogue, progress_bar


def register(commands) -> None:
    parser = commands.add_parser(
        "export",
        help="export records as ISO 2709 or MARCXML",
        description="Export all records, the ones named, or the ones a search finds. A record nobody edited "
        "is written byte for byte as it was imported (ISO 2709).",
    )
    parser.add_argument("records", nargs="*", metavar="RECORD", help="record ids or Vlacc numbers (001); default: all")
    parser.add_argument("--format", choices=("iso2709", "marcxml"), default="iso2709")
    parser.add_argument("--out", required=True, metavar="FILE", help="output file ('-' for standard output)")
    parser.add_argument("--query", help="export the records a search finds (same syntax as 'catalog search')")
    add_db_option(parser)
    parser.set_defaults(run=run)


def resolve_record_ids(catalogue, refs: list[str]) -> list[int]:
    """Record ids from what a user typed: an id, or a Vlacc number (001)."""
    from catalog_desktop.catalogue.errors import RecordNotFound

    try:
        return [catalogue.records.find(ref).id for ref in refs]
    except RecordNotFound as exc:
        raise CliError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    catalogue = open_catalogue(args)
    with catalogue:
        ids = resolve_record_ids(catalogue, args.records) if args.records else None
        if args.query:
            found = [r.id for r in catalogue.search(args.query, limit=None)]
            ids = found if ids is None else [i for i in ids if i in set(found)]
        try:
            stream = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
        except OSError as exc:
            raise CliError(f"cannot write {args.out}: {exc.strerror}") from None
        with cancellable() as cancel, progress_bar("Exporting", args.out != "-") as progress:
            try:
                count = catalogue.export(stream, fmt=args.format, ids=ids, progress=progress, cancel=cancel)
            finally:
                if stream is not sys.stdout.buffer:
                    stream.close()
    if args.out != "-":
        print(f"{count} records written to {args.out} ({args.format})", file=sys.stderr)
    return 130 if cancel.is_set() else 0
