"""The cataloger-facing texts of the vocabularies, in Dutch (default) and English.

Kept together so the wording stays consistent and a translator finds every string here.
"""

from __future__ import annotations

from catalog_desktop.vocab import siso
from catalog_desktop.vocab.concepts import Concept

SCHEME_NAMES = {
    "zizo": ("ZIZO-code", "ZIZO code"),
    "siso": ("SISO-code", "SISO code"),
    "genre": ("Genre", "Genre"),
}


def scheme_title(scheme: str, lang: str = "nl") -> str:
    nl, en = SCHEME_NAMES.get(scheme, (scheme, scheme))
    return en if lang.startswith("en") else nl


def _named(scheme: str, code: str, concept: Concept | None) -> tuple[str, str]:
    label = f" ({concept.label})" if concept is not None and concept.label and concept.label != code else ""
    return f"{scheme_title(scheme)} {code}{label}", f"{scheme_title(scheme, 'en')} {code}{label}"


def _source(concept: Concept) -> str:
    return f" [{concept.status}]" if concept.status else ""


def empty(scheme: str) -> tuple[str, str]:
    return f"Geen {scheme_title(scheme).lower()} opgegeven.", f"No {scheme_title(scheme, 'en').lower()} given."


def known(scheme: str, code: str, concept: Concept) -> tuple[str, str]:
    nl, en = _named(scheme, code, concept)
    return f"{nl} staat in de lijst.", f"{en} is in the list."


def unverified(scheme: str, code: str, concept: Concept) -> tuple[str, str]:
    nl, en = _named(scheme, code, concept)
    return (
        f"{nl} staat in de lijst, maar de bron is niet officieel bevestigd{_source(concept)}.",
        f"{en} is in the list, but its source is not officially confirmed{_source(concept)}.",
    )


def observed(scheme: str, code: str, count: int) -> tuple[str, str]:
    nl, en = _named(scheme, code, None)
    return (
        f"{nl} staat niet in de (onvolledige) lijst, maar komt {count} keer voor in de gegevens; "
        "de code blijft bewaard en is gemarkeerd.",
        f"{en} is not in the (partial) list, but occurs {count} time(s) in the data; "
        "it is kept and flagged.",
    )


def unknown(scheme: str, code: str) -> tuple[str, str]:
    nl, en = _named(scheme, code, None)
    return (
        f"{nl} staat niet in de lijst. De lijst is onvolledig (alleen codes uit publieke bronnen): "
        "controleer de code, of laad de officiële lijst.",
        f"{en} is not in the list. The list is partial (codes from public sources only): "
        "check the code, or load the official list.",
    )


def retired(scheme: str, code: str, concept: Concept) -> tuple[str, str]:
    nl, en = _named(scheme, code, concept)
    use_nl = f" Gebruik in de plaats: {concept.replaced_by}." if concept.replaced_by else ""
    use_en = f" Use instead: {concept.replaced_by}." if concept.replaced_by else ""
    return (
        f"{nl} is vervallen en wordt niet meer toegekend{_source(concept)}.{use_nl}",
        f"{en} is retired and no longer assigned{_source(concept)}.{use_en}",
    )


def rubric_only(scheme: str, code: str, concept: Concept) -> tuple[str, str]:
    return (
        f"'{code}' is een ZIZO-rubriek zonder gekende eigen code: kies een code uit deze rubriek "
        "(de officiële lijst geeft de codes).",
        f"'{code}' is a ZIZO rubric without a known code of its own: choose a code within this rubric "
        "(the official list gives the codes).",
    )


def wrong_subsystem(scheme: str, code: str, concept: Concept, expected: str, audience) -> tuple[str, str]:
    nl, en = _named(scheme, code, concept)
    return (
        f"{nl} hoort bij {concept.subsystem}, maar de doelgroep ({audience}) hoort bij {expected}.",
        f"{en} belongs to {concept.subsystem}, but the audience ({audience}) belongs to {expected}.",
    )


def wrong_audience(scheme: str, code: str, concept: Concept, expected: str, audience) -> tuple[str, str]:
    nl, en = _named(scheme, code, None)
    en_names = {"jeugd": "youth", "volwassenen": "adults", "jeugd+volwassenen": "youth and adults"}
    return (
        f"{nl} is een genre voor {concept.audience}, maar de doelgroep ({audience}) is {expected}.",
        f"{en} is a genre for {en_names.get(concept.audience, concept.audience)}, "
        f"but the audience ({audience}) is {en_names.get(expected, expected)}.",
    )


def malformed_siso(code: str) -> tuple[str, str]:
    return (
        f"'{code}' is geen geldige SISO-code: verwacht {siso.EXPECTED_NL}.",
        f"'{code}' is not a valid SISO code: expected {siso.EXPECTED_EN}.",
    )


def coverage_note(counts: dict[str, int], extra_sources: list[str], lang: str = "nl") -> str:
    """The notice the GUI and the reports show: the lists are partial, and what is loaded."""
    zizo, siso_count, genre = counts.get("zizo", 0), counts.get("siso", 0), counts.get("genre", 0)
    if lang.startswith("en"):
        text = (
            f"The ZIZO, SISO and genre lists are PARTIAL: they hold only what public sources confirm "
            f"({zizo} ZIZO codes, {siso_count} SISO codes, {genre} genres). A code missing from the "
            "list is not necessarily wrong, and ZIZO colours and pictograms are empty where no source "
            "gives them. Load the official lists (TSV or SKOS) to complete them."
        )
        return text + (f" Official lists loaded: {', '.join(extra_sources)}." if extra_sources else "")
    text = (
        f"De ZIZO-, SISO- en genrelijsten zijn ONVOLLEDIG: ze bevatten alleen wat publieke bronnen "
        f"bevestigen ({zizo} ZIZO-codes, {siso_count} SISO-codes, {genre} genres). Een code die niet "
        "in de lijst staat, is daarom niet per se fout, en ZIZO-kleuren en -pictogrammen blijven leeg "
        "waar geen bron ze geeft. Laad de officiële lijsten (TSV of SKOS) om ze aan te vullen."
    )
    return text + (f" Geladen officiële lijsten: {', '.join(extra_sources)}." if extra_sources else "")
