"""Bringing a database's schema to this program's version with Alembic, no alembic.ini needed.

The migration scripts ship inside the package (``catalogue/migrations``), so an installed
catalog-desktop migrates the user's catalogue on open. A database stamped with a revision
this program does not know was made by a newer program: we refuse rather than guess.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from catalog_desktop.catalogue.db import writing
from catalog_desktop.catalogue.errors import CatalogueTooNewError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0]


def current_revisions(connection: Connection) -> tuple[str, ...]:
    return tuple(MigrationContext.configure(connection).get_current_heads())


def upgrade(engine: Engine, location: str) -> bool:
    """Migrate to head inside one write transaction; True when anything was run."""
    script = ScriptDirectory.from_config(alembic_config())
    heads = set(script.get_heads())
    with writing(engine) as conn:
        current = current_revisions(conn)
        for rev in current:
            if _unknown(script, rev):
                raise CatalogueTooNewError(location, rev)
        if set(current) == heads:
            return False
        command.upgrade(alembic_config(conn), "heads")
    return True


def _unknown(script: ScriptDirectory, rev: str) -> bool:
    try:
        return script.get_revision(rev) is None
    except Exception:  # alembic raises ResolutionError / CommandError for unknown ids
        return True


def stamp(engine: Engine, revision: str) -> None:
    """Write a revision into ``alembic_version`` without running anything (tests, repairs)."""
    from sqlalchemy import text

    with writing(engine) as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:rev)"), {"rev": revision})
