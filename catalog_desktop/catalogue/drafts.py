"""A record being edited: one draft behind the MARC view and the entity view.

The editor window holds a :class:`Draft`; typing in the flat MARC calls :meth:`set_text`,
changing a field of the entity form calls :meth:`set_entity`. Both change the same
``record``, so the two views can never disagree; :meth:`check` gives the validation
messages located on the lines of the text; :meth:`save` stores it as one undoable step.
No Qt here: tests drive a draft exactly as the window does.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog_desktop.catalogue.changes import Change
from catalog_desktop.catalogue.entity_edits import entity_values, set_entity_value
from catalog_desktop.catalogue.conflicts import Conflict
from catalog_desktop.catalogue.errors import CatalogueError, VersionConflict
from catalog_desktop.catalogue.resolution import Resolution
from catalog_desktop.marc.flat import format_flat, parse_flat
from catalog_desktop.marc.record import MarcRecord

__all__ = ["Draft", "LocatedMessage"]


@dataclass(frozen=True, slots=True)
class LocatedMessage:
    line: int | None  # 1-based line of the flat text (None: about something missing)
    severity: str
    where: str  # "245 $a", "LDR/06", ""
    nl: str
    en: str

    def text(self, lang: str = "nl") -> str:
        return self.en if lang.startswith("en") else self.nl


class Draft:
    def __init__(self, catalogue, record: MarcRecord, *, record_id: int | None = None, version: int | None = None):
        self._cat = catalogue
        self.record_id = record_id
        self.version = version
        self.original = record
        self.text = format_flat(record)
        self._set(parse_flat(format_flat(record), base=record))
        self.saved_text = self.text

    @classmethod
    def of(cls, catalogue, record_id: int) -> "Draft":
        stored = catalogue.records.get(record_id)
        return cls(catalogue, stored.record, record_id=record_id, version=stored.version)

    def _set(self, parsed) -> None:
        self.record = parsed.record
        self.problems = parsed.problems
        self.lines = parsed.lines
        self.text = format_flat(self.record) if not parsed.problems else self.text

    # --- the two ways in ------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        parsed = parse_flat(text, base=self.original)
        self.record, self.problems, self.lines, self.text = parsed.record, parsed.problems, parsed.lines, text

    def set_entity(self, key: str, value: str) -> None:
        record = set_entity_value(self.record, self._cat.profile(), key, value)
        self._set(parse_flat(format_flat(record), base=self.original))

    def entity_values(self) -> dict[str, str]:
        return entity_values(self.record, self._cat.profile())

    def entities(self):
        from catalog_desktop.catalogue.derive import derive_entities

        return derive_entities(self.record, self._cat.profile())

    # --- what is wrong, what is missing ---------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text

    def check(self) -> list[LocatedMessage]:
        out = [LocatedMessage(p.line, "error", p.tag or "", p.nl, p.en) for p in self.problems]
        for m in self._cat.checks.check(self.record):
            if m.tag is not None and m.tag.startswith("LDR"):
                line = 1
            elif m.field_index is not None and m.field_index < len(self.lines):
                line = self.lines[m.field_index]
            else:
                line = None
            out.append(LocatedMessage(line, m.severity, m.where, m.nl, m.en))
        return out

    def missing(self, level: str, lang: str = "nl") -> list[str]:
        return self._cat.checks.missing(self.record, level, lang)

    def duplicates(self):
        return self._cat.new_records.duplicates(self.record, exclude=self.record_id)

    # --- saving -------------------------------------------------------------------------

    def save(self, *, who: str | None = None, name: str | None = None) -> Change:
        """Store the draft as one step (a new record when it has no id yet). Refused while a
        line of the text cannot be read: saving would drop that line."""
        if self.problems:
            raise CatalogueError("niet bewaard: " + self.problems[0].nl)
        if self.record_id is None:
            change = self._cat.edits.create(self.record, who=who, name=name or "Nieuw record")
            self.record_id = change.records[0]
        else:
            title = self.record.value("245", "a") or ""
            change = self._cat.edits.edit(self.record_id, self.record, who=who, expected_version=self.version,
                                          name=name or f"Record bewerkt: {title.strip(' /:')[:60]}")
        self._reload()
        return change

    def saved_elsewhere(self) -> tuple[int, str | None] | None:
        """``(version, who)`` when someone saved the record since this draft read it, else
        None: reload an unchanged draft; warn about a changed one before it meets a conflict."""
        if self.record_id is None:
            return None
        stored = self._cat.records.version(self.record_id)
        return stored if stored is not None and stored[0] != self.version else None

    def conflict(self, error: VersionConflict) -> Conflict:
        """What :meth:`save` ran into, field by field: the version opened, mine, theirs."""
        return self._cat.records.conflict(error)

    def save_merge(self, resolution: Resolution, *, who: str | None = None) -> Change | None:
        """Store how a conflict was settled, as one step. The save expects the version the
        comparison was made against: if a third person saved meanwhile, this raises a new
        :class:`VersionConflict` (compare again), never overwrites. Taking their version
        whole saves nothing: the draft just becomes the stored record (returns None)."""
        conflict = resolution.conflict
        merged = resolution.record()
        whole = resolution.whole_side()
        if whole == "theirs":
            self._reload()
            return None
        title = (merged.value("245", "a") or "").strip(" /:")[:60]
        what = "Eigen versie gehouden" if whole == "mine" else "Versies samengevoegd"
        change = self._cat.edits.edit(conflict.record_id, merged, who=who, expected_version=conflict.theirs_version,
                                      name=f"{what}: {title}")
        self._reload()
        return change

    def _reload(self) -> None:
        stored = self._cat.records.get(self.record_id)
        self.version, self.original = stored.version, stored.record
        self._set(parse_flat(format_flat(stored.record), base=stored.record))
        self.saved_text = self.text
