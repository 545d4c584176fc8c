"""A throwaway PostgreSQL cluster on a loopback port, for the tests and the team benchmark.

``initdb`` + ``pg_ctl`` from Debian's ``postgresql`` package (``/usr/lib/postgresql/*/bin``);
nothing is mocked. PostgreSQL refuses to run as root, so as root the cluster belongs to the
``postgres`` system user (the package creates it) and its programs run through ``runuser``.
Password authentication (scram-sha-256) on 127.0.0.1 only, as on a real server.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ADMIN = "catalog_admin"
ADMIN_PASSWORD = "admin-secret"


class ClusterError(RuntimeError):
    pass


def find_bindir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb") or shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    raise ClusterError(
        "no PostgreSQL server programs found (initdb, pg_ctl): install Debian's 'postgresql' package "
        "(python3 bootstrap.py test does so as root)"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """``with Cluster() as pg: pg.url("catalogue")`` -> a running server, removed afterwards."""

    def __init__(self, durable: bool = False):
        self.bindir = find_bindir()
        self.port = free_port()
        self.durable = durable  # False: fsync off (tests); True: the server's defaults (benchmarks)
        self.owner = "postgres" if os.geteuid() == 0 else None
        self.base = Path(tempfile.mkdtemp(prefix="catalog-pg-"))
        self.data = self.base / "data"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(a) for a in args]
        if self.owner:
            command = ["runuser", "-u", self.owner, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.base / "server.log"
            extra = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ClusterError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}\n{extra}")
        return result

    def start(self) -> "Cluster":
        pwfile = self.base / "pw"
        pwfile.write_text(ADMIN_PASSWORD + "\n")
        if self.owner:
            shutil.chown(self.base, self.owner)
            shutil.chown(pwfile, self.owner)
        self._run(self.bindir / "initdb", "-D", self.data, "-U", ADMIN, f"--pwfile={pwfile}",
                  "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync")
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.base} -c max_connections=60"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(self.bindir / "pg_ctl", "-D", self.data, "-l", self.base / "server.log", "-w", "-t", "60",
                  "-o", options, "start")
        return self

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def url(self, database: str = "postgres", user: str = ADMIN, password: str | None = ADMIN_PASSWORD) -> str:
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database owned by the admin; returns its admin URL."""
        import psycopg

        with psycopg.connect(self.url().replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
