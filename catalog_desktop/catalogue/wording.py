"""Words for people: the catalogue's stored values and the quarantine reasons, in Dutch or English.

The catalogue keeps language-neutral values (``book``, ``fiction``, ``author``, ``theme``,
``dut``; reason codes such as ``no-directory``) so that searches, filters, the CLI's JSON and
the tests do not depend on a language. The window, the reports and the CLI's text output show
them to catalogers through :func:`value_text` and :func:`quarantine_reason`; an unknown value
is shown as stored, never hidden.

The Dutch names are ours (the field profile's role and material names are our own reading of
MARC 21 and Open Vlacc practice, see ``resources/marc/profiles/openvlacc.toml``); the language
names are those of the MARC code list for languages (id.loc.gov/vocabulary/languages), for the
languages most seen in Flemish public libraries.
"""

from __future__ import annotations

__all__ = ["QUARANTINE_REASONS", "VALUES", "quarantine_reason", "value_text"]

# kind -> stored value -> (Dutch, English)
VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "material": {
        "book": ("boek", "book"), "score": ("partituur", "score"), "map": ("kaart", "map"),
        "video": ("video", "video"), "audiobook": ("luisterboek", "audiobook"),
        "music": ("muziekopname", "music recording"), "image": ("beeldmateriaal", "image"),
        "computer": ("computerbestand", "computer file"), "kit": ("pakket", "kit"),
        "mixed": ("gemengd materiaal", "mixed material"), "object": ("voorwerp", "object"),
        "serial": ("tijdschrift of reeks", "serial"), "game": ("spel", "game"),
    },
    "literary_type": {
        "fiction": ("fictie", "fiction"), "non-fiction": ("non-fictie", "non-fiction"),
        "unknown": ("onbekend", "unknown"),
    },
    "role": {
        "author": ("auteur", "author"), "creator": ("maker", "creator"), "illustrator": ("illustrator", "illustrator"),
        "translator": ("vertaler", "translator"), "editor": ("redacteur", "editor"),
        "composer": ("componist", "composer"), "musician": ("muzikant", "musician"),
        "performer": ("uitvoerder", "performer"), "narrator": ("verteller", "narrator"),
        "contributor": ("medewerker", "contributor"), "actor": ("acteur", "actor"),
        "director": ("regisseur", "director"), "photographer": ("fotograaf", "photographer"),
        "artist": ("kunstenaar", "artist"), "lyricist": ("tekstschrijver", "lyricist"),
        "author of introduction": ("auteur van de inleiding", "author of introduction"),
        "adapter": ("bewerker", "adapter"), "conceptor": ("bedenker", "conceptor"), "singer": ("zanger", "singer"),
    },
    "subject_kind": {
        "theme": ("thema", "theme"), "keyword": ("trefwoord", "keyword"), "topical": ("onderwerp", "topic"),
        "person": ("persoon", "person"), "corporate": ("organisatie", "organisation"),
        "geographic": ("plaats", "place"),
    },
    "language": {
        "dut": ("Nederlands", "Dutch"), "eng": ("Engels", "English"), "fre": ("Frans", "French"),
        "ger": ("Duits", "German"), "spa": ("Spaans", "Spanish"), "ita": ("Italiaans", "Italian"),
        "por": ("Portugees", "Portuguese"), "ara": ("Arabisch", "Arabic"), "tur": ("Turks", "Turkish"),
        "pol": ("Pools", "Polish"), "rus": ("Russisch", "Russian"), "chi": ("Chinees", "Chinese"),
        "lat": ("Latijn", "Latin"), "mul": ("meerdere talen", "multiple languages"),
        "und": ("onbepaald", "undetermined"), "zxx": ("geen taal", "no linguistic content"),
    },
}

# quarantine reason code -> what happened, in Dutch, without the technical detail (the stored
# message, in English, keeps that for whoever repairs the file; the English window shows it).
QUARANTINE_REASONS: dict[str, str] = {
    "too-short": "te kort om een MARC-record te zijn",
    "no-directory": "geen veldafsluiter na de leader: de directory is niet te vinden",
    "no-fields": "de directory noemt geen velden",
    "directory-invalid": "geen enkel item van de directory heeft een geldige tag",
    "truncated": "het bestand houdt op voor het einde van dit record: een deel ontbreekt",
    "mrk-no-fields": "niets leesbaars in dit record (MarcEdit-tekst)",
    "json-syntax": "geen geldige JSON",
    "json-not-a-record": "deze JSON is geen MARC-record",
    "xml-not-well-formed": "de XML is niet goed gevormd; de rest van het bestand kon niet gelezen worden",
    "xml-empty-record": "een record-element zonder leader en zonder velden",
    "aleph-no-fields": "geen MARC-gegevens in dit Aleph-record",
}


def value_text(kind: str, value: str | None, language: str = "nl") -> str:
    """A stored value (``kind``: material, literary_type, role, subject_kind, language) for people."""
    if not value:
        return ""
    names = VALUES.get(kind, {}).get(value)
    if names is None:
        return value
    text = names[0] if language == "nl" else names[1]
    return f"{text} ({value})" if kind == "language" else text


def quarantine_reason(code: str, message: str, language: str = "nl") -> str:
    """Why a record is in quarantine, for people; the stored message when the code is not known."""
    if language != "nl":
        return message
    return QUARANTINE_REASONS.get(code, message)
