"""Which catalogue a person works on, and the password for a server: never in plain text.

The choice, first found wins: ``--db`` (CLI and window), ``$CATALOG_DESKTOP_DB``, the
``database`` of this person's settings file (``catalog db use URL``), else the SQLite file in
the user data folder. The settings file (``settings.json`` in the user config folder,
``~/.config/catalog-desktop/`` on Linux) holds the URL *without* its password.

A server password comes from, in order: the URL itself (typed on the command line, never
saved), the operating system's keyring (``keyring`` package: Windows Credential Locker,
macOS Keychain, the Secret Service on Linux desktops), else libpq's own places, which need
no code here and suit headless machines: ``$PGPASSWORD``, or a ``~/.pgpass`` file
(``host:port:database:user:password``, mode 0600; ``$PGPASSFILE`` names another).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from catalog_desktop.catalogue.errors import CatalogueError

APP_NAME = "catalog-desktop"
KEYRING_SERVICE = "catalog-desktop"
SETTINGS_FILE = "settings.json"


def settings_path() -> Path:
    import platformdirs

    return platformdirs.user_config_path(APP_NAME) / SETTINGS_FILE


def _load() -> dict:
    path = settings_path()
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogueError(f"cannot read the settings file {path}: {exc}") from None


def saved_database() -> str | None:
    """The catalogue this person chose with ``catalog db use`` (a URL or a path), if any."""
    return _load().get("database")


def without_password(url):
    """The URL with no password at all (``URL.set(password=None)`` would keep it)."""
    from sqlalchemy.engine import URL

    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)


def keyring_key(url) -> str:
    """What a password is filed under in the keyring: user@host:port/database."""
    return f"{url.username}@{url.host}:{url.port or 5432}/{url.database}"


def save_database(target: str, password: str | None = None) -> str:
    """Remember ``target`` as this person's catalogue; a password goes to the keyring only.

    Returns the URL as saved (password hidden). Raises CatalogueError when a password is
    given and no keyring is available, naming the headless alternatives.
    """
    saved = str(Path(target).expanduser().resolve())
    if "://" in target:
        from sqlalchemy.engine import make_url

        url = make_url(target)
        password = password if password is not None else url.password
        saved = without_password(url).render_as_string(hide_password=False)
        if password:
            store_password(url, password)
    path = settings_path()
    data = _load()
    data["database"] = saved
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return saved


def forget_database() -> None:
    data = _load()
    if data.pop("database", None) is not None:
        settings_path().write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")


def store_password(url, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_key(url), password)
    except (KeyringError, RuntimeError) as exc:
        raise CatalogueError(
            f"no keyring to keep the password in ({exc}); on a machine without one, put it in "
            "~/.pgpass (host:port:database:user:password, chmod 600) or $PGPASSWORD instead"
        ) from None


def with_password(url):
    """``url`` (a SQLAlchemy URL) with the keyring's password when it has none of its own."""
    if url.password is not None or not url.username:
        return url
    try:
        import keyring

        password = keyring.get_password(KEYRING_SERVICE, keyring_key(url))
    except Exception:  # no keyring backend (headless): libpq's PGPASSWORD / .pgpass apply
        return url
    return url.set(password=password) if password else url
