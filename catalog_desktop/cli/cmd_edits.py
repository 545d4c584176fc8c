"""``catalog edits``: the catalogue's edit history, and undo / redo of its steps.

The same steps the window's Edit menu undoes (record edits, work-level codes, new records,
accepted and rejected suggestions):

    catalog edits history [--record RECORD] [--limit N]   # newest first: who, when, state, model
    catalog edits show STEP                               # the MARC lines it took away and added
    catalog edits undo [--step STEP]                      # the newest step still done, or that one
    catalog edits redo
"""

from __future__ import annotations

import argparse

from catalog_desktop.cli.common import CliError, add_db_option, open_catalogue, print_json


def register(commands) -> None:
    parser = commands.add_parser("edits", help="the edit history; undo and redo of edit steps")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    p = actions.add_parser("history", help="the steps, newest first")
    p.add_argument("--record", metavar="RECORD", help="only this record's steps (id or Vlacc number)")
    p.add_argument("--limit", type=int, default=50)
    p = actions.add_parser("show", help="what one step changed")
    p.add_argument("step", type=int, metavar="STEP")
    p = actions.add_parser("undo", help="undo the newest step (or --step)")
    p.add_argument("--step", type=int)
    p.add_argument("--who")
    p = actions.add_parser("redo", help="redo the step undone last")
    p.add_argument("--who")
    for p in actions.choices.values():
        p.add_argument("--json", action="store_true")
        add_db_option(p)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from catalog_desktop.catalogue.errors import CatalogueError

    catalogue = open_catalogue(args)
    with catalogue:
        try:
            if args.action == "history":
                record_id = None
                if args.record:
                    from catalog_desktop.cli.cmd_export import resolve_record_ids

                    (record_id,) = resolve_record_ids(catalogue, [args.record])
                steps = catalogue.edits.history(args.limit, record_id=record_id)
                if args.json:
                    print_json([dataclasses.asdict(s) for s in steps])
                    return 0
                for s in steps:
                    records = ",".join(str(r.record_id) for r in s.records)
                    print(f"{s.id}\t{s.done_at:%Y-%m-%d %H:%M}\t{s.state}\t{s.who or ''}\t{s.name}\t"
                          f"records {records}\t{s.bundle or ''}")
                return 0
            if args.action == "show":
                diffs = catalogue.edits.diff(args.step)
                if args.json:
                    print_json([dataclasses.asdict(d) for d in diffs])
                    return 0
                for d in diffs:
                    print(f"# record {d.record_id}: {d.title}")
                    print("\n".join([f"- {x}" for x in d.removed] + [f"+ {x}" for x in d.added]))
                return 0
            if args.action == "undo":
                change = (catalogue.edits.undo_step(args.step, who=args.who) if args.step is not None
                          else catalogue.edits.undo(who=args.who))
            else:
                change = catalogue.edits.redo(who=args.who)
        except CatalogueError as exc:
            raise CliError(str(exc)) from None
    if change is None:
        raise CliError(f"nothing to {args.action}", exit_code=1)
    if args.json:
        print_json(dataclasses.asdict(change))
    else:
        print(f"{change.reason}: record {', '.join(map(str, change.records))}")
    return 0
