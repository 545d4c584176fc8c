"""How well the lists cover a catalogue's codes, and which codes in use need a look.

:func:`audit_codes` goes through records (their audience and codes), observes every ZIZO, SISO
and genre code (so codes the lists lack are kept and counted, never dropped) and validates it
against the record's audience. The report says, per scheme, how many codes and uses the lists
cover, the most used codes that are not listed, and the uses that are retired, malformed, a
ZIZO rubric without a code, in the wrong ZIZO subsystem or a genre of the other audience.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from catalog_desktop.vocab.concepts import OBSERVED_STATUS, OK_STATUSES
from catalog_desktop.vocab.scheme import SCHEMES
from catalog_desktop.vocab.vocabularies import Vocabularies

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class CodeProblem:
    record: str  # the record's id or control number, as the caller names it
    scheme: str
    code: str
    status: str
    message: str
    message_en: str


@dataclass
class SchemeCoverage:
    scheme: str
    uses: int = 0  # code occurrences in the records
    listed_uses: int = 0  # occurrences of codes the lists hold
    codes: set = field(default_factory=set)
    listed_codes: set = field(default_factory=set)
    unlisted: Counter = field(default_factory=Counter)  # code -> uses, codes in no list

    def as_dict(self, top: int = 20) -> dict:
        return {
            "uses": self.uses, "listed_uses": self.listed_uses,
            "codes": len(self.codes), "listed_codes": len(self.listed_codes),
            "unlisted_codes": len(self.unlisted),
            "most_used_unlisted": dict(self.unlisted.most_common(top)),
        }


@dataclass
class AuditReport:
    records: int = 0
    cancelled: bool = False
    schemes: dict = field(default_factory=lambda: {name: SchemeCoverage(name) for name in SCHEMES})
    problems: list = field(default_factory=list)

    def as_dict(self, top: int = 20) -> dict:
        return {
            "records": self.records, "cancelled": self.cancelled,
            "schemes": {name: cov.as_dict(top) for name, cov in self.schemes.items()},
            "problems": [_problem_dict(p) for p in self.problems],
            "problem_counts": dict(Counter(f"{p.scheme}:{p.status}" for p in self.problems)),
        }


def _problem_dict(problem: CodeProblem) -> dict:
    return {name: getattr(problem, name) for name in CodeProblem.__slots__}


def audit_codes(vocabs: Vocabularies, records: Iterable[tuple[str, str | None, Iterable]], *,
                total: int = 0, progress: Progress | None = None,
                cancel: threading.Event | None = None) -> AuditReport:
    """Audit ``records``: (record name, audience, codes) with CodeRef-like codes (``scheme``,
    ``code``, optional ``label`` and ``path``). Codes of other schemes are passed over."""
    report = AuditReport()
    for done, (name, audience, codes) in enumerate(records, 1):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        for code in codes:
            if code.scheme not in vocabs.schemes:
                continue
            scheme = vocabs.scheme(code.scheme)
            scheme.observe(code.code, str(name), label=getattr(code, "label", None),
                           path=getattr(code, "path", ()), audience=audience)
            result = scheme.validate(code.code, audience=audience)
            coverage = report.schemes[code.scheme]
            coverage.uses += 1
            coverage.codes.add(result.code)
            if result.status == OBSERVED_STATUS:
                coverage.unlisted[result.code] += 1
            else:
                coverage.listed_uses += result.code in scheme
                if result.code in scheme:
                    coverage.listed_codes.add(result.code)
            if result.status not in OK_STATUSES:
                report.problems.append(CodeProblem(str(name), code.scheme, result.code, result.status,
                                                   result.message, result.message_en))
        report.records = done
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total, f"{done:,} records")
    return report
