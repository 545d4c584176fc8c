"""The label rules file (``resources/labels/label-rules.toml``) read into typed values.

Every colour and pictogram in that file is a local default of catalog-desktop, not an official
Biblioprint value; the file says so and ``resources/labels/README.md`` explains each entry.
A bad file gets a :class:`LabelConfigError` naming the file and the entry.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from catalog_desktop.resources import resources_dir

__all__ = ["AgeGroup", "LabelConfigError", "LabelRules", "Style", "load_rules", "default_rules_path"]

LABEL_KINDS = ("zizo", "siso", "genre", "fiction")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class LabelConfigError(ValueError):
    """A label rules or template file that cannot be used; the message names file and entry."""


@dataclass(frozen=True, slots=True)
class Style:
    """What a code looks like on the label when the vocabularies do not say: local default."""

    colour: str | None = None
    pictogram: str | None = None


@dataclass(frozen=True, slots=True)
class AgeGroup:
    name: str
    start: int
    end: int
    colour: str


@dataclass(frozen=True, slots=True)
class LabelRules:
    path: Path
    letters: int
    title_letters: int
    articles: frozenset[str]
    diacritics: str  # shelving word: "keep" or "drop" (Latin accents), see labels/shelving.py
    choice: dict[str, tuple[str, ...]]  # literary type -> label kinds to try, in order
    kind_colours: dict[str, str]
    zizo_by_code: dict[str, Style]
    zizo_by_rubric: dict[str, Style]
    zizo_default: Style
    genre_styles: dict[str, Style]  # lower-case term -> style; only these genres get a genre label
    fiction: Style
    age_groups: tuple[AgeGroup, ...]
    etiketveld_tag: str
    zizo_letters: int
    audience_letters: dict[str, str]
    etiketveld: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # enabled kinds only


def default_rules_path() -> Path:
    return resources_dir() / "labels" / "label-rules.toml"


def _colour(value, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _COLOUR.fullmatch(value):
        raise LabelConfigError(f"{where}: colour {value!r} is not of the form #rrggbb")
    return value.lower()


def _style(entry, where: str) -> Style:
    if not isinstance(entry, dict):
        raise LabelConfigError(f"{where}: expected a table with colour and/or pictogram")
    return Style(_colour(entry.get("colour"), where), entry.get("pictogram"))


def load_rules(path: str | Path | None = None) -> LabelRules:
    """Read a rules file (default: the bundled one)."""
    path = Path(path) if path is not None else default_rules_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LabelConfigError(f"{path}: cannot read the label rules: {exc}") from None
    try:
        return _rules(path, data)
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, LabelConfigError):
            raise LabelConfigError(f"{path}: {exc}") from None
        raise LabelConfigError(f"{path}: missing or wrong entry: {exc}") from None


def _rules(path: Path, data: dict) -> LabelRules:
    if data.get("format") != 1:
        raise LabelConfigError(f"format = {data.get('format')!r}; this version reads format = 1")
    word = data["shelving_word"]
    choice = {key: tuple(data["label_choice"][key]) for key in ("non_fiction", "fiction", "unknown")}
    for key, kinds in choice.items():
        if bad := [k for k in kinds if k not in LABEL_KINDS]:
            raise LabelConfigError(f"label_choice.{key}: unknown label kind(s) {bad}; choose from {LABEL_KINDS}")
    colours = {k: _colour(v, f"colours.{k}") for k, v in data["colours"].items()}
    zizo = data.get("zizo", {})
    genre = data.get("genre", {})
    genre_colours = {k.lower(): v for k, v in genre.get("colours", {}).items()}
    genre_styles = {
        term.lower(): Style(_colour(genre_colours.get(term.lower()), f"genre.colours.{term}"), picto)
        for term, picto in genre.get("pictograms", {}).items()
    }
    groups = tuple(
        AgeGroup(str(g["name"]), int(g["from"]), int(g["to"]), _colour(g["colour"], f"age_group {g['name']}"))
        for g in data.get("age_group", [])
    )
    diacritics = word.get("diacritics", "keep")
    if diacritics not in ("keep", "drop"):
        raise LabelConfigError(f"shelving_word.diacritics = {diacritics!r}; choose \"keep\" or \"drop\"")
    ev = data["etiketveld"]
    variants = {}
    for kind in ("zizo", "siso", "genre"):
        spec = ev.get(kind, {})
        if spec.get("enabled", False):
            subs = tuple((str(c), str(t)) for c, t in spec["subfields"])
            if any(len(c) != 1 for c, _ in subs):
                raise LabelConfigError(f"etiketveld.{kind}.subfields: subfield codes are one character")
            variants[kind] = subs
    return LabelRules(
        path=path,
        letters=int(word["letters"]),
        title_letters=int(word.get("title_letters", word["letters"])),
        articles=frozenset(a.lower() for a in word.get("articles", [])),
        diacritics=diacritics,
        choice=choice,
        kind_colours=colours,
        zizo_by_code={k.upper(): _style(v, f"zizo.by_code.{k}") for k, v in zizo.get("by_code", {}).items()},
        zizo_by_rubric={k.lower(): _style(v, f"zizo.by_rubric.{k}") for k, v in zizo.get("by_rubric", {}).items()},
        zizo_default=_style(zizo.get("default", {}), "zizo.default"),
        genre_styles=genre_styles,
        fiction=_style(data.get("fiction", {}), "fiction"),
        age_groups=groups,
        etiketveld_tag=str(ev.get("tag", "999")),
        zizo_letters=int(ev.get("zizo_letters", 2)),
        audience_letters=dict(ev.get("audience_letters", {"adult": "V", "youth": "J"})),
        etiketveld=variants,
    )
