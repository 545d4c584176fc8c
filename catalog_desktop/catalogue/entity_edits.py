"""Editing a record through its entities: the fields of the entity form, written into MARC.

The entity view shows title, subtitle, author, publisher, year and ISBN; changing one there
changes the subfield the field profile reads it from (Open Vlacc: 245 $a / $b, 100 $a,
260 $b / $c, 020 $a), so the MARC view and the entity view stay one record. Only the one
subfield changes: the rest of the field, and every other field, keep their bytes.

    new = set_entity_value(record, profile, "title", "Het verdriet van België")
"""

from __future__ import annotations

from catalog_desktop.marc.code_fields import with_field
from catalog_desktop.marc.record import Field, MarcRecord

__all__ = ["ENTITY_FIELDS", "entity_values", "set_entity_value"]

# Form field -> (profile table, key naming its tag, key naming its subfield code).
ENTITY_FIELDS = ("title", "subtitle", "author", "publisher", "year", "isbn")


def _where(profile, key: str) -> tuple[str, str]:
    e = profile.entries
    if key == "title":
        return e["title"]["tag"], e["title"]["title_codes"][0]
    if key == "subtitle":
        return e["title"]["tag"], e["title"]["subtitle_code"]
    if key == "author":
        return e["main_agent"]["tags"][0], e["main_agent"]["name_codes"][0]
    if key == "publisher":
        return e["imprint"]["tag"], e["imprint"]["publisher_code"]
    if key == "year":
        return e["imprint"]["tag"], e["imprint"]["date_code"]
    if key == "isbn":
        return e["isbn"]["tag"], e["isbn"]["code"]
    raise ValueError(f"no entity field {key!r}; choose from {', '.join(ENTITY_FIELDS)}")


def entity_values(record: MarcRecord, profile) -> dict[str, str]:
    """What the entity form shows: each field's subfield as it is in the record."""
    out = {}
    for key in ENTITY_FIELDS:
        tag, code = _where(profile, key)
        out[key] = (record.value(tag, code) or "") if record.first(tag) is not None else ""
    return out


def set_entity_value(record: MarcRecord, profile, key: str, value: str) -> MarcRecord:
    """A copy with the entity's subfield set to ``value`` (an empty value removes the subfield;
    a field left without subfields goes). A missing field is added in tag order."""
    tag, code = _where(profile, key)
    value = value.strip()
    new = record.copy()
    for i, f in enumerate(new.fields):
        if f.tag != tag or f.data is not None:
            continue
        subfields = list(f.subfields)
        at = next((j for j, (c, _) in enumerate(subfields) if c == code), None)
        if at is None and not value:
            return new
        if at is None:
            subfields.append((code, value))
        elif value:
            subfields[at] = (code, value)
        else:
            del subfields[at]
        if subfields == f.subfields:
            return new
        if subfields:
            new.fields[i] = Field(f.tag, indicators=f.indicators, subfields=subfields)
        else:
            del new.fields[i]
        return new
    if not value:
        return new
    indicators = {"100": "1 ", "245": "10"}.get(tag, "  ")
    return with_field(new, Field(tag, indicators=indicators, subfields=[(code, value)]))
