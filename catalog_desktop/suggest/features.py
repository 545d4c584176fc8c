"""From a stored record to the :class:`Document` the engine sees: THE one place that does it.

Training (:mod:`catalogue_data`) and suggestion (:mod:`service`) both call
:func:`record_features` and :meth:`RecordFeatures.document`, so what a model learns from
and what it is asked about cannot drift apart.

A document's text holds the record's title, subtitle, series, summary (520), subject terms
and themes (600/650 ``$9 vth/vtr/jth/jtr`` ...), the codes and labels of the *other*
predicted schemes, and its facts as tokens: literary type (008/33), age group, audience
(521), material (leader), language (008/35-37) and the 245 ``$h`` medium. The codes of the
scheme being predicted are never in the text (no label leakage).

A document's id is the record's identity (its 001, the Vlacc number; ``sha1:...`` for a
record without one), not the row id: a bundle's reasons then name records that every
catalogue holding the same Open Vlacc records can find (``records.by_control_number``).

Hints are what the catalogue already knows about related records, for the predicted scheme:
the codes the *other* editions of the same work carry (weight = share of those editions
carrying it, the strongest hint there is) and, weaker, the codes of the same authors' other
records (half the share). The record itself never counts. Only codes a cataloger put or
accepted count (classification source ``cataloged``/``accepted``, never ``suggested``).

Records are read in chunks: one query for the MARC of a chunk, one join for the edition
codes and one for the agent codes, whatever the chunk's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from sqlalchemy import and_, func, select

from catalog_desktop.catalogue.db import reading
from catalog_desktop.catalogue.entities import RecordEntities
from catalog_desktop.catalogue.models import Classification, Record, RecordAgent
from catalog_desktop.suggest import Document

__all__ = ["PREDICTED", "RecordFeatures", "document_for_record", "documents_for_records", "record_features",
           "iter_record_features"]

PREDICTED = ("zizo", "siso", "genre")  # the schemes suggestions are made for
AUTHOR_ROLES = ("author", "creator", "composer", "illustrator", "artist")  # agents whose other works hint
AGENT_WEIGHT = 0.5  # an author's other records hint half as strongly as other editions of the work
CHUNK = 400
_TRUSTED = ("cataloged", "accepted")
_R, _C, _RA = Record.__table__, Classification.__table__, RecordAgent.__table__
# Built once: an alias builds its column collection anew, which took ~3 ms of each one-record suggestion.
_ME_R, _OTHER_R = _R.alias("me"), _R.alias("other")
_ME_RA, _OTHER_RA = _RA.alias("me"), _RA.alias("other")
_NOT_WORD = re.compile(r"\W+")


def _token(prefix: str, value: str) -> str:
    """A fact as one word that no title word can be: ``lt_fiction``, ``doelgroep_vanaf_6_8_jaar``."""
    return prefix + "_" + _NOT_WORD.sub("_", value.strip().lower()).strip("_")


@dataclass(frozen=True)
class RecordFeatures:
    """Everything the documents of one record are made of, before choosing a scheme."""

    record_id: int
    identity: str  # the document id: the record's 001 (else "sha1:..."), the same in every catalogue
    entities: RecordEntities
    age_group: str | None  # the ZIZO subsystem the audience asks for, None when unknown
    edition_codes: dict[str, dict[str, float]] = field(default_factory=dict)  # scheme -> code -> share
    agent_codes: dict[str, dict[str, float]] = field(default_factory=dict)

    def codes(self, scheme: str) -> list[str]:
        """The record's own codes of a scheme, as in its MARC (in order, no repeats)."""
        return list(dict.fromkeys(c.code for c in self.entities.codes if c.scheme == scheme))

    def hints(self, scheme: str | None) -> dict[str, float]:
        schemes = PREDICTED if scheme is None else (scheme,)
        out: dict[str, float] = {}
        for s in schemes:
            for code, share in self.agent_codes.get(s, {}).items():
                out[code] = max(out.get(code, 0.0), round(AGENT_WEIGHT * share, 4))
            for code, share in self.edition_codes.get(s, {}).items():
                out[code] = max(out.get(code, 0.0), round(share, 4))
        return dict(sorted(out.items()))

    def text(self, scheme: str | None) -> str:
        """The document text for predicting ``scheme`` (None: for any scheme, so without the
        codes of every predicted scheme)."""
        e = self.entities
        hidden = set(PREDICTED) if scheme is None else {scheme}
        parts = [e.title, e.subtitle or "", *e.series, *(s.term for s in e.subjects)]
        for c in e.codes:
            if c.scheme in PREDICTED and c.scheme not in hidden:
                parts.append(" ".join(dict.fromkeys(p for p in (c.code, c.label, *c.path) if p)))
        parts.append(e.summary or "")
        facts = [
            _token("lt", e.literary_type) if e.literary_type else "",
            _token("leeftijd", self.age_group) if self.age_group else "",
            _token("doelgroep", e.audience) if e.audience else "",
            _token("mat", e.material) if e.material else "",
            _token("drager", e.medium) if e.medium else "",
            _token("taal", e.language) if e.language else "",
        ]
        parts.append(" ".join(f for f in facts if f))
        return "\n".join(p for p in parts if p)

    def document(self, scheme: str | None) -> Document:
        return Document(text=self.text(scheme), id=self.identity, hints=self.hints(scheme))


def document_for_record(catalogue, record_id: int, scheme: str | None = None) -> Document:
    """The document of one record for one scheme (see the module docstring)."""
    (features,) = record_features(catalogue, [record_id])
    return features.document(scheme)


def documents_for_records(catalogue, record_ids: Sequence[int], scheme: str | None = None) -> list[Document]:
    return [f.document(scheme) for f in iter_record_features(catalogue, record_ids)]


def record_features(catalogue, record_ids: Sequence[int]) -> list[RecordFeatures]:
    """Features of these records, in the order given; a missing id raises RecordNotFound."""
    return list(iter_record_features(catalogue, record_ids))


def iter_record_features(catalogue, record_ids: Iterable[int], chunk: int = CHUNK) -> Iterator[RecordFeatures]:
    ids = list(record_ids)
    for i in range(0, len(ids), chunk):
        yield from _chunk_features(catalogue, ids[i : i + chunk])


def _chunk_features(catalogue, ids: list[int]) -> list[RecordFeatures]:
    from catalog_desktop.catalogue.derive import derive_entities
    from catalog_desktop.catalogue.errors import RecordNotFound
    from catalog_desktop.catalogue.records import parse_current
    from catalog_desktop.vocab import zizo_subsystem_for_age

    profile = catalogue.profile()
    with reading(catalogue.engine) as conn:
        rows = {r.id: r for r in conn.execute(
            select(_R.c.id, _R.c.identity, _R.c.marc, _R.c.raw, _R.c.source_format).where(_R.c.id.in_(ids)))}
        editions = _edition_codes(conn, ids)
        agents = _agent_codes(conn, ids)
    out = []
    for rid in ids:
        row = rows.get(rid)
        if row is None:
            raise RecordNotFound(rid)
        ents = derive_entities(parse_current(row.marc, row.raw, row.source_format), profile)
        age = zizo_subsystem_for_age(ents.audience) if ents.audience else None
        out.append(RecordFeatures(rid, row.identity, ents, age, editions.get(rid, {}), agents.get(rid, {})))
    return out


def _shares(pairs, totals: dict[int, int]) -> dict[int, dict[str, dict[str, float]]]:
    """(record, scheme, code, related records carrying it) -> share of the related records."""
    out: dict[int, dict[str, dict[str, float]]] = {}
    for rid, scheme, code, n in pairs:
        out.setdefault(rid, {}).setdefault(scheme, {})[code] = n / totals[rid]
    return out


def _edition_codes(conn, ids: list[int]) -> dict[int, dict[str, dict[str, float]]]:
    me, other = _ME_R, _OTHER_R
    related = and_(other.c.work_id == me.c.work_id, other.c.id != me.c.id)
    totals = dict(conn.execute(
        select(me.c.id, func.count(other.c.id)).join(other, related).where(me.c.id.in_(ids)).group_by(me.c.id)).all())
    if not totals:
        return {}
    stmt = (
        select(me.c.id, _C.c.scheme, _C.c.code, func.count(func.distinct(other.c.id)))
        .join(other, related).join(_C, _C.c.record_id == other.c.id)
        .where(me.c.id.in_(ids), _C.c.scheme.in_(PREDICTED), _C.c.source.in_(_TRUSTED))
        .group_by(me.c.id, _C.c.scheme, _C.c.code)
    )
    return _shares(conn.execute(stmt), totals)


def _agent_codes(conn, ids: list[int]) -> dict[int, dict[str, dict[str, float]]]:
    """Codes of other records by the same authors (not counting other editions of the work).

    Three plain queries (the related pairs through the ``agent_id`` index, their work ids,
    their codes by primary key) and the counting in Python: one big join that also groups
    was ten times slower on SQLite."""
    me, other = _ME_RA, _OTHER_RA
    pairs = conn.execute(
        select(me.c.record_id, other.c.record_id)
        .join(other, and_(other.c.agent_id == me.c.agent_id, other.c.record_id != me.c.record_id))
        .where(me.c.record_id.in_(ids), me.c.role.in_(AUTHOR_ROLES), other.c.role.in_(AUTHOR_ROLES))
        .distinct()
    ).all()
    if not pairs:
        return {}
    related = sorted({o for _, o in pairs} | set(ids))
    work: dict[int, int | None] = {}
    codes: dict[int, set[tuple[str, str]]] = {}
    for i in range(0, len(related), 500):
        part = related[i : i + 500]
        work.update(conn.execute(select(_R.c.id, _R.c.work_id).where(_R.c.id.in_(part))).all())
        stmt = select(_C.c.record_id, _C.c.scheme, _C.c.code).where(
            _C.c.record_id.in_(part), _C.c.scheme.in_(PREDICTED), _C.c.source.in_(_TRUSTED))
        for rid, scheme, code in conn.execute(stmt):
            codes.setdefault(rid, set()).add((scheme, code))
    others: dict[int, list[int]] = {}
    for rid, o in pairs:
        if work.get(rid) is None or work.get(rid) != work.get(o):  # other editions count as editions
            others.setdefault(rid, []).append(o)
    out: dict[int, dict[str, dict[str, float]]] = {}
    for rid, os_ in others.items():
        counts: dict[tuple[str, str], int] = {}
        for o in os_:
            for key in codes.get(o, ()):
                counts[key] = counts.get(key, 0) + 1
        for (scheme, code), n in sorted(counts.items()):
            out.setdefault(rid, {}).setdefault(scheme, {})[code] = n / len(os_)
    return out
