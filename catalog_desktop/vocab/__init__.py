"""The subject schemes: ZIZO, SISO and genres — lookup, hierarchy, Dutch labels, validation.

The public lists are PARTIAL: the shipped defaults (``resources/vocab/*.tsv``) hold only what
public sources confirm, each entry with its source and status. A trainer loads the official
lists (TSV or SKOS Turtle) over them; codes found in data but in no list are kept and flagged
(:meth:`Scheme.observe`), never dropped and never given an invented label.

API (the seams of issue 4; see ``/work/SUGGEST_CONTRACT.md``)::

    from catalog_desktop.vocab import load_vocabularies, zizo_subsystem_for_age
    vocabs = load_vocabularies()                       # the shipped defaults
    vocabs = load_vocabularies(extra=[path, ("siso", path), ...])   # official lists merged over them
    VocabularyList.from_file(path) -> a list kept as text (.as_setting() / .from_setting(dict)),
                                       also accepted in ``extra``; ``catalog vocab use`` stores them
                                       in the catalogue, and ``catalogue.vocabularies()`` loads them
    vocabs.zizo, vocabs.siso, vocabs.genre             # Scheme objects; vocabs.scheme("zizo")
    vocabs.hash, vocabs.hashes()                       # sha256 over all schemes / per scheme
    vocabs.coverage_note("nl" | "en")                  # the "lists are partial" notice to show
    vocabs.problems                                    # rows of loaded files that could not be used
    vocabs.validate("zizo", code, audience=...)        # = vocabs.zizo.validate(...)
    vocabs.observe_codes(record_codes, audience=..., source=...)   # CodeRef-like objects of one record

    scheme.name                                        # "zizo" | "siso" | "genre"
    scheme.get(code) -> Concept | None                 # case/spacing-insensitive; observed codes too
    scheme.label(code) -> str | None                   # Dutch label; None when no source gives one
    scheme.parents(code) -> list[str]                  # nearest first. SISO: prefixes
                                                       # (788.41 -> 788.4, 788, 78, 7; 366-367 -> 36, 3);
                                                       # ZIZO: the rubric path; genres: []
    scheme.children(code), iter(scheme), len(scheme), code in scheme   # listed concepts only
    scheme.codes(assignable_only=False, subsystem=None) -> list[str]
    scheme.labels() -> {code: label}                   # listed and observed concepts that have a label
    scheme.validate(code, audience=None, subsystem=None) -> Validation
        .ok .status .message (Dutch) .message_en .concept .expected_subsystem
        status: "known" | "unverified" (weak source) | "observed" (not listed, seen in data)   -> ok
                "unknown" | "retired" | "wrong_subsystem" (ZIZO) | "wrong_audience" (confirmed genre
                of the other list, jge/vge) | "malformed" (SISO) | "rubric" | "empty"         -> not ok
    scheme.observe(code, source="", label=None, path=(), audience=None) -> Concept
                                                       # a code seen in data: kept, flagged, counted;
                                                       # label/path/subsystem only as the records give them
    scheme.observed() -> {code: times seen}
    scheme.hash                                        # sha256 of the content (order-independent)

    Concept(code, label, parent, subsystem, colour, pictogram, status, source, retired,
            etiketgenre, form_genre, audience, kind, replaced_by, path, note)
        .confirmed .observed .assignable .as_dict()
    zizo_subsystem_for_age("Vanaf 6-8 jaar" | "j_age_6-8" | "volwassenen" | 7 | ...)
        -> "Kleuter ZIZO" | "ZIZO Jeugd" | "ZIZO Volwassenen" | None
    genre_audience_for(audience) -> "jeugd" | "volwassenen" | None   # which genre list (jge/vge)

    from catalog_desktop.vocab.audit import audit_codes   # a catalogue's codes against the lists
    audit_codes(vocabs, [(record, audience, codes), ...], total=, progress=, cancel=) -> AuditReport

ZIZO rubrics: a code sits in a rubric path (level1 > level2 > level3, ``Concept.path``). Where
the rubric above a code has no publicly known code of its own, it is a node with
``kind == "rubric"`` and the id ``"<subsystem> > <level1> > ..."`` (e.g. ``"ZIZO Jeugd > Mens"``):
``parents("MEGEV") == ["ZIZO Jeugd > Mens"]``. Such a node is for hierarchy and display only;
``validate`` says it cannot be assigned. When an official list gives a code for the same rubric
(same subsystem, same names), the node is replaced by that code (``Scheme.resolve_rubrics``). Colours and pictograms are ``None`` unless a loaded list
gives them.

The content hash covers code, label, parent, subsystem, colour, pictogram, retired, etiketgenre,
form_genre, audience, kind, replaced_by and path; not status/source/note (provenance), not the
order of a file, and not observed codes.
"""

from catalog_desktop.vocab.concepts import Concept, Validation
from catalog_desktop.vocab.scheme import SCHEMES, Scheme, code_key, normalise_code
from catalog_desktop.vocab.tsv import LoadProblem, VocabularyError
from catalog_desktop.vocab.vocabularies import (
    VocabularyList, Vocabularies, load_vocabularies, read_vocabulary_file,
)
from catalog_desktop.vocab.zizo import (
    JEUGD, KLEUTER, SUBSYSTEMS, VOLWASSENEN, genre_audience_for, zizo_subsystem_for_age,
)

__all__ = [
    "Concept", "Validation", "Scheme", "SCHEMES", "Vocabularies", "load_vocabularies",
    "read_vocabulary_file", "VocabularyList", "LoadProblem", "VocabularyError", "zizo_subsystem_for_age",
    "genre_audience_for", "SUBSYSTEMS", "KLEUTER", "JEUGD", "VOLWASSENEN", "code_key", "normalise_code",
]
