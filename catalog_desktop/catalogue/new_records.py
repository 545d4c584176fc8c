"""New records: a template per material type, a start from an ISBN, duplicates as you type.

    draft = cat.new_records.from_template("picture_book")
    cat.new_records.duplicates(draft)             # [Duplicate(record_id, "isbn", ...), ...]
    cat.checks.missing(draft, "brief")            # what the level still needs, in Dutch
    change = cat.edits.create(draft)              # one undoable step

Templates are data (``resources/editor/templates.toml``). Looking up an ISBN uses only the
local catalogue (no network): a hit is offered as a starting point (:meth:`copy_of`: the
description without its Vlacc number, copies and label data). Duplicates are found by ISBN
and by the normalised title + author key that groups editions into works.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date

from catalog_desktop.marc.flat import parse_flat
from catalog_desktop.marc.record import Field, MarcRecord
from catalog_desktop.resources import resources_dir

__all__ = ["Duplicate", "NewRecords", "Template", "load_templates", "make_008"]

# Fields a copy of another record must not take along: its number, dates, copies, labels.
_NOT_COPIED = ("001", "003", "005", "852", "999")


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    nl: str
    en: str
    leader: str
    f008: dict
    fields: tuple[str, ...]  # flat MARC lines

    def title(self, lang: str = "nl") -> str:
        return self.en if lang.startswith("en") else self.nl


@dataclass(frozen=True, slots=True)
class Duplicate:
    record_id: int
    why: str  # "isbn" | "title_author"
    title: str
    author: str | None
    year: str | None

    def text(self, lang: str = "nl") -> str:
        who = f" / {self.author}" if self.author else ""
        if lang.startswith("en"):
            reason = "same ISBN" if self.why == "isbn" else "same title and author"
            return f"{reason}: {self.title}{who} ({self.year or '?'}), record {self.record_id}"
        reason = "zelfde ISBN" if self.why == "isbn" else "zelfde titel en auteur"
        return f"{reason}: {self.title}{who} ({self.year or '?'}), record {self.record_id}"


def load_templates(path=None) -> dict[str, Template]:
    data = tomllib.loads((path or resources_dir() / "editor" / "templates.toml").read_text(encoding="utf-8"))
    return {name: Template(name, t["nl"], t["en"], t["leader"], dict(t.get("f008", {})), tuple(t["fields"]))
            for name, t in data.items()}


def make_008(today: date, *, audience: str = " ", literary: str = " ", file_type: str | None = None,
             language: str = "dut", country: str = "be ") -> str:
    """A 40-character 008 for a new record: entered today, single date this year."""
    chars = list(f"{today:%y%m%d}s{today.year}    {country}" + " " * 17 + f"{language} d")
    chars[22] = audience
    chars[33] = literary
    if file_type is not None:
        chars[26] = file_type
    text = "".join(chars)
    assert len(text) == 40, len(text)
    return text


class NewRecords:
    def __init__(self, records, search, profile):
        self._records = records
        self._search = search
        self._profile = profile
        self._templates: dict[str, Template] | None = None

    def templates(self) -> dict[str, Template]:
        if self._templates is None:
            self._templates = load_templates()
        return self._templates

    def from_template(self, name: str, today: date | None = None) -> MarcRecord:
        templates = self.templates()
        if name not in templates:
            raise ValueError(f"no template {name!r}; choose from {', '.join(templates)}")
        t = templates[name]
        today = today or date.today()
        lines = [f"=LDR  {t.leader}", f"=008  {make_008(today, **t.f008)}"]
        lines += [line.replace("{year}", str(today.year)) for line in t.fields]
        parsed = parse_flat("\n".join(lines))
        if parsed.problems:  # a broken template is a bug in the resources: say which
            raise ValueError(f"template {name!r}: {parsed.problems[0].en}")
        return parsed.record

    def find_isbn(self, isbn: str) -> list[int]:
        """Records of the local catalogue with this ISBN (in any form: 10/13, hyphens)."""
        from stdnum import isbn as stdisbn

        value = isbn.strip().replace("-", "").replace(" ", "")
        forms = {value}
        try:
            forms |= {stdisbn.to_isbn13(value), stdisbn.to_isbn10(value)}
        except Exception:  # not a valid ISBN: look for it as typed
            pass
        ids: list[int] = []
        for form in forms:
            if form:
                ids += [h.id for h in self._search(f"isbn:{form}", limit=20) if h.id not in ids]
        return ids

    def copy_of(self, record_id: int) -> MarcRecord:
        """Another record's description as a start for a new one (another edition, own copy)."""
        source = self._records.get(record_id).record
        new = MarcRecord(source.leader, [f.copy() for f in source.fields if f.tag not in _NOT_COPIED], source.encoding)
        return new

    def from_isbn(self, isbn: str, template: str = "book") -> tuple[MarcRecord, int | None]:
        """A draft for this ISBN: a copy of the local record that has it, else the template
        with the ISBN filled in. The second value is the record copied (None: none found)."""
        hits = self.find_isbn(isbn)
        if hits:
            return self.copy_of(hits[0]), hits[0]
        draft = self.from_template(template)
        for i, f in enumerate(draft.fields):
            if f.tag == "020":
                draft.fields[i] = Field("020", indicators=f.indicators, subfields=[("a", isbn.strip())])
                break
        else:
            from catalog_desktop.marc.code_fields import with_field

            draft = with_field(draft, Field("020", subfields=[("a", isbn.strip())]))
        return draft, None

    def duplicates(self, draft: MarcRecord, *, exclude: int | None = None) -> list[Duplicate]:
        """Records that may be this one: the same ISBN, or the same title and author."""
        from catalog_desktop.catalogue.derive import derive_entities

        try:
            ents = derive_entities(draft, self._profile())
        except Exception:  # a half-typed record: nothing to compare yet
            return []
        found: dict[int, str] = {}
        for isbn in ents.isbns:
            for rid in self.find_isbn(isbn):
                found.setdefault(rid, "isbn")
        if ents.title.strip() and ents.work_key:
            for rid in self._records.ids_with_work_key(ents.work_key):
                found.setdefault(rid, "title_author")
        out = []
        for rid, why in found.items():
            if rid == exclude:
                continue
            s = self._records.get(rid)
            out.append(Duplicate(rid, why, s.title, s.main_author, s.year))
        return sorted(out, key=lambda d: (d.why != "isbn", d.record_id))
