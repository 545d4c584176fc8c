"""derive_entities: what one MARC record describes, read through a field profile.

This runs once per record in the import loop. It makes one pass over the fields, keeping only
the tags the profile reads, then reads each meaning from that small dict, mostly with one
pass over a field's subfields. It never raises on a real-world record: missing, repeated or
empty fields and odd indicators just give fewer entities.

Displayed text has its ISBD punctuation stripped and keys are normalised as described in
:mod:`catalog_desktop.catalogue.textnorm`; agent keys leave out $d dates.

The work key is ``"<main agent key>|<work title key>"``. The work title is the first of the
uniform title (240, 130), the original title (534 $t/$a, Open Vlacc $a), then the 245 $a $n
$p (parts of a multipart work are different works). Nonfiling indicators (245/240 ind2, 130
ind1) are honoured in the key; for 534, which has none, the profile's leading articles are
dropped. A record without any title gets work_key "" (unknown work: never group on it).

Codes, genres and subjects are read in :mod:`catalog_desktop.catalogue.derive_subjects`.
"""

from __future__ import annotations

import re

from catalog_desktop.catalogue.derive_subjects import first_value, joined_values, read_codes, read_topics
from catalog_desktop.catalogue.entities import AgentRef, CodeRef, ItemRef, RecordEntities
from catalog_desktop.catalogue.textnorm import normalise_isbn, normalise_key, strip_isbd
from catalog_desktop.marc.mapping import FieldProfile
from catalog_desktop.marc.profile_specs import TitleSpec
from catalog_desktop.marc.record import Field, MarcRecord

__all__ = ["derive_entities"]

_YEAR = re.compile(r"[0-9]{4}")  # not \d: that also matches other scripts' digits


def _control(by_tag: dict, tag: str | None) -> str:
    fields = by_tag.get(tag)
    return (fields[0].data or "") if fields else ""


def _nonfiling(f: Field, which: int) -> int:
    if not which:
        return 0
    ind = f.indicators[which - 1 : which]
    return ord(ind) - 48 if ind and "0" <= ind <= "9" else 0  # not isdigit(): '²' is a digit too


def _title(f: Field, ts: TitleSpec, ent: RecordEntities) -> str:
    """Fill title, subtitle, responsibility and medium from the 245 in one pass; return the key text."""
    title: list[str] = []
    subtitle: list[str] = []
    responsibility: list[str] = []
    medium = None
    codes, b, c_, h = ts.title_codes, ts.subtitle_code, ts.responsibility_code, ts.medium_code
    for c, v in f.subfields:
        v = v.strip()
        if not v:
            continue
        if c in codes:
            title.append(v)
        elif c == b:
            subtitle.append(v)
        elif c == c_:
            responsibility.append(v)
        elif c == h and medium is None:
            medium = v
    if subtitle:
        ent.subtitle = strip_isbd(" ".join(subtitle)) or None
    if responsibility:
        ent.responsibility = strip_isbd(" ".join(responsibility)) or None
    if medium:
        ent.medium = strip_isbd(medium) or None
    if not title:
        return ""
    text = title[0] if len(title) == 1 else " ".join(title)
    ent.title = strip_isbd(text)
    skip = _nonfiling(f, ts.nonfiling)
    return text[skip:] if 0 < skip < len(text) else text


def _work_title(by_tag: dict, profile: FieldProfile) -> tuple[str, str] | None:
    """(display, key text) of the first uniform/original title present, else None."""
    for spec in profile.work_titles:
        fields = by_tag.get(spec.tag)
        if not fields:
            continue
        f = fields[0]
        text = joined_values(f, spec.codes)
        if not text or (spec.ignore_prefixes and text.lower().startswith(spec.ignore_prefixes)):
            continue
        skip = _nonfiling(f, spec.nonfiling)
        key = text[skip:] if 0 < skip < len(text) else text
        if not skip and spec.leading_articles:
            first, _, rest = text.partition(" ")
            low = first.lower()
            if rest and low in spec.leading_articles:
                key = rest
            else:  # elided articles: "L'étranger"
                for art in spec.leading_articles:
                    if art[-1:] == "'" and low.startswith(art) and len(low) > len(art):
                        key = text[len(art) :]
                        break
        return strip_isbd(text), key
    return None


def _isbns(by_tag: dict, profile: FieldProfile, ent: RecordEntities) -> None:
    tag, code, invalid = profile.isbn
    for f in by_tag.get(tag, ()):
        for c, v in f.subfields:
            if c == code or c == invalid:
                isbn = normalise_isbn(v)
                target = ent.isbns if c == code else ent.invalid_isbns
                if isbn and isbn not in target:
                    target.append(isbn)


def _agents(by_tag: dict, profile: FieldProfile) -> list[AgentRef]:
    agents = []
    main_seen = False
    for tag, spec in profile.agents.items():
        fields = by_tag.get(tag)
        if not fields:
            continue
        name_codes, relator_code, term_code = spec.name_codes, spec.relator_code, spec.term_code
        for f in fields:
            parts = []
            code = term = None
            for c, v in f.subfields:  # one pass: name parts, first $4, first $e
                if c in name_codes:
                    v = v.strip()
                    if v:
                        parts.append(v)
                elif c == relator_code and code is None:
                    code = v.strip() or None
                elif c == term_code and term is None:
                    term = v.strip() or None
            name = strip_isbd(parts[0] if len(parts) == 1 else " ".join(parts))
            if not name:
                continue
            if code:
                code = code.rsplit("/", 1)[-1].strip(" .").lower()  # also id.loc.gov relator URIs
                role = profile.relator_codes.get(code, code)
            elif term:
                term = strip_isbd(term).strip(" .").lower()
                role = profile.relator_terms.get(term, term)
            else:
                role = spec.default_role
            main = spec.main and not main_seen
            main_seen = main_seen or main
            agents.append(AgentRef(name, normalise_key(name), role or spec.default_role, tag, main))
    return agents


def _imprint(by_tag: dict, profile: FieldProfile) -> tuple[str | None, str | None]:
    publisher = year = None
    for spec in profile.imprints:
        for f in by_tag.get(spec.tag, ()):
            if spec.indicator2 is not None and f.indicators[1:2] != spec.indicator2:
                continue
            if publisher is None and (pub := first_value(f, spec.publisher_code)):
                publisher = strip_isbd(pub) or None
            if year is None and (date := first_value(f, spec.date_code)) and (found := _YEAR.search(date)):
                year = found.group()
            if publisher and year:
                return publisher, year
    return publisher, year


def _series(by_tag: dict, profile: FieldProfile) -> list[str]:
    out: list[str] = []
    for spec in profile.series:
        for f in by_tag.get(spec.tag, ()):
            parts = []
            volume = None
            for c, v in f.subfields:
                if c in spec.codes:
                    if v := strip_isbd(v):
                        parts.append(v)
                elif c == spec.volume_code and volume is None:
                    volume = strip_isbd(v) or None
            if parts:
                text = ". ".join(parts) + (f" ; {volume}" if volume else "")
                if text not in out:
                    out.append(text)
    return out


def _fixed_fields(by_tag: dict, profile: FieldProfile, leader: str, ent: RecordEntities, codes: list) -> None:
    """Language, literary type and material: leader and 008 positions."""
    if spec := profile.language:
        lang = _control(by_tag, spec.tag)[spec.start : spec.end].strip().lower()
        ent.language = lang if len(lang) == 3 and lang.isalpha() else None
    if ent.language is None and profile.language_codes and (fields := by_tag.get(profile.language_codes[0])):
        lang = (first_value(fields[0], profile.language_codes[1]) or "")[:3].lower()
        ent.language = lang if len(lang) == 3 and lang.isalpha() else None
    rtype, level = leader[6:7], leader[7:8]
    if not rtype:
        return
    if (spec := profile.literary_type) and rtype in spec.record_types:
        raw = _control(by_tag, spec.tag)[spec.position : spec.position + 1]
        if raw and (value := spec.values.get(raw)):
            ent.literary_type = value
            codes.append(CodeRef("literary_type", value, spec.tag, None, (), raw))
    if (spec := profile.material) and (material := spec.record_types.get(rtype)):
        if level and level in spec.serial_levels:
            material = spec.serial
        elif rtype == "m" and spec.game_tag:
            form = _control(by_tag, spec.game_tag)[spec.game_position : spec.game_position + 1]
            if form and form in spec.game_values:
                material = spec.game
        ent.material = material


def _items(by_tag: dict, profile: FieldProfile) -> list[ItemRef]:
    spec = profile.items
    wanted = (spec.barcode_code, spec.library_code, spec.location_code, *spec.call_number_codes)
    items = []
    for f in by_tag.get(spec.tag, ()):
        first: dict[str, str] = {}
        for c, v in f.subfields:  # one pass: the first non-empty value of each code
            if c in wanted and c not in first and (v := v.strip()):
                first[c] = v
        if first:
            call = " ".join(first[c] for c in spec.call_number_codes if c in first) or None
            items.append(ItemRef(first.get(spec.barcode_code), first.get(spec.library_code),
                                 first.get(spec.location_code), call, spec.tag))
    return items


def derive_entities(record: MarcRecord, profile: FieldProfile) -> RecordEntities:
    """The entities of one record; the profile says which tag carries what."""
    wanted = profile.wanted_tags
    by_tag: dict[str, list[Field]] = {}
    for f in record.fields:
        if f.tag in wanted:
            bucket = by_tag.get(f.tag)
            if bucket is None:
                by_tag[f.tag] = [f]
            else:
                bucket.append(f)

    ent = RecordEntities(control_number=_control(by_tag, profile.control_tag).strip() or None, title="")
    key_text = ""
    ts = profile.title
    if ts is not None and (fields := by_tag.get(ts.tag)):
        key_text = _title(fields[0], ts, ent)
    ent.work_title = ent.title
    if work := _work_title(by_tag, profile):
        ent.work_title, key_text = work
    if profile.isbn:
        _isbns(by_tag, profile, ent)

    ent.agents = agents = _agents(by_tag, profile)
    main = agents[0] if agents and agents[0].main else None
    if main is not None:
        ent.main_author = ent.work_author = main.name
    if title_key := normalise_key(key_text):
        ent.work_key = f"{main.key}|{title_key}" if main else f"|{title_key}"

    if profile.edition and (fields := by_tag.get(profile.edition[0])):
        ent.edition = strip_isbd(first_value(fields[0], profile.edition[1]) or "") or None
    ent.publisher, ent.year = _imprint(by_tag, profile)
    if ent.year is None and (spec := profile.date_fallback):
        date = _control(by_tag, spec.tag)[spec.start : spec.end]
        ent.year = date if len(date) == 4 and date.isascii() and date.isdigit() else None
    ent.series = _series(by_tag, profile)
    if profile.summary and (fields := by_tag.get(profile.summary[0])):
        ent.summary = first_value(fields[0], profile.summary[1])

    codes = read_codes(by_tag, profile)
    _fixed_fields(by_tag, profile, record.leader or "", ent, codes)
    for code in codes:
        if code.scheme == "audience":
            ent.audience = code.code
            break
    genres, ent.subjects = read_topics(by_tag, profile)
    ent.codes = codes + genres if genres else codes

    if profile.items:
        ent.items = _items(by_tag, profile)
    if profile.label_tag:
        ent.labels = [list(f.subfields) for f in by_tag.get(profile.label_tag, ()) if f.subfields]
    return ent
