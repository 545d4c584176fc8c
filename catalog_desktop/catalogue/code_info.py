"""What the entity view says about a record's codes, from the vocabularies.

ZIZO: the rubric name and path and its colour when the list has one; SISO: the hierarchy
(broader codes with their captions); genres: whether it is an etiketgenre (a genre with a
spine-label pictogram). The lists are partial: a code they lack says so, it is not an error.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CodeInfo", "code_info"]


@dataclass(frozen=True, slots=True)
class CodeInfo:
    scheme: str
    code: str
    label: str | None
    path: tuple[str, ...]  # ZIZO rubric path; SISO: "code caption" of each broader class, top first
    colour: str | None  # ZIZO rubric colour when the list knows it
    etiketgenre: bool | None  # genres: has a spine-label pictogram (None: not known)
    in_list: bool  # False: not in the (partial) list shipped or loaded
    source: str  # where the record's code came from: cataloged, accepted, suggested
    tag: str


def code_info(codes, vocabularies) -> list[CodeInfo]:
    """``codes``: CodeRefs (derived from a record, or stored with their source)."""
    out = []
    for c in codes:
        if c.scheme not in ("zizo", "siso", "genre"):
            continue
        try:
            scheme = vocabularies.scheme(c.scheme)
        except (KeyError, LookupError, ValueError):
            scheme = None
        concept = scheme.get(c.code) if scheme is not None else None
        label = (concept.label if concept is not None else None) or c.label
        path: tuple[str, ...] = tuple(c.path)
        if c.scheme == "zizo" and concept is not None and concept.path:
            path = tuple(concept.path)
        if c.scheme == "siso" and scheme is not None:
            path = tuple(f"{p} {scheme.label(p) or ''}".strip() for p in reversed(scheme.parents(c.code)))
        out.append(CodeInfo(
            c.scheme, c.code, label, path,
            concept.colour if concept is not None else None,
            concept.etiketgenre if concept is not None and c.scheme == "genre" else None,
            concept is not None, getattr(c, "source", "cataloged") or "cataloged", c.tag,
        ))
    return out
