"""Who may do what on a team catalogue, enforced by the PostgreSQL server itself.

Four group roles, granted to each person's login by ``catalog db grant``:

=====================  ===============================================================
``catalog_cataloger``  Bibliografisch Centrum: read and change everything
``catalog_partner``    partner library: read everything; create and change only the
                       records of its own library; suggest changes to other records
``catalog_trainer``    read everything (to train suggestion models); change nothing
``catalog_reader``     read everything; change nothing
=====================  ===============================================================

Table privileges say which tables a role may write at all; row-level security policies say
which rows: a partner's login can only write records whose ``owner_library`` is its library
(``team_member`` maps logins to libraries), and their child rows, history and decisions,
whatever SQL it sends. New records a partner creates get its library by column default.
On the server, ``who`` columns are stamped with the login by a trigger (the application
cannot claim to be someone else); the tables' owner (the administrator who migrates and
copies catalogues) is trusted and not stamped, so a copied history keeps its names.

Everything here is idempotent: :func:`apply` runs again after each schema upgrade.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Connection, text

from catalog_desktop.catalogue.errors import CatalogueError, NotAllowed

KINDS = ("cataloger", "partner", "trainer", "reader")
GROUPS = {kind: f"catalog_{kind}" for kind in KINDS}
# Tables whose rows belong to a record, and so to its library.
RECORD_CHILDREN = (
    "record_agent", "subject", "classification", "item", "record_search", "record_version",
    "suggestion_decision", "label_adjustment",
)
# Shared tables a partner's import or edit must add to (works and agents are keyed, shared).
PARTNER_INSERT = ("work", "agent", "quarantine", "import_run", "edit_step", "edit_step_record")
# Tables with a "who" column the server stamps with the login.
STAMPED = {
    "record": "updated_by", "record_version": "who", "suggestion_decision": "who", "label_adjustment": "who",
    "change_suggestion": "who", "import_run": "who", "edit_step": "who",
}
_LOGIN = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")

FUNCTIONS = """
CREATE OR REPLACE FUNCTION catalog_library() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT library FROM team_member WHERE login = session_user
$$;
CREATE OR REPLACE FUNCTION catalog_owns(rid integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM record WHERE id = rid AND owner_library = catalog_library())
$$;
CREATE OR REPLACE FUNCTION catalog_stamp_who() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM team_member WHERE login = session_user) THEN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user));
  END IF;
  RETURN NEW;
END
$$;
"""


def _policy(conn: Connection, table: str, name: str, body: str) -> None:
    conn.exec_driver_sql(f'DROP POLICY IF EXISTS {name} ON "{table}"')
    conn.exec_driver_sql(f'CREATE POLICY {name} ON "{table}" {body}')


def _ensure_group(conn: Connection, role: str) -> None:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    if not exists:
        conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")


def is_set_up(conn: Connection) -> bool:
    if conn.dialect.name != "postgresql":
        return False
    return conn.execute(text("SELECT 1 FROM pg_policies WHERE policyname = 'catalog_read' LIMIT 1")).first() is not None


def apply(conn: Connection) -> None:
    """Create the group roles, privileges, functions, triggers and policies (PostgreSQL only)."""
    if conn.dialect.name != "postgresql":
        raise CatalogueError("roles and row-level security need a PostgreSQL server; a SQLite file has one user")
    from catalog_desktop.catalogue.models import metadata

    tables = sorted(metadata.tables)
    for role in GROUPS.values():
        _ensure_group(conn, role)
    everyone = ", ".join(GROUPS.values())
    conn.exec_driver_sql(FUNCTIONS)
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {everyone}")
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}")
    conn.exec_driver_sql("GRANT EXECUTE ON FUNCTION catalog_library(), catalog_owns(integer) TO " + everyone)
    writable = [t for t in tables if t != "team_member"]
    cataloger, partner = GROUPS["cataloger"], GROUPS["partner"]
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(writable)} TO {cataloger}")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON record, {', '.join(RECORD_CHILDREN)} TO {partner}")
    conn.exec_driver_sql(f"GRANT INSERT ON {', '.join(PARTNER_INSERT)}, change_suggestion TO {partner}")
    conn.exec_driver_sql(f"GRANT UPDATE ON import_run, edit_step, edit_step_record TO {partner}")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON record_presence TO {everyone}")
    conn.exec_driver_sql("ALTER TABLE record ALTER COLUMN owner_library SET DEFAULT catalog_library()")

    own = {"record": "owner_library = catalog_library()", **{t: "catalog_owns(record_id)" for t in RECORD_CHILDREN}}
    for table, condition in own.items():
        conn.exec_driver_sql(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        _policy(conn, table, "catalog_read", "FOR SELECT USING (true)")
        _policy(conn, table, "catalog_cataloger_all", f"FOR ALL TO {cataloger} USING (true) WITH CHECK (true)")
        _policy(conn, table, "catalog_partner_own", f"FOR ALL TO {partner} USING ({condition}) WITH CHECK ({condition})")
    conn.exec_driver_sql('ALTER TABLE change_suggestion ENABLE ROW LEVEL SECURITY')
    _policy(conn, "change_suggestion", "catalog_read", "FOR SELECT USING (true)")
    _policy(conn, "change_suggestion", "catalog_cataloger_all", f"FOR ALL TO {cataloger} USING (true) WITH CHECK (true)")
    _policy(conn, "change_suggestion", "catalog_partner_suggest",
            f"FOR INSERT TO {partner} WITH CHECK (library IS NOT DISTINCT FROM catalog_library() AND status = 'open')")
    conn.exec_driver_sql('ALTER TABLE record_presence ENABLE ROW LEVEL SECURITY')
    _policy(conn, "record_presence", "catalog_read", "FOR SELECT USING (true)")
    _policy(conn, "record_presence", "catalog_presence_own",
            "FOR ALL USING (who = session_user) WITH CHECK (who = session_user)")
    for table, column in STAMPED.items():
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS catalog_stamp_who ON "{table}"')
        conn.exec_driver_sql(
            f'CREATE TRIGGER catalog_stamp_who BEFORE INSERT OR UPDATE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION catalog_stamp_who('{column}')"
        )


def grant(conn: Connection, login: str, kind: str, *, library: str | None = None, person: str | None = None,
          password: str | None = None) -> None:
    """Make ``login`` (created if missing, with ``password``) a member of one group role."""
    if kind not in KINDS:
        raise CatalogueError(f"unknown role {kind!r}; choose from {', '.join(KINDS)}")
    if not _LOGIN.match(login):
        raise CatalogueError(f"login {login!r}: use lower-case letters, digits, '_', '.', '-' (at most 63)")
    if kind == "partner" and not library:
        raise CatalogueError("a partner library's login needs --library (the library whose records it may change)")
    if not is_set_up(conn):
        apply(conn)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).first()
    quoted = conn.dialect.identifier_preparer.quote(login)
    if not exists:
        conn.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN")
    if password is not None:
        # The server stores a scram-sha-256 hash; the literal only travels in this statement.
        literal = conn.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar()
        conn.exec_driver_sql(f"ALTER ROLE {quoted} PASSWORD {literal}")
    for other in GROUPS.values():
        conn.exec_driver_sql(f"REVOKE {other} FROM {quoted}")
    conn.exec_driver_sql(f"GRANT {GROUPS[kind]} TO {quoted}")
    conn.execute(text("DELETE FROM team_member WHERE login = :l"), {"l": login})
    conn.execute(text("INSERT INTO team_member (login, person, library, kind) VALUES (:l, :p, :lib, :k)"),
                 {"l": login, "p": person, "lib": library, "k": kind})


def revoke(conn: Connection, login: str) -> None:
    """Take every catalogue role from a login (the login itself stays; drop it with SQL)."""
    quoted = conn.dialect.identifier_preparer.quote(login)
    for role in GROUPS.values():
        conn.exec_driver_sql(f"REVOKE {role} FROM {quoted}")
    conn.execute(text("DELETE FROM team_member WHERE login = :l"), {"l": login})


def members(conn: Connection) -> list[dict]:
    rows = conn.execute(text("SELECT login, person, library, kind FROM team_member ORDER BY login"))
    return [dict(r._mapping) for r in rows]


@contextmanager
def refused_as_not_allowed(what: str) -> Iterator[None]:
    """Turn the server's "permission denied" / "violates row-level security" into NotAllowed."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as exc:
        code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
        if code == "42501":  # insufficient_privilege, also raised for RLS WITH CHECK failures
            raise NotAllowed(what, str(exc.orig).splitlines()[0]) from None
        raise
