"""``catalog quarantine``: records that could not be read, with their bytes and reason."""

from __future__ import annotations

import argparse
import sys

from catalog_desktop.cli.common import CliError, add_db_option, open_catalogue, print_json


def register(commands) -> None:
    parser = commands.add_parser("quarantine", help="list, show or write out quarantined records")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    listing = actions.add_parser("list", help="list quarantined records")
    listing.add_argument("--json", action="store_true")
    show = actions.add_parser("show", help="the reason and a hex dump of one quarantined record")
    show.add_argument("id", type=int)
    write = actions.add_parser("write", help="write the raw bytes of quarantined records to a file")
    write.add_argument("ids", type=int, nargs="*", help="default: all")
    write.add_argument("--out", required=True, metavar="FILE")
    for sub in (listing, show, write):
        add_db_option(sub)
    parser.set_defaults(run=run)


def hexdump(data: bytes, width: int = 16) -> str:
    lines = []
    for offset in range(0, len(data), width):
        chunk = data[offset : offset + width]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        lines.append(f"{offset:08x}  {hexes:<{width * 3}} {text}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    catalogue = open_catalogue(args)
    with catalogue:
        if args.action == "list":
            items = catalogue.quarantine.list()
            if args.json:
                print_json([_as_dict(q) for q in items])
            elif not items:
                print("The quarantine is empty.")
            for q in items if not args.json else ():
                print(f"#{q.id:<6} {q.source_file}  offset {q.offset}  record {q.position}  {q.reason_code}: {q.reason_message}")
            return 0
        if args.action == "show":
            q = _get(catalogue, args.id)
            print(f"Quarantined record #{q.id}")
            print(f"  file:   {q.source_file} ({q.source_format})")
            print(f"  where:  record {q.position}, byte offset {q.offset}, {len(q.raw)} bytes")
            print(f"  reason: {q.reason_code}: {q.reason_message}")
            print()
            print(hexdump(q.raw))
            return 0
        items = [_get(catalogue, i) for i in args.ids] if args.ids else catalogue.quarantine.list()
        try:
            with open(args.out, "wb") as out:
                for q in items:
                    out.write(q.raw if q.raw is not None else _get(catalogue, q.id).raw)
        except OSError as exc:
            raise CliError(f"cannot write {args.out}: {exc.strerror}") from None
        print(f"{len(items)} quarantined record(s) written to {args.out}", file=sys.stderr)
        return 0


def _get(catalogue, quarantine_id: int):
    from catalog_desktop.catalogue.errors import QuarantineNotFound

    try:
        return catalogue.quarantine.get(quarantine_id)
    except QuarantineNotFound:
        raise CliError(f"no quarantined record #{quarantine_id}") from None


def _as_dict(q) -> dict:
    return {
        "id": q.id,
        "source_file": q.source_file,
        "source_format": q.source_format,
        "offset": q.offset,
        "position": q.position,
        "bytes": len(q.raw) if q.raw is not None else None,
        "reason_code": q.reason_code,
        "reason_message": q.reason_message,
    }
