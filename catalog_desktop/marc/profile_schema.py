"""What a field-profile TOML file may contain, and the checks that say precisely what is wrong.

Every table (a "meaning") has a fixed set of keys; each key has a checker returning a
description of what was expected, or None when the value is fine. A profile author who
mistypes a key, a tag or a status gets one sentence naming the file, the table and the key.
"""

from __future__ import annotations

import re
from typing import Any, Callable

STATUSES = ("confirmed", "assumed")
LITERARY_VALUES = ("fiction", "non-fiction", "unknown")
SUBJECT_KINDS = ("theme", "keyword", "topical", "person", "corporate", "geographic")
GENRE_ENTRIES = ("genres", "genre_tags")
SUBJECT_ENTRIES = ("subjects", "subjects_marc21", "subject_tags")


class ProfileError(ValueError):
    """A profile file is wrong; the message names the file, the table and the key."""

    def __init__(self, path: str, table: str, key: str, problem: str):
        where = path + (f": [{table}]" if table else "") + (f" {key}" if key else "")
        super().__init__(f"{where}: {problem}")
        self.path, self.table, self.key, self.problem = path, table, key, problem


Check = Callable[[Any], "str | None"]
_TAG = re.compile(r"[0-9A-Za-z]{3}")
_CODE = re.compile(r"[a-z0-9]")
_SCHEME = re.compile(r"[a-z][a-z0-9_]*")


def _tag(v: Any) -> str | None:
    return None if isinstance(v, str) and _TAG.fullmatch(v) else 'a MARC tag such as "245"'


def _code(v: Any) -> str | None:
    return None if isinstance(v, str) and _CODE.fullmatch(v) else 'a subfield code such as "a" or "9"'


def _char(v: Any) -> str | None:
    return None if isinstance(v, str) and len(v) == 1 else "a single character"


def _text(v: Any) -> str | None:
    return None if isinstance(v, str) and v.strip() else "a non-empty string"


def _int(v: Any) -> str | None:
    return None if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 100000 else "a whole number >= 0"


def _bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "true or false"


def _indicator(v: Any) -> str | None:
    return None if v in (1, 2) and not isinstance(v, bool) else "1 or 2 (which indicator)"


def _one_of(options: tuple[str, ...]) -> Check:
    return lambda v: None if v in options else "one of " + ", ".join(f'"{o}"' for o in options)


def _list(item: Check) -> Check:
    def check(v: Any) -> str | None:
        if not isinstance(v, list):
            return "a list"
        for i, x in enumerate(v):
            if (problem := item(x)) is not None:
                return f"a list whose every item is {problem} (item {i + 1} is {x!r})"
        return None
    return check


def _map(key: Check, value: Check) -> Check:
    def check(v: Any) -> str | None:
        if not isinstance(v, dict):
            return "a table such as { x = \"y\" }"
        for k, x in v.items():
            if (problem := key(k)) is not None:
                return f"a table whose keys are {problem} (not {k!r})"
            if (problem := value(x)) is not None:
                return f"a table whose values are {problem} ({k!r} = {x!r})"
        return None
    return check


# Each schema: key -> (check, required). Nested field lists are schemas too.
FIELD_TITLE = {"tag": (_tag, True), "codes": (_list(_code), True), "nonfiling_indicator": (_indicator, False)}
FIELD_SERIES = {"tag": (_tag, True), "codes": (_list(_code), True), "volume_code": (_code, False)}
FIELD_CODE = {
    "tag": (_tag, True), "code": (_code, True), "label_code": (_code, False), "path_codes": (_list(_code), False),
    "scheme_code": (_code, False), "accept_schemes": (_list(_text), False),
}
AGENT = {
    "tags": (_list(_tag), True), "name_codes": (_list(_code), True), "relator_code": (_code, False),
    "relator_term_codes": (_map(_tag, _code), False), "default_roles": (_map(_tag, _text), True),
}
IMPRINT = {"tag": (_tag, True), "indicator2": (_char, False), "publisher_code": (_code, True), "date_code": (_code, True)}
SLICE = {"tag": (_tag, True), "start": (_int, True), "end": (_int, True)}
TAG_CODE = {"tag": (_tag, True), "code": (_code, True)}
GENRE = {
    "tags": (_list(_tag), False), "marker_code": (_code, False), "fixed_tags": (_map(_tag, _text), False),
    "term_codes": (_list(_code), True), "markers": (_map(_text, _text), True),
}
SUBJECT = {
    "tags": (_list(_tag), False), "marker_code": (_code, False), "fixed_tags": (_map(_tag, _text), False),
    "marker_kinds": (_map(_text, _one_of(SUBJECT_KINDS)), False), "marker_audiences": (_map(_text, _text), False),
    "tag_kinds": (_map(_tag, _one_of(SUBJECT_KINDS)), False), "heading_codes": (_list(_code), True),
    "subdivision_codes": (_list(_code), False), "source_codes": (_list(_code), False),
}
ENTRY_SCHEMAS: dict[str, dict] = {
    "control_number": {"tag": (_tag, True)},
    "isbn": {"tag": (_tag, True), "code": (_code, True), "invalid_code": (_code, False), "qualifier_code": (_code, False)},
    "title": {
        "tag": (_tag, True), "title_codes": (_list(_code), True), "subtitle_code": (_code, False),
        "responsibility_code": (_code, False), "medium_code": (_code, False), "nonfiling_indicator": (_indicator, False),
    },
    "uniform_title": {"fields": (FIELD_TITLE, True)},
    "original_title": {
        "fields": (FIELD_TITLE, True), "use_for_work": (_bool, False), "leading_articles": (_list(_text), False),
        "ignore_prefixes": (_list(_text), False),
    },
    "main_agent": AGENT,
    "other_agents": AGENT,
    "relators": {"codes": (_map(_text, _text), True), "terms": (_map(_text, _text), False)},
    "edition": TAG_CODE,
    "imprint": IMPRINT,
    "imprint_rda": IMPRINT,
    "date_fallback": SLICE,
    "series": {"fields": (FIELD_SERIES, True)},
    "series_added": {"fields": (FIELD_SERIES, True)},
    "summary": TAG_CODE,
    "language": SLICE,
    "language_codes": TAG_CODE,
    "literary_type": {
        "tag": (_tag, True), "position": (_int, True), "record_types": (_text, True),
        "values": (_map(_char, _one_of(LITERARY_VALUES)), True),
    },
    "literary_type_marc21": {"values": (_map(_char, _one_of(LITERARY_VALUES)), True)},
    "material": {
        "record_types": (_map(_char, _text), True), "serial_levels": (lambda v: None if isinstance(v, str) else "a string", False),
        "serial": (_text, False), "game_tag": (_tag, False), "game_position": (_int, False),
        "game_values": (lambda v: None if isinstance(v, str) else "a string", False), "game": (_text, False),
    },
    "genres": GENRE,
    "genre_tags": GENRE,
    "subjects": SUBJECT,
    "subjects_marc21": SUBJECT,
    "subject_tags": SUBJECT,
    "items": {
        "tag": (_tag, True), "library_code": (_code, False), "location_code": (_code, False),
        "call_number_codes": (_list(_code), False), "barcode_code": (_code, False),
    },
    "labels": {"tag": (_tag, True)},
}
CODES_SCHEMA = {"fields": (FIELD_CODE, True)}
DOC_SCHEMA = {"status": (_one_of(STATUSES), True), "source": (_text, True), "note": (_text, False), "enabled": (_bool, False)}
META_SCHEMA = {"name": (_text, True), "description": (_text, False), "extends": (_text, False)}


def _check_table(path: str, table: str, value: Any, schema: dict) -> None:
    if not isinstance(value, dict):
        raise ProfileError(path, table, "", "must be a table")
    for key in value:
        if key not in schema:
            raise ProfileError(path, table, key, "unknown key; allowed: " + ", ".join(schema))
    for key, (check, required) in schema.items():
        if key not in value:
            if required:
                raise ProfileError(path, table, key, "missing")
            continue
        if isinstance(check, dict):  # a list of field tables
            fields = value[key]
            if not isinstance(fields, list) or not fields:
                raise ProfileError(path, table, key, "must be a non-empty list of { tag = ..., ... } tables")
            for i, f in enumerate(fields):
                _check_table(path, f"{table}.{key}[{i + 1}]", f, check)
        elif (problem := check(value[key])) is not None:
            raise ProfileError(path, table, key, f"must be {problem}, not {value[key]!r}")


def validate_document(path: str, data: dict) -> tuple[dict, dict[str, dict]]:
    """Check one file; return its [profile] table and its meanings keyed by table name."""
    if "profile" not in data:
        raise ProfileError(path, "profile", "", "missing: every profile starts with [profile] and name = ...")
    _check_table(path, "profile", data["profile"], META_SCHEMA)
    entries: dict[str, dict] = {}
    for name, value in data.items():
        if name == "profile":
            continue
        if name == "codes":
            if not isinstance(value, dict):
                raise ProfileError(path, "codes", "", "must hold [codes.<scheme>] tables")
            for scheme, table in value.items():
                if not _SCHEME.fullmatch(scheme):
                    raise ProfileError(path, f"codes.{scheme}", "", "scheme names are lower-case letters, digits and _")
                _check_table(path, f"codes.{scheme}", table, {**DOC_SCHEMA, **CODES_SCHEMA})
                entries[f"codes.{scheme}"] = table
            continue
        if name not in ENTRY_SCHEMAS:
            raise ProfileError(path, name, "", "unknown table; known: " + ", ".join([*ENTRY_SCHEMAS, "codes.<scheme>"]))
        _check_table(path, name, value, {**DOC_SCHEMA, **ENTRY_SCHEMAS[name]})
        entries[name] = value
    return data["profile"], entries


def check_resolved(path: str, entries: dict[str, dict]) -> None:
    """Checks that span tables, run after `extends` is resolved."""
    for family in (GENRE_ENTRIES, SUBJECT_ENTRIES):
        owner: dict[str, str] = {}
        for name in family:
            t = entries.get(name)
            if not t or not t.get("enabled", True):
                continue
            if t.get("tags") and "marker_code" not in t and family is GENRE_ENTRIES:
                raise ProfileError(path, name, "marker_code", "missing: needed to tell a genre from a subject in tags")
            if not t.get("tags") and not t.get("fixed_tags"):
                raise ProfileError(path, name, "tags", "missing: give tags or fixed_tags")
            known = t.get("markers") or t.get("marker_kinds") or {}
            for tag, marker in t.get("fixed_tags", {}).items():
                if marker not in known:
                    raise ProfileError(path, name, "fixed_tags", f"marker {marker!r} of tag {tag} is not in markers/marker_kinds")
            for tag in [*t.get("tags", ()), *t.get("fixed_tags", {})]:
                if tag in owner:
                    raise ProfileError(path, name, "tags", f"tag {tag} is already mapped by [{owner[tag]}]")
                owner[tag] = name
    for name in ("date_fallback", "language"):
        t = entries.get(name)
        if t and t["end"] <= t["start"]:
            raise ProfileError(path, name, "end", f"must be greater than start ({t['start']})")
