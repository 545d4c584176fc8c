"""The in-memory MARC record: decoded text for people, raw bytes for exactness.

Every reader produces a :class:`MarcRecord`. A field read from ISO 2709 keeps the bytes it
was read from (``Field.raw``), so that a record written back out reuses those bytes for
every field nobody touched; an edited or new field has ``raw = None`` and is encoded anew.
pymarc's ``Record`` is available through :meth:`MarcRecord.to_pymarc` for code that wants it,
but the import path does not build pymarc objects: it is the hot loop of an import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

UTF8 = "utf-8"
MARC8 = "marc-8"

LEADER_LENGTH = 24
# Used when a record comes without a leader: a book ("nam"), Unicode, lengths unknown.
DEFAULT_LEADER = "00000nam a2200000   4500"
FIELD_TERMINATOR = b"\x1e"
RECORD_TERMINATOR = b"\x1d"
SUBFIELD_DELIMITER = b"\x1f"


def is_control_tag(tag: str) -> bool:
    """Tags 001-009 (and the Aleph-style ``FMT``/``LDR`` never reach here) hold plain data."""
    return len(tag) == 3 and tag.startswith("00") and tag.isdigit()


@dataclass(slots=True)
class Field:
    """One variable field. Control fields use ``data``; data fields ``indicators`` and ``subfields``."""

    tag: str
    data: str | None = None
    indicators: str = "  "
    subfields: list[tuple[str, str]] = field(default_factory=list)
    # The field's bytes as read from ISO 2709, without the field terminator. None when the
    # field was created or edited, or came from a text format (MARCXML, JSON, ...).
    raw: bytes | None = field(default=None, compare=False, repr=False)

    @property
    def is_control(self) -> bool:
        return self.data is not None

    def values(self, *codes: str) -> list[str]:
        """The values of the subfields with these codes (all subfields when none are named)."""
        return [v for c, v in self.subfields if not codes or c in codes]

    def first(self, code: str) -> str | None:
        for c, v in self.subfields:
            if c == code:
                return v
        return None

    def text(self, *codes: str, sep: str = " ") -> str:
        """Subfield values joined, for display and search; control fields give their data."""
        if self.data is not None:
            return self.data
        return sep.join(v.strip() for v in self.values(*codes) if v.strip())

    def same_content(self, other: "Field") -> bool:
        return (
            self.tag == other.tag
            and self.data == other.data
            and (self.data is not None or self.indicators == other.indicators)
            and (self.data is not None or self.subfields == other.subfields)
        )

    def copy(self) -> "Field":
        return Field(self.tag, self.data, self.indicators, list(self.subfields), self.raw)

    def __str__(self) -> str:
        if self.data is not None:
            return f"={self.tag}  {self.data}"
        ind = self.indicators.replace(" ", "\\")
        subs = "".join(f"${c}{v}" for c, v in self.subfields)
        return f"={self.tag}  {ind}{subs}"


@dataclass(slots=True)
class MarcRecord:
    """A MARC 21 record: leader, fields in their order, and the encoding of its bytes."""

    leader: str
    fields: list[Field] = field(default_factory=list)
    # How the record's bytes are (or will be) encoded: UTF-8 or MARC-8. Decoded text in the
    # fields is always Unicode (NFC as found; MARC-8 input is composed to NFC on decoding).
    encoding: str = UTF8

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    def get_fields(self, *tags: str) -> list[Field]:
        if not tags:
            return list(self.fields)
        return [f for f in self.fields if f.tag in tags]

    def first(self, tag: str) -> Field | None:
        for f in self.fields:
            if f.tag == tag:
                return f
        return None

    def value(self, tag: str, code: str | None = None) -> str | None:
        """The data of a control field, or the first ``$code`` of the first field with the tag."""
        for f in self.fields:
            if f.tag != tag:
                continue
            if f.data is not None:
                return f.data
            if code is None:
                return f.text() or None
            v = f.first(code)
            if v is not None:
                return v
        return None

    @property
    def control_number(self) -> str | None:
        value = self.value("001")
        return value.strip() or None if value is not None else None

    def add(self, *new_fields: Field) -> None:
        self.fields.extend(new_fields)

    def copy(self) -> "MarcRecord":
        return MarcRecord(self.leader, [f.copy() for f in self.fields], self.encoding)

    def same_content(self, other: "MarcRecord") -> bool:
        return (
            self.leader[5:10] == other.leader[5:10]
            and self.leader[17:20] == other.leader[17:20]
            and len(self.fields) == len(other.fields)
            and all(a.same_content(b) for a, b in zip(self.fields, other.fields))
        )

    def __str__(self) -> str:
        return "\n".join([f"=LDR  {self.leader}", *(str(f) for f in self.fields)])

    # pymarc interoperability -------------------------------------------------------------

    def to_pymarc(self):
        """This record as a ``pymarc.Record`` (Unicode, leader/09 set to ``a``)."""
        import pymarc

        rec = pymarc.Record(leader=self.leader, force_utf8=True)
        for f in self.fields:
            if f.data is not None:
                rec.add_field(pymarc.Field(tag=f.tag, data=f.data))
            else:
                rec.add_field(
                    pymarc.Field(
                        tag=f.tag,
                        indicators=list(f.indicators.ljust(2)[:2]),
                        subfields=[pymarc.Subfield(c, v) for c, v in f.subfields],
                    )
                )
        return rec

    @classmethod
    def from_pymarc(cls, rec) -> "MarcRecord":
        fields: list[Field] = []
        for f in rec.fields:
            if f.is_control_field():
                fields.append(Field(f.tag, data=f.data))
            else:
                ind = "".join((i or " ") for i in f.indicators).ljust(2)[:2]
                fields.append(Field(f.tag, indicators=ind, subfields=[(s.code, s.value) for s in f.subfields]))
        return cls(str(rec.leader), fields, UTF8)


def build_record(leader: str, items: Iterable[tuple]) -> MarcRecord:
    """Convenience for tests and templates: ``("001", "123")`` or ``("245", "10", [("a", "Titel")])``."""
    fields = []
    for item in items:
        if len(item) == 2:
            fields.append(Field(item[0], data=item[1]))
        else:
            fields.append(Field(item[0], indicators=item[1], subfields=list(item[2])))
    return MarcRecord(leader, fields, UTF8)
