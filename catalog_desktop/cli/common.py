"""What the sub-commands share: opening the catalogue, errors, JSON, progress and Ctrl-C."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator


class CliError(Exception):
    """An error the user can act on; printed without a traceback."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="the catalogue: a SQLite file path or a database URL (default: $CATALOG_DESKTOP_DB, else your own catalogue)",
    )


def open_catalogue(args: argparse.Namespace):
    """Open the catalogue named by ``--db``, turning core errors into clear CLI errors."""
    from catalog_desktop.catalogue import Catalogue
    from catalog_desktop.catalogue.errors import CatalogueError

    try:
        return Catalogue.open(args.db)
    except CatalogueError as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:  # e.g. a database file that is not SQLite, a server that is down
        raise CliError(f"cannot open the catalogue {args.db or ''}: {exc}".replace("  ", " ")) from None


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


@contextmanager
def cancellable() -> Iterator[threading.Event]:
    """A cancel event set by the first Ctrl-C; a second Ctrl-C stops at once.

    Long core work checks the event between records and finishes its transaction, so what
    was committed stays consistent.
    """
    cancel = threading.Event()
    previous = signal.getsignal(signal.SIGINT)

    def on_interrupt(signum, frame):
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        print("\ncatalog: stopping after the current batch (Ctrl-C again to stop at once)", file=sys.stderr)

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield cancel
    finally:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, previous)


@contextmanager
def progress_bar(description: str, enabled: bool = True):
    """A rich progress bar on stderr; yields a ``progress(done, total, message)`` callback."""
    if not enabled or not sys.stderr.isatty():
        yield lambda done, total, message="": None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[message]}"),
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=None, message="")

        def update(done: int, total: int | None, message: str = "") -> None:
            bar.update(task, completed=done, total=total, message=message[-60:])

        yield update
