"""A concept of a scheme (:class:`Concept`) and the outcome of checking a code (:class:`Validation`)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Concept.kind
CODE = "code"  # a code a cataloger can assign (693 $9, 084 $a, a 650 genre term)
RUBRIC = "rubric"  # a ZIZO rubric whose own code is not publicly known: a node of the hierarchy only
OBSERVED = "observed"  # seen in the data but not in any loaded list: kept and flagged, never invented

# Words in a source's status text that mean the concept may no longer be assigned.
_RETIRED_WORDS = ("abolished", "deprecated", "retired", "not adopted", "vervallen", "afgevoerd", "search term")


@dataclass(frozen=True, slots=True)
class Concept:
    """One entry of a scheme, with where it comes from and how sure that source is.

    ``status`` and ``source`` are the source's own words (``resources/vocab/*.tsv`` columns,
    or the file a trainer loaded); colour and pictogram stay ``None`` where no source gives them.
    """

    code: str  # SISO "788.41", ZIZO "MEGEV" (or "ZIZO Jeugd > Mens" for a rubric without known code), genre term
    label: str | None = None  # Dutch label (ZIZO: the rubric name, SISO: the caption, genre: the term)
    parent: str | None = None  # the broader concept's code (ZIZO rubric path, SKOS broader)
    subsystem: str | None = None  # ZIZO: "Kleuter ZIZO" | "ZIZO Jeugd" | "ZIZO Volwassenen"
    colour: str | None = None
    pictogram: str | None = None
    status: str = ""
    source: str = ""
    retired: bool = False
    etiketgenre: bool | None = None  # genre with a spine-label pictogram; None = not known
    form_genre: bool = False  # vormgenre
    audience: str | None = None  # "jeugd", "volwassenen", "jeugd+volwassenen"; None = not stated
    kind: str = CODE
    replaced_by: str | None = None  # for a retired concept or a search term: what to use instead
    path: tuple[str, ...] = ()  # ZIZO rubric names, top first, ending with this concept's own rubric
    note: str = ""

    @property
    def confirmed(self) -> bool:
        """A source confirms it (not a third-party list, a guess or an unverified example)."""
        status = self.status.strip().lower()
        return status.startswith("confirmed") or status.startswith("official")

    @property
    def observed(self) -> bool:
        return self.kind == OBSERVED

    @property
    def assignable(self) -> bool:
        """A cataloger may put this code in a record (rubric nodes and retired codes: no)."""
        return self.kind != RUBRIC and not self.retired

    def as_dict(self) -> dict:
        return {
            "code": self.code, "label": self.label, "parent": self.parent, "subsystem": self.subsystem,
            "colour": self.colour, "pictogram": self.pictogram, "status": self.status, "source": self.source,
            "retired": self.retired, "etiketgenre": self.etiketgenre, "form_genre": self.form_genre,
            "audience": self.audience, "kind": self.kind, "replaced_by": self.replaced_by,
            "path": list(self.path), "note": self.note,
        }


def status_means_retired(status: str) -> bool:
    status = status.lower()
    return any(word in status for word in _RETIRED_WORDS)


# Validation.status values
KNOWN = "known"  # in the list, confirmed by its source
UNVERIFIED = "unverified"  # in the list, but its source is secondary, weak or unverified
OBSERVED_STATUS = "observed"  # not in the list, but seen in the data (kept, flagged)
UNKNOWN = "unknown"
RETIRED = "retired"
WRONG_SUBSYSTEM = "wrong_subsystem"
WRONG_AUDIENCE = "wrong_audience"  # a confirmed adult-only genre on a youth record, or the reverse
MALFORMED = "malformed"
RUBRIC_ONLY = "rubric"  # a ZIZO rubric without a code of its own
EMPTY = "empty"

OK_STATUSES = frozenset({KNOWN, UNVERIFIED, OBSERVED_STATUS})


@dataclass(frozen=True, slots=True)
class Validation:
    """What a scheme says about one code: ``ok`` and a message for the cataloger (nl and en)."""

    scheme: str
    code: str
    status: str
    message: str  # Dutch
    message_en: str
    concept: Concept | None = None
    expected_subsystem: str | None = None  # WRONG_SUBSYSTEM: the subsystem the audience asks for
    details: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status in OK_STATUSES

    def text(self, lang: str = "nl") -> str:
        return self.message_en if lang.startswith("en") else self.message

    def as_dict(self) -> dict:
        return {
            "scheme": self.scheme, "code": self.code, "ok": self.ok, "status": self.status,
            "message": self.message, "message_en": self.message_en,
            "expected_subsystem": self.expected_subsystem,
            "concept": self.concept.as_dict() if self.concept else None,
        }
