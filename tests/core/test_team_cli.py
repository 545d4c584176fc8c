"""The team commands end to end on a real server: ``catalog db roles|grant|members``, and
``catalog db use`` keeping the password in a keyring, never in the settings file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import psycopg
import pytest
from sqlalchemy.engine import make_url

from catalog_desktop.catalogue.connection import without_password
from catalog_desktop.cli.main import main


def _catalog(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "catalog_desktop.cli.main", *map(str, args)],
                          capture_output=True, text=True, timeout=120, env=env)


def test_roles_grant_and_members_from_the_command_line(pg_cluster, pg_url, capsys, monkeypatch):
    assert main(["db", "roles", "--db", pg_url]) == 0
    assert "row-level security are set up" in capsys.readouterr().out
    monkeypatch.setenv("NEW_PW", "geheim-123")
    assert main(["db", "grant", "kortrijk", "--as", "partner", "--library", "Kortrijk",
                 "--password-env", "NEW_PW", "--db", pg_url]) == 0
    assert main(["db", "grant", "zonder", "--as", "partner", "--db", pg_url]) == 1
    assert "needs --library" in capsys.readouterr().err
    assert main(["db", "members", "--json", "--db", pg_url]) == 0
    members = json.loads(capsys.readouterr().out)
    assert members == [{"login": "kortrijk", "person": None, "library": "Kortrijk", "kind": "partner"}]
    # The new login works with its password, and the server keeps only a hash of it.
    database = make_url(pg_url).database
    with psycopg.connect(pg_cluster.url(database, "kortrijk", "geheim-123").replace("+psycopg", "")) as conn:
        assert conn.execute("SELECT catalog_library()").fetchone()[0] == "Kortrijk"
    with psycopg.connect(pg_url.replace("+psycopg", "")) as conn:
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'kortrijk'").fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$") and "geheim" not in stored
    assert main(["db", "roles", "--db", "sqlite:///" + os.devnull + ".x"]) == 1


def test_db_use_keeps_the_password_in_the_keyring_not_in_settings(pg_cluster, pg_url, tmp_path):
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    env.pop("CATALOG_DESKTOP_DB", None)
    url = make_url(pg_url)
    result = _catalog("db", "use", pg_url, env=env)
    assert result.returncode == 0, result.stderr
    settings = (tmp_path / "config" / "catalog-desktop" / "settings.json").read_text()
    assert url.password not in settings and json.loads(settings)["database"] == without_password(url).render_as_string(False)
    keyring_files = list((tmp_path / "data").rglob("*.cfg"))
    assert keyring_files and "[catalog_2Ddesktop]" in keyring_files[0].read_text()  # the keyring's escaping
    # Without --db the saved server is used, its password found in the keyring.
    result = _catalog("db", "info", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["user"] == url.username


def test_without_a_keyring_the_password_is_refused_and_pgpass_named(pg_url, tmp_path):
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = _catalog("db", "use", pg_url, env=env)
    assert result.returncode == 1 and ".pgpass" in result.stderr and "PGPASSWORD" in result.stderr
    assert not (tmp_path / "config" / "catalog-desktop" / "settings.json").exists()
    # The headless way: libpq reads PGPASSWORD itself.
    bare = without_password(make_url(pg_url)).render_as_string(False)
    result = _catalog("db", "info", "--json", "--db", bare, env={**env, "PGPASSWORD": make_url(pg_url).password})
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("bad", ["Robert'); DROP TABLE record;--", "UPPER"])
def test_grant_refuses_odd_login_names(pg_url, bad, capsys):
    assert main(["db", "grant", bad, "--as", "reader", "--db", pg_url]) == 1
    assert "lower-case letters" in capsys.readouterr().err
