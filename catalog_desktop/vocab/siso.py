"""SISO code syntax: decimal codes, shelf ranges and word + number forms, and their parents.

SISO is decimal and hierarchical: a code's parents are its prefixes, nearest first
(``788.41`` -> ``788.4`` -> ``788`` -> ``78`` -> ``7``). The point follows the third digit.
Three forms occur in records and are accepted:

- a class: ``788.41`` (up to three digits before the point, decimals after it);
- a shelf range: ``366-367`` (its parents are the prefixes both ends share: ``36``, ``3``);
- word + number: ``Latijn 873`` or ``873 Latijn`` (a word that subdivides the shelf; its
  parents are the number itself and the number's prefixes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"\d{1,3}(?:\.\d+)?"
_CLASS_RE = re.compile(rf"^({_NUMBER})$")
_RANGE_RE = re.compile(rf"^({_NUMBER})\s*-\s*({_NUMBER})$")
_WORD = r"[^\W\d_][^\d]*?"  # letters first (any script), no digits
_WORD_FIRST_RE = re.compile(rf"^({_WORD})\s+({_NUMBER})$")
_NUMBER_FIRST_RE = re.compile(rf"^({_NUMBER})\s+({_WORD})$")

EXPECTED_NL = "cijfers met een punt na het derde cijfer (bv. 788.41), een reeks (366-367) of woord + getal (Latijn 873)"
EXPECTED_EN = "digits with a point after the third digit (e.g. 788.41), a range (366-367) or word + number (Latijn 873)"


@dataclass(frozen=True, slots=True)
class SisoCode:
    """A parsed SISO code. ``number`` is the class (the range's start for a range)."""

    text: str  # normalised form
    number: str
    end: str | None = None  # a range's last class
    word: str | None = None

    @property
    def is_range(self) -> bool:
        return self.end is not None


_NUMERIC_RE = re.compile(r"[\d.\s-]+")
_DASH_RE = re.compile(r"\s*-\s*")


def normalise(code: str) -> str:
    """Spaces collapsed, stray spaces around a range's dash and a trailing point removed."""
    text = " ".join(str(code).split())
    if _CLASS_RE.match(text):  # the common case, already tidy
        return text
    if _NUMERIC_RE.fullmatch(text):
        text = _DASH_RE.sub("-", text)
        if "-" not in text:
            text = text.rstrip(".")
    return text


def parse(code: str) -> SisoCode | None:
    """The parsed code, or ``None`` when it is not a SISO code in any accepted form."""
    text = normalise(code)
    if match := _CLASS_RE.match(text):
        return SisoCode(text, match.group(1))
    if match := _RANGE_RE.match(text):
        start, end = match.groups()
        return SisoCode(text, start, end=end) if _digits(start) <= _digits(end) else None
    if match := _WORD_FIRST_RE.match(text):
        return SisoCode(text, match.group(2), word=match.group(1).strip())
    if match := _NUMBER_FIRST_RE.match(text):
        return SisoCode(text, match.group(1), word=match.group(2).strip())
    return None


def prefixes(number: str) -> list[str]:
    """Every proper prefix of a class, nearest first: 788.41 -> [788.4, 788, 78, 7]."""
    whole, _, decimals = number.partition(".")
    out = [f"{whole}.{decimals[:n]}" for n in range(len(decimals) - 1, 0, -1)]
    if decimals:
        out.append(whole)
    out.extend(whole[:n] for n in range(len(whole) - 1, 0, -1))
    return out


def parents(code: str) -> list[str]:
    """A code's parents, nearest first; [] for a malformed code or a top class."""
    parsed = parse(code)
    if parsed is None:
        return []
    if parsed.word:
        return [parsed.number, *prefixes(parsed.number)]
    if parsed.is_range:
        start = [parsed.number, *prefixes(parsed.number)]
        end = {parsed.end, *prefixes(parsed.end)}
        return [p for p in start if p in end]
    return prefixes(parsed.number)


def _digits(number: str) -> str:
    whole, _, decimals = number.partition(".")
    return whole.zfill(3) + decimals
