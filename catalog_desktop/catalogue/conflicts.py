"""When two catalogers saved the same record: compare both versions field by field, and merge.

Saving checks the version the editor opened (optimistic locking, :meth:`Records.update`);
if someone else saved in between, :class:`VersionConflict` is raised and nothing is written.
The editor then calls :meth:`Records.conflict` for a :class:`Conflict` holding three records:

* ``base``   the version both started from (from the history),
* ``mine``   what this cataloger wanted to save,
* ``theirs`` what the other cataloger saved (the record as it is now).

:func:`compare` lines the three up field by field; :func:`merge` builds the record to save:
keep mine, take theirs, or choose per field. A field only one side changed is taken from that
side unless a choice says otherwise (a three-way merge, as version control does for lines).
The merged record is saved with ``expected_version=conflict.theirs_version``, so a third
save in the meantime is again a conflict, never a lost update.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Mapping

from catalog_desktop.marc.record import Field, MarcRecord

Side = Literal["base", "mine", "theirs"]
# Where each field line stands: unchanged, changed by one side, changed alike by both,
# or changed differently by both (a real conflict: a person must choose).
Status = Literal["same", "mine", "theirs", "both", "conflict"]
LEADER = "LDR"
# The side a line takes when nobody chose one; a "conflict" line has none: a person must choose.
AUTOMATIC: dict[str, Side] = {"same": "theirs", "mine": "mine", "theirs": "theirs", "both": "theirs"}


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """One line of the comparison: the n-th occurrence of a tag in each version (None: absent)."""

    tag: str
    occurrence: int
    base: Field | None
    mine: Field | None
    theirs: Field | None
    status: Status

    @property
    def key(self) -> tuple[str, int]:
        return (self.tag, self.occurrence)


@dataclass(frozen=True, slots=True)
class Conflict:
    record_id: int
    base_version: int
    theirs_version: int
    base: MarcRecord
    mine: MarcRecord
    theirs: MarcRecord
    theirs_by: str | None = None  # who saved their version

    def diff(self) -> list[FieldDiff]:
        return compare(self.base, self.mine, self.theirs)

    def merge(self, choice: Literal["mine", "theirs"] | Mapping[tuple[str, int], Side] | None = None) -> MarcRecord:
        return merge(self.base, self.mine, self.theirs, choice)


def _same(a: Field | None, b: Field | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.same_content(b)


def _status(base: Field | None, mine: Field | None, theirs: Field | None) -> Status:
    mine_changed, theirs_changed = not _same(base, mine), not _same(base, theirs)
    if not mine_changed and not theirs_changed:
        return "same"
    if mine_changed and theirs_changed:
        return "both" if _same(mine, theirs) else "conflict"
    return "mine" if mine_changed else "theirs"


def _by_key(record: MarcRecord) -> dict[tuple[str, int], Field]:
    seen: dict[str, int] = {}
    out: dict[tuple[str, int], Field] = {}
    for f in record.fields:
        n = seen.get(f.tag, 0)
        seen[f.tag] = n + 1
        out[(f.tag, n)] = f
    return out


def _leader_field(record: MarcRecord) -> Field:
    # Record length (00-04) and base address (12-16) are counted anew on every save: a stored
    # version and a draft always differ there, and nobody edits them. Compare the rest.
    leader = record.leader.ljust(24)
    return Field(LEADER, data=f"00000{leader[5:12]}00000{leader[17:24]}")


def compare(base: MarcRecord, mine: MarcRecord, theirs: MarcRecord) -> list[FieldDiff]:
    """The three versions side by side, in tag order; the leader comes first as ``LDR``.

    Fields are paired by tag and occurrence (the second 650 with the second 650): simple, and
    what a cataloger reading MARC expects.
    """
    b, m, t = _by_key(base), _by_key(mine), _by_key(theirs)
    keys = sorted(set(b) | set(m) | set(t), key=lambda k: (k[0], k[1]))
    lines = [FieldDiff(LEADER, 0, _leader_field(base), _leader_field(mine), _leader_field(theirs),
                       _status(_leader_field(base), _leader_field(mine), _leader_field(theirs)))]
    for key in keys:
        bf, mf, tf = b.get(key), m.get(key), t.get(key)
        lines.append(FieldDiff(key[0], key[1], bf, mf, tf, _status(bf, mf, tf)))
    return lines


def merge(base: MarcRecord, mine: MarcRecord, theirs: MarcRecord,
          choice: Literal["mine", "theirs"] | Mapping[tuple[str, int], Side] | None = None) -> MarcRecord:
    """The record to save.

    ``"mine"`` / ``"theirs"``: that version whole. Otherwise a three-way merge: every line
    changed by one side takes that side; a line in ``choice`` (keyed ``(tag, occurrence)``,
    ``("LDR", 0)`` for the leader) takes the side named there. A conflicting line without a
    choice raises ``ValueError`` naming it: a merge never guesses between two people's edits.
    """
    if choice == "mine":
        return mine.copy()
    if choice == "theirs":
        return theirs.copy()
    chosen: Mapping[tuple[str, int], Side] = choice or {}
    unknown = set(chosen.values()) - {"base", "mine", "theirs"}
    if unknown:
        raise ValueError(f"a field can only take base, mine or theirs, not {', '.join(sorted(unknown))}")
    leader = ""
    fields: list[Field] = []
    undecided: list[str] = []
    for line in compare(base, mine, theirs):
        side = chosen.get(line.key) or _automatic(line)
        if side is None:
            undecided.append(f"{line.tag}#{line.occurrence + 1}")
            continue
        picked = getattr(line, side)
        if line.tag == LEADER:
            leader = picked.data
        elif picked is not None:
            fields.append(picked.copy())
    if undecided:
        raise ValueError(f"both versions changed {', '.join(undecided)}: choose mine, theirs or base for each")
    # Tag order, as MARC records are kept; the sort is stable, so repeated tags keep theirs.
    fields.sort(key=lambda f: f.tag)
    return MarcRecord(leader, fields, theirs.encoding)


def _automatic(line: FieldDiff) -> Side | None:
    return AUTOMATIC.get(line.status)
