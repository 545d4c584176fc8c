"""Which label each copy of a record gets, and what it says: the label rules in one place.

Inputs: the record's entities (codes, genres, audience, items, its 999 label fields), the
vocabularies (rubric names, and official colours/pictograms when a loaded list has them) and
the local rules file (``label-rules.toml``: choice of label, default colours and pictograms,
age groups, the Etiketveld templates). Precedence for a colour or pictogram: a per-copy
adjustment, then the vocabulary, then the rules file.

A 999 already in the record is used as found for its label kind ($a rubric, $c printed code,
$f shelving word); only when the record has none is one generated.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping

from catalog_desktop.catalogue.entities import RecordEntities
from catalog_desktop.labels.config import LabelRules, Style
from catalog_desktop.labels.data import ADJUSTABLE, LabelData, LabelProblem
from catalog_desktop.labels.etiketveld import LabelField, as_text, generate_subfields, read_label_fields
from catalog_desktop.labels.shelving import age_group, letters_only, shelving_word

__all__ = ["RecordLabels", "copies_of", "label_for_record", "labels_for_record"]

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_YOUTH_WORDS = ("jeugd", "kinder", "kleuter", "peuter", "baby", "tiener")

_MISSING = {
    "non-fiction": ("geen ZIZO- of SISO-code: het etiket heeft een code nodig",
                    "no ZIZO or SISO code: the label needs a code"),
    "fiction": ("geen genre met pictogram en geen fictie-etiket in de regels",
                "no genre with a pictogram and no fiction label in the rules"),
    None: ("fictie of non-fictie onbekend (008/33) en geen ZIZO-, SISO- of genrecode",
           "fiction or non-fiction unknown (008/33) and no ZIZO, SISO or genre code"),
}


class RecordLabels:
    """What a record's labels share (computed once per record, then one row per copy)."""

    def __init__(self, record_id: int, ents: RecordEntities, rules: LabelRules, vocabs=None, nonfiling: int = 0):
        self.record_id = record_id
        self.ents = ents
        self.rules = rules
        self.vocabs = vocabs
        zizo = ents.codes_of("zizo")
        siso = ents.codes_of("siso")
        avi = ents.codes_of("avi")
        self.zizo = zizo[0] if zizo else None
        self.siso = siso[0].code if siso else ""
        self.avi = avi[0].code if avi else ""
        self.genres = [c.label or c.code for c in ents.codes_of("genre")]
        self.fields = read_label_fields(ents.labels, tuple(c.code for c in siso))
        # a shelving word a cataloger already put in a 999 $f wins over the computed one
        self.word = next((w for f in self.fields if (w := f.first("f"))), "") or \
            shelving_word(ents.main_author, ents.title, rules, nonfiling)
        self.age = age_group(ents.audience, rules)
        audience = (ents.audience or "").lower()
        youth = self.age is not None or any(w in audience for w in _YOUTH_WORDS)
        self.audience_letter = rules.audience_letters.get("youth" if youth else "adult", "")

    # --- one label kind --------------------------------------------------------------

    def _field(self, kind: str) -> LabelField | None:
        return next((f for f in self.fields if f.kind == kind), None)

    def _concept(self, scheme: str, code: str):
        if self.vocabs is None or not code:
            return None
        try:
            return getattr(self.vocabs, scheme).get(code)
        except (AttributeError, KeyError):
            return None

    @staticmethod
    def _official(concept, attr: str) -> str | None:
        value = getattr(concept, attr, None) if concept is not None else None
        if not value or not isinstance(value, str):
            return None
        if attr == "colour":
            return value.lower() if _COLOUR.fullmatch(value) else None
        return value

    def _styled(self, concept, local: Style, kind: str) -> dict[str, str]:
        colour, picto = self._official(concept, "colour"), self._official(concept, "pictogram")
        out = {"colour": "", "colour_source": "", "pictogram": "", "pictogram_source": ""}
        if colour:
            out.update(colour=colour, colour_source="vocabulary")
        elif local.colour or self.rules.kind_colours.get(kind):
            out.update(colour=local.colour or self.rules.kind_colours[kind], colour_source="local-default")
        if picto:
            out.update(pictogram=picto, pictogram_source="vocabulary")
        elif local.pictogram:
            out.update(pictogram=local.pictogram, pictogram_source="local-default")
        return out

    def _zizo(self) -> dict | None:
        if self.zizo is None:
            return None
        code = self.zizo.code
        concept = self._concept("zizo", code)
        # the rubric's name: the vocabulary's (kept up to date), else the record's 693 path
        path = tuple(getattr(concept, "path", ()) or ()) or self.zizo.path
        rubric = self._official(concept, "label") or (path[-1] if path else "")
        top = path[0] if path else ""
        by_code = self.rules.zizo_by_code.get(code.upper(), Style())
        by_rubric = self.rules.zizo_by_rubric.get(top.lower(), Style())
        local = Style(by_code.colour or by_rubric.colour,
                      by_code.pictogram or by_rubric.pictogram or self.rules.zizo_default.pictogram)
        values = {"code": code, "rubric": rubric, "label_code": letters_only(code)[: self.rules.zizo_letters]}
        return {**values, **self._styled(concept, local, "zizo")}

    def _siso(self) -> dict | None:
        if not self.siso:
            return None
        concept = self._concept("siso", self.siso)
        caption = self._official(concept, "label") or ""
        return {"code": self.siso, "rubric": caption, "label_code": self.siso,
                **self._styled(concept, Style(), "siso")}

    def _genre(self) -> dict | None:
        for term in self.genres:
            concept = self._concept("genre", term)
            local = self.rules.genre_styles.get(term.lower())
            official = self._official(concept, "pictogram")
            if local is None and official is None:
                continue  # not an etiketgenre here: no pictogram to print
            if concept is not None and getattr(concept, "etiketgenre", None) is False:
                continue
            return {"code": term, "rubric": term, "label_code": "",
                    **self._styled(concept, local or Style(), "genre")}
        return None

    def _fiction(self) -> dict:
        return {"code": "", "rubric": "", "label_code": "", **self._styled(None, self.rules.fiction, "fiction")}

    def _makers(self) -> dict:
        return {"zizo": self._zizo, "siso": self._siso, "genre": self._genre, "fiction": self._fiction}

    def variants(self) -> list[tuple[str, dict]]:
        """Every label kind with an Etiketveld form that this record has a code for."""
        makers = self._makers()
        return [(kind, values) for kind in ("zizo", "siso", "genre") if (values := makers[kind]()) is not None]

    def choose(self) -> tuple[str, dict] | None:
        """The label kind this record's copies get, with its values; None: nothing fits."""
        literary = self.ents.literary_type if self.ents.literary_type in ("fiction", "non-fiction") else "unknown"
        key = {"non-fiction": "non_fiction", "fiction": "fiction", "unknown": "unknown"}[literary]
        makers = self._makers()
        for kind in self.rules.choice[key]:
            values = makers[kind]()
            if values is not None:
                return kind, values
        return None

    def etiketveld(self, kind: str, values: dict) -> tuple[LabelField | None, tuple | None]:
        """(the 999 in the record for this kind, or None; else the generated subfields or None)."""
        found = self._field(kind)
        if found is not None:
            return found, None
        fill = {"rubric": values["rubric"], "zizo_letters": values["label_code"] if kind == "zizo" else "",
                "siso": self.siso, "genre": values["code"] if kind == "genre" else "",
                "shelving_word": self.word, "audience_letter": self.audience_letter, "year": self.ents.year or ""}
        return None, generate_subfields(kind, fill, self.rules)

    def problem(self, item_key: str, reason: str, message: str, message_en: str) -> LabelProblem:
        return LabelProblem(self.record_id, self.ents.control_number or "", item_key, self.ents.title,
                            reason, message, message_en)


def copies_of(ents: RecordEntities) -> list[tuple[str, object | None]]:
    """(item_key, item) per copy: barcode, else ``seq:<n>``; ``seq:0`` when the record lists none."""
    if not ents.items:
        return [("seq:0", None)]
    return [(item.barcode or f"seq:{n}", item) for n, item in enumerate(ents.items, start=1)]


def label_for_record(rec: RecordLabels) -> tuple[LabelData | None, LabelProblem | None]:
    """The label the record's copies share (item fields empty), or why there is none."""
    ents = rec.ents
    chosen = rec.choose()
    if chosen is None:
        literary = ents.literary_type if ents.literary_type in ("fiction", "non-fiction") else None
        nl, en = _MISSING[literary]
        return None, rec.problem("", "no-code", nl, en)
    kind, values = chosen
    found, generated = rec.etiketveld(kind, values)
    word = rec.word
    if found is not None:  # the record's own 999 wins, exactly as cataloged
        values["rubric"] = found.first("a") or values["rubric"]
        values["label_code"] = found.first("c") or values["label_code"]
        word = found.first("f") or word
    if not word:
        return None, rec.problem("", "no-shelving-word", "geen hoofdwoord: geen auteur en geen titelwoord",
                                 "no shelving word: no author and no title word")
    subfields = found.subfields if found is not None else generated
    label = LabelData(
        record_id=rec.record_id, control_number=ents.control_number or "", item_key="", barcode="", library="",
        location="", call_number="", kind=kind, code=values["code"], label_code=values["label_code"],
        rubric=values["rubric"], colour=values["colour"], colour_source=values["colour_source"],
        pictogram=values["pictogram"], pictogram_source=values["pictogram_source"],
        age_group=rec.age.name if rec.age else "", age_colour=rec.age.colour if rec.age else "",
        zizo=rec.zizo.code if rec.zizo else "", siso=rec.siso, genre="; ".join(rec.genres), avi=rec.avi,
        shelving_word=word, year=ents.year or "", title=ents.title, author=ents.main_author or "",
        etiketveld=as_text(subfields) if subfields else "",
        etiketveld_source="record" if found is not None else ("generated" if generated else ""),
    )
    return label, None


def labels_for_record(record_id: int, ents: RecordEntities, rules: LabelRules, vocabs=None, *, nonfiling: int = 0,
                      adjustments: Mapping[str, Mapping[str, str]] | None = None,
                      ) -> tuple[list[LabelData], list[LabelProblem]]:
    """One label per copy of a record (adjusted per copy), or one problem per copy."""
    rec = RecordLabels(record_id, ents, rules, vocabs, nonfiling)
    shared, problem = label_for_record(rec)
    copies = copies_of(ents)
    if shared is None:
        return [], [replace(problem, item_key=key) for key, _ in copies]
    out = []
    for key, item in copies:
        label = replace(shared, item_key=key, barcode=getattr(item, "barcode", None) or "",
                        library=getattr(item, "library", None) or "", location=getattr(item, "location", None) or "",
                        call_number=getattr(item, "call_number", None) or "")
        out.append(apply_adjustments(label, (adjustments or {}).get(key, {})))
    return out, []


def apply_adjustments(label: LabelData, changes: Mapping[str, str]) -> LabelData:
    """The label with one copy's changes; ``adjusted`` names them, sources say "adjusted"."""
    if not changes:
        return label
    updates = {f: v for f, v in changes.items() if f in ADJUSTABLE}
    if "colour" in updates:
        updates["colour_source"] = "adjusted"
    if "pictogram" in updates:
        updates["pictogram_source"] = "adjusted"
    updates["adjusted"] = ",".join(f for f in ADJUSTABLE if f in changes)
    return replace(label, **updates)
