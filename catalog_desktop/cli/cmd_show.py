"""``catalog show``: one record as flat MARC and as entities."""

from __future__ import annotations

import argparse
import dataclasses

from catalog_desktop.cli.cmd_export import resolve_record_ids
from catalog_desktop.cli.common import add_db_option, open_catalogue, print_json


def register(commands) -> None:
    parser = commands.add_parser("show", help="show a record as MARC and as entities")
    parser.add_argument("record", metavar="RECORD", help="record id or Vlacc number (001)")
    parser.add_argument("--marc-only", action="store_true", help="only the flat MARC")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalogue = open_catalogue(args)
    with catalogue:
        (record_id,) = resolve_record_ids(catalogue, [args.record])
        stored = catalogue.records.get(record_id)
        view = catalogue.records.entities(record_id)
    if args.json:
        print_json(
            {
                "id": stored.id,
                "marc": str(stored.record),
                "warnings": [dataclasses.asdict(w) for w in stored.warnings],
                "entities": dataclasses.asdict(view.entities),
                "codes": [dataclasses.asdict(c) for c in view.codes],
                "work": dataclasses.asdict(view.work) if view.work else None,
                "editions": [e._asdict() for e in view.editions],
            }
        )
        return 0
    print(str(stored.record))
    if args.marc_only:
        return 0
    print()
    for line in describe_entities(view, stored):
        print(line)
    return 0


def describe_entities(view, stored) -> list[str]:
    e, editions = view.entities, view.editions
    lines = ["Manifestation", f"  title:        {e.title}" + (f" : {e.subtitle}" if e.subtitle else "")]
    for label, value in (
        ("responsibility", e.responsibility),
        ("edition", e.edition),
        ("publisher", e.publisher),
        ("year", e.year),
        ("ISBN", ", ".join(e.isbns)),
        ("language", e.language),
        ("material", e.material),
        ("literary type", e.literary_type),
        ("audience", e.audience),
        ("series", "; ".join(e.series)),
        ("Vlacc number", e.control_number),
    ):
        if value:
            lines.append(f"  {label + ':':14}{value}")
    lines.append("Work")
    title, author = (view.work.title, view.work.author) if view.work else (e.work_title, e.work_author)
    lines.append(f"  {title}" + (f" / {author}" if author else "") + f"  [{len(editions)} edition(s) in the catalogue]")
    for edition in editions:
        if edition.id != stored.id:
            lines.append(f"    - #{edition.id} {edition.title} ({edition.year or '?'})")
    if e.agents:
        lines.append("Agents")
        lines += [f"  {a.name} ({a.role}{', main entry' if a.main else ''}) [{a.tag}]" for a in e.agents]
    if view.codes:
        lines.append("Codes")
        for c in view.codes:
            label = f"  {c.label}" if c.label and c.label != c.code else ""
            path = f"  ({' > '.join(c.path)})" if c.path else ""
            lines.append(f"  {c.scheme:8} {c.code}{label}{path}  [{c.tag}, {c.source}]")
    if e.subjects:
        lines.append("Subjects")
        lines += [f"  {s.term} ({s.kind}{', ' + s.audience if s.audience else ''}) [{s.tag}]" for s in e.subjects]
    if e.items:
        lines.append("Items")
        lines += [f"  {i.barcode or '-'} {i.library or ''} {i.location or ''} {i.call_number or ''}".rstrip() for i in e.items]
    if e.labels:
        lines.append("Label fields (999)")
        lines += ["  " + " ".join(f"${c} {v}" for c, v in label) for label in e.labels]
    if stored.warnings:
        lines.append("Warnings from import")
        lines += [f"  {w.code}: {w.message}" for w in stored.warnings]
    return lines
