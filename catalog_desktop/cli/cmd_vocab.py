"""``catalog vocab``: the ZIZO, SISO and genre lists — show a code, list a scheme, check a list file.

    catalog vocab show CODE [--scheme S] [--audience "Vanaf 6-8 jaar"]   label, hierarchy, status, source
    catalog vocab list [--scheme S]                                       the concepts, hash, coverage note
    catalog vocab validate CODE... --scheme S [--audience A]              exit 1 when a code is not ok
    catalog vocab check FILE... [--scheme S]                              does an official list load cleanly?
    catalog vocab audit [--db DB]                                         the catalogue's codes against the lists
    catalog vocab use [FILE...] [--remove NAME] [--clear] [--db DB]       official lists stored with the catalogue

Every action takes ``--extra FILE`` (repeatable: official lists merged over the defaults),
``--lang nl|en`` and ``--json``; with ``--db`` (always for ``audit``) the lists stored in that
catalogue are loaded too. The vocab package is imported inside ``run`` only.
"""

from __future__ import annotations

import argparse

from catalog_desktop.cli.common import CliError, add_db_option, cancellable, open_catalogue, print_json, progress_bar

_SCHEMES = ("zizo", "siso", "genre")


def register(commands) -> None:
    parser = commands.add_parser("vocab", help="show, list, validate or check ZIZO/SISO/genre codes and lists")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    show = actions.add_parser("show", help="one code: label, hierarchy, status, source, validation")
    show.add_argument("code")
    show.add_argument("--audience", help="audience/age group to check the ZIZO subsystem against")
    listing = actions.add_parser("list", help="the codes of a scheme (all schemes without --scheme)")
    validate = actions.add_parser("validate", help="validate codes; exit status 1 when one is not ok")
    validate.add_argument("codes", nargs="+", metavar="CODE")
    validate.add_argument("--audience", help="audience/age group to check the ZIZO subsystem against")
    check = actions.add_parser("check", help="load official list files (TSV or SKOS) and report what they hold")
    check.add_argument("files", nargs="+", metavar="FILE")
    audit = actions.add_parser("audit", help="the catalogue's codes against the lists: coverage, unlisted, problems")
    audit.add_argument("--top", type=int, default=20, metavar="N", help="unlisted codes and problems to print")
    use = actions.add_parser("use", help="store official lists in the catalogue (train, suggest and labels use them)")
    use.add_argument("files", nargs="*", metavar="FILE", help="lists to store (a stored list of the same name is replaced)")
    use.add_argument("--remove", action="append", default=[], metavar="NAME", help="forget a stored list")
    use.add_argument("--clear", action="store_true", help="forget every stored list")
    for sub in (show, listing, validate, check, audit, use):
        add_db_option(sub)
    for sub in (show, listing, validate, check, audit, use):
        sub.add_argument("--scheme", choices=_SCHEMES, required=sub is validate)
        sub.add_argument("--extra", action="append", default=[], metavar="FILE",
                         help="an official list (TSV or SKOS) merged over the defaults; repeatable")
        sub.add_argument("--lang", choices=("nl", "en"), default="nl")
        sub.add_argument("--json", action="store_true")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from catalog_desktop.vocab import VocabularyError

    try:
        if args.action in ("use", "audit") or args.db:
            with open_catalogue(args) as catalogue:
                if args.action == "use":
                    return _use(args, catalogue)
                vocabs = _load(args, catalogue)
                if args.action == "audit":
                    return _audit(args, vocabs, catalogue)
        else:
            vocabs = _load(args, None)
        if args.action == "check":
            return _check(args, vocabs)
    except VocabularyError as exc:
        raise CliError(str(exc)) from None
    if args.action == "show":
        return _show(args, vocabs)
    if args.action == "validate":
        return _validate(args, vocabs)
    return _list(args, vocabs)


def _stored(catalogue) -> list:
    from catalog_desktop.vocab import VocabularyList

    return [VocabularyList.from_setting(entry) for entry in catalogue.settings.get("vocab_lists") or []]


def _load(args, catalogue):
    """The catalogue's lists (when there is one; else the defaults), then ``--extra``."""
    from catalog_desktop.vocab import load_vocabularies

    extra = [(args.scheme, path) if args.scheme else path for path in args.extra]
    if catalogue is None:
        return load_vocabularies(extra=extra)
    files = [tuple(f) if isinstance(f, list) else f for f in catalogue.settings.get("vocabulary_files") or []]
    return load_vocabularies(extra=[*files, *_stored(catalogue), *extra])


def _use(args, catalogue) -> int:
    from catalog_desktop.vocab import VocabularyList, load_vocabularies

    stored = [] if args.clear else _stored(catalogue)
    for name in args.remove:
        if name not in {s.name for s in stored}:
            raise CliError(f"no stored list named {name!r}; stored: {', '.join(s.name for s in stored) or 'none'}")
        stored = [s for s in stored if s.name != name]
    for path in args.files:
        new = VocabularyList.from_file(path, args.scheme)
        stored = [s for s in stored if s.name != new.name] + [new]
    if args.files or args.remove or args.clear:
        catalogue.settings.set("vocab_lists", [s.as_setting() for s in stored])
    vocabs = load_vocabularies(extra=stored)
    data = {
        "lists": [{"name": s.name, "scheme": s.scheme, "sha256": s.sha256} for s in stored],
        "hash": vocabs.hash, "problems": [str(p) for p in vocabs.problems if p.path in {s.name for s in stored}],
    }
    if args.json:
        print_json(data)
        return 0
    if not stored:
        print("No official lists stored: the catalogue uses the bundled (partial) lists.")
    for entry in data["lists"]:
        print(f"{entry['name']}: {entry['scheme']}, sha256 {entry['sha256'][:16]}")
    for problem in data["problems"]:
        print(f"  problem: {problem}")
    print(f"vocabulary hash: {vocabs.hash}")
    return 0


def _show(args, vocabs) -> int:
    from catalog_desktop.vocab import siso

    schemes = [args.scheme] if args.scheme else [s for s in _SCHEMES if args.code in vocabs.scheme(s)]
    if not schemes:  # not listed anywhere: judge it as the scheme its form suggests
        schemes = ["siso"] if siso.parse(args.code) or args.code[:1].isdigit() else ["zizo", "genre"]
    entries = []
    for name in schemes:
        scheme = vocabs.scheme(name)
        result = scheme.validate(args.code, audience=args.audience)
        entry = result.as_dict()
        entry["parents"] = [{"code": p, "label": scheme.label(p)} for p in scheme.parents(args.code)]
        entry["children"] = [c.code for c in scheme.children(args.code)]
        entries.append(entry)
    if args.json:
        print_json(entries)
        return 0
    for entry in entries:
        _print_entry(entry, args.lang)
    return 0


def _print_entry(entry: dict, lang: str) -> None:
    concept = entry["concept"] or {}
    print(f"{entry['scheme']} {entry['code']}")
    rows = [
        ("label", concept.get("label")),
        ("rubric", " > ".join(concept.get("path") or []) or None),
        ("subsystem", concept.get("subsystem")),
        ("parents", " > ".join(f"{p['code']} ({p['label']})" if p["label"] else p["code"] for p in entry["parents"]) or None),
        ("children", ", ".join(entry["children"]) or None),
        ("colour", concept.get("colour")), ("pictogram", concept.get("pictogram")),
        ("etiketgenre", concept.get("etiketgenre")), ("form genre", concept.get("form_genre") or None),
        ("audience", concept.get("audience")), ("replaced by", concept.get("replaced_by")),
        ("status", concept.get("status")), ("source", concept.get("source")),
    ]
    for key, value in rows:
        if value not in (None, ""):
            print(f"  {key + ':':<13}{value}")
    print(f"  {'check:':<13}{entry['message_en'] if lang == 'en' else entry['message']}")


def _list(args, vocabs) -> int:
    names = [args.scheme] if args.scheme else list(_SCHEMES)
    if args.json:
        print_json({
            "hash": vocabs.hash,
            "coverage_note": vocabs.coverage_note(args.lang),
            "schemes": {n: {"hash": vocabs.scheme(n).hash, "concepts": [c.as_dict() for c in vocabs.scheme(n)]}
                        for n in names},
            "problems": [str(p) for p in vocabs.problems],
        })
        return 0
    for name in names:
        scheme = vocabs.scheme(name)
        print(f"{name}: {len(scheme)} entries, hash {scheme.hash[:16]}")
        for concept in scheme:
            flags = " [vervallen]" if concept.retired else " [rubriek]" if concept.kind == "rubric" else ""
            print(f"  {concept.code:<40} {concept.label or '':<40} {concept.status[:40]}{flags}")
    print()
    print(vocabs.coverage_note(args.lang))
    return 0


def _validate(args, vocabs) -> int:
    results = [vocabs.validate(args.scheme, code, audience=args.audience) for code in args.codes]
    if args.json:
        print_json([r.as_dict() for r in results])
    else:
        for r in results:
            print(f"{'ok ' if r.ok else 'NO '} {r.code}: {r.text(args.lang)}")
    return 0 if all(r.ok for r in results) else 1


def _check(args, vocabs) -> int:
    from catalog_desktop.vocab import load_vocabularies, read_vocabulary_file

    reports = []
    for path in args.files:
        scheme, concepts, problems = read_vocabulary_file(path, args.scheme)
        defaults = vocabs.scheme(scheme)
        merged = load_vocabularies(extra=[*([(args.scheme, p) if args.scheme else p for p in args.extra]),
                                          (scheme, path)])
        reports.append({
            "file": str(path), "scheme": scheme, "concepts": len(concepts),
            "replacing_defaults": sum(c.code in defaults for c in concepts),
            "new": sum(c.code not in defaults for c in concepts),
            "retired": sum(c.retired for c in concepts),
            "with_parent": sum(bool(c.parent) for c in concepts),
            "problems": [str(p) for p in problems],
            "scheme_hash_after_loading": merged.scheme(scheme).hash,
        })
    if args.json:
        print_json(reports)
    else:
        for r in reports:
            print(f"{r['file']}: {r['scheme']}, {r['concepts']} concepts ({r['new']} new, "
                  f"{r['replacing_defaults']} replacing defaults, {r['retired']} retired, "
                  f"{r['with_parent']} with a parent)")
            for problem in r["problems"]:
                print(f"  problem: {problem}")
            print(f"  {r['scheme']} hash after loading: {r['scheme_hash_after_loading']}")
    return 1 if any(r["problems"] for r in reports) else 0


def _audit(args, vocabs, catalogue) -> int:
    from catalog_desktop.suggest.features import iter_record_features
    from catalog_desktop.vocab.audit import audit_codes

    with cancellable() as cancel, progress_bar("Auditing codes", not args.json) as progress:
        total = catalogue.records.count()
        ids = [s.id for offset in range(0, total, 5000) for s in catalogue.records.page(offset, 5000)]
        records = ((f.identity, f.entities.audience, f.entities.codes) for f in iter_record_features(catalogue, ids))
        report = audit_codes(vocabs, records, total=len(ids), progress=progress, cancel=cancel)
    data = report.as_dict(args.top)
    if args.scheme:
        data["schemes"] = {args.scheme: data["schemes"][args.scheme]}
        data["problems"] = [p for p in data["problems"] if p["scheme"] == args.scheme]
    if args.json:
        print_json(data | {"coverage_note": vocabs.coverage_note(args.lang)})
        return 0
    print(f"{data['records']:,} records{' (cancelled)' if data['cancelled'] else ''}")
    for name, cov in data["schemes"].items():
        print(f"{name}: {cov['uses']:,} uses of {cov['codes']:,} codes; in the lists: {cov['listed_codes']:,} codes, "
              f"{cov['listed_uses']:,} uses; not in the lists: {cov['unlisted_codes']:,} codes (kept, flagged)")
        for code, uses in cov["most_used_unlisted"].items():
            print(f"  {uses:>6}  {code}")
    if data["problems"]:
        print(f"{len(data['problems']):,} uses to look at ({', '.join(f'{k} {v}' for k, v in data['problem_counts'].items())}):")
        for p in data["problems"][: args.top]:
            print(f"  {p['record']}: {p['message_en'] if args.lang == 'en' else p['message']}")
    print()
    print(vocabs.coverage_note(args.lang))
    return 0
