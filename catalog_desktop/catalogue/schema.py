"""Bringing a database's schema to this program's version with Alembic, no alembic.ini needed.

The migration scripts ship inside the package (``catalogue/migrations``), so an installed
catalog-desktop migrates the user's catalogue on open. A database stamped with a revision
this program does not know was made by a newer program: we refuse rather than guess.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.errors import CatalogueTooNewError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions (a test keeps the two in step). Knowing it lets
# an up-to-date catalogue open without importing Alembic at all: a third of the open time.
HEAD = "0006"


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0]


def current_revisions(connection: Connection) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    return tuple(MigrationContext.configure(connection).get_current_heads())


def stamped_revisions(engine: Engine) -> tuple[str, ...]:
    with reading(engine) as conn:
        if not inspect(conn).has_table("alembic_version"):
            return ()
        return tuple(r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version")))


def upgrade(engine: Engine, location: str) -> bool:
    """Migrate to head inside one write transaction; True when anything was run."""
    if stamped_revisions(engine) == (HEAD,):
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

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


def _unknown(script, rev: str) -> bool:
    try:
        return script.get_revision(rev) is None
    except Exception:  # alembic raises ResolutionError / CommandError for unknown ids
        return True


def stamp(engine: Engine, revision: str) -> None:
    """Write a revision into ``alembic_version`` without running anything (tests, repairs)."""
    with writing(engine) as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:rev)"), {"rev": revision})


def new_revision(message: str, rev_id: str, url: str = "sqlite://") -> None:
    """For developers: write a migration script for the difference between models.py and head.

    ``python -c "from catalog_desktop.catalogue.schema import new_revision; new_revision('add x', '0002')"``
    then review the script and set :data:`HEAD` to the new id.
    """
    from alembic import command

    from catalog_desktop.catalogue.db import create_catalogue_engine

    engine = create_catalogue_engine(url)
    upgrade(engine, url)
    with writing(engine) as conn:
        command.revision(alembic_config(conn), message=message, autogenerate=True, rev_id=rev_id)
    engine.dispose()
