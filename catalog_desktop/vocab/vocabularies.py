"""Loading the three schemes: the shipped defaults, then a trainer's official lists over them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Union

from catalog_desktop.vocab import messages, siso
from catalog_desktop.vocab.concepts import RUBRIC, Concept, Validation
from catalog_desktop.vocab.scheme import SCHEMES, Scheme
from catalog_desktop.vocab.skos import read_skos
from catalog_desktop.vocab.tsv import LoadProblem, VocabularyError, read_tsv

# The shipped defaults, in resources/vocab/ (see its README: PARTIAL lists, with sources).
DEFAULT_FILES = {"zizo": "zizo.tsv", "siso": "siso.tsv", "genre": "genres.tsv"}
_TSV_SUFFIXES = (".tsv", ".txt", ".tab")



@dataclass(frozen=True)
class VocabularyList:
    """An official list kept as text, e.g. stored with the catalogue so that it travels with it
    (a team catalogue on a server, a copy on another machine) instead of pointing at a file."""

    name: str  # the file name it came from; its suffix gives the format (.tsv, .ttl, ...)
    scheme: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @classmethod
    def from_file(cls, path: str | Path, scheme: str | None = None) -> "VocabularyList":
        """Read a list file and check it can be used (raises :class:`VocabularyError`)."""
        path = Path(path)
        if not path.is_file():
            raise VocabularyError(f"{path}: no such vocabulary file")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise VocabularyError(f"{path}: cannot read the vocabulary: {exc}") from None
        found, _, _ = read_vocabulary_file(path, scheme, text)
        return cls(path.name, found, text)

    def as_setting(self) -> dict:
        return {"name": self.name, "scheme": self.scheme, "sha256": self.sha256, "text": self.text}

    @classmethod
    def from_setting(cls, value: dict) -> "VocabularyList":
        try:
            return cls(str(value["name"]), str(value["scheme"]), str(value["text"]))
        except (KeyError, TypeError):
            raise VocabularyError(f"a stored vocabulary list is incomplete: {str(value)[:80]}") from None


ExtraList = Union[str, Path, tuple[str, Union[str, Path]], VocabularyList]


class Vocabularies:
    """ZIZO, SISO and genres together, with what was loaded and the problems found on the way."""

    def __init__(self, schemes: dict[str, Scheme], problems: Iterable[LoadProblem] = (),
                 extra_sources: Iterable[str] = ()):
        missing = [name for name in SCHEMES if name not in schemes]
        if missing:
            raise ValueError(f"missing schemes: {', '.join(missing)}")
        self.schemes = schemes
        self.problems: list[LoadProblem] = list(problems)
        self.extra_sources: list[str] = list(extra_sources)  # official lists loaded over the defaults

    @property
    def zizo(self) -> Scheme:
        return self.schemes["zizo"]

    @property
    def siso(self) -> Scheme:
        return self.schemes["siso"]

    @property
    def genre(self) -> Scheme:
        return self.schemes["genre"]

    def scheme(self, name: str) -> Scheme:
        try:
            return self.schemes[name]
        except KeyError:
            raise KeyError(f"unknown scheme {name!r}: expected one of {', '.join(SCHEMES)}") from None

    def validate(self, scheme: str, code: str, **context) -> Validation:
        return self.scheme(scheme).validate(code, **context)

    def observe_codes(self, codes, *, audience=None, source: str = "") -> list[Concept]:
        """Observe a record's codes (objects with ``scheme``, ``code`` and optionally ``label`` and
        ``path``, e.g. the catalogue's ``CodeRef``); codes of other schemes are passed over."""
        seen = []
        for code in codes:
            if code.scheme in self.schemes:
                seen.append(self.schemes[code.scheme].observe(
                    code.code, source, label=getattr(code, "label", None), path=getattr(code, "path", ()),
                    audience=audience))
        return seen

    @property
    def hash(self) -> str:
        """sha256 over every scheme's hash: what a model bundle records as its vocabulary."""
        text = "\n".join(f"{name}:{self.schemes[name].hash}" for name in SCHEMES)
        return hashlib.sha256(text.encode("ascii")).hexdigest()

    def hashes(self) -> dict[str, str]:
        return {name: self.schemes[name].hash for name in SCHEMES} | {"all": self.hash}

    def coverage_note(self, lang: str = "nl") -> str:
        """The notice to show wherever codes are shown: the lists are partial (Dutch or English)."""
        counts = {name: sum(c.kind != RUBRIC for c in self.schemes[name]) for name in SCHEMES}
        return messages.coverage_note(counts, self.extra_sources, lang)

    def __repr__(self) -> str:
        return f"<Vocabularies {', '.join(repr(self.schemes[n]) for n in SCHEMES)}>"


def default_vocab_dir() -> Path:
    from catalog_desktop.resources import resources_dir

    return resources_dir() / "vocab"


def load_vocabularies(extra: Iterable[ExtraList] | None = None, *, defaults: bool = True,
                      vocab_dir: Path | None = None) -> Vocabularies:
    """The shipped defaults, then each extra list merged over them (later lists win).

    ``extra`` items are paths (TSV or SKOS; the scheme is read from the file name, the TSV
    layout or the SKOS concept scheme), ``(scheme, path)`` pairs, or :class:`VocabularyList`
    (a list kept as text, e.g. stored with the catalogue). A concept an extra list
    gives replaces the default of the same code field by field (empty fields keep the
    default's value) and records the list as its source. Raises :class:`VocabularyError` for
    a file that cannot be used at all; row-level problems are in ``vocabs.problems``.
    """
    schemes = {name: Scheme(name) for name in SCHEMES}
    problems: list[LoadProblem] = []
    if defaults:
        folder = vocab_dir or default_vocab_dir()
        for name, filename in DEFAULT_FILES.items():
            path = folder / filename
            if not path.is_file():
                raise VocabularyError(f"{path}: the default {name} list is missing from the resources")
            _load_into(schemes, path, name, problems, merge=False)
    extra_sources = []
    for item in extra or ():
        text = None
        if isinstance(item, VocabularyList):
            scheme, path, text = item.scheme, Path(item.name), item.text
        elif isinstance(item, tuple):
            scheme, path = item[0], Path(item[1])
        else:
            scheme, path = None, Path(item)
        if scheme is not None and scheme not in SCHEMES:
            raise VocabularyError(f"{path}: unknown scheme {scheme!r}: expected one of {', '.join(SCHEMES)}")
        _load_into(schemes, path, scheme, problems, merge=True, text=text)
        extra_sources.append(str(path))
    if extra_sources:
        schemes["zizo"].resolve_rubrics()
        schemes["zizo"].fill_paths()
    return Vocabularies(schemes, problems, extra_sources)


def read_vocabulary_file(path: Path, scheme: str | None = None, text: str | None = None,
                         ) -> tuple[str, list[Concept], list[LoadProblem]]:
    """Read one list (TSV or SKOS) without merging it: (scheme, concepts, problems). With
    ``text``, that is the list's content and ``path`` only its name (its suffix gives the format)."""
    path = Path(path)
    if text is None and not path.is_file():
        raise VocabularyError(f"{path}: no such vocabulary file")
    scheme = scheme or _scheme_from_name(path)
    if path.suffix.lower() == ".csv":
        raise VocabularyError(f"{path}: comma-separated files are not read; save the list as TSV (tab-separated)")
    if path.suffix.lower() in _TSV_SUFFIXES:
        found, concepts, problems = read_tsv(path, scheme, text)
    else:
        found, concepts, problems = read_skos(path, scheme, text)
    if scheme is not None and found != scheme:
        raise VocabularyError(f"{path}: the file holds a {found} list, not {scheme}")
    if found == "siso":  # an Annif or SKOS list can carry codes that are not SISO at all
        good = []
        for concept in concepts:
            if siso.parse(concept.code) is None:
                problems.append(LoadProblem(str(path), 0, f"{concept.code!r} is not a SISO code; left out"))
            else:
                good.append(concept)
        concepts = good
    return found, concepts, problems


def _load_into(schemes: dict[str, Scheme], path: Path, scheme: str | None, problems: list, merge: bool,
               text: str | None = None) -> None:
    found, concepts, found_problems = read_vocabulary_file(path, scheme, text)
    problems.extend(found_problems)
    target = schemes[found]
    for concept in concepts:
        if merge and not concept.source.startswith(str(path)):
            concept = _with_source(concept, path)
        target.add(concept, merge=merge)
    target.sources.append(str(path))


def _with_source(concept: Concept, path: Path) -> Concept:
    from dataclasses import replace

    return replace(concept, source=f"{path} ({concept.source})" if concept.source else str(path))


def _scheme_from_name(path: Path) -> str | None:
    name = path.name.lower()
    return next((s for s in SCHEMES if s in name), None)
