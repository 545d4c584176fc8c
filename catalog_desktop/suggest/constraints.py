"""What a record's own facts say about which codes can fit it.

* Literary type (008/33): fiction gets genres and no ZIZO or SISO; non-fiction gets ZIZO
  and SISO and no genres.
* Age group (521 audience, through :func:`catalog_desktop.vocab.zizo_subsystem_for_age`):
  picks the ZIZO subsystem (Kleuter ZIZO, ZIZO Jeugd, ZIZO Volwassenen) and, for genres,
  the youth or the adult list.
* ZIZO and SISO take one code per record: a record that has one gets no suggestions for that
  scheme (genres, several per record, still get more).

A fact the record does not give constrains nothing, and the rule says so in its reason.
A code whose concept the vocabulary does not know (or knows without a subsystem or an
audience) is let through: the public lists are partial, and we never guess.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from catalog_desktop.suggest.features import RecordFeatures

__all__ = ["SchemeRule", "rules_for", "apply_rule"]

_YOUTH_SUBSYSTEMS = ("Kleuter ZIZO", "ZIZO Jeugd")
_GENRE_AUDIENCE = {"youth": "jeugd", "adult": "volwassenen"}  # vocab Concept.audience words


@dataclass(frozen=True, slots=True)
class SchemeRule:
    """Whether a scheme applies to a record and which of its codes may be suggested."""

    scheme: str
    applies: bool
    reason: str  # Dutch, for the cataloger
    reason_en: str
    subsystem: str | None = None  # ZIZO: the subsystem the age group asks for
    audience: str | None = None  # genre: "jeugd" or "volwassenen"

    def allows(self, concept) -> bool:
        """May a code with this vocabulary concept (None: not in the vocabulary) be suggested?"""
        if not self.applies:
            return False
        if concept is None:
            return True
        if self.subsystem and getattr(concept, "subsystem", None):
            return concept.subsystem == self.subsystem
        if self.audience and getattr(concept, "audience", None):
            return self.audience in concept.audience
        return True


def rules_for(features: RecordFeatures, schemes: Sequence[str]) -> dict[str, SchemeRule]:
    """One rule per scheme, from the record's literary type and age group."""
    e = features.entities
    lt, age = e.literary_type, features.age_group
    rules: dict[str, SchemeRule] = {}
    for scheme in schemes:
        if scheme == "genre":
            rules[scheme] = _genre_rule(lt, age)
        elif scheme in ("zizo", "siso") and (own := features.codes(scheme)):
            name = scheme.upper()
            rules[scheme] = SchemeRule(scheme, False, f"heeft al een {name}-code ({', '.join(own)})",
                                       f"already has a {name} code ({', '.join(own)})")
        elif scheme in ("zizo", "siso"):
            rules[scheme] = _subject_rule(scheme, lt, age)
        else:
            rules[scheme] = SchemeRule(scheme, True, "geen regels voor dit schema", "no rules for this scheme")
    return rules


def _genre_rule(lt: str | None, age: str | None) -> SchemeRule:
    if lt == "non-fiction":
        return SchemeRule("genre", False, "non-fictie krijgt geen genre", "non-fiction gets no genre")
    audience = None
    if age is not None:
        audience = _GENRE_AUDIENCE["youth" if age in _YOUTH_SUBSYSTEMS else "adult"]
        who, who_en = (f"genres voor {audience} ({age})", f"genres for {audience} ({age})")
    else:
        who, who_en = "leeftijdsgroep onbekend: jeugd- en volwassenengenres", "age group unknown: youth and adult genres"
    if lt == "fiction":
        return SchemeRule("genre", True, f"fictie; {who}", f"fiction; {who_en}", audience=audience)
    return SchemeRule("genre", True, f"literair type onbekend: geen beperking; {who}",
                      f"literary type unknown: not constrained; {who_en}", audience=audience)


def _subject_rule(scheme: str, lt: str | None, age: str | None) -> SchemeRule:
    name = scheme.upper()
    if lt == "fiction":
        return SchemeRule(scheme, False, f"fictie krijgt geen {name}", f"fiction gets no {name}")
    head, head_en = ("non-fictie", "non-fiction") if lt == "non-fiction" else (
        "literair type onbekend: geen beperking", "literary type unknown: not constrained")
    if scheme != "zizo":
        return SchemeRule(scheme, True, head, head_en)
    if age is None:
        return SchemeRule(scheme, True, f"{head}; leeftijdsgroep onbekend: elk ZIZO-subsysteem",
                          f"{head_en}; age group unknown: any ZIZO subsystem")
    return SchemeRule(scheme, True, f"{head}; leeftijdsgroep kiest {age}", f"{head_en}; age group picks {age}",
                      subsystem=age)


def apply_rule(rule: SchemeRule, suggestions: list, vocab_scheme, limit: int) -> list:
    """The suggestions the rule allows, at most ``limit``, with the vocabulary's label filled in."""
    out = []
    for s in suggestions:
        concept = vocab_scheme.get(s.code) if vocab_scheme is not None else None
        if not rule.allows(concept):
            continue
        if not s.label and concept is not None and concept.label:
            s = replace(s, label=concept.label)
        out.append(s)
        if len(out) == limit:
            break
    return out
