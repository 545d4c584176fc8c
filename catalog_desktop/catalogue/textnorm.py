"""Text clean-up and grouping keys for MARC values (display text vs. keys never shown).

:func:`strip_isbd` removes the ISBD separators that end a MARC subfield (" /", " :", " ;",
" =", ",") and a final "." too, except after an initial or an abbreviation ("J.", "U.S.A.",
"ed.", "Jr.", "...": see ``ABBREVIATIONS``). Kept simple on purpose: a title really ending in
"etc." keeps its period.

:func:`normalise_key` is for grouping: NFKD without combining marks, casefolded, punctuation
turned into spaces, spaces collapsed ("Orfèvres" and "Orfevres" group; "&" does not become
"and", as that depends on the language).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["strip_isbd", "normalise_key", "normalise_isbn", "isbn13", "ABBREVIATIONS"]

ABBREVIATIONS = frozenset(
    "ed eds dr jr sr st co inc ltd vol vols dl nr bd etc cop ca ill p pp red vert uitg enz jg afl".split()
)
ISBD_ENDINGS = "/:;=,."  # last characters that send a value down the slow path of strip_isbd
_STRIP = " /:;=,"
_PUNCT = re.compile(r"[^\w\s]|_")
# ASCII punctuation to spaces in one C call; the regex is only needed for other scripts.
_ASCII_PUNCT = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"})
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def strip_isbd(text: str) -> str:
    s = text.strip()
    if not s or s[-1] not in ISBD_ENDINGS:  # the common case, and every Open Vlacc subfield seen
        return s
    s = s.rstrip(_STRIP)
    if s[-1:] == "." and s[-2:] != "..":
        word = s[s.rfind(" ") + 1 : -1]
        if not ("." in word or (len(word) == 1 and word.isalpha()) or word.lower() in ABBREVIATIONS):
            s = s[:-1].rstrip(_STRIP)
    return s


def normalise_key(text: str) -> str:
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
        if not text.isascii():  # other scripts, or letters like 'ø' that do not decompose
            return " ".join(_PUNCT.sub(" ", text.casefold()).split())
    return " ".join(text.lower().translate(_ASCII_PUNCT).split())


def normalise_isbn(value: str) -> str | None:
    """'90-290-1263-3 (geb.)' -> '9029012633'; None when it is not shaped like an ISBN.

    The check digit is not verified: a mistyped ISBN printed on the book still identifies it.
    """
    token = value.strip().split(" ", 1)[0].replace("-", "").upper()
    if not token.isascii():  # isdigit() is true for '²' and other digits int() refuses
        return None
    if len(token) == 13 and token.isdigit():
        return token
    if len(token) == 10 and token[:9].isdigit() and (token[9].isdigit() or token[9] == "X"):
        return token
    return None


_ISBN13_WEIGHTS = (1, 3) * 6
_NOT_ISBN_CHAR = re.compile(r"[^0-9Xx]")


def isbn13(value: str) -> str | None:
    """The ISBN-13 digits of an ISBN written any way (10 or 13, hyphens, spaces), else None."""
    # isascii(): isdigit() is true for '²' and other digits int() refuses.
    digits = value if value.isascii() and value.isdigit() else _NOT_ISBN_CHAR.sub("", value).upper()
    if len(digits) == 13 and digits.isdigit():
        return digits
    if len(digits) == 10 and digits[:9].isdigit():
        core = "978" + digits[:9]
        total = sum(map(int.__mul__, _ISBN13_WEIGHTS, map(int, core)))
        return core + str((10 - total % 10) % 10)
    return None
