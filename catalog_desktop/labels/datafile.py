"""The label data file: CSV (one row per copy) and JSON, format ``catalog-desktop-labels`` v1.

The spec is ``resources/labels/DATAFILE.md``; the columns and their meaning are
:data:`catalog_desktop.labels.data.COLUMNS`. CSV: UTF-8 with a byte-order mark (so that
spreadsheet programs on Windows read the accents right), comma-separated, a header row,
quoted where needed (RFC 4180), CRLF line ends. JSON: one object with the format, the
version, the labels and the copies that got none (``problems``).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from pathlib import Path
from typing import Iterable, TextIO

from catalog_desktop.labels.data import COLUMNS, FORMAT_NAME, FORMAT_VERSION, LabelData, LabelProblem

__all__ = ["read_csv", "to_json", "write_csv", "write_json"]


def _rows(labels: Iterable[LabelData]):
    for label in labels:
        yield {"format_version": FORMAT_VERSION, **asdict(label)}


def write_csv(labels: Iterable[LabelData], out: str | Path | TextIO) -> int:
    """Write the CSV; returns the number of rows."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8-sig", newline="") as stream:
            return write_csv(labels, stream)
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for row in _rows(labels):
        writer.writerow(row)
        count += 1
    return count


def read_csv(path: str | Path) -> list[dict[str, str]]:
    """Read a label CSV back (for tests and other tools); refuses another format version."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for n, row in enumerate(rows, start=2):
        if row.get("format_version") != str(FORMAT_VERSION):
            raise ValueError(f"{path}: line {n}: format_version {row.get('format_version')!r}, expected {FORMAT_VERSION}")
    return rows


def to_json(labels: Iterable[LabelData], problems: Iterable[LabelProblem] = (), *, template: str | None = None) -> dict:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "columns": COLUMNS,
        "template": template,
        "labels": [asdict(label) for label in labels],
        "problems": [asdict(p) for p in problems],
    }


def write_json(labels: Iterable[LabelData], out: str | Path, problems: Iterable[LabelProblem] = (), *,
               template: str | None = None) -> None:
    data = to_json(labels, problems, template=template)
    buffer = io.StringIO()
    json.dump(data, buffer, ensure_ascii=False, indent=1)
    Path(out).write_text(buffer.getvalue() + "\n", encoding="utf-8")
