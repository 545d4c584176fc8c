"""Checking a record as it is typed: MARC 21 structure, the Open Vlacc conventions, the code
lists, and (for a new record) what its level still needs.

    checker = RecordChecker(profile, vocabularies)
    for m in checker.check(record):       # Message: severity, where (tag, subfield), nl/en
        print(m.where, m.text("nl"))
    checker.missing(record, "brief")      # ["het jaar van uitgave (260 $c)", ...] in Dutch

The conventions come from the field profile (``resources/marc/profiles/openvlacc.toml``):
where ZIZO, SISO and genres are carried, which genre and subject markers ($9) exist. Codes
are checked with :mod:`catalog_desktop.vocab`, whose lists are partial: a code missing from
them is a warning ("not in the list"), never an error. ISBNs are checked with python-stdnum.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from catalog_desktop.marc.record import MarcRecord
from catalog_desktop.marc.validation import ERROR, WARNING, Message, check_structure
from catalog_desktop.resources import resources_dir

__all__ = ["LEVELS", "Level", "RecordChecker", "load_levels"]

LEVELS = ("brief", "full")


@dataclass(frozen=True, slots=True)
class Requirement:
    any: tuple[str, ...]  # "245$a", "001": any one present and filled in is enough
    nl: str
    en: str


@dataclass(frozen=True, slots=True)
class Level:
    name: str
    nl: str
    en: str
    required: tuple[Requirement, ...]


def load_levels(path=None) -> dict[str, Level]:
    data = tomllib.loads((path or resources_dir() / "editor" / "levels.toml").read_text(encoding="utf-8"))
    levels: dict[str, Level] = {}
    for name, table in data.items():  # a level extends one defined before it
        base = levels[table["extends"]].required if "extends" in table else ()
        own = tuple(Requirement(tuple(r["any"]), r["nl"], r["en"]) for r in table["required"])
        levels[name] = Level(name, table["nl"], table["en"], base + own)
    return levels


def _filled(record: MarcRecord, spec: str) -> bool:
    tag, _, code = spec.partition("$")
    for f in record.get_fields(tag):
        if f.data is not None and f.data.strip():
            return True
        if any(v.strip() for c, v in f.subfields if not code or c == code):
            return True
    return False


class RecordChecker:
    def __init__(self, profile, vocabularies):
        self.profile = profile
        self.vocabularies = vocabularies
        self.levels = load_levels()

    def check(self, record: MarcRecord) -> list[Message]:
        """Everything worth telling, errors first, in record order."""
        out = check_structure(record) + self._conventions(record)
        return sorted(out, key=lambda m: (m.severity != ERROR, m.field_index if m.field_index is not None else -1))

    def missing(self, record: MarcRecord, level: str, lang: str = "nl") -> list[str]:
        """What the level still needs, in plain words (empty: complete)."""
        if level not in self.levels:
            raise ValueError(f"unknown level {level!r}; choose from {', '.join(self.levels)}")
        return [r.en if lang.startswith("en") else r.nl
                for r in self.levels[level].required if not any(_filled(record, s) for s in r.any)]

    # --- Open Vlacc conventions ------------------------------------------------------------

    def _conventions(self, record: MarcRecord) -> list[Message]:
        from catalog_desktop.catalogue.derive import derive_entities

        out: list[Message] = []
        try:
            audience = derive_entities(record, self.profile).audience
        except Exception:  # a record too broken to derive: structure messages say why
            audience = None
        zizo = self._code_spec("zizo")
        siso = self._code_spec("siso")
        isbn_tag, isbn_code, _ = self.profile.isbn or (None, None, None)
        for i, f in enumerate(record.fields):
            if f.data is not None:
                continue
            if zizo and f.tag == zizo["tag"]:
                out += self._code(i, f, "zizo", zizo["code"], audience)
            elif siso and f.tag == siso["tag"]:
                out += self._code(i, f, "siso", siso["code"], None)
            elif f.tag in self.profile.genres or f.tag in self.profile.subjects:
                out += self._subject(i, f)
            elif f.tag == isbn_tag:
                out += self._isbn(i, f, isbn_code)
        return out

    def _code_spec(self, scheme: str) -> dict | None:
        table = self.profile.entries.get(f"codes.{scheme}")
        return table["fields"][0] if table and table.get("enabled", True) and table.get("fields") else None

    def _code(self, i: int, f, scheme: str, code_sub: str, audience) -> list[Message]:
        code = (f.first(code_sub) or "").strip()
        if not code:
            return [Message(ERROR, f"{scheme}_code_missing",
                            f"Veld {f.tag}: de {scheme.upper()}-code ontbreekt in ${code_sub}.",
                            f"Field {f.tag}: the {scheme.upper()} code is missing from ${code_sub}.", f.tag, code_sub, i)]
        context = {"audience": audience} if scheme == "zizo" and audience else {}
        try:
            result = self.vocabularies.validate(scheme, code, **context)
        except TypeError:  # a scheme whose validation takes no context
            result = self.vocabularies.validate(scheme, code)
        if result.ok:
            return []
        return [Message(WARNING, f"{scheme}_{result.status}", f"Veld {f.tag}: {result.message}",
                        f"Field {f.tag}: {result.message_en}", f.tag, code_sub, i)]

    def _subject(self, i: int, f) -> list[Message]:
        genre = self.profile.genres.get(f.tag)
        subject = self.profile.subjects.get(f.tag)
        marker_code = (genre.marker_code if genre else None) or (subject.marker_code if subject else None)
        if marker_code is None:
            return []
        marker = (f.first(marker_code) or "").strip().lower()
        known = set(genre.markers if genre else ()) | set(subject.marker_kinds if subject else ())
        if not marker or not known or marker in known:
            if genre and marker in genre.markers:
                term = " ".join(v.strip() for c, v in f.subfields if c in genre.term_codes and v.strip())
                if term:
                    result = self.vocabularies.validate("genre", term)
                    if not result.ok:
                        return [Message(WARNING, f"genre_{result.status}", f"Veld {f.tag}: {result.message}",
                                        f"Field {f.tag}: {result.message_en}", f.tag, "a", i)]
            return []
        shown = ", ".join(sorted(known))
        return [Message(WARNING, "unknown_marker",
                        f"Veld {f.tag}: ${marker_code} '{marker}' is geen gekende Open Vlacc-aanduiding ({shown}).",
                        f"Field {f.tag}: ${marker_code} '{marker}' is not a known Open Vlacc marker ({shown}).",
                        f.tag, marker_code, i)]

    def _isbn(self, i: int, f, code: str) -> list[Message]:
        from stdnum import isbn

        out = []
        for c, v in f.subfields:
            value = v.strip().split(" ", 1)[0]
            if c == code and value and not isbn.is_valid(value):
                out.append(Message(WARNING, "isbn_invalid",
                                   f"Veld {f.tag}: '{value}' is geen geldig ISBN (controlecijfer of lengte klopt niet); "
                                   "kijk het na, of zet een fout ISBN van het boek in $z.",
                                   f"Field {f.tag}: '{value}' is not a valid ISBN (check digit or length); "
                                   "check it, or put a wrong ISBN printed in the book in $z.", f.tag, code, i))
        return out
