"""``catalog import``: read MARC files or folders into the catalogue."""

from __future__ import annotations

import argparse
import sys

from catalog_desktop.cli.common import add_db_option, cancellable, open_catalogue, print_json, progress_bar


def register(commands) -> None:
    parser = commands.add_parser(
        "import",
        help="import MARC files (ISO 2709, MARCXML, MARC-in-JSON, .mrk, Aleph sequential)",
        description="Import MARC records from files or folders. Records that cannot be read are quarantined "
        "with their bytes and the reason; the rest goes on. Ctrl-C stops cleanly after the current batch.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (folders are read recursively)")
    parser.add_argument("--profile", default="openvlacc", help="field profile: openvlacc (default), vubis, or a TOML file")
    parser.add_argument("--json", action="store_true", help="print a machine-readable summary")
    parser.add_argument(
        "--one-process", action="store_true",
        help="do all the work in this process (by default a large file is read in a second process while "
        "this one stores, when a processor core is free)",
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def summary_as_dict(summary) -> dict:
    files = [
        {
            "path": str(f.path),
            "format": f.format,
            "found": f.found,
            "imported": f.imported,
            "updated": f.updated,
            "unchanged": f.unchanged,
            "quarantined": f.quarantined,
            "error": f.error,
        }
        for f in summary.files
    ]
    totals = {key: sum(f[key] for f in files) for key in ("found", "imported", "updated", "unchanged", "quarantined")}
    return {"files": files, "totals": totals, "cancelled": bool(getattr(summary, "cancelled", False)),
            "files_read_in_second_process": summary.prepared_elsewhere}


def run(args: argparse.Namespace) -> int:
    catalogue = open_catalogue(args)
    with catalogue, cancellable() as cancel, progress_bar("Importing", not args.json) as progress:
        summary = catalogue.import_files(
            args.paths, profile=args.profile, progress=progress, cancel=cancel,
            second_process=False if args.one_process else None,
        )
    data = summary_as_dict(summary)
    if args.json:
        print_json(data)
    else:
        _print_summary(data)
    if data["cancelled"]:
        return 130
    return 1 if any(f["error"] for f in data["files"]) else 0


def _print_summary(data: dict) -> None:
    for f in data["files"]:
        if f["error"]:
            print(f"{f['path']}: ERROR: {f['error']}", file=sys.stderr)
            continue
        print(
            f"{f['path']} ({f['format']}): {f['found']} found, {f['imported']} imported, {f['updated']} updated, "
            f"{f['unchanged']} unchanged, {f['quarantined']} quarantined"
        )
    t = data["totals"]
    print(
        f"Total: {t['found']} records found, {t['imported']} imported, {t['updated']} updated, "
        f"{t['unchanged']} unchanged, {t['quarantined']} quarantined"
        + (" (cancelled: run the import again to complete it)" if data["cancelled"] else "")
    )
    if t["quarantined"]:
        print("See them with: catalog quarantine list")
