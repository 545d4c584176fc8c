"""Reading a SKOS vocabulary (Turtle, or any RDF syntax rdflib recognises) into concepts.

Per ``skos:Concept``: the code is ``skos:notation`` (else the last segment of the URI), the label
``skos:prefLabel`` in Dutch (else without language, else any), the parent ``skos:broader``
(as the broader concept's code). ``owl:deprecated true`` marks a retired concept, and
``dcterms:isReplacedBy`` names its successor. For ZIZO, the subsystem comes from the concept
scheme (``skos:inScheme``) or a top concept whose label names a subsystem ("ZIZO Jeugd", ...).

rdflib is imported here only, when a trainer loads a SKOS file.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from catalog_desktop.vocab.concepts import Concept
from catalog_desktop.vocab.tsv import LoadProblem, VocabularyError
from catalog_desktop.vocab.zizo import exact_subsystem_name

_SUFFIX_FORMATS = {".ttl": "turtle", ".nt": "nt", ".rdf": "xml", ".xml": "xml", ".jsonld": "json-ld", ".n3": "n3"}


def read_skos(path: Path, scheme: str | None, text: str | None = None) -> tuple[str, list[Concept], list[LoadProblem]]:
    """Read one SKOS file (or ``text`` named ``path``); returns (scheme, concepts, problems)."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, OWL, RDF, SKOS

    graph = Graph()
    rdf_format = _SUFFIX_FORMATS.get(path.suffix.lower(), "turtle")
    try:
        if text is None:
            graph.parse(path, format=rdf_format)
        else:
            graph.parse(data=text, format=rdf_format)
    except Exception as exc:  # rdflib raises parser-specific errors
        raise VocabularyError(f"{path}: not a readable SKOS/RDF file: {exc}") from None

    # What the file says about itself comes first, so a mismatch with the caller's scheme shows.
    scheme = _scheme_from_graph(graph, SKOS, RDF) or scheme or _scheme_from_name(path)
    if scheme is None:
        raise VocabularyError(
            f"{path}: cannot tell which scheme this list is for: name the file zizo*.ttl, siso*.ttl "
            "or genre*.ttl, label its skos:ConceptScheme, or give the scheme explicitly"
        )

    def label(node) -> str | None:
        labels = list(graph.objects(node, SKOS.prefLabel))
        for wanted in ("nl", None):
            for value in labels:
                if isinstance(value, Literal) and (value.language or None) == wanted:
                    return str(value)
        return str(labels[0]) if labels else None

    nodes = set(graph.subjects(RDF.type, SKOS.Concept)) | set(graph.subjects(SKOS.prefLabel, None))
    nodes -= set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    codes: dict = {}
    for node in nodes:
        notation = graph.value(node, SKOS.notation)
        codes[node] = str(notation).strip() if notation is not None else _local_name(node)

    subsystem_of_scheme = {s: exact_subsystem_name(label(s)) for s in graph.subjects(RDF.type, SKOS.ConceptScheme)}
    concepts, problems = [], []
    for node in sorted(nodes, key=str):
        code = codes[node]
        if not code:
            problems.append(LoadProblem(str(path), 0, f"concept {node} has no notation and no usable URI"))
            continue
        broader = graph.value(node, SKOS.broader)
        replaced = graph.value(node, DCTERMS.isReplacedBy)
        deprecated = graph.value(node, OWL.deprecated)
        concepts.append(Concept(
            code, label(node),
            parent=codes.get(broader) if broader is not None else None,
            subsystem=_subsystem(graph, node, SKOS, label, subsystem_of_scheme),
            status="official", source=f"{path} <{node}>" if isinstance(node, URIRef) else str(path),
            retired=deprecated is not None and str(deprecated).lower() in ("true", "1"),
            replaced_by=(codes.get(replaced) or _local_name(replaced)) if replaced is not None else None,
        ))
        if broader is not None and broader not in codes:
            problems.append(LoadProblem(str(path), 0, f"{code}: skos:broader {broader} is not a concept in the file"))
    return scheme, concepts, problems


def _subsystem(graph, node, SKOS, label, subsystem_of_scheme) -> str | None:
    for in_scheme in graph.objects(node, SKOS.inScheme):
        if subsystem_of_scheme.get(in_scheme):
            return subsystem_of_scheme[in_scheme]
    seen = set()
    while node is not None and node not in seen:  # walk up to the top concept
        seen.add(node)
        broader = graph.value(node, SKOS.broader)
        if broader is None:
            return exact_subsystem_name(label(node))  # a top concept named after a subsystem
        node = broader
    return None


def _scheme_from_graph(graph, SKOS, RDF) -> str | None:
    for node in graph.subjects(RDF.type, SKOS.ConceptScheme):
        text = " ".join([str(node), *map(str, graph.objects(node, SKOS.prefLabel))]).lower()
        for name in ("zizo", "siso", "genre"):
            if name in text:
                return name
    return None


def _scheme_from_name(path: Path) -> str | None:
    name = path.name.lower()
    return next((s for s in ("zizo", "siso", "genre") if s in name), None)


def _local_name(node) -> str:
    return unquote(re.split(r"[/#]", str(node).rstrip("/"))[-1])
