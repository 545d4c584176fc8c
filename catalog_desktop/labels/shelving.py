"""The shelving word (hoofdwoord) and the youth age group: small rules, configured in
``label-rules.toml``.

The one real Open Vlacc label field shows ``$f DAVI`` for "Davis, Miles": the first four
letters of the main author's surname in capitals. For works without a main author we take
the first significant word of the title (leading articles skipped), as catalogers do.
"""

from __future__ import annotations

import re
import unicodedata

from catalog_desktop.labels.config import AgeGroup, LabelRules

__all__ = ["age_group", "letters_only", "shelving_word"]

_FIRST_NUMBER = re.compile(r"[0-9]+")


def letters_only(text: str) -> str:
    """Capitals without diacritics, only letters: "Brontë" -> "BRONTE", "O'Brien" -> "OBRIEN"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isalpha()).upper()


def _surname(author: str) -> str:
    """The entry element of a name: before the comma ("Vendel, Edward van de" -> "Vendel")."""
    return author.split(",", 1)[0].strip()


def _title_word(title: str, nonfiling: int, articles: frozenset[str]) -> str:
    text = title[nonfiling:] if 0 < nonfiling < len(title) else title
    words = text.split()
    for i, word in enumerate(words):
        low = word.lower()
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
    if main_author and (letters := letters_only(_surname(main_author))):
        return letters[: rules.letters]
    word = letters_only(_title_word(title or "", nonfiling, rules.articles))
    return word[: rules.title_letters] if rules.title_letters > 0 else word


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
