"""The entities a MARC record is understood as: work, manifestation, agents, subjects, codes, items.

These are plain values derived from a :class:`~catalog_desktop.marc.record.MarcRecord` by
:func:`derive_entities` through a field profile (``catalog_desktop.marc.mapping``). The store
keeps them in its tables; the record's MARC stays the source of truth, so entities are always
re-derivable from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Where a classification code came from. "cataloged": it was in the record as imported or
# edited by a person; "suggested": proposed by a model, not yet decided; "accepted": a model's
# suggestion that a cataloger accepted.
SOURCES = ("cataloged", "suggested", "accepted")


# The refs below are made ~11 times per imported record: not frozen, because a frozen
# dataclass's __init__ costs 4x more (0.71 against 0.17 us; ~6 us of a record's ~140). Treat
# them as values all the same: nothing changes a ref in place, and they hash by content.
@dataclass(slots=True, unsafe_hash=True)
class AgentRef:
    name: str  # as in the record, trailing punctuation removed
    key: str  # normalised, for grouping the same person across records
    role: str  # "author", "contributor", "illustrator", ... (from $4/$e, else by tag)
    tag: str  # 100, 110, 700, ...
    main: bool = False  # the main entry (1XX)


@dataclass(slots=True, unsafe_hash=True)
class SubjectRef:
    term: str  # the heading, subdivisions joined with " -- "
    kind: str  # "theme", "keyword", "topical", "person", "corporate", "geographic"
    tag: str
    audience: str | None = None  # "adult", "youth" (from Open Vlacc's $9 vth/jth/...)
    source_code: str | None = None  # the raw $9 (or $2) value


@dataclass(slots=True, unsafe_hash=True)
class CodeRef:
    scheme: str  # "zizo", "siso", "genre", "avi", "nur", "audience", "literary_type", "label"
    code: str
    tag: str
    label: str | None = None  # human label when the record carries one (ZIZO rubric path leaf, genre term)
    path: tuple[str, ...] = ()  # ZIZO rubric path ($a > $x > $y > $z)
    qualifier: str | None = None  # e.g. genre audience: "vge" / "jge" / "mge"
    source: str = "cataloged"


@dataclass(slots=True, unsafe_hash=True)
class ItemRef:
    barcode: str | None
    library: str | None = None
    location: str | None = None
    call_number: str | None = None
    tag: str = "852"


@dataclass(slots=True)
class RecordEntities:
    """The manifestation a record describes, with its work key and everything attached."""

    control_number: str | None
    title: str
    subtitle: str | None = None
    responsibility: str | None = None
    edition: str | None = None
    publisher: str | None = None
    year: str | None = None
    isbns: list[str] = field(default_factory=list)
    language: str | None = None
    literary_type: str | None = None  # "fiction", "non-fiction" or None when unknown
    audience: str | None = None  # 521 $a as found
    material: str | None = None  # "book", "video", "sound", "music", "game", ... from the leader
    series: list[str] = field(default_factory=list)
    summary: str | None = None
    main_author: str | None = None
    # The work: editions of one work share this key (uniform/original title + main author, normalised).
    work_title: str = ""
    work_author: str | None = None
    work_key: str = ""
    agents: list[AgentRef] = field(default_factory=list)
    subjects: list[SubjectRef] = field(default_factory=list)
    codes: list[CodeRef] = field(default_factory=list)
    items: list[ItemRef] = field(default_factory=list)
    # Spine-label fields (Open Vlacc 999, the Etiketveld) as subfield lists, exact.
    labels: list[list[tuple[str, str]]] = field(default_factory=list)
    # 245 $h (material designation) as found, e.g. "BOEK", "BLADMUZIEK", "[sound recording]".
    medium: str | None = None
    # ISBNs the record marks invalid or cancelled (020 $z), normalised like ``isbns``: the
    # same book often still carries them, so they help matching but are never shown as valid.
    invalid_isbns: list[str] = field(default_factory=list)

    def codes_of(self, scheme: str) -> list[CodeRef]:
        return [c for c in self.codes if c.scheme == scheme]

    def search_text(self) -> str:
        """Everything a cataloger may type to find this record, as one string."""
        parts = [self.title, self.subtitle or "", self.responsibility or "", self.control_number or ""]
        parts += self.isbns + self.series + [a.name for a in self.agents]
        parts += [s.term for s in self.subjects] + [c.code for c in self.codes] + [c.label or "" for c in self.codes]
        return " ".join(p for p in parts if p)
