"""Reading vocabulary TSV files: our column format, the shipped fact tables, and Annif's format.

Three layouts are recognised by their first line:

- **Annif** (no header, first cell ``<uri>``): ``<uri>\\tlabel[\\tnotation]``; the code is the
  notation when there is one, else the last segment of the URI.
- **our column format**: a header row naming the columns. ``code`` and ``label`` are needed;
  ``parent``, ``subsystem``, ``colour``, ``pictogram``, ``status``, ``source``, ``retired``,
  ``etiketgenre``, ``form_genre``, ``audience``, ``replaced_by``, ``note`` and ``scheme`` are
  optional (some Dutch and SKOS spellings are accepted: ``notation``, ``naam``, ``broader``,
  ``kleur``, ``vervallen``, ...). ``siso.tsv`` in ``resources/vocab`` is in this format.
- **the fact tables** of ``resources/vocab`` for ZIZO (``level1``..``level3`` rubric columns)
  and genres (``genre``, ``type``, ``etiketgenre_label``), with their source and status columns.

Rows whose first cell starts with ``#`` are notes. A row without a usable code is reported as a
:class:`LoadProblem` (file and line), never silently dropped.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote

from catalog_desktop.vocab import siso
from catalog_desktop.vocab.concepts import RUBRIC, Concept, status_means_retired
from catalog_desktop.vocab.zizo import rubric_key, subsystem_name


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used at all (names the file and the problem)."""


@dataclass(frozen=True, slots=True)
class LoadProblem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


_ALIASES = {
    "code": "code", "notation": "code", "uri": "code", "id": "code", "genre": "code",
    "label": "label", "name": "label", "naam": "label", "preflabel": "label", "omschrijving": "label",
    "parent": "parent", "broader": "parent", "ouder": "parent",
    "subsystem": "subsystem", "subsysteem": "subsystem",
    "colour": "colour", "color": "colour", "kleur": "colour",
    "pictogram": "pictogram", "icon": "pictogram",
    "status": "status", "source": "source", "bron": "source", "note": "note", "opmerking": "note",
    "retired": "retired", "deprecated": "retired", "vervallen": "retired",
    "etiketgenre": "etiketgenre", "form_genre": "form_genre", "vormgenre": "form_genre",
    "audience": "audience", "doelgroep": "audience", "replaced_by": "replaced_by", "scheme": "scheme",
}
_TRUE = {"yes", "ja", "true", "1", "x", "y", "j"}
_FALSE = {"no", "nee", "false", "0", "n"}
_REPLACED_RE = re.compile(r"(?:renamed(?: to)?|replaced by)\s+([^;.]+)", re.IGNORECASE)
_YOUTH_SUFFIX = " (jeugd)"


def read_tsv(path: Path | str, scheme: str | None, text: str | None = None) -> tuple[str, list[Concept], list[LoadProblem]]:
    """Read one TSV vocabulary (the file, or ``text`` named ``path``); returns (scheme, concepts, problems)."""
    try:
        if text is None:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                text = handle.read()
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter="\t",
                               quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: cannot read the vocabulary: {exc}") from None
    rows = [(n, row) for n, row in enumerate(rows, 1) if any(cell.strip() for cell in row)]
    if not rows:
        raise VocabularyError(f"{path}: the vocabulary file is empty")
    first = rows[0][1]
    if first[0].strip().startswith("<"):
        return _need_scheme(scheme, path), *_read_annif(path, rows)
    header = [cell.strip().lower() for cell in first]
    if "level1" in header:
        return "zizo", *_read_rows(path, header, rows[1:], _zizo_row)
    if "etiketgenre_label" in header:
        return "genre", *_read_rows(path, header, rows[1:], _genre_row)
    names = [_ALIASES.get(cell) for cell in header]
    if "code" not in names:
        raise VocabularyError(
            f"{path}: line 1 is neither a header with a 'code' column nor an Annif line '<uri>\\tlabel'"
        )
    scheme = _need_scheme(scheme, path)
    return scheme, *_read_rows(path, names, rows[1:], lambda cells, where: _column_row(cells, where, scheme))


def _need_scheme(scheme: str | None, path: Path) -> str:
    if scheme is None:
        raise VocabularyError(
            f"{path}: cannot tell which scheme this list is for: name the file zizo*.tsv, siso*.tsv "
            "or genre*.tsv, or give the scheme explicitly"
        )
    return scheme


def _read_annif(path: Path, rows) -> tuple[list[Concept], list[LoadProblem]]:
    concepts, problems = [], []
    for line, row in rows:
        uri = row[0].strip()
        if not (uri.startswith("<") and uri.endswith(">")):
            problems.append(LoadProblem(str(path), line, f"expected '<uri>' in the first column, found {uri!r}"))
            continue
        notation = row[2].strip() if len(row) > 2 else ""
        code = notation or unquote(re.split(r"[/#]", uri[1:-1].rstrip("/"))[-1])
        label = row[1].strip() if len(row) > 1 else ""
        concepts.append(Concept(code, label or None, status="official", source=str(path), note=uri[1:-1]))
    return concepts, problems


def _read_rows(path: Path, header, rows, make) -> tuple[list[Concept], list[LoadProblem]]:
    merged: dict[str, Concept] = {}
    problems = []
    for line, row in rows:
        if row[0].strip().startswith("#"):
            continue
        cells = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header) if name}
        try:
            made = make(cells, str(path))
        except ValueError as exc:
            problems.append(LoadProblem(str(path), line, str(exc)))
            continue
        for concept in made:
            key = concept.code.replace("\u2019", "'").casefold()
            merged[key] = _combine(merged[key], concept) if key in merged else concept
    return list(merged.values()), problems


def _column_row(cells: dict, path: str, scheme: str) -> list[Concept]:
    code = cells.get("code", "")
    if code.startswith("<") and code.endswith(">"):
        code = unquote(re.split(r"[/#]", code[1:-1].rstrip("/"))[-1])
    if not code:
        raise ValueError("row without a code")
    if scheme == "siso" and siso.parse(code) is None:
        raise ValueError(f"{code!r} is not a SISO code ({siso.EXPECTED_EN}); row left out of the list")
    label = cells.get("label") or None
    if label and label.startswith("("):  # "(caption not given; ...)" is a note, not a label
        cells["note"] = "; ".join(filter(None, [label, cells.get("note")]))
        label = None
    # A list without a status column is a trainer's official list: its codes count as official.
    status = cells.get("status") or ("" if "status" in cells else "official")
    retired = _bool(cells.get("retired")) or status_means_retired(status)
    return [Concept(
        code, label, parent=cells.get("parent") or None,
        subsystem=subsystem_name(cells.get("subsystem")) or (cells.get("subsystem") or None),
        colour=cells.get("colour") or None, pictogram=cells.get("pictogram") or None,
        status=status, source=cells.get("source") or path, retired=bool(retired),
        etiketgenre=_bool(cells.get("etiketgenre")), form_genre=bool(_bool(cells.get("form_genre"))),
        audience=_audience(cells.get("audience")), replaced_by=cells.get("replaced_by") or None,
        note=cells.get("note", ""),
    )]


def _zizo_row(cells: dict, path: str) -> list[Concept]:
    subsystem = subsystem_name(cells.get("subsystem"))
    levels = [_rubric_name(cells.get(f"level{n}", "")) for n in (1, 2, 3)]
    rubric_path = tuple(name for name in levels if name)
    code = cells.get("code", "").strip()
    status, source, note = cells.get("status", ""), cells.get("source", ""), cells.get("note", "")
    if not code and not (subsystem and rubric_path):
        raise ValueError("ZIZO row with neither a code nor a rubric path in a known subsystem")
    label = rubric_path[-1] if rubric_path else (_rubric_name(cells.get("name_full", "")) or None)
    parents = [rubric_key(subsystem, rubric_path[:n]) for n in range(len(rubric_path) - 1, 0, -1)] if subsystem else []
    own = Concept(
        code or rubric_key(subsystem, rubric_path), label, parent=(parents or [None])[0],
        subsystem=subsystem, colour=cells.get("colour") or None, pictogram=cells.get("pictogram") or None,
        status=status, source=source, retired=status_means_retired(status),
        kind="code" if code else RUBRIC, path=rubric_path, note=note,
    )
    # The rubrics above it are nodes of the hierarchy; their own codes are not public.
    nodes = [
        Concept(key, rubric_path[n - 1], parent=(parents[i + 1] if i + 1 < len(parents) else None),
                subsystem=subsystem, status=f"rubric named in the path of {own.code} ({status})",
                source=source, kind=RUBRIC, path=rubric_path[:n])
        for i, (n, key) in enumerate(zip(range(len(rubric_path) - 1, 0, -1), parents))
    ]
    return [own, *nodes]


def _genre_row(cells: dict, path: str) -> list[Concept]:
    term = cells.get("genre", "")
    audience_text = cells.get("audience", "")
    if audience_text.startswith("NL"):
        return []  # Dutch NBD Biblion/OBA values: another scheme, kept apart from the Flemish list
    audience = _audience(audience_text)
    if term.endswith(_YOUTH_SUFFIX):  # "Humor (jeugd)": the youth genre "Humor"
        term, audience = term[: -len(_YOUTH_SUFFIX)], "jeugd"
    if not term:
        raise ValueError("genre row without a term")
    kind_text, status, note = cells.get("type", ""), cells.get("status", ""), cells.get("note", "")
    replaced_by = None
    if "->" in kind_text:  # "search term -> Babyboekjes": not a genre of its own
        replaced_by = kind_text.split("->", 1)[1].strip()
        status = f"{kind_text}; {status}"
    elif match := _REPLACED_RE.search(note):
        replaced_by = match.group(1).strip()
    etiket = cells.get("etiketgenre_label", "").lower()
    return [Concept(
        term, term, status=status, source=cells.get("source", ""),
        retired=status_means_retired(status) or "->" in kind_text,
        etiketgenre=True if etiket.startswith("yes") else False if etiket.startswith("no") else None,
        form_genre=kind_text.strip().lower() == "vormgenre", audience=audience,
        replaced_by=replaced_by if status_means_retired(status) or "->" in kind_text else None,
        note="; ".join(filter(None, [kind_text, note])),
    )]


def _combine(old: Concept, new: Concept) -> Concept:
    """Two rows for one code in the same file: one concept, with both sources."""
    audiences = sorted({a for c in (old, new) if c.audience for a in c.audience.split("+")})
    better = new if new.confirmed and not old.confirmed else old
    sources = list(dict.fromkeys(s for s in (old.source, new.source) if s))
    return replace(
        better, audience="+".join(audiences) or None, source=" ; ".join(sources),
        etiketgenre=True if True in (old.etiketgenre, new.etiketgenre) else better.etiketgenre,
        form_genre=old.form_genre or new.form_genre,
        kind=old.kind if old.kind == new.kind else "code",
    )


def _rubric_name(text: str) -> str:
    """'GEVOELENS - GEDRAG (GEV)' -> 'Gevoelens - Gedrag'; 'Songbooks (693 $y); ...' -> 'Songbooks'."""
    text = re.sub(r"\([^)]*\)", "", text.split(";")[0]).strip()
    return text.title() if text.isupper() else text


def _bool(value: str | None) -> bool | None:
    value = (value or "").strip().lower()
    return True if value in _TRUE else False if value in _FALSE else None


def _audience(text: str | None) -> str | None:
    """'jeugd+volwassenen', 'volwassenen (probable vge)', 'unspecified' -> normalised or None."""
    words = re.sub(r"\([^)]*\)", "", (text or "").lower())
    found = [name for name in ("jeugd", "volwassenen") if name in words]
    return "+".join(found) or None
