"""The shelving word (hoofdwoord) and the youth age group: small rules, configured in
``label-rules.toml``.

The one real Open Vlacc label field shows ``$f DAVI`` for "Davis, Miles": the first four
letters of the main author's surname in capitals. For works without a main author we take
the first significant word of the title (leading articles skipped), as catalogers do.

Letters from other alphabets and letters with diacritics: no public source says what
Biblioprint does with them, so this is our choice, configurable as ``diacritics`` in
``[shelving_word]``. The default ``"keep"`` keeps every letter as the name is written, in
capitals ("Świetlicki" -> "ŚWIE", "Čapek" -> "ČAPE", "Достоевский" -> "ДОСТ"): the label font
prints them all, and it is the one rule that treats every alphabet alike. ``"drop"`` takes the
accents off Latin letters that have a base letter ("Świetlicki" -> "SWIE"); letters without one
stay (Ł, Ø, Đ, ß → SS in capitals), and other alphabets are never touched (dropping marks from
Japanese kana or Korean syllables would change the letter itself).

A letter is counted with its accents: four letters are four characters as a reader sees them,
even when a mark has no precomposed form and stays a separate combining character.
"""

from __future__ import annotations

import re
import unicodedata

from catalog_desktop.labels.config import AgeGroup, LabelRules

__all__ = ["age_group", "letters_only", "shelving_word"]

_FIRST_NUMBER = re.compile(r"[0-9]+")
DIACRITICS = ("keep", "drop")


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def _letters(text: str, diacritics: str = "keep") -> list[str]:
    """The letters of ``text`` in capitals, each with its combining marks (in "keep" mode)."""
    # NFKC folds compatibility forms (the ligature "ﬁ", full-width letters); capitals can
    # decompose ("ΐ".upper()), so compose again after upper().
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text).upper())
    letters: list[str] = []
    attach = False  # may a following combining mark join the last letter?
    for ch in text:
        if _is_mark(ch):
            if attach:
                letters[-1] += ch
            continue
        if not ch.isalpha():
            attach = False
            continue
        if diacritics == "drop" and unicodedata.name(ch, "").startswith("LATIN"):
            ch = "".join(c for c in unicodedata.normalize("NFD", ch) if not _is_mark(c))
            attach = False
        else:
            attach = diacritics == "keep" or not unicodedata.name(ch, "").startswith("LATIN")
        letters.append(ch)
    return letters


def letters_only(text: str, diacritics: str = "keep") -> str:
    """Only the letters, in capitals: "O'Brien" -> "OBRIEN", "Kiš" -> "KIŠ" ("KIS" with "drop")."""
    return "".join(_letters(text, diacritics))


def _surname(author: str) -> str:
    """The entry element of a name: before the comma ("Vendel, Edward van de" -> "Vendel")."""
    return author.split(",", 1)[0].strip()


def _title_word(title: str, nonfiling: int, articles: frozenset[str]) -> str:
    text = title[nonfiling:] if 0 < nonfiling < len(title) else title
    words = text.split()
    for i, word in enumerate(words):
        low = word.lower().replace("\u2019", "'")  # the typographic apostrophe: "L’étranger"
        if i == 0 and nonfiling == 0:
            if low in articles and len(words) > 1:
                continue
            for art in articles:  # elided articles: "L'étranger", "'t Schaep"
                if art.endswith("'") and low.startswith(art) and len(low) > len(art):
                    word = word[len(art):]
                    break
        if letters_only(word):
            return word
    return ""


def shelving_word(main_author: str | None, title: str, rules: LabelRules, nonfiling: int = 0) -> str:
    """The shelving word of a record; "" when there is neither an author nor a title word."""
    if main_author and (letters := _letters(_surname(main_author), rules.diacritics)):
        return "".join(letters[: rules.letters])
    word = _letters(_title_word(title or "", nonfiling, rules.articles), rules.diacritics)
    return "".join(word[: rules.title_letters] if rules.title_letters > 0 else word)


def age_group(audience: str | None, rules: LabelRules) -> AgeGroup | None:
    """The youth age group an audience text falls in ("Vanaf 9-11 jaar" -> 9-11), or None."""
    if not audience:
        return None
    found = _FIRST_NUMBER.search(audience)
    if found is None:
        return None
    age = int(found.group())
    for group in rules.age_groups:
        if group.start <= age <= group.end:
            return group
    return None
