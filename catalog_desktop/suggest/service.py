"""Suggestions for catalogue records: features, the model, the record's facts and decisions.

    service = SuggestionService(catalogue, Suggester.load(path), vocabs)
    service.for_record(42)          # {"zizo": [Suggestion, ...], "siso": [...], "genre": [...]}
    service.for_records(None, progress=..., cancel=...)   # every record, in chunks

For every scheme the bundle knows and the record's facts allow (:mod:`constraints`), the
model is asked for ``limit`` codes excluding what the record already carries, what a
cataloger rejected for it and the vocabulary codes its facts rule out (a code the rule
forbids is also dropped afterwards, e.g. a parent the model backed off to). Labels the model
lacks come from the vocabulary. ``reasons=False`` skips building reasons (a batch that only
stores suggestions does not need them, and they are most of the model's time).

``store=True`` (batches) keeps each record's suggestions as classification rows with source
``suggested`` (``catalogue.decisions.store_suggestions``, replacing the earlier ones), so
lists can filter on "suggestions waiting" (``RecordFilter(suggestions_waiting=True)``). Any
edit of the record drops them (its rows are derived anew); the next batch run fills them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from sqlalchemy import select

from catalog_desktop.catalogue.db import reading
from catalog_desktop.catalogue.models import Record
from catalog_desktop.suggest.constraints import SchemeRule, apply_rule, rules_for
from catalog_desktop.suggest.features import CHUNK, RecordFeatures, iter_record_features

__all__ = ["RecordSuggestions", "SuggestionService"]

MARGIN = 2  # ask the model for a few codes more than shown, for the ones dropped afterwards
Progress = Callable[[int, int, str], None]
_R = Record.__table__


@dataclass(frozen=True)
class RecordSuggestions:
    record_id: int
    title: str
    suggestions: dict  # scheme -> list[Suggestion], best first
    rules: dict[str, SchemeRule]  # why a scheme is or is not suggested for


class SuggestionService:
    def __init__(self, catalogue, suggester, vocabs, *, limit: int = 5):
        self.catalogue = catalogue
        self.suggester = suggester
        self.vocabs = vocabs
        self.limit = limit
        self._ruled_out: dict[tuple, frozenset[str]] = {}

    @property
    def bundle(self) -> str:
        """How decisions name the bundle: its name and version."""
        manifest = getattr(self.suggester, "manifest", {}) or {}
        path = getattr(self.suggester, "path", None)
        name = manifest.get("name") or (path.name if path is not None else "bundle")
        return f"{name}@{self.suggester.version}"[:200]

    def for_record(self, record_id: int, limit: int | None = None) -> dict:
        """Per applicable scheme, the ranked suggestions for one record."""
        return self.explain(record_id, limit).suggestions

    def explain(self, record_id: int, limit: int | None = None) -> RecordSuggestions:
        """Suggestions for one record together with the rules that shaped them."""
        (result,) = self.for_records([record_id], limit=limit)
        return result

    def for_records(self, record_ids: Sequence[int] | None = None, *, limit: int | None = None,
                    progress: Progress | None = None, cancel: threading.Event | None = None,
                    store: bool = False, reasons: bool = True) -> list[RecordSuggestions]:
        """Suggestions for these records (None: every record), in chunks; stops between chunks
        when ``cancel`` is set and returns what was done."""
        limit = limit or self.limit
        ids = list(record_ids) if record_ids is not None else self._all_ids()
        out: list[RecordSuggestions] = []
        for start in range(0, len(ids), CHUNK):
            if cancel is not None and cancel.is_set():
                break
            chunk = ids[start : start + CHUNK]
            done = self._chunk(list(iter_record_features(self.catalogue, chunk)), limit, reasons)
            if store:
                self._store(done)
            out += done
            if progress is not None:
                progress(len(out), len(ids), f"{len(out):,} of {len(ids):,} records")
        return out

    # --- the work ----------------------------------------------------------------------

    def _all_ids(self) -> list[int]:
        with reading(self.catalogue.engine) as conn:
            return list(conn.execute(select(_R.c.id).order_by(_R.c.id)).scalars())

    def _chunk(self, features: list[RecordFeatures], limit: int, reasons: bool) -> list[RecordSuggestions]:
        schemes = list(self.suggester.schemes)
        rejected = self.catalogue.decisions.rejected_codes([f.record_id for f in features])
        rules = [rules_for(f, schemes) for f in features]
        results: list[dict] = [{} for _ in features]
        for scheme in schemes:
            todo = [i for i, r in enumerate(rules) if r[scheme].applies]
            if not todo:
                continue
            docs = [features[i].document(scheme) for i in todo]
            vocab = self._vocab(scheme)
            excludes = [
                sorted(set(features[i].codes(scheme)) | rejected.get(features[i].record_id, {}).get(scheme, set())
                       | self.ruled_out(rules[i][scheme], vocab))
                for i in todo
            ]
            ranked = self.suggester.suggest_batch(docs, scheme, limit=limit + MARGIN, excludes=excludes,
                                                  with_reasons=reasons)
            for i, suggestions in zip(todo, ranked):
                results[i][scheme] = apply_rule(rules[i][scheme], suggestions, vocab, limit)
        return [RecordSuggestions(f.record_id, f.entities.title, res, rule) for f, res, rule in zip(features, results, rules)]

    def neighbour_records(self, results: Iterable[RecordSuggestions]) -> dict[str, tuple[int, str]]:
        """The catalogued records reasons point to: document id (record identity) -> (id, title),
        in one query. A neighbour this catalogue does not hold (a bundle trained on another
        catalogue) is simply absent."""
        names = sorted({str(n) for r in results for ss in r.suggestions.values() for s in ss
                        for n, _ in s.reason.neighbours})
        out: dict[str, tuple[int, str]] = {}
        with reading(self.catalogue.engine) as conn:
            for i in range(0, len(names), CHUNK):
                stmt = select(_R.c.identity, _R.c.id, _R.c.title).where(_R.c.identity.in_(names[i : i + CHUNK]))
                out.update({identity: (rid, title) for identity, rid, title in conn.execute(stmt)})
        return out

    def ruled_out(self, rule: SchemeRule, vocab) -> frozenset[str]:
        """The vocabulary's codes a rule forbids (computed once per kind of rule)."""
        if vocab is None:
            return frozenset()
        key = (rule.scheme, rule.applies, rule.subsystem, rule.audience)
        if key not in self._ruled_out:
            self._ruled_out[key] = frozenset(c.code for c in vocab if not rule.allows(c))
        return self._ruled_out[key]

    def _vocab(self, scheme: str):
        try:
            return self.vocabs.scheme(scheme)
        except (KeyError, LookupError, ValueError):  # a scheme the vocabularies do not know
            return None

    def _store(self, done: Iterable[RecordSuggestions]) -> None:
        self.catalogue.decisions.store_suggestions(
            {d.record_id: [(scheme, s.code, s.label) for scheme, ss in d.suggestions.items() for s in ss] for d in done})
