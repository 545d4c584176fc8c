"""ZIZO's three subsystems and which one an audience (age group) belongs to.

ZIZO has three subsystems: Kleuter ZIZO (ages 0-2 and 3-5), ZIZO Jeugd (6-8 up to 12-14) and
ZIZO Volwassenen (15+ and adults). :func:`zizo_subsystem_for_age` reads the audience values the
catalogue stores or derives: 521 $a text ("Vanaf 6-8 jaar", "volwassenen"), the Open Vlacc
facet ids ("j_age_6-8", "y_age_adults"; ``resources/vocab/target_audience_codes.tsv``), the
API's raw codes ("age9-11", "ageAdults"), a bare age or range ("9-11", 7) and the subject
audiences of the field profile ("adult"). Values that span several subsystems ("Alle jeugd",
"Alle leeftijden", "youth") or that it cannot read give ``None``: the caller then does not
constrain the subsystem.
"""

from __future__ import annotations

import re

KLEUTER = "Kleuter ZIZO"
JEUGD = "ZIZO Jeugd"
VOLWASSENEN = "ZIZO Volwassenen"
SUBSYSTEMS = (KLEUTER, JEUGD, VOLWASSENEN)

# Youngest age of each subsystem (the age groups 0-2 and 3-5 are Kleuter, 6-8 .. 12-14 Jeugd).
_FIRST_JEUGD_AGE = 6
_FIRST_VOLWASSENEN_AGE = 15

_ADULT_WORDS = ("volwassen", "adult", "ageadults")
_AGE_RE = re.compile(r"(\d{1,2})(?:\s*(?:-|–|tot|t/m)\s*(\d{1,2}))?")


def subsystem_name(text: str | None) -> str | None:
    """One of :data:`SUBSYSTEMS` for a spelling of its name ("jeugd", "ZIZO Volwassenen", ...)."""
    if not text:
        return None
    words = text.strip().lower()
    if "kleuter" in words:
        return KLEUTER
    if "volwassen" in words or "adult" in words:
        return VOLWASSENEN
    if "jeugd" in words or "youth" in words:
        return JEUGD
    return None


def rubric_key(subsystem: str | None, names) -> str:
    """The id of a rubric whose own code is not known: "ZIZO Jeugd > Mens > Ziek - Gezond"."""
    return " > ".join([subsystem or "ZIZO", *names])


def rubric_key_parent(key: str) -> str | None:
    """The rubric above a rubric id ("ZIZO Jeugd > Mens > X" -> "ZIZO Jeugd > Mens"), or None."""
    parts = key.split(" > ")
    return " > ".join(parts[:-1]) if len(parts) > 2 and parts[0] in SUBSYSTEMS else None


def exact_subsystem_name(text: str | None) -> str | None:
    """A subsystem only when ``text`` is its full name ("ZIZO Jeugd", "Kleuter ZIZO", any case)."""
    if not text or "zizo" not in text.lower():
        return None
    return subsystem_name(text.lower().replace("zizo", ""))


def subsystem_for_age_number(age: int) -> str:
    if age >= _FIRST_VOLWASSENEN_AGE:
        return VOLWASSENEN
    return JEUGD if age >= _FIRST_JEUGD_AGE else KLEUTER


def zizo_subsystem_for_age(audience: str | int | None) -> str | None:
    """The ZIZO subsystem for an audience value, or ``None`` when it does not pick exactly one.

    >>> zizo_subsystem_for_age("Vanaf 6-8 jaar")
    'ZIZO Jeugd'
    >>> zizo_subsystem_for_age("e_age_0-2")
    'Kleuter ZIZO'
    >>> zizo_subsystem_for_age("volwassenen")
    'ZIZO Volwassenen'
    >>> zizo_subsystem_for_age("Alle jeugd") is None
    True
    """
    if audience is None or isinstance(audience, bool):
        return None
    if isinstance(audience, int):
        return subsystem_for_age_number(audience) if audience >= 0 else None
    text = str(audience).strip().lower()
    if not text:
        return None
    if any(word in text for word in _ADULT_WORDS):
        return VOLWASSENEN
    if match := _AGE_RE.search(text):
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) else None
        first = subsystem_for_age_number(low)
        # A range that crosses a subsystem border ("3-8") does not pick one.
        if high is not None and high >= low and subsystem_for_age_number(high) != first:
            return None
        return first
    # "Alle jeugd", "Alle leeftijden", "x_age_nvt", "youth", or text we cannot read: no constraint.
    return None


def genre_audience_for(audience: str | int | None) -> str | None:
    """"jeugd" or "volwassenen": which Open Vlacc genre list (jge/vge) an audience uses, or None.

    Only clear cases: adults, and ages up to 14. "Vanaf 15 jaar" is left open (young adults are
    catalogued either way).
    """
    if isinstance(audience, str) and any(word in audience.lower() for word in _ADULT_WORDS):
        return "volwassenen"
    subsystem = zizo_subsystem_for_age(audience)
    return "jeugd" if subsystem in (KLEUTER, JEUGD) else None
