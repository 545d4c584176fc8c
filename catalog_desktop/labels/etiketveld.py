"""The Etiketveld: Open Vlacc's spine-label field (MARC 999) for Biblioprint, read and generated.

One field per label variant, for example (the only real record seen)::

    999 $a Songbooks $b MANUEEL INVULLEN $c MM $f DAVI $z VN ZIZO 2*9
    999 $c 788.41 $f DAVI $z VN SISO 2*4

What each subfield means is not published; ``resources/labels/README.md`` separates what
this example confirms from what we infer. Reading keeps a field exactly as found; generating
fills the subfield templates of ``label-rules.toml`` (``[etiketveld.*]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog_desktop.labels.config import LabelRules

__all__ = ["LabelField", "field_kind", "generate_subfields", "read_label_fields", "as_text"]

_KIND_IN_Z = re.compile(r"\b(ZIZO|SISO|GENRE)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LabelField:
    """One 999 as found: its subfields in order, and which label kind it is for."""

    kind: str  # "zizo", "siso", "genre" or "other"
    subfields: tuple[tuple[str, str], ...]

    def first(self, code: str) -> str | None:
        for c, v in self.subfields:
            if c == code:
                v = v.strip()
                if v:
                    return v
        return None


def as_text(subfields) -> str:
    """``$a Songbooks $b MANUEEL INVULLEN ...``: how the field is shown in the data file."""
    return " ".join(f"${c} {v}" for c, v in subfields)


def field_kind(subfields, siso_codes: tuple[str, ...] = ()) -> str:
    """Which label a 999 is for: the word ZIZO/SISO in $z (seen), else a $c equal to the
    record's SISO code (our inference), else "other"."""
    for c, v in subfields:
        if c == "z" and (found := _KIND_IN_Z.search(v)):
            return found.group(1).lower()
    for c, v in subfields:
        if c == "c" and v.strip() in siso_codes:
            return "siso"
    return "other"


def read_label_fields(labels: list[list[tuple[str, str]]], siso_codes: tuple[str, ...] = ()) -> list[LabelField]:
    """The record's 999s (``RecordEntities.labels``) with their kind, exact."""
    return [LabelField(field_kind(subs, siso_codes), tuple(subs)) for subs in labels]


class _Values(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(f"unknown placeholder {{{key}}} in the Etiketveld template")


def generate_subfields(kind: str, values: dict[str, str], rules: LabelRules) -> tuple[tuple[str, str], ...] | None:
    """The 999 subfields for a label kind from the record's values, or None when that kind
    is not generated (switched off in the rules) or a subfield would come out empty."""
    template = rules.etiketveld.get(kind)
    if template is None:
        return None
    out = []
    for code, text in template:
        value = text.format_map(_Values(values)).strip()
        if not value:
            return None  # never write a half-empty label field into a record
        out.append((code, value))
    return tuple(out)
