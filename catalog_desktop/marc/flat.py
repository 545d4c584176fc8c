"""The flat MARC text of the record editor, both ways, with problems located by line.

    =LDR  00000nam a2200000   4500
    =001  c:lvd:123
    =245  10$aTitel :$bondertitel

One line per field: ``=TAG``, two spaces, then a control field's data as it is, or a data
field's two indicators (``\\`` or a space for a blank) and ``$`` + code + value per subfield.
A ``$`` inside a value is written ``{dollar}``. This is the form ``str(record)`` prints, so
what the editor shows is what ``catalog show`` shows.

:func:`parse_flat` is tolerant, like a reader: a line it cannot understand becomes a
:class:`LineProblem` (line number, tag, what to fix, in Dutch and English) and the rest of the
record is still read, so the entity view can follow every keystroke. Given the record the
text was made from, a field whose content did not change keeps its original bytes (``raw``),
so saving after editing one subfield leaves every other field byte for byte as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog_desktop.marc.record import DEFAULT_LEADER, UTF8, Field, MarcRecord, is_control_tag

__all__ = ["FlatParse", "LineProblem", "format_flat", "field_line", "parse_flat"]

_LINE = re.compile(r"^=(\S{3})(?:  ?(.*))?$")
DOLLAR = "{dollar}"


@dataclass(frozen=True, slots=True)
class LineProblem:
    line: int  # 1-based
    tag: str | None
    subfield: str | None
    code: str  # a stable name for tests and filters
    nl: str
    en: str

    def text(self, lang: str = "nl") -> str:
        return self.en if lang.startswith("en") else self.nl


@dataclass(frozen=True, slots=True)
class FlatParse:
    record: MarcRecord
    problems: tuple[LineProblem, ...]
    lines: tuple[int, ...]  # per field of ``record``, the line it came from


def field_line(f: Field) -> str:
    if f.data is not None:
        return f"={f.tag}  {f.data}"
    ind = (f.indicators + "  ")[:2].replace(" ", "\\")
    return f"={f.tag}  {ind}" + "".join(f"${c}{v.replace('$', DOLLAR)}" for c, v in f.subfields)


def format_flat(record: MarcRecord) -> str:
    return "\n".join([f"=LDR  {record.leader}", *(field_line(f) for f in record.fields)])


def parse_flat(text: str, base: MarcRecord | None = None) -> FlatParse:
    problems: list[LineProblem] = []
    leader = base.leader if base is not None else DEFAULT_LEADER
    fields: list[Field] = []
    lines: list[int] = []

    def problem(n, tag, code, nl, en, subfield=None):
        problems.append(LineProblem(n, tag, subfield, code, nl, en))

    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _LINE.match(line.rstrip("\r"))
        if m is None:
            problem(n, None, "line", f"Regel {n}: begin met '=' en een veldnummer van drie tekens, bv. '=245  10$aTitel'.",
                    f"Line {n}: start with '=' and a three-character tag, e.g. '=245  10$aTitle'.")
            continue
        tag, rest = m.group(1), m.group(2) or ""
        if tag.upper() == "LDR":
            leader = rest
            continue
        if is_control_tag(tag):
            fields.append(Field(tag, data=rest))
            lines.append(n)
            continue
        if len(rest) < 2:
            problem(n, tag, "indicators", f"Veld {tag}: twee indicatoren ontbreken (gebruik \\ voor een blanco).",
                    f"Field {tag}: the two indicators are missing (use \\ for a blank).")
            continue
        indicators, body = rest[:2].replace("\\", " "), rest[2:]
        if not body.startswith("$"):
            problem(n, tag, "subfields", f"Veld {tag}: na de indicatoren komt een deelveld, bv. '$a'.",
                    f"Field {tag}: a subfield such as '$a' must follow the indicators.")
            body = "$a" + body if body else ""
        subfields = []
        for part in body.split("$")[1:]:
            if not part:
                problem(n, tag, "subfield_code", f"Veld {tag}: een '$' zonder deelveldcode; schrijf bv. '$a'.",
                        f"Field {tag}: a '$' without a subfield code; write e.g. '$a'.")
                continue
            subfields.append((part[0], part[1:].replace(DOLLAR, "$")))
        fields.append(Field(tag, indicators=indicators, subfields=subfields))
        lines.append(n)
    if base is not None:
        _keep_raw(fields, base)
    encoding = base.encoding if base is not None else UTF8
    return FlatParse(MarcRecord(leader, fields, encoding), tuple(problems), tuple(lines))


def _keep_raw(fields: list[Field], base: MarcRecord) -> None:
    """Give unchanged fields their original bytes back (each original field at most once)."""
    unused = list(base.fields)
    for f in fields:
        for i, old in enumerate(unused):
            if old.raw is not None and old.same_content(f):
                f.raw = old.raw
                del unused[i]
                break
