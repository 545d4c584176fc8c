"""``catalog decide``: accept or reject a suggested code, list a record's decisions, undo one.

What the editor's accept and reject keys do, from the command line:

    catalog decide accept RECORD zizo MEGEV      # writes 693 $9 MEGEV ... into the record
    catalog decide reject RECORD genre Thrillers  # never suggested again for this record
    catalog decide list RECORD
    catalog decide undo DECISION_ID               # an acceptance also leaves the MARC again
"""

from __future__ import annotations

import argparse

from catalog_desktop.cli.common import CliError, add_db_option, open_catalogue, print_json

SCHEMES = ("zizo", "siso", "genre")


def register(commands) -> None:
    parser = commands.add_parser("decide", help="accept or reject a suggested code, list or undo decisions")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    for action, text in (("accept", "write the code into the record"), ("reject", "keep that the code is wrong")):
        p = actions.add_parser(action, help=text)
        p.add_argument("record", metavar="RECORD", help="record id or Vlacc number (001)")
        p.add_argument("scheme", choices=SCHEMES)
        p.add_argument("code", help="the code (a genre: its term)")
        p.add_argument("--bundle", help="the bundle that suggested it (name@version), kept with the decision")
        p.add_argument("--confidence", type=float)
        p.add_argument("--rank", type=int)
        p.add_argument("--who", help="who decides (default: your login name)")
    p = actions.add_parser("list", help="a record's decisions")
    p.add_argument("record", metavar="RECORD")
    p = actions.add_parser("undo", help="take a decision back")
    p.add_argument("decision", type=int, metavar="DECISION_ID")
    p.add_argument("--who")
    for p in actions.choices.values():
        p.add_argument("--json", action="store_true")
        add_db_option(p)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from catalog_desktop.catalogue.decisions import DecisionError, Proposal
    from catalog_desktop.catalogue.errors import CatalogueError
    from catalog_desktop.cli.cmd_export import resolve_record_ids
    from catalog_desktop.marc.code_fields import CodeFieldError

    catalogue = open_catalogue(args)
    with catalogue:
        try:
            if args.action == "list":
                (rid,) = resolve_record_ids(catalogue, [args.record])
                decisions = catalogue.decisions.for_record(rid)
                if args.json:
                    print_json([dataclasses.asdict(d) for d in decisions])
                for d in [] if args.json else decisions:
                    state = " (undone)" if d.undone else ""
                    print(f"{d.id}\t{d.decided_at:%Y-%m-%d %H:%M}\t{d.decision}{state}\t{d.scheme}\t{d.code}\t{d.who or ''}\t{d.bundle or ''}")
                return 0
            if args.action == "undo":
                change = catalogue.decisions.undo(args.decision, who=args.who)
            else:
                (rid,) = resolve_record_ids(catalogue, [args.record])
                proposal = Proposal(args.scheme, args.code.strip(), args.confidence)
                decide = catalogue.decisions.accept if args.action == "accept" else catalogue.decisions.reject
                change = decide(rid, proposal, who=args.who, bundle=args.bundle, rank=args.rank)
        except (DecisionError, CodeFieldError, CatalogueError) as exc:
            raise CliError(str(exc)) from None
    if args.json:
        print_json(dataclasses.asdict(change))
    else:
        print(f"{change.reason}: record {', '.join(map(str, change.records))}"
              + (f", now version {change.versions[0]}" if change.versions else " (MARC unchanged)"))
    return 0
