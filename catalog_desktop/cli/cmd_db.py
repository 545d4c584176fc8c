"""``catalog db``: where the catalogue is and which schema version it has."""

from __future__ import annotations

import argparse

from catalog_desktop.cli.common import add_db_option, open_catalogue, print_json


def register(commands) -> None:
    parser = commands.add_parser("db", help="the catalogue database: location, schema version, upgrade")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    info = actions.add_parser("info", help="where the catalogue is and its schema version")
    info.add_argument("--json", action="store_true")
    upgrade = actions.add_parser("upgrade", help="bring the catalogue's schema to this version of the program")
    for sub in (info, upgrade):
        add_db_option(sub)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalogue = open_catalogue(args)  # opening migrates to the current schema
    with catalogue:
        from catalog_desktop.catalogue import schema

        revision = ",".join(schema.stamped_revisions(catalogue.engine))
        info = {"location": catalogue.location, "schema_revision": revision, "search": catalogue.search_backend}
    if args.action == "upgrade":
        print(f"The catalogue at {info['location']} is at schema revision {info['schema_revision']} (current).")
    elif getattr(args, "json", False):
        print_json(info)
    else:
        for key, value in info.items():
            print(f"{key}: {value}")
    return 0
