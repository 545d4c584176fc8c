"""``catalog suggest``: ZIZO, SISO and genre suggestions for records, with their reasons."""

from __future__ import annotations

import argparse

from catalog_desktop.cli.common import CliError, add_db_option, cancellable, open_catalogue, print_json, progress_bar


def register(commands) -> None:
    parser = commands.add_parser("suggest", help="suggest ZIZO, SISO and genre codes for records, with reasons")
    parser.add_argument("records", nargs="*", metavar="RECORD", help="record ids or Vlacc numbers (001)")
    parser.add_argument("--all", action="store_true", help="every record in the catalogue (progress bar, Ctrl-C stops)")
    parser.add_argument("--bundle", metavar="BUNDLE", help="model bundle folder (default: models/default/)")
    parser.add_argument("--limit", type=int, default=5, help="suggestions per scheme (default 5)")
    parser.add_argument("--store", action="store_true",
                        help="keep the suggestions in the catalogue, so lists can show 'suggestions waiting'")
    parser.add_argument("--no-reasons", action="store_true",
                        help="leave out the reasons (much faster for a large batch, e.g. --all --store)")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the rule texts (default nl)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(parser)
    parser.set_defaults(run=run)


def load_service(catalogue, bundle: str | None):
    """The suggestion service over a checked bundle; a bundle that fails its checks is a CliError."""
    from catalog_desktop.resources import default_bundle
    from catalog_desktop.suggest import BundleError, Suggester
    from catalog_desktop.suggest.service import SuggestionService

    path = bundle or default_bundle()
    vocabs = catalogue.vocabularies()
    try:
        suggester = Suggester.load(path, expected_vocab_hash=vocabs.hash)
    except BundleError as exc:
        raise CliError(f"model bundle {path} cannot be used: {exc}", exit_code=2) from None
    return SuggestionService(catalogue, suggester, vocabs)


def run(args: argparse.Namespace) -> int:
    from catalog_desktop.cli.cmd_export import resolve_record_ids

    if bool(args.records) == bool(args.all):
        raise CliError("name records to suggest for, or --all (not both)")
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    catalogue = open_catalogue(args)
    with catalogue:
        ids = resolve_record_ids(catalogue, args.records) if args.records else None
        service = load_service(catalogue, args.bundle)
        with cancellable() as cancel, progress_bar("Suggesting", enabled=args.all) as progress:
            results = service.for_records(ids, limit=args.limit, progress=progress, cancel=cancel, store=args.store,
                                          reasons=not args.no_reasons)
        neighbours = service.neighbour_records(results)
    data = [_as_dict(r, neighbours) for r in results]
    if args.json:
        print_json({"bundle": service.bundle, "records": data})
    else:
        for record in data:
            _print(record, args.lang)
    if ids is None and cancel.is_set():
        return 130
    return 0


def _as_dict(result, neighbours: dict[str, tuple[int, str]]) -> dict:
    schemes = {}
    for scheme, rule in result.rules.items():
        schemes[scheme] = {
            "applies": rule.applies, "reason": rule.reason, "reason_en": rule.reason_en,
            "suggestions": [
                {
                    "code": s.code, "label": s.label, "confidence": round(s.confidence, 4), "score": round(s.score, 4),
                    "ambiguous": s.ambiguous, "backoff": s.backoff,
                    "nearest": [
                        {"record": str(n), "id": neighbours.get(str(n), (None, None))[0],
                         "title": neighbours.get(str(n), (None, None))[1], "similarity": round(sim, 4)}
                        for n, sim in s.reason.neighbours
                    ],
                    "words": [w for w, _ in s.reason.words],
                }
                for s in result.suggestions.get(scheme, [])
            ],
        }
    return {"id": result.record_id, "title": result.title, "schemes": schemes}


def _print(record: dict, lang: str) -> None:
    print(f"#{record['id']} {record['title']}")
    for scheme, data in record["schemes"].items():
        print(f"  {scheme.upper()}: {data['reason_en' if lang == 'en' else 'reason']}")
        if data["applies"] and not data["suggestions"]:
            print("    (no suggestion)")
        for rank, s in enumerate(data["suggestions"], 1):
            marks = [m for m, on in (("ambiguous: look twice", s["ambiguous"]), ("broader code", s["backoff"])) if on]
            label = f"  {s['label']}" if s["label"] and s["label"] != s["code"] else ""
            print(f"    {rank}. {s['code']}{label}  {s['confidence']:.2f}" + (f"  [{'; '.join(marks)}]" if marks else ""))
            if s["nearest"]:
                near = ", ".join(f"#{n['id']} {n['title']}" if n["id"] is not None else f"{n['record']} (not in this catalogue)"
                                 for n in s["nearest"][:3])
                print(f"       like: {near}")
            if s["words"]:
                print(f"       words: {', '.join(s['words'][:6])}")
    print()
