"""Work-level editing: give every edition of a work a code (or change or remove one) at once.

In Aleph every edition is a separate flat record, so one subject for a work meant editing
each edition. Here :func:`preview` shows which records change and which fields come and go,
and :func:`apply` saves them as one edit step, so one undo takes it all back:

    plan = cat.work_codes.preview(work_id, "zizo", "MMSOAZ")          # assign
    plan = cat.work_codes.preview(work_id, "zizo", "NEW", old="OLD")  # change
    plan = cat.work_codes.preview(work_id, "zizo", None, old="OLD")   # remove
    change = cat.work_codes.apply(plan)

An edition that already has the result is listed as unchanged. Applying refuses (nothing
saved) when an edition was saved by someone since the preview: preview again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalog_desktop.catalogue.changes import Change
from catalog_desktop.marc.record import MarcRecord

__all__ = ["EditionChange", "WorkCodePlan", "WorkCodes"]


@dataclass(frozen=True, slots=True)
class EditionChange:
    """One edition in a plan: the fields (flat MARC lines) it loses and gains."""

    record_id: int
    title: str
    year: str | None
    version: int  # the version the preview read (saving checks it)
    removed: tuple[str, ...]
    added: tuple[str, ...]
    new_record: MarcRecord | None = field(default=None, compare=False, repr=False)  # None: unchanged

    @property
    def changes(self) -> bool:
        return self.new_record is not None


@dataclass(frozen=True, slots=True)
class WorkCodePlan:
    work_id: int
    work_title: str
    scheme: str
    code: str | None  # the code to give (None: remove ``old``)
    old: str | None  # the code to take away (change or remove)
    editions: tuple[EditionChange, ...]

    @property
    def name(self) -> str:
        """The step's name, as the Edit menu and the history show it."""
        scheme = self.scheme.upper()
        if self.code is None:
            return f"{scheme} {self.old} weg bij alle edities van '{self.work_title}'"
        if self.old:
            return f"{scheme} {self.old} → {self.code} bij alle edities van '{self.work_title}'"
        return f"{scheme} {self.code} bij alle edities van '{self.work_title}'"

    @property
    def changing(self) -> tuple[EditionChange, ...]:
        return tuple(e for e in self.editions if e.changes)


class WorkCodes:
    def __init__(self, records, works, decisions, edits, profile):
        self._records = records
        self._works = works
        self._decisions = decisions
        self._edits = edits
        self._profile = profile

    def preview(self, work_id: int, scheme: str, code: str | None, *, old: str | None = None) -> WorkCodePlan:
        if code is None and old is None:
            raise ValueError("say which code to give (code) or to take away (old)")
        from catalog_desktop.marc.code_fields import without_code

        if code is not None:  # a rubric or a retired code goes into no record (DecisionError says why)
            self._decisions._check_assignable(scheme, code)
        work = self._works.get(work_id)
        editions = []
        for summary in self._works.editions(work_id):
            stored = self._records.get(summary.id)
            record = stored.record
            new = record
            if old is not None:
                new = without_code(new, self._profile(), scheme, old) or new
            if code is not None and not self._carries(new, scheme, code):
                from catalog_desktop.marc.code_fields import with_field

                new = with_field(new, self._decisions.code_field_for(new, scheme, code))
            before, after = [str(f) for f in record.fields], [str(f) for f in new.fields]
            removed = tuple(line for line in before if line not in after)
            added = tuple(line for line in after if line not in before)
            changed = new if (removed or added) else None
            editions.append(EditionChange(stored.id, stored.title, stored.year, stored.version, removed, added, changed))
        return WorkCodePlan(work_id, work.title, scheme, code, old, tuple(editions))

    def apply(self, plan: WorkCodePlan, *, who: str | None = None) -> Change:
        """Save every changing edition as one step (one undo takes it all back)."""
        todo = [(e.record_id, e.new_record, e.version) for e in plan.changing]
        if not todo:
            return Change(reason=plan.name, who=who)
        change = self._edits.edit_many(todo, name=plan.name, who=who, kind="work")
        return Change(records=change.records, works=(plan.work_id,), reason=change.reason, who=change.who,
                      versions=change.versions)

    def _carries(self, record: MarcRecord, scheme: str, code: str) -> bool:
        from catalog_desktop.catalogue.derive import derive_entities

        return any(c.scheme == scheme and c.code == code for c in derive_entities(record, self._profile()).codes)
