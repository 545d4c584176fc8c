"""A cataloger settling a save conflict line by line: the state behind the conflict dialog.

:class:`~catalog_desktop.catalogue.conflicts.Conflict` compares base, mine and theirs field
by field; a :class:`Resolution` remembers which side the cataloger picked for each line,
says which side a line will take when nobody picked one (the three-way rule of
:func:`~catalog_desktop.catalogue.conflicts.merge`), which lines still need a person, and
builds the record to save. No Qt here: the dialog is a view over this object, and tests
settle a conflict exactly as the dialog does. :meth:`Draft.save_merge
<catalog_desktop.catalogue.drafts.Draft.save_merge>` stores the result, checking the version
once more.
"""

from __future__ import annotations

from catalog_desktop.catalogue.conflicts import AUTOMATIC, Conflict, FieldDiff, Side
from catalog_desktop.marc.record import MarcRecord


class Resolution:
    def __init__(self, conflict: Conflict):
        self.conflict = conflict
        self.lines: list[FieldDiff] = conflict.diff()
        self.choices: dict[int, Side] = {}  # line index -> side picked by the cataloger

    def side(self, index: int) -> Side | None:
        """The side line ``index`` will take: the one picked, else the automatic one."""
        return self.choices.get(index) or AUTOMATIC.get(self.lines[index].status)

    def picked(self, index: int) -> bool:
        return index in self.choices

    def choose(self, index: int, side: Side) -> None:
        if side not in ("base", "mine", "theirs"):
            raise ValueError(f"a field can only take base, mine or theirs, not {side}")
        self.choices[index] = side

    def choose_all(self, side: Side) -> None:
        """Every line from one side: keep my whole version, or take theirs whole."""
        for index in range(len(self.lines)):
            self.choose(index, side)

    def undecided(self) -> list[FieldDiff]:
        """The lines both people changed differently and nobody has chosen for yet."""
        return [line for i, line in enumerate(self.lines) if self.side(i) is None]

    def changed_lines(self) -> list[int]:
        """The indexes of the lines that differ between the versions (what the dialog shows first)."""
        return [i for i, line in enumerate(self.lines) if line.status != "same"]

    def whole_side(self) -> Side | None:
        """``"mine"`` or ``"theirs"`` when every line was picked from that one side."""
        sides = set(self.choices.values())
        if len(self.choices) == len(self.lines) and len(sides) == 1 and sides <= {"mine", "theirs"}:
            return sides.pop()
        return None

    def record(self) -> MarcRecord:
        """The record to save; ``ValueError`` naming the lines still undecided."""
        whole = self.whole_side()
        if whole is not None:  # exactly that version, field order and all
            return self.conflict.merge(whole)
        return self.conflict.merge({self.lines[i].key: side for i, side in self.choices.items()})
