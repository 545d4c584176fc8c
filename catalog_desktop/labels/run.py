"""One label job from selection to files, shared by the CLI and the GUI.

    job = LabelJob(selection=["today"], template=template, pdf="labels.pdf", csv="labels.csv")
    result = run_job(catalogue, job, progress=progress, cancel=cancel)

Steps: select records -> (optionally) store missing 999s -> collect labels -> lay out ->
write PDF / CSV / JSON. Problems from the rules (no code) and from the layout (text that does
not fit, a missing pictogram, a barcode that does not fit) are returned together.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

from catalog_desktop.labels.collect import collect_labels, select_record_ids, vocabularies_for
from catalog_desktop.labels.config import LabelRules, load_rules
from catalog_desktop.labels.data import LabelData, LabelProblem
from catalog_desktop.labels.layout import SheetLayout, layout_sheet
from catalog_desktop.labels.templates import Template

__all__ = ["LabelJob", "JobResult", "rules_for", "run_job"]

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class LabelJob:
    selection: Sequence[str]
    template: Template
    start: int = 1
    pdf: str | Path | None = None
    csv: str | Path | None = None
    json: str | Path | None = None
    barcodes: bool = False
    outlines: bool = False
    prefer: str | None = None  # "zizo" | "siso": the non-fiction scheme this library shelves by
    rules_path: str | Path | None = None
    store_999: bool = False
    who: str | None = None
    vocab_extra: tuple = ()  # official vocabulary lists merged over the bundled ones (catalog vocab --extra)


@dataclass(slots=True)
class JobResult:
    labels: list[LabelData] = field(default_factory=list)
    problems: list[LabelProblem] = field(default_factory=list)
    sheet: SheetLayout | None = None
    pages: int = 0
    stored: int = 0
    cancelled: bool = False


def rules_for(rules_path=None, prefer: str | None = None) -> LabelRules:
    """The rules file, with the preferred non-fiction scheme first when one is given."""
    rules = load_rules(rules_path)
    if prefer:  # also for records whose literary type is not given (scores, sound, ...)
        choice = {key: (prefer, *(k for k in kinds if k != prefer)) if prefer in kinds else kinds
                  for key, kinds in rules.choice.items()}
        choice["non_fiction"] = (prefer, *(k for k in choice["non_fiction"] if k != prefer))
        rules = replace(rules, choice=choice)
    return rules


def run_job(catalogue, job: LabelJob, *, vocabs=None, progress: Progress | None = None,
            cancel: threading.Event | None = None) -> JobResult:
    from catalog_desktop.labels.datafile import write_csv, write_json
    from catalog_desktop.labels.pdf import write_pdf

    rules = rules_for(job.rules_path, job.prefer)
    if vocabs is None:
        vocabs = vocabularies_for(catalogue, job.vocab_extra)
    ids = select_record_ids(catalogue, job.selection)
    result = JobResult()
    if job.store_999:
        from catalog_desktop.labels.store import add_missing_label_fields

        stored = add_missing_label_fields(catalogue, ids, rules=rules, vocabs=vocabs, who=job.who,
                                          progress=progress, cancel=cancel)
        result.stored = len(stored.added)
        if stored.cancelled:
            result.cancelled = True
            return result
    run = collect_labels(catalogue, ids, rules=rules, vocabs=vocabs, progress=progress, cancel=cancel)
    result.labels, result.problems, result.cancelled = run.labels, run.problems, run.cancelled
    if result.cancelled:
        return result
    result.sheet = layout_sheet(run.labels, job.template, start=job.start, barcodes=job.barcodes,
                                outlines=job.outlines)
    result.problems += result.sheet.problems
    if job.pdf and run.labels:  # no labels: no (blank) PDF; the problems say why
        result.pages = write_pdf(result.sheet, Path(job.pdf), progress=progress, cancel=cancel)
        result.cancelled = bool(cancel is not None and cancel.is_set())
    if job.csv:
        write_csv(run.labels, job.csv)
    if job.json:
        write_json(run.labels, job.json, result.problems, template=job.template.name)
    return result
