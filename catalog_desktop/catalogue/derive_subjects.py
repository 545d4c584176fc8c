"""The classification side of derive_entities: codes (SISO, ZIZO, AVI, ...), genres, subjects.

Open Vlacc keeps genres and themes in the same 6XX tags and tells them apart by $9
(vge/jge/mge = genre; vth/vtr/jth/jtr = theme/keyword for adults/youth); Vubis used one tag
per list. Both arrive here as a per-tag spec from the profile, so this code knows no tags.
Subjects and genres come out in tag order (600, 610, 650, 651, ...), not field order.
"""

from __future__ import annotations

from catalog_desktop.catalogue.entities import CodeRef, SubjectRef
from catalog_desktop.catalogue.textnorm import ISBD_ENDINGS, strip_isbd
from catalog_desktop.marc.mapping import FieldProfile
from catalog_desktop.marc.profile_specs import HEADING, SUBDIVISION, SubjectSpec
from catalog_desktop.marc.record import Field


def first_value(f: Field, code: str | None) -> str | None:
    """The first non-empty value of a subfield, stripped."""
    for c, v in f.subfields:
        if c == code:
            v = v.strip()
            if v:
                return v
    return None


def joined_values(f: Field, codes: frozenset[str]) -> str:
    parts = []
    for c, v in f.subfields:
        if c in codes:
            v = v.strip()
            if v:
                parts.append(v)
    return " ".join(parts)


def read_codes(by_tag: dict, profile: FieldProfile) -> list[CodeRef]:
    out = []
    for tag, specs in profile.codes.items():
        for f in by_tag.get(tag, ()):
            for spec in specs:
                code = first_value(f, spec.code)
                if not code:
                    continue
                qualifier = first_value(f, spec.scheme_code) if spec.scheme_code else None
                if qualifier is not None and not qualifier.lower().startswith(spec.accept_schemes):
                    continue  # another classification in the same tag (general MARC 084)
                path: tuple[str, ...] = ()
                if spec.path_codes:
                    path = tuple(v.strip() for c, v in f.subfields if c in spec.path_codes and v.strip())
                label = (first_value(f, spec.label_code) if spec.label_code else None) or (path[-1] if path else None)
                out.append(CodeRef(spec.scheme, code, tag, label, path, qualifier))
    return out


def _subject(f: Field, s: SubjectSpec) -> SubjectRef | None:
    """One pass over the subfields: heading, subdivisions and the $9/$2 source."""
    roles = s.roles
    heading: list[str] = []
    subdivisions: list[str] = []
    sources: dict[str, str] = {}
    for c, v in f.subfields:
        role = roles.get(c)
        if role is None:
            continue
        v = v.strip()
        if not v:
            continue
        if role == HEADING:
            heading.append(v)
        elif role == SUBDIVISION:
            subdivisions.append(strip_isbd(v) if v[-1] in ISBD_ENDINGS else v)
        elif c not in sources:
            sources[c] = v
    head = strip_isbd(heading[0] if len(heading) == 1 else " ".join(heading))
    if head:
        term = " -- ".join((head, *subdivisions)) if subdivisions else head
    elif subdivisions:
        term = " -- ".join(subdivisions)
    else:
        return None
    marker = s.fixed_marker
    if marker is None and s.marker_code:
        marker = (sources.get(s.marker_code) or first_value(f, s.marker_code) or "").lower()
    kind = s.marker_kinds.get(marker) if marker else None
    if kind is not None:
        return SubjectRef(term, kind, f.tag, s.marker_audiences.get(marker), marker)
    raw = None
    for c in s.source_codes:
        if c in sources:
            raw = sources[c]
            break
    return SubjectRef(term, s.kind, f.tag, None, raw)


def read_topics(by_tag: dict, profile: FieldProfile) -> tuple[list[CodeRef], list[SubjectRef]]:
    """Genres (a genre marker in $9, or a genre-only tag) and subjects, in tag order."""
    genres, subjects = [], []
    genre_specs, subject_specs = profile.genres, profile.subjects
    for tag in profile.topic_tags:
        fields = by_tag.get(tag)
        if not fields:
            continue
        g = genre_specs.get(tag)
        s = subject_specs.get(tag)
        for f in fields:
            if g is not None:
                marker = g.fixed_marker
                if marker is None:
                    for c, v in f.subfields:
                        if c == g.marker_code:
                            marker = v.strip().lower()
                            break
                if marker in g.markers:
                    if term := strip_isbd(joined_values(f, g.term_codes)):
                        genres.append(CodeRef("genre", term, tag, term, (), marker))
                    continue
            if s is not None and (subject := _subject(f, s)) is not None:
                subjects.append(subject)
    return genres, subjects
