"""``catalog db``: where the catalogue is, its schema, moving it, and a team server's roles.

    catalog db info | upgrade                 location and schema version; migrate to current
    catalog db use URL_OR_PATH                make it this person's catalogue (password -> keyring)
    catalog db copy --from A --to B           SQLite <-> PostgreSQL, losing nothing
    catalog db roles | grant | revoke | members   who may do what on a server (db_team.py)
"""

from __future__ import annotations

import argparse
import sys

from catalog_desktop.cli import db_team
from catalog_desktop.cli.common import CliError, add_db_option, cancellable, open_catalogue, print_json, progress_bar


def register(commands) -> None:
    parser = commands.add_parser("db", help="the catalogue database: location, schema, copy, team roles")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    info = actions.add_parser("info", help="where the catalogue is and its schema version")
    info.add_argument("--json", action="store_true")
    upgrade = actions.add_parser("upgrade", help="bring the catalogue's schema to this version of the program")
    for sub in (info, upgrade):
        add_db_option(sub)
        sub.set_defaults(run=run)
    use = actions.add_parser(
        "use", help="make a catalogue (file or server URL) your default; a password goes to the keyring",
        description="Saves the URL without its password in your settings file. A password (in the URL, or "
        "asked with --password) is kept in the operating system's keyring, never in a file. Without a keyring "
        "(a headless machine) use ~/.pgpass or $PGPASSWORD.",
    )
    use.add_argument("target", metavar="URL_OR_PATH", nargs="?", help="omit with --forget")
    use.add_argument("--password", action="store_true", help="ask for the server password and keep it in the keyring")
    use.add_argument("--forget", action="store_true", help="go back to the default catalogue")
    use.set_defaults(run=run_use)
    copy = actions.add_parser(
        "copy", help="copy a whole catalogue to another database (SQLite <-> PostgreSQL), losing nothing",
        description="Copies every record byte for byte with its history, quarantine, decisions, label "
        "adjustments and settings into an EMPTY target (created and migrated if needed), in one transaction.",
    )
    copy.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL")
    copy.add_argument("--to", dest="target", required=True, metavar="PATH_OR_URL")
    copy.add_argument("--json", action="store_true")
    copy.set_defaults(run=run_copy)
    db_team.register(actions)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalogue = open_catalogue(args)  # opening migrates to the current schema
    with catalogue:
        from catalog_desktop.catalogue import schema, security
        from catalog_desktop.catalogue.db import writing

        if args.action == "upgrade" and catalogue.engine.dialect.name == "postgresql":
            with writing(catalogue.engine) as conn:
                if security.is_set_up(conn):
                    security.apply(conn)  # new tables get their privileges and policies
        revision = ",".join(schema.stamped_revisions(catalogue.engine))
        info = {"location": catalogue.location, "schema_revision": revision, "search": catalogue.search_backend,
                "user": catalogue.user}
    if args.action == "upgrade":
        print(f"The catalogue at {info['location']} is at schema revision {info['schema_revision']} (current).")
    elif getattr(args, "json", False):
        print_json(info)
    else:
        for key, value in info.items():
            print(f"{key}: {value}")
    return 0


def run_use(args: argparse.Namespace) -> int:
    from catalog_desktop.catalogue import connection
    from catalog_desktop.catalogue.errors import CatalogueError

    if args.forget:
        connection.forget_database()
        print("Your default catalogue is the one in your user data folder again.")
        return 0
    if not args.target:
        raise CliError("name a catalogue: catalog db use postgresql://login@server/catalogue")
    password = None
    if args.password:
        import getpass

        password = getpass.getpass("Password for the catalogue server: ")
    try:
        saved = connection.save_database(args.target, password)
    except CatalogueError as exc:
        raise CliError(str(exc)) from None
    print(f"Your catalogue is now {saved} (settings: {connection.settings_path()})")
    return 0


def run_copy(args: argparse.Namespace) -> int:
    from catalog_desktop.catalogue import Catalogue
    from catalog_desktop.catalogue.copying import copy_catalogue
    from catalog_desktop.catalogue.errors import CatalogueError

    source = open_catalogue(argparse.Namespace(db=args.source))
    try:
        target = open_catalogue(argparse.Namespace(db=args.target))
    except CliError:
        source.close()
        raise
    with source, target, cancellable() as cancel, progress_bar("Copying", not args.json) as progress:
        try:
            counts = copy_catalogue(source, target, progress, cancel)
        except CatalogueError as exc:
            raise CliError(str(exc)) from None
        where = (source.location, target.location)
    if args.json:
        print_json({"from": where[0], "to": where[1], "rows": counts})
    else:
        print(f"Copied {counts['record']:,} records ({sum(counts.values()):,} rows) from {where[0]} to {where[1]}.")
    return 0
