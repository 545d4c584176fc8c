"""``catalog db roles|grant|revoke|members``: who may do what on a team server.

Run by the catalogue's administrator (the login that owns the tables and may create roles).
The rules themselves live in the server (catalogue/security.py); these commands set them up.
"""

from __future__ import annotations

import argparse
import os

from catalog_desktop.cli.common import CliError, add_db_option, open_catalogue, print_json

KINDS = ("cataloger", "partner", "trainer", "reader")


def register(actions) -> None:
    roles = actions.add_parser(
        "roles", help="create the team roles and row-level security on a PostgreSQL catalogue",
        description="Creates the group roles catalog_cataloger, catalog_partner, catalog_trainer and "
        "catalog_reader, their privileges and the row-level security policies. Safe to run again.",
    )
    grant = actions.add_parser(
        "grant", help="give a person's login a role (created if missing)",
        description="cataloger: edit everything; partner: create and edit its own library's records, "
        "suggest changes to others (needs --library); trainer: read and train; reader: read only.",
    )
    grant.add_argument("login", help="the PostgreSQL login (lower case)")
    grant.add_argument("--as", dest="kind", required=True, choices=KINDS)
    grant.add_argument("--library", help="the partner library whose records this login may change")
    grant.add_argument("--person", help="the person's name, for the history")
    grant.add_argument("--password", action="store_true", help="ask for a password for a new login")
    grant.add_argument("--password-env", metavar="VAR", help="take the new login's password from this environment variable")
    revoke = actions.add_parser("revoke", help="take every catalogue role from a login")
    revoke.add_argument("login")
    members = actions.add_parser("members", help="list the logins and their roles")
    members.add_argument("--json", action="store_true")
    for sub in (roles, grant, revoke, members):
        add_db_option(sub)
        sub.set_defaults(run=run)


def _password(args) -> str | None:
    if getattr(args, "password_env", None):
        value = os.environ.get(args.password_env)
        if not value:
            raise CliError(f"${args.password_env} is empty")
        return value
    if getattr(args, "password", False):
        import getpass

        return getpass.getpass(f"Password for {args.login}: ")
    return None


def run(args: argparse.Namespace) -> int:
    from catalog_desktop.catalogue import security
    from catalog_desktop.catalogue.db import writing
    from catalog_desktop.catalogue.errors import CatalogueError

    catalogue = open_catalogue(args)
    with catalogue:
        if catalogue.engine.dialect.name != "postgresql":
            raise CliError("roles need a PostgreSQL catalogue (--db postgresql://...); a SQLite file has one user")
        try:
            with security.refused_as_not_allowed("set up roles (run this as the catalogue's owner)"), \
                    writing(catalogue.engine) as conn:
                if args.action == "roles":
                    security.apply(conn)
                elif args.action == "grant":
                    security.grant(conn, args.login, args.kind, library=args.library, person=args.person,
                                   password=_password(args))
                elif args.action == "revoke":
                    security.revoke(conn, args.login)
                rows = security.members(conn)
        except CatalogueError as exc:
            raise CliError(str(exc)) from None
    if args.action == "members" and args.json:
        print_json(rows)
    elif args.action in ("members", "grant", "revoke"):
        for row in rows:
            library = f" ({row['library']})" if row["library"] else ""
            print(f"{row['login']}: {row['kind']}{library}" + (f", {row['person']}" if row["person"] else ""))
    else:
        print(f"Roles and row-level security are set up on {catalogue.location}.")
    return 0
