"""Migrations on a real PostgreSQL server (and SQLite): from an empty database, and from the
previous schema version with records in it; ``catalog db upgrade`` does it for a server."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from catalog_desktop.catalogue import Catalogue, schema
from catalog_desktop.catalogue.db import create_catalogue_engine, resolve_url, writing
from catalog_desktop.catalogue.models import metadata
from catalog_desktop.cli.main import main

BEFORE_TEAM = "0002"  # the schema before the team catalogue's revision


def previous_revision() -> str:
    """The revision just before the current head: what the last release left on a server."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(schema.alembic_config()).get_revision(schema.HEAD).down_revision


def _no_drift(engine) -> None:
    """The schema the migrations built is the one models.py describes."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "include_name": lambda name, type_, parent: not (type_ == "table" and name.startswith("record_fts")),
            "compare_type": True,
        })
        assert compare_metadata(ctx, metadata) == []


def test_an_empty_server_database_is_migrated_to_head(pg_url, capsys):
    assert main(["db", "upgrade", "--db", pg_url]) == 0
    assert f"schema revision {schema.HEAD} (current)" in capsys.readouterr().out
    engine = create_catalogue_engine(pg_url)
    assert schema.stamped_revisions(engine) == (schema.HEAD,)
    _no_drift(engine)
    engine.dispose()
    with Catalogue.open(pg_url) as cat:
        assert cat.search_backend == "like" and cat.stats()["schema_revision"] == schema.HEAD


@pytest.mark.parametrize("previous", ["head-1", BEFORE_TEAM])
@pytest.mark.parametrize("where", ["postgresql", "sqlite"])
def test_a_catalogue_at_the_previous_version_keeps_its_records(where, previous, pg_url, tmp_path):
    PREVIOUS = previous_revision() if previous == "head-1" else previous
    url = pg_url if where == "postgresql" else resolve_url(tmp_path / "old.sqlite")
    engine = create_catalogue_engine(url)
    with writing(engine) as conn:
        command.upgrade(schema.alembic_config(conn), PREVIOUS)
        conn.execute(text(
            "INSERT INTO record (identity, control_number, source_format, encoding, raw, title, imported_at, "
            "updated_at, edited, version) VALUES ('c:lvd:7', 'c:lvd:7', 'iso2709', 'utf-8', :raw, 'Oud', "
            ":now, :now, false, 3)"
        ), {"raw": b"\x00\x01raw bytes\x1d", "now": "2026-01-02 03:04:05"})
    assert schema.stamped_revisions(engine) == (PREVIOUS,)
    engine.dispose()

    with Catalogue.open(url) as cat:  # opening migrates
        assert cat.stats()["schema_revision"] == schema.HEAD
        engine = cat.engine
        with engine.connect() as conn:
            row = conn.execute(text("SELECT raw, version, owner_library, updated_by FROM record")).one()
        assert (bytes(row.raw), row.version, row.owner_library, row.updated_by) == (b"\x00\x01raw bytes\x1d", 3, None, None)
        _no_drift(engine)
        assert cat.presence.enter(1) == []
