"""``catalog labels``: spine labels as PDF sheets and as a data file; per-copy adjustments.

    catalog labels --select today --template a4-65 --out labels.pdf [--start 12] [--data labels.csv]
    catalog labels --list-templates
    catalog labels --set RECORD COPY FIELD VALUE      (COPY: barcode or seq:<n>)
    catalog labels --clear RECORD COPY [FIELD]
    catalog labels --adjustments
"""

from __future__ import annotations

import argparse
import sys

from catalog_desktop.cli.common import CliError, add_db_option, cancellable, open_catalogue, progress_bar


def register(commands) -> None:
    parser = commands.add_parser(
        "labels",
        help="spine labels: PDF sheets, label data file (CSV/JSON), per-copy adjustments",
        description="Make spine labels for a selection of records: a PDF to print on label stock, and the "
        "label data as CSV or JSON. A copy without the code its label needs is listed, never printed blank.",
    )
    parser.add_argument("--select", nargs="+", metavar="WHAT",
                        help="'all', 'today' (imported or changed today), or record ids / Vlacc numbers")
    parser.add_argument("--template", default="a4-65", help="label stock (see --list-templates; default a4-65)")
    parser.add_argument("--out", metavar="PDF", help="write the label sheets to this PDF file")
    parser.add_argument("--start", type=int, default=1, metavar="N",
                        help="first position on a partly used sheet (1 = top left, row by row)")
    parser.add_argument("--data", metavar="CSV", help="write the label data file (CSV, one row per copy)")
    parser.add_argument("--json", metavar="JSON", help="write the label data as JSON (with the copies that got none)")
    parser.add_argument("--barcode", action="store_true", help="print the copy's barcode as Code 128")
    parser.add_argument("--outlines", action="store_true", help="draw the label outlines (for a test print)")
    parser.add_argument("--prefer", choices=("zizo", "siso"),
                        help="for non-fiction: the scheme this library shelves by, when a record has both")
    parser.add_argument("--rules", metavar="FILE", help="label rules file instead of the bundled local defaults")
    parser.add_argument("--templates", metavar="FILE", action="append", default=[],
                        help="extra label template file (TOML, same form as resources/labels/templates.toml)")
    parser.add_argument("--extra", metavar="FILE", action="append", default=[],
                        help="an official vocabulary list (TSV or SKOS, as for 'catalog vocab --extra'): its "
                        "rubric names, colours and pictograms win over the local defaults")
    parser.add_argument("--store-999", action="store_true", dest="store_999",
                        help="write the generated label fields (999) into the records that lack them")
    parser.add_argument("--list-templates", action="store_true", help="list the label templates and stop")
    parser.add_argument("--set", nargs=4, metavar=("RECORD", "COPY", "FIELD", "VALUE"),
                        help="change one field of one copy's label (the record stays as it is)")
    parser.add_argument("--clear", nargs="+", metavar="ARG", help="RECORD COPY [FIELD]: undo a per-copy change")
    parser.add_argument("--adjustments", action="store_true", help="list the per-copy label changes")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the messages (default nl)")
    add_db_option(parser)
    parser.set_defaults(run=run)


def _templates(args):
    from catalog_desktop.labels.config import LabelConfigError
    from catalog_desktop.labels.templates import load_templates

    try:
        return load_templates(args.templates)
    except LabelConfigError as exc:
        raise CliError(str(exc)) from None


def _list_templates(args) -> int:
    for t in _templates(args).values():
        print(f"{t.name:<14} {t.per_page:>3} per page  {t.label_width:g} x {t.label_height:g} mm  {t.description}")
    return 0


def _record_id(catalogue, ref: str) -> int:
    from catalog_desktop.catalogue.errors import RecordNotFound
    from catalog_desktop.labels.collect import select_record_ids

    try:
        (record_id,) = select_record_ids(catalogue, [ref])
    except RecordNotFound as exc:
        raise CliError(str(exc)) from None
    return record_id


def _adjust(args) -> int:
    from catalog_desktop.labels.adjust import AdjustmentError, clear_adjustment, set_adjustment

    with open_catalogue(args) as catalogue:
        try:
            if args.set:
                ref, copy, field, value = args.set
                set_adjustment(catalogue, _record_id(catalogue, ref), copy, field, value)
                print(f"label of copy {copy} of record {ref}: {field} = {value!r}", file=sys.stderr)
            elif args.clear:
                if len(args.clear) not in (2, 3):
                    raise CliError("--clear takes RECORD COPY [FIELD]")
                ref, copy, *field = args.clear
                removed = clear_adjustment(catalogue, _record_id(catalogue, ref), copy, field[0] if field else None)
                print(f"{removed} change(s) removed from copy {copy} of record {ref}", file=sys.stderr)
            else:
                for a in catalogue.label_adjustments.list():
                    print(f"{a.record_id}\t{a.item_key}\t{a.field}\t{a.value}\t{a.who or ''}\t{a.changed_at:%Y-%m-%d %H:%M}")
        except AdjustmentError as exc:
            raise CliError(str(exc)) from None
    return 0


def run(args: argparse.Namespace) -> int:
    if args.list_templates:
        return _list_templates(args)
    if args.set or args.clear or args.adjustments:
        return _adjust(args)
    if not args.select:
        raise CliError("say which records: --select all|today|RECORD...")
    if not (args.out or args.data or args.json or args.store_999):
        raise CliError("say what to make: --out labels.pdf, --data labels.csv, --json labels.json and/or --store-999")
    from catalog_desktop.catalogue.errors import RecordNotFound
    from catalog_desktop.labels.config import LabelConfigError
    from catalog_desktop.labels.run import LabelJob, run_job
    from catalog_desktop.vocab import VocabularyError

    templates = _templates(args)
    if args.template not in templates:
        raise CliError(f"no label template {args.template!r}; choose from {', '.join(templates)}")
    template = templates[args.template]
    if not 1 <= args.start <= template.per_page:
        raise CliError(f"--start {args.start}: a {template.name} sheet has positions 1 to {template.per_page}")
    with open_catalogue(args) as catalogue:
        try:
            job = LabelJob(selection=args.select, template=template, start=args.start, pdf=args.out,
                           csv=args.data, json=args.json, barcodes=args.barcode, outlines=args.outlines,
                           prefer=args.prefer, rules_path=args.rules, store_999=args.store_999,
                           vocab_extra=tuple(args.extra))
            with cancellable() as cancel, progress_bar("Labels") as progress:
                result = run_job(catalogue, job, progress=progress, cancel=cancel)
        except (RecordNotFound, LabelConfigError, VocabularyError) as exc:
            raise CliError(str(exc)) from None
        except OSError as exc:
            raise CliError(f"cannot write {exc.filename}: {exc.strerror}") from None
    for problem in result.problems:
        message = problem.message if args.lang == "nl" else problem.message_en
        copy = f" exemplaar {problem.item_key}" if args.lang == "nl" else f" copy {problem.item_key}"
        print(f"record {problem.record_id} ({problem.control_number}){copy}: {problem.title[:50]}: {message}",
              file=sys.stderr)
    print(_summary(result, args), file=sys.stderr)
    if result.cancelled:
        return 130
    return 0


def _summary(result, args) -> str:
    nl = args.lang == "nl"
    parts = [f"{len(result.labels)} {'etiketten' if nl else 'labels'}",
             f"{len(result.problems)} {'problemen' if nl else 'problems'}"]
    if args.out and result.pages:
        parts.append(f"{result.pages} {'pagina' if nl else 'page'}(s) -> {args.out}")
    elif args.out:
        parts.append("geen PDF geschreven" if nl else "no PDF written")
    if args.data:
        parts.append(f"CSV -> {args.data}")
    if args.json:
        parts.append(f"JSON -> {args.json}")
    if args.store_999:
        parts.append(f"999 {'toegevoegd aan' if nl else 'added to'} {result.stored} record(s)")
    if result.cancelled:
        parts.append("onderbroken" if nl else "cancelled")
    return ", ".join(parts)
