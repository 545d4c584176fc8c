"""The ``catalog`` command: one sub-command per module (``cmd_*.py``).

Start-up is a budget: this module imports only argparse and the sub-command modules, which
import the core lazily inside ``run``; ``catalog --help`` never loads SQLAlchemy or Qt.
"""

from __future__ import annotations

import argparse
import sys

from catalog_desktop import __version__
from catalog_desktop.cli import (
    cmd_db,
    cmd_decide,
    cmd_edits,
    cmd_embedding,
    cmd_evaluate,
    cmd_export,
    cmd_import,
    cmd_labels,
    cmd_quarantine,
    cmd_search,
    cmd_show,
    cmd_stats,
    cmd_suggest,
    cmd_train,
    cmd_vocab,
)
from catalog_desktop.cli.common import CliError

COMMANDS = (cmd_import, cmd_export, cmd_show, cmd_search, cmd_stats, cmd_quarantine, cmd_db, cmd_vocab, cmd_labels,
            cmd_suggest, cmd_decide, cmd_edits, cmd_train, cmd_evaluate, cmd_embedding)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="catalog",
        description="catalog-desktop: import, search, show and export Open Vlacc MARC records.",
    )
    parser.add_argument("--version", action="version", version=f"catalog-desktop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for module in COMMANDS:
        module.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except CliError as exc:
        print(f"catalog: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("catalog: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `catalog show ... | head`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
