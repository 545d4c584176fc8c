"""The compiled parts of a field profile: small frozen values that derive_entities reads.

:func:`catalog_desktop.marc.mapping.load_profile` builds them from the TOML tables; they
hold tags and subfield codes as frozensets and dicts so that the per-record code does
lookups, not parsing. Dicts here are read-only by convention (a MappingProxyType would add
an indirection to each of the millions of lookups an import makes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping


@dataclass(frozen=True, slots=True)
class TitleSpec:
    tag: str
    title_codes: frozenset[str]
    subtitle_code: str | None
    responsibility_code: str | None
    medium_code: str | None
    nonfiling: int  # which indicator (1 or 2) counts nonfiling characters; 0 = none


@dataclass(frozen=True, slots=True)
class WorkTitleSpec:
    tag: str
    codes: frozenset[str]
    nonfiling: int
    leading_articles: tuple[str, ...]
    ignore_prefixes: tuple[str, ...]  # values starting so are notes, not titles


@dataclass(frozen=True, slots=True)
class AgentSpec:
    main: bool
    name_codes: frozenset[str]
    relator_code: str | None
    term_code: str | None
    default_role: str


@dataclass(frozen=True, slots=True)
class ImprintSpec:
    tag: str
    indicator2: str | None
    publisher_code: str
    date_code: str


@dataclass(frozen=True, slots=True)
class SliceSpec:  # a position range of a control field, end exclusive
    tag: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SeriesSpec:
    tag: str
    codes: frozenset[str]
    volume_code: str | None


@dataclass(frozen=True, slots=True)
class LiteraryTypeSpec:
    tag: str
    position: int
    record_types: str
    values: Mapping[str, str | None]


@dataclass(frozen=True, slots=True)
class MaterialSpec:
    record_types: Mapping[str, str]
    serial_levels: str
    serial: str
    game_tag: str | None
    game_position: int
    game_values: str
    game: str


@dataclass(frozen=True, slots=True)
class CodeSpec:
    scheme: str
    tag: str
    code: str
    label_code: str | None
    path_codes: frozenset[str]
    scheme_code: str | None
    accept_schemes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GenreSpec:
    fixed_marker: str | None  # the marker implied by the tag (Vubis 691 = vge)
    marker_code: str | None
    term_codes: frozenset[str]
    markers: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class SubjectSpec:
    fixed_marker: str | None
    marker_code: str | None
    marker_kinds: Mapping[str, str]
    marker_audiences: Mapping[str, str]
    kind: str
    heading_codes: frozenset[str]
    subdivision_codes: frozenset[str]
    source_codes: tuple[str, ...]
    roles: Mapping[str, int]  # subfield code -> HEADING / SUBDIVISION / SOURCE, for a one-pass read


HEADING, SUBDIVISION, SOURCE = 1, 2, 3


def subfield_roles(heading: frozenset[str], subdivision: frozenset[str], source: tuple[str, ...]) -> Mapping[str, int]:
    roles = {c: SOURCE for c in source}
    roles.update({c: SUBDIVISION for c in subdivision})
    roles.update({c: HEADING for c in heading})
    return roles


@dataclass(frozen=True, slots=True)
class ItemSpec:
    tag: str
    library_code: str | None
    location_code: str | None
    call_number_codes: tuple[str, ...]
    barcode_code: str | None
