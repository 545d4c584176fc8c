"""Field profiles: which MARC tag carries which meaning, as data a trainer can change.

A profile is a TOML file (``resources/marc/profiles/<name>.toml`` or any path) with a
``[profile]`` table and one table per meaning (``[title]``, ``[codes.zizo]``, ...). Every
meaning says ``status = "confirmed" | "assumed"`` and a ``source``. ``extends = "<name>"``
inherits all meanings of another profile; a table in the child replaces the parent's table
of the same name as a whole (``enabled = false`` switches one off).

:func:`load_profile` validates the file (errors name the file, the table and the key) and
compiles it into a frozen :class:`FieldProfile`: tag lookups precomputed for
:func:`catalog_desktop.catalogue.derive.derive_entities`, which runs once per imported record.

``FieldProfile.hash`` is the sha256 of the resolved mapping, stored with every import and
model bundle to tell whether records must be re-derived. It covers every key that changes
what is derived, and deliberately not ``status``/``source``/``note`` (documentation) nor the
profile's name/description: correcting a source citation must not invalidate a model.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from catalog_desktop.marc import profile_schema as schema
from catalog_desktop.marc.profile_schema import ProfileError
from catalog_desktop.marc.profile_specs import (
    AgentSpec, CodeSpec, GenreSpec, ImprintSpec, ItemSpec, LiteraryTypeSpec, MaterialSpec, SeriesSpec, SliceSpec,
    SubjectSpec, TitleSpec, WorkTitleSpec, subfield_roles,
)
from catalog_desktop.resources import resources_dir

__all__ = ["FieldProfile", "ProfileError", "load_profile", "list_profiles", "profiles_dir", "profile_hash", "DEFAULT_PROFILE"]

DEFAULT_PROFILE = "openvlacc"
DOC_KEYS = ("status", "source", "note")


def profiles_dir() -> Path:
    return resources_dir() / "marc" / "profiles"


def list_profiles() -> list[str]:
    """Names of the built-in profiles (file stems), sorted."""
    return sorted(p.stem for p in profiles_dir().glob("*.toml"))


@dataclass(frozen=True)
class FieldProfile:
    name: str
    description: str
    path: Path
    chain: tuple[Path, ...]  # this file, then the files it extends
    hash: str
    entries: Mapping[str, Mapping[str, Any]]  # resolved tables, as in the TOML
    control_tag: str | None
    isbn: tuple[str, str, str | None] | None  # tag, code, invalid_code
    title: TitleSpec | None
    work_titles: tuple[WorkTitleSpec, ...]  # in order of preference, before the 245
    agents: Mapping[str, AgentSpec]
    relator_codes: Mapping[str, str]
    relator_terms: Mapping[str, str]
    edition: tuple[str, str] | None
    imprints: tuple[ImprintSpec, ...]  # in order of preference
    date_fallback: SliceSpec | None
    series: tuple[SeriesSpec, ...]
    summary: tuple[str, str] | None
    language: SliceSpec | None
    language_codes: tuple[str, str] | None
    literary_type: LiteraryTypeSpec | None
    material: MaterialSpec | None
    codes: Mapping[str, tuple[CodeSpec, ...]]  # by tag
    genres: Mapping[str, GenreSpec]  # by tag
    subjects: Mapping[str, SubjectSpec]  # by tag
    topic_tags: tuple[str, ...]  # genre and subject tags, sorted
    items: ItemSpec | None
    label_tag: str | None
    wanted_tags: frozenset[str]  # every tag derive_entities reads

    def status_of(self, entry: str) -> str:
        return self.entries[entry]["status"]

    def assumed_entries(self) -> list[str]:
        return [k for k, v in self.entries.items() if v["status"] == "assumed"]


def load_profile(name_or_path: str | Path | None = DEFAULT_PROFILE) -> FieldProfile:
    """A built-in profile by name (``"openvlacc"``), or a profile file by path; None = the default."""
    path = _locate(DEFAULT_PROFILE if name_or_path is None or name_or_path == "" else name_or_path, base=None)
    entries, meta, chain = _resolve(path, seen=())
    return _compile(path, meta, entries, chain)


def _locate(ref: str | Path, base: Path | None) -> Path:
    """A name is looked up next to the extending file first, then among the built-ins."""
    text = str(ref)
    if isinstance(ref, Path) or text.endswith(".toml") or "/" in text or "\\" in text:
        path = Path(ref).expanduser()
        if base is not None and not path.is_absolute():
            path = base / path
        if not path.is_file():
            raise ProfileError(str(path), "", "", "profile file not found")
        return path.resolve()
    candidates = ([base / f"{text}.toml"] if base is not None else []) + [profiles_dir() / f"{text}.toml"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate.resolve()
    known = ", ".join(list_profiles()) or "none"
    raise ProfileError(str(candidates[-1]), "", "", f"no profile named {text!r} (built-in: {known})")


def _resolve(path: Path, seen: tuple[Path, ...]) -> tuple[dict[str, dict], dict, tuple[Path, ...]]:
    if path in seen:
        raise ProfileError(str(path), "profile", "extends", "circular: " + " -> ".join(p.name for p in (*seen, path)))
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(str(path), "", "", f"not valid TOML: {exc}") from None
    meta, entries = schema.validate_document(str(path), data)
    if "extends" not in meta:
        return entries, meta, (path,)
    try:
        parent_path = _locate(meta["extends"], base=path.parent)
    except ProfileError as exc:  # report it against the file that says `extends`
        raise ProfileError(str(path), "profile", "extends", exc.problem) from None
    parent_entries, _, parent_chain = _resolve(parent_path, (*seen, path))
    merged = {**parent_entries, **entries}  # a child table replaces the parent's table whole
    return merged, meta, (path, *parent_chain)


def profile_hash(entries: Mapping[str, Mapping[str, Any]]) -> str:
    content = {
        name: {k: v for k, v in table.items() if k not in DOC_KEYS} for name, table in entries.items()
    }
    blob = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _lower_keys(table: Mapping[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in table.items()}  # derive_entities looks up lower-cased $4/$e


def _compile(path: Path, meta: dict, all_entries: dict[str, dict], chain: tuple[Path, ...]) -> FieldProfile:
    schema.check_resolved(str(path), all_entries)
    e = {k: v for k, v in all_entries.items() if v.get("enabled", True)}
    # Compiled maps are plain dicts, read-only by convention (see profile_specs); only
    # `entries`, the tables as written, is a real read-only view.

    def get(name: str) -> dict | None:
        return e.get(name)

    title = None
    if t := get("title"):
        title = TitleSpec(t["tag"], frozenset(t["title_codes"]), t.get("subtitle_code"), t.get("responsibility_code"),
                          t.get("medium_code"), t.get("nonfiling_indicator", 0))
    work_titles: list[WorkTitleSpec] = []
    for name in ("uniform_title", "original_title"):
        if (t := get(name)) and t.get("use_for_work", True):
            articles = tuple(a.lower() for a in t.get("leading_articles", ()))
            ignore = tuple(a.lower() for a in t.get("ignore_prefixes", ()))
            for f in t["fields"]:
                work_titles.append(WorkTitleSpec(f["tag"], frozenset(f["codes"]), f.get("nonfiling_indicator", 0), articles, ignore))

    agents: dict[str, AgentSpec] = {}
    for name, main in (("main_agent", True), ("other_agents", False)):
        if t := get(name):
            for tag in t["tags"]:
                agents[tag] = AgentSpec(main, frozenset(t["name_codes"]), t.get("relator_code"),
                                        t.get("relator_term_codes", {}).get(tag), t["default_roles"].get(tag, "contributor"))
    relators = get("relators") or {}

    imprints = tuple(ImprintSpec(t["tag"], t.get("indicator2"), t["publisher_code"], t["date_code"])
                     for t in (get("imprint_rda"), get("imprint")) if t)
    series = tuple(SeriesSpec(f["tag"], frozenset(f["codes"]), f.get("volume_code"))
                   for t in (get("series"), get("series_added")) if t for f in t["fields"])

    literary = None
    if t := get("literary_type"):
        values = {**(get("literary_type_marc21") or {}).get("values", {}), **t["values"]}
        literary = LiteraryTypeSpec(t["tag"], t["position"], t["record_types"],
                                    dict({k: (None if v == "unknown" else v) for k, v in values.items()}))
    material = None
    if t := get("material"):
        material = MaterialSpec(dict(t["record_types"]), t.get("serial_levels", ""), t.get("serial", "serial"),
                                t.get("game_tag"), t.get("game_position", 26), t.get("game_values", ""), t.get("game", "game"))

    codes: dict[str, list[CodeSpec]] = {}
    for name, t in e.items():
        if name.startswith("codes."):
            for f in t["fields"]:
                codes.setdefault(f["tag"], []).append(CodeSpec(
                    name[6:], f["tag"], f["code"], f.get("label_code"), frozenset(f.get("path_codes", ())),
                    f.get("scheme_code"), tuple(s.casefold() for s in f.get("accept_schemes", ()))))

    genres: dict[str, GenreSpec] = {}
    subjects: dict[str, SubjectSpec] = {}
    for name in schema.GENRE_ENTRIES:
        if t := get(name):
            markers = dict(t["markers"])
            for tag in t.get("tags", ()):
                genres[tag] = GenreSpec(None, t.get("marker_code"), frozenset(t["term_codes"]), markers)
            for tag, marker in t.get("fixed_tags", {}).items():
                genres[tag] = GenreSpec(marker, None, frozenset(t["term_codes"]), markers)
    for name in schema.SUBJECT_ENTRIES:
        if t := get(name):
            common = (dict(t.get("marker_kinds", {})), dict(t.get("marker_audiences", {})))
            codesets = (frozenset(t["heading_codes"]), frozenset(t.get("subdivision_codes", ())), tuple(t.get("source_codes", ())))
            codesets = (*codesets, subfield_roles(*codesets))
            for tag in t.get("tags", ()):
                subjects[tag] = SubjectSpec(None, t.get("marker_code"), *common, t.get("tag_kinds", {}).get(tag, "topical"), *codesets)
            for tag, marker in t.get("fixed_tags", {}).items():
                subjects[tag] = SubjectSpec(marker, None, *common, t["marker_kinds"].get(marker, "topical"), *codesets)

    items = None
    if t := get("items"):
        items = ItemSpec(t["tag"], t.get("library_code"), t.get("location_code"), tuple(t.get("call_number_codes", ())), t.get("barcode_code"))

    def pair(name: str) -> tuple[str, str] | None:
        t = get(name)
        return (t["tag"], t["code"]) if t else None

    def slice_(name: str) -> SliceSpec | None:
        t = get(name)
        return SliceSpec(t["tag"], t["start"], t["end"]) if t else None

    isbn = (t["tag"], t["code"], t.get("invalid_code")) if (t := get("isbn")) else None
    profile = dict(
        control_tag=(get("control_number") or {}).get("tag"), isbn=isbn, title=title, work_titles=tuple(work_titles),
        agents=dict(agents), relator_codes=_lower_keys(relators.get("codes", {})), relator_terms=_lower_keys(relators.get("terms", {})),
        edition=pair("edition"), imprints=imprints, date_fallback=slice_("date_fallback"), series=series,
        summary=pair("summary"), language=slice_("language"), language_codes=pair("language_codes"),
        literary_type=literary, material=material, codes=dict({k: tuple(v) for k, v in codes.items()}),
        genres=dict(genres), subjects=dict(subjects), topic_tags=tuple(sorted({*genres, *subjects})),
        items=items, label_tag=(get("labels") or {}).get("tag"),
    )
    wanted = {profile["control_tag"], isbn and isbn[0], title and title.tag, profile["label_tag"], items and items.tag}
    wanted |= {w.tag for w in work_titles} | set(agents) | {i.tag for i in imprints} | {s.tag for s in series}
    wanted |= set(codes) | set(genres) | set(subjects)
    for spec in (profile["edition"], profile["summary"], profile["language_codes"]):
        wanted.add(spec and spec[0])
    for spec in (profile["date_fallback"], profile["language"], literary):
        wanted.add(spec and spec.tag)
    wanted.add(material and material.game_tag)
    wanted.discard(None)
    return FieldProfile(
        name=meta["name"], description=meta.get("description", ""), path=path, chain=chain,
        hash=profile_hash(all_entries), entries=MappingProxyType({k: MappingProxyType(v) for k, v in all_entries.items()}),
        wanted_tags=frozenset(wanted), **profile,
    )
