"""What one spine label says (:class:`LabelData`, one per copy) and why a copy got none
(:class:`LabelProblem`).

The fields of :class:`LabelData` are, in order, the columns of the label data file; their
meaning is written once, in :data:`COLUMNS`, which ``resources/labels/DATAFILE.md`` mirrors
(a test keeps the two equal). Empty values are "", never None, so the CSV has no surprises.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ADJUSTABLE", "COLUMNS", "FORMAT_NAME", "FORMAT_VERSION", "LabelData", "LabelProblem"]

FORMAT_NAME = "catalog-desktop-labels"
FORMAT_VERSION = 1


@dataclass(slots=True)
class LabelData:
    record_id: int
    control_number: str
    item_key: str
    barcode: str
    library: str
    location: str
    call_number: str
    kind: str
    code: str
    label_code: str
    rubric: str
    colour: str
    colour_source: str
    pictogram: str
    pictogram_source: str
    age_group: str
    age_colour: str
    zizo: str
    siso: str
    genre: str
    avi: str
    shelving_word: str
    year: str
    title: str
    author: str
    etiketveld: str
    etiketveld_source: str
    adjusted: str = ""


# column -> what it holds (the data file's spec; DATAFILE.md repeats this table).
COLUMNS: dict[str, str] = {
    "format_version": "the data file's format version (this is version 1); same in every row",
    "record_id": "the record's id in the catalogue",
    "control_number": "the record's 001 (Vlacc number)",
    "item_key": "the copy: its barcode, else seq:<n> (its place among the record's copies, from 1); seq:0 when the record lists no copy",
    "barcode": "the copy's barcode (852 $p), may be empty",
    "library": "the copy's library (852 $a)",
    "location": "the copy's department or location (852 $b)",
    "call_number": "the copy's call number (852 $h $i)",
    "kind": "which label: zizo, siso, genre or fiction",
    "code": "the code the label stands for: ZIZO code, SISO code or genre term (empty for fiction)",
    "label_code": "the code as printed: 999 $c (ZIZO letters such as MM, or the SISO code)",
    "rubric": "the name printed: ZIZO rubric (999 $a), SISO caption when known, or genre",
    "colour": "the label's colour, #rrggbb (empty: none)",
    "colour_source": "where the colour comes from: vocabulary, local-default, adjusted or empty",
    "pictogram": "the pictogram's name (an SVG in resources/labels/pictograms/), may be empty",
    "pictogram_source": "vocabulary, local-default, adjusted or empty",
    "age_group": "youth age group: 0-2, 3-5, 6-8, 9-11, 12-14 or 15+ (empty for adults)",
    "age_colour": "the age group's colour, #rrggbb",
    "zizo": "the record's ZIZO code (693 $9), whatever the label kind",
    "siso": "the record's SISO code (084 $a)",
    "genre": "the record's genres (650 $9 vge/jge), joined with '; '",
    "avi": "the AVI reading level (090 $a)",
    "shelving_word": "the shelving word (hoofdwoord), 999 $f",
    "year": "year of publication",
    "title": "title (245)",
    "author": "main author (1XX)",
    "etiketveld": "the 999 used, as $code value pairs",
    "etiketveld_source": "record (the 999 as found), generated (by label-rules.toml) or empty (none)",
    "adjusted": "label fields changed for this copy only (per-copy adjustments), joined with ','; empty when none",
}

# The fields a library may change for one copy without touching the record.
ADJUSTABLE = ("shelving_word", "label_code", "rubric", "colour", "pictogram", "age_group", "age_colour",
              "avi", "year", "call_number")


@dataclass(frozen=True, slots=True)
class LabelProblem:
    """A copy that gets no label, or a label that cannot be printed as it should."""

    record_id: int
    control_number: str
    item_key: str
    title: str
    reason: str  # a stable code: no-code, no-shelving-word, text-overflow, pictogram-missing, barcode,
    #              glyph-missing, right-to-left
    message: str  # Dutch, for catalogers
    message_en: str
