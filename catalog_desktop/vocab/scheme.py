"""One scheme (ZIZO, SISO or genres): lookup, hierarchy, validation, observed codes, content hash."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import replace
from typing import Iterable, Iterator

from catalog_desktop.vocab import messages, siso
from catalog_desktop.vocab.concepts import (
    EMPTY, KNOWN, MALFORMED, OBSERVED, OBSERVED_STATUS, RETIRED, RUBRIC, RUBRIC_ONLY, UNKNOWN,
    UNVERIFIED, WRONG_AUDIENCE, WRONG_SUBSYSTEM, Concept, Validation,
)
from catalog_desktop.vocab.zizo import exact_subsystem_name, genre_audience_for, rubric_key, rubric_key_parent, zizo_subsystem_for_age

SCHEMES = ("zizo", "siso", "genre")

# The fields that make up a vocabulary's content for its hash. Provenance (status, source,
# note) is left out: the same official list loaded from another folder gives the same hash.
_HASHED_FIELDS = ("code", "label", "parent", "subsystem", "colour", "pictogram", "retired",
                  "etiketgenre", "form_genre", "audience", "kind", "replaced_by", "path")


def normalise_code(scheme: str, code: str) -> str:
    """The display form of a code: SISO spacing tidied, ZIZO letter codes upper case."""
    text = " ".join(str(code).replace("\u2019", "'").split())
    if scheme == "siso":
        return siso.normalise(text)
    if scheme == "zizo" and text.isalpha() and text.isascii():
        return text.upper()
    return text


def code_key(scheme: str, code: str) -> str:
    """The lookup key: case and apostrophe variants (’ and ') find the same concept."""
    return normalise_code(scheme, code).casefold()


class Scheme:
    """The concepts of one scheme, looked up by code whatever their case or spacing."""

    def __init__(self, name: str, concepts: Iterable[Concept] = (), sources: Iterable[str] = ()):
        if name not in SCHEMES:
            raise ValueError(f"unknown scheme {name!r}: expected one of {', '.join(SCHEMES)}")
        self.name = name
        self.sources: list[str] = list(sources)  # files loaded into this scheme, defaults first
        self._concepts: dict[str, Concept] = {}
        self._observed: dict[str, Concept] = {}
        self._observed_counts: Counter[str] = Counter()
        self._observed_subsystems: dict[str, Counter[str]] = {}
        self._hash: str | None = None
        for concept in concepts:
            self.add(concept)

    # -- building ---------------------------------------------------------------------------
    def add(self, concept: Concept, *, merge: bool = False) -> Concept:
        """Add a concept. An existing one is replaced, or with ``merge`` completed field by field.

        Merging keeps the old value of every field the new concept leaves empty, so an official
        list without colours does not wipe colours a configured default gave.
        """
        code = normalise_code(self.name, concept.code)
        if code != concept.code:
            concept = replace(concept, code=code)
        key = code.casefold()
        old = self._concepts.get(key)
        if merge and old is not None:
            concept = _completed(concept, old)
        self._concepts[key] = concept
        self._observed.pop(key, None)
        self._hash = None
        return concept

    def resolve_rubrics(self) -> dict[str, str]:
        """Replace rubric nodes by the real codes an official list gives for the same rubric.

        A rubric node (``"ZIZO Jeugd > Mens"``) stands in for a rubric whose code was not known.
        Once a loaded list has a code in the same subsystem with the same rubric path (its own
        ``path``, or its labels up the parent chain), the node goes and whatever hung under it
        hangs under that code. Returns {node id: code}.
        """
        if self.name != "zizo":
            return {}
        by_path = {}
        for concept in self._concepts.values():
            if concept.kind != RUBRIC and concept.subsystem and (path := self._label_path(concept)):
                by_path.setdefault((concept.subsystem, _path_key(path)), concept.code)
        resolved = {}
        for key, node in list(self._concepts.items()):
            if node.kind == RUBRIC and (code := by_path.get((node.subsystem, _path_key(node.path)))):
                resolved[node.code] = code
                del self._concepts[key]
        if resolved:
            for key, concept in list(self._concepts.items()):
                if concept.parent in resolved:
                    self._concepts[key] = replace(concept, parent=resolved[concept.parent])
            self._hash = None
        return resolved

    def fill_paths(self) -> int:
        """Give ZIZO concepts from a list without rubric columns (SKOS) their rubric path: the
        labels up the parent chain, a top concept named after the subsystem left out."""
        if self.name != "zizo":
            return 0
        filled = 0
        for key, concept in list(self._concepts.items()):
            if not concept.path and concept.subsystem and (path := self._label_path(concept)):
                if exact_subsystem_name(path[0]):
                    path = path[1:]
                if path:
                    self._concepts[key] = replace(concept, path=path)
                    filled += 1
        self._hash = None if filled else self._hash
        return filled

    def _label_path(self, concept: Concept) -> tuple[str, ...]:
        if concept.path:
            return concept.path
        names, seen = [], set()
        while concept is not None and concept.code not in seen:
            if not concept.label:
                return ()
            seen.add(concept.code)
            names.append(concept.label)
            concept = self._concepts.get(code_key(self.name, concept.parent)) if concept.parent else None
        return tuple(reversed(names))

    # -- lookup -----------------------------------------------------------------------------
    def get(self, code: str) -> Concept | None:
        """The concept, an observed code (``kind == "observed"``), or ``None``."""
        key = code_key(self.name, code)
        return self._concepts.get(key) or self._observed.get(key)

    def label(self, code: str) -> str | None:
        concept = self.get(code)
        if concept is None and self.name == "zizo" and rubric_key_parent(code + " > x"):
            return code.split(" > ")[-1]  # a rubric id seen only in data: its last name
        return concept.label if concept else None

    def __contains__(self, code: str) -> bool:
        return code_key(self.name, code) in self._concepts

    def __iter__(self) -> Iterator[Concept]:
        return iter(sorted(self._concepts.values(), key=lambda c: c.code.casefold()))

    def __len__(self) -> int:
        return len(self._concepts)

    def codes(self, *, assignable_only: bool = False, subsystem: str | None = None) -> list[str]:
        """The listed codes (not observed ones); optionally only assignable ones, or one ZIZO subsystem."""
        return [c.code for c in self
                if (c.assignable or not assignable_only) and (subsystem is None or c.subsystem == subsystem)]

    def labels(self) -> dict[str, str]:
        """code -> Dutch label for every listed or observed concept that has one (e.g. for training)."""
        concepts = [*self._observed.values(), *self._concepts.values()]
        return {c.code: c.label for c in concepts if c.label}

    def children(self, code: str) -> list[Concept]:
        key = code_key(self.name, code)
        return [c for c in self if c.parent and code_key(self.name, c.parent) == key]

    def parents(self, code: str) -> list[str]:
        """The broader codes, nearest first. SISO: the prefixes; ZIZO: the rubric path; genres: []."""
        if self.name == "siso":
            return siso.parents(code)
        out: list[str] = []
        concept = self.get(code)
        parent = concept.parent if concept else None
        while parent and parent not in out and len(out) < 20:
            out.append(parent)
            above = self.get(parent)
            # A rubric id that is not in the list still names the rubrics above it.
            parent = above.parent if above else rubric_key_parent(parent) if self.name == "zizo" else None
        return out

    # -- codes seen in data -----------------------------------------------------------------
    def observe(self, code: str, source: str = "", *, label: str | None = None, path=(),
                audience=None) -> Concept:
        """Record that ``code`` occurs in the data. A code not in the list is kept and flagged.

        Returns the list's concept, or the observed one (``kind == "observed"``) and counts how
        often each unlisted code was seen. What the record itself says may come along: the
        label it carries (a ZIZO rubric leaf, the genre term), the ZIZO rubric ``path`` ($a > $x
        > $y > $z) and the record's ``audience``; an observed ZIZO code gets a subsystem only
        when every record that carried it points to the same one. Nothing is made up.
        """
        text = normalise_code(self.name, code)
        key = code_key(self.name, text)
        if known := self._concepts.get(key):
            return known
        self._observed_counts[key] += 1
        subsystems = self._observed_subsystems.setdefault(key, Counter())
        if self.name == "zizo" and (subsystem := zizo_subsystem_for_age(audience)):
            subsystems[subsystem] += 1
        old = self._observed.get(key)
        path = (old.path if old and old.path else tuple(n for n in path if n))
        subsystem = next(iter(subsystems)) if len(subsystems) == 1 else None
        if self.name == "siso":
            parent = (siso.parents(text) or [None])[0]
        elif self.name == "zizo" and subsystem and len(path) > 1:
            parent = rubric_key(subsystem, path[:-1])
        else:
            parent = None
        label = (old.label if old else None) or label or (path[-1] if path else None)
        if self.name == "genre":
            label = label or text  # a genre code is its term
        concept = Concept(
            code=old.code if old else text, label=label, parent=parent, subsystem=subsystem, path=path,
            status="observed in data, not in the list", source=(old.source if old else "") or source or "data",
            kind=OBSERVED,
        )
        if concept != old:
            self._observed[key] = concept
        return self._observed[key]

    def observed(self) -> dict[str, int]:
        """Codes seen in the data but not in the list, with how often they were seen."""
        return {self._observed[key].code: n for key, n in self._observed_counts.most_common()}

    # -- checking ---------------------------------------------------------------------------
    def validate(self, code: str | None, *, audience=None, subsystem: str | None = None) -> Validation:
        """Check a code. ``audience`` (e.g. "Vanaf 6-8 jaar", "volwassenen") or ``subsystem`` checks
        the ZIZO subsystem; for genres ``audience`` checks a confirmed genre's youth/adult list."""
        text = normalise_code(self.name, code or "")
        if not text:
            return self._result(text, EMPTY, messages.empty(self.name))
        if self.name == "siso" and siso.parse(text) is None:
            return self._result(text, MALFORMED, messages.malformed_siso(text), self.get(text))
        concept = self._concepts.get(code_key(self.name, text))
        if concept is None:
            count = self._observed_counts.get(code_key(self.name, text), 0)
            if count:
                return self._result(text, OBSERVED_STATUS, messages.observed(self.name, text, count), self.get(text))
            return self._result(text, UNKNOWN, messages.unknown(self.name, text))
        if concept.retired:
            return self._result(text, RETIRED, messages.retired(self.name, text, concept), concept)
        if concept.kind == RUBRIC:
            return self._result(text, RUBRIC_ONLY, messages.rubric_only(self.name, text, concept), concept)
        expected = subsystem or zizo_subsystem_for_age(audience)
        if self.name == "zizo" and expected and concept.subsystem and concept.subsystem != expected:
            text_nl_en = messages.wrong_subsystem(self.name, text, concept, expected, audience or subsystem)
            return self._result(text, WRONG_SUBSYSTEM, text_nl_en, concept, expected)
        wanted = genre_audience_for(audience) if self.name == "genre" and concept.confirmed else None
        if wanted and concept.audience and wanted not in concept.audience.split("+"):
            texts = messages.wrong_audience(self.name, text, concept, wanted, audience)
            return self._result(text, WRONG_AUDIENCE, texts, concept)
        if not concept.confirmed:
            return self._result(text, UNVERIFIED, messages.unverified(self.name, text, concept), concept)
        return self._result(text, KNOWN, messages.known(self.name, text, concept), concept)

    def _result(self, code, status, texts, concept=None, expected=None) -> Validation:
        return Validation(self.name, code, status, texts[0], texts[1], concept, expected)

    # -- identity ---------------------------------------------------------------------------
    @property
    def hash(self) -> str:
        """sha256 of the content: changes when a concept changes, not when a file is reordered."""
        if self._hash is None:
            rows = sorted(
                [_hashable(concept) for concept in self._concepts.values()], key=lambda row: row[0].casefold()
            )
            payload = json.dumps([self.name, rows], ensure_ascii=False, separators=(",", ":"))
            self._hash = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        return self._hash

    def __repr__(self) -> str:
        return f"<Scheme {self.name}: {len(self)} concepts, {len(self._observed)} observed>"


def _path_key(path) -> tuple[str, ...]:
    return tuple(" ".join(name.split()).casefold() for name in path)


def _hashable(concept: Concept) -> list:
    values = [getattr(concept, name) for name in _HASHED_FIELDS]
    return [list(v) if isinstance(v, tuple) else v for v in values]


def _completed(new: Concept, old: Concept) -> Concept:
    """``new`` with every empty field taken from ``old`` (provenance joined, not lost)."""
    changes = {}
    for name in ("label", "parent", "subsystem", "colour", "pictogram", "audience", "replaced_by", "note"):
        if getattr(new, name) in (None, "") and getattr(old, name) not in (None, ""):
            changes[name] = getattr(old, name)
    if new.etiketgenre is None and old.etiketgenre is not None:
        changes["etiketgenre"] = old.etiketgenre
    if not new.path and old.path:
        changes["path"] = old.path
    return replace(new, **changes)
