"""Writing a subject code into a MARC record the way the field profile says it is read.

The reading side is :func:`catalog_desktop.catalogue.derive_subjects.read_codes` /
``read_topics``; this is its inverse, used when a cataloger accepts a suggested code. The
profile names the tag and subfields (Open Vlacc: ZIZO in 693 ``$9 code $a $x $y $z`` rubric
path, SISO in 084 ``$a``, genres in 650 ``$a term $9 vge|jge|mge``), so a profile that reads
codes elsewhere also writes them there. A new field goes after the last field with the same
or a lower tag, so the record stays in tag order and every other field keeps its bytes.
"""

from __future__ import annotations

from typing import Sequence

from catalog_desktop.marc.mapping import FieldProfile
from catalog_desktop.marc.record import Field, MarcRecord

__all__ = ["CodeFieldError", "code_field", "with_field", "without_code"]

GENRE = "genre"


class CodeFieldError(ValueError):
    """The profile has no way to write this scheme (e.g. a profile without ``[codes.zizo]``)."""


def _code_table(profile: FieldProfile, scheme: str) -> dict:
    table = profile.entries.get(f"codes.{scheme}")
    if table is None or not table.get("enabled", True) or not table.get("fields"):
        raise CodeFieldError(f"field profile {profile.name!r} has no [codes.{scheme}]: cannot write a {scheme} code")
    return table["fields"][0]  # the first field the profile reads is where a new code goes


def code_field(profile: FieldProfile, scheme: str, code: str, *, path: Sequence[str] = (),
               marker: str | None = None, indicators: str = "  ") -> Field:
    """The field that carries ``code`` of ``scheme``.

    ``path``: a ZIZO rubric path (broadest first) for the profile's ``path_codes``;
    ``marker``: for genres the audience marker (``vge``, ``jge``, ``mge``), which must be one
    the profile knows. Subfield order follows the one real Open Vlacc 693 seen: code first.
    """
    if scheme == GENRE:
        return _genre_field(profile, code, marker, indicators)
    spec = _code_table(profile, scheme)
    subfields = [(spec["code"], code)]
    path_codes = list(spec.get("path_codes", ()))
    if len(path) > len(path_codes):  # never drop a step silently: keep the deepest steps
        path = list(path[: len(path_codes) - 1]) + [" > ".join(path[len(path_codes) - 1 :])]
    subfields += [(c, step) for c, step in zip(path_codes, path) if step]
    return Field(spec["tag"], indicators=indicators, subfields=subfields)


def _genre_field(profile: FieldProfile, term: str, marker: str | None, indicators: str) -> Field:
    for tag, spec in sorted(profile.genres.items()):
        if spec.fixed_marker is not None:
            if marker in (None, spec.fixed_marker):
                return Field(tag, indicators=indicators, subfields=[(min(spec.term_codes), term)])
            continue
        if marker not in spec.markers:
            known = ", ".join(sorted(spec.markers))
            raise CodeFieldError(f"genre marker {marker!r} is not one of the profile's markers ({known})")
        return Field(tag, indicators=indicators, subfields=[(min(spec.term_codes), term), (spec.marker_code, marker)])
    raise CodeFieldError(f"field profile {profile.name!r} reads no genres: cannot write genre {term!r}")


def with_field(record: MarcRecord, field: Field) -> MarcRecord:
    """A copy of the record with the field added in tag order (after its last equal or lower tag)."""
    new = record.copy()
    at = len(new.fields)
    for i, f in enumerate(new.fields):
        if f.tag > field.tag:
            at = i
            break
    new.fields.insert(at, field)
    return new


def without_code(record: MarcRecord, profile: FieldProfile, scheme: str, code: str) -> MarcRecord | None:
    """A copy without the fields carrying this code, or None when no field carries it."""
    if scheme == GENRE:
        def carries(f: Field) -> bool:
            spec = profile.genres.get(f.tag)
            if spec is None:
                return False
            marker = spec.fixed_marker or (f.first(spec.marker_code) or "").strip().lower()
            return marker in spec.markers and any(v.strip() == code for c, v in f.subfields if c in spec.term_codes)
    else:
        spec = _code_table(profile, scheme)

        def carries(f: Field) -> bool:
            return f.tag == spec["tag"] and (f.first(spec["code"]) or "").strip() == code
    kept = [f for f in record.fields if not carries(f)]
    if len(kept) == len(record.fields):
        return None
    new = record.copy()
    new.fields = [f.copy() for f in kept]
    return new
