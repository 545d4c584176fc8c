#!/usr/bin/env python3
"""Set up catalog-desktop on a fresh machine, then run the application or the tests.

    python3 bootstrap.py run     # the application on the bundled sample catalogue
    python3 bootstrap.py test    # the whole test suite (what CI runs)

It makes a virtual environment in .venv, installs the project into it (again only when
pyproject.toml changes), and, on Debian/Ubuntu as root, the few system libraries Qt needs
and, for the tests, Debian's PostgreSQL server (the team tests start a throwaway one).
Everything else the project needs is declared in pyproject.toml.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

# Shared libraries PySide6 loads even offscreen; Debian package names.
QT_SYSTEM_PACKAGES = ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0"]
# The tests run a throwaway PostgreSQL server (initdb + pg_ctl) for the team catalogue.
TEST_SYSTEM_PACKAGES = ["postgresql"]


def log(message: str) -> None:
    print(f"[bootstrap] {message}", flush=True)


def run(*command, **kwargs) -> None:
    subprocess.run([str(c) for c in command], check=True, **kwargs)


def ensure_system_libraries(packages: list[str]) -> None:
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    missing = [
        p for p in packages
        if subprocess.run(["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True).stdout.find("install ok installed") < 0
    ]
    if not missing:
        return
    if os.geteuid() != 0:
        log(f"catalog-desktop needs these system packages: {' '.join(missing)} (sudo apt-get install {' '.join(missing)})")
        return
    log(f"installing system packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"catalog-desktop needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        log("creating the virtual environment in .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".catalog-desktop-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    log("installing catalog-desktop and its dependencies into .venv")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]")
    stamp.write_text(wanted)


def main(argv: list[str]) -> int:
    if len(argv) < 1 or argv[0] not in ("run", "test", "setup"):
        print(__doc__)
        return 2
    ensure_system_libraries(QT_SYSTEM_PACKAGES + (TEST_SYSTEM_PACKAGES if argv[0] == "test" else []))
    ensure_environment()
    action, rest = argv[0], argv[1:]
    if action == "setup":
        return 0
    if action == "run":
        return subprocess.call([str(BIN / "catalog-desktop"), "--sample", *rest])
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
