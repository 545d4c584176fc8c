"""Opening a catalogue: where it lives, migrations to head, refusing a newer schema."""

from __future__ import annotations

import sqlite3

import pytest

from catalog_desktop.catalogue import Catalogue, CatalogueTooNewError, RecordNotFound
from catalog_desktop.catalogue import db, schema

TABLES = {
    "record", "work", "agent", "record_agent", "subject", "classification", "item", "record_version",
    "quarantine", "import_run", "setting", "record_search", "record_fts", "alembic_version",
}


def test_open_migrates_an_empty_file_to_head(tmp_path):
    path = tmp_path / "deep" / "er" / "cat.sqlite"  # parent folders are created
    with Catalogue.open(path) as cat:
        assert cat.stats()["schema_revision"] == schema.head_revision()
        assert cat.search_backend == "fts5"
    con = sqlite3.connect(path)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert TABLES <= names
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # The schema the migrations build is the one the models describe (nothing forgotten).
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    from catalog_desktop.catalogue.models import metadata

    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_name": lambda n, t, p: not (t == "table" and n.startswith("record_fts"))})
        assert compare_metadata(ctx, metadata) == []
    engine.dispose()


def test_head_constant_matches_the_migration_scripts():
    assert schema.HEAD == schema.head_revision()


def test_reopening_runs_no_migration(tmp_path):
    path = tmp_path / "cat.sqlite"
    Catalogue.open(path).close()
    engine = db.create_catalogue_engine(db.resolve_url(path))
    assert schema.upgrade(engine, str(path)) is False
    engine.dispose()


def test_connections_enforce_foreign_keys(catalogue):
    with catalogue.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "cat.sqlite"
    Catalogue.open(path).close()
    engine = db.create_catalogue_engine(db.resolve_url(path))
    schema.stamp(engine, "9999_from_the_future")
    engine.dispose()
    with pytest.raises(CatalogueTooNewError) as err:
        Catalogue.open(path)
    assert "newer catalog-desktop (schema rev 9999_from_the_future)" in str(err.value)
    assert "update the program" in str(err.value)


def test_location_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv(db.ENV_VAR, str(tmp_path / "from-env.sqlite"))
    assert db.resolve_url(None) == f"sqlite:///{tmp_path / 'from-env.sqlite'}"
    monkeypatch.delenv(db.ENV_VAR)
    default = db.default_location()  # the user's data folder: look, but do not create it here
    assert (default.parent.name, default.name) == ("catalog-desktop", "catalogue.sqlite")
    monkeypatch.setattr(db, "default_location", lambda: tmp_path / "user" / "catalogue.sqlite")
    assert db.resolve_url(None) == f"sqlite:///{tmp_path / 'user' / 'catalogue.sqlite'}"
    assert db.resolve_url("postgresql://u@host/cat") == "postgresql://u@host/cat"


def test_env_var_is_used_when_no_location_is_given(tmp_path, monkeypatch):
    monkeypatch.setenv(db.ENV_VAR, str(tmp_path / "env.sqlite"))
    with Catalogue.open() as cat:
        assert cat.records.count() == 0
    assert (tmp_path / "env.sqlite").exists()


def test_sqlite_url_in_memory():
    with Catalogue.open("sqlite://") as cat:
        assert cat.records.count() == 0
        assert cat.stats()["records"] == 0


def test_settings_travel_with_the_catalogue(tmp_path):
    path = tmp_path / "cat.sqlite"
    with Catalogue.open(path) as cat:
        assert cat.settings.get("profile") == "openvlacc"
        change = cat.settings.set("labels.sheet", {"rows": 8, "cols": 3})
        assert change.settings == ("labels.sheet",)
    with Catalogue.open(path) as cat:
        assert cat.settings.get("labels.sheet") == {"rows": 8, "cols": 3}
        assert cat.settings.all()["profile"] == "openvlacc"


def test_missing_record_error_names_it(catalogue):
    with pytest.raises(RecordNotFound, match="no record 42"):
        catalogue.records.get(42)
    assert catalogue.records.by_control_number("c:lvd:404") is None


def test_a_new_catalogue_gets_large_pages_and_an_older_one_keeps_its_own(tmp_path, book, write_marc):
    new = tmp_path / "new.sqlite"
    with Catalogue.open(new):
        pass
    con = sqlite3.connect(new)
    assert con.execute("PRAGMA page_size").fetchone()[0] == db.PAGE_SIZE
    con.close()

    old = tmp_path / "old.sqlite"
    con = sqlite3.connect(old)  # as catalogues made before 16 KB pages were: 4 KB, WAL
    con.execute("PRAGMA page_size=4096")
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    with Catalogue.open(old) as cat:
        assert cat.import_files([write_marc(tmp_path / "one.mrc", [book("o1", "Oud")])]).imported == 1
        with cat.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA page_size").scalar() == 4096
            # Checkpoints still come every ~40 MB of WAL, whatever the page size.
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == db.CHECKPOINT_BYTES // 4096
