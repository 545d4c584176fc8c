"""The evaluation report a trainer reads: one self-contained HTML file (print it to get a PDF).

Per scheme: the headline scores (``annif eval`` definitions), precision/recall and coverage at
each confidence threshold, a reliability plot (does a confidence of 0.8 mean 80% right?), the
codes most often confused, and, when the bundle it would replace is given, both side by side on
the same documents; and, from the catalogue, how often catalogers accepted each bundle's suggestions
in real use. Dutch by default, English with ``language="en"``. The plot is hand-written
SVG: no plotting library, no scripts, nothing fetched when the file is opened.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from catalog_desktop.suggest.evaluation import SchemeEvaluation
from catalog_desktop.suggest.metrics import DEFAULT_THRESHOLDS, confusions, reliability, threshold_table

Labeller = Callable[[str, str], str | None]  # (scheme, code) -> label

TEXT = {
    "nl": {
        "title": "Evaluatierapport suggesties", "made": "Gemaakt op", "bundle": "Model",
        "previous": "Te vervangen model", "docs": "documenten", "scheme": "Schema",
        "scores": "Kerncijfers", "metric": "Maat", "current": "Nieuw", "old": "Huidig", "change": "Verschil",
        "thresholds": "Precisie, recall en dekking per drempel",
        "thresholds_help": "Alleen suggesties met een betrouwbaarheid vanaf de drempel worden getoond. "
                           "Juist getoond: het aandeel getoonde suggesties dat klopt. Dekking: het aandeel "
                           "records met minstens één getoonde suggestie.",
        "threshold": "Drempel", "shown_precision": "Juist getoond", "precision": "Precisie (gem. per doc.)",
        "recall": "Recall (gem. per doc.)", "coverage": "Dekking", "shown": "Getoond",
        "reliability": "Betrouwbaarheid (kalibratie)",
        "reliability_help": "Per klasse van betrouwbaarheid: hoe vaak de suggestie juist was. Goed gekalibreerd "
                            "ligt op de diagonaal. ECE: gemiddelde afwijking, gewogen naar aantal.",
        "confidence": "voorspelde betrouwbaarheid", "accuracy": "waargenomen juist",
        "confusions": "Vaakst verwarde codes", "confusions_help": "De juiste code en de code die als eerste "
                      "werd voorgesteld, waar die eerste suggestie fout was.",
        "wanted": "Juiste code", "given": "Eerste suggestie", "count": "Aantal", "none": "Geen.",
        "flags": "twijfelachtig gemarkeerd: {ambiguous}; ouder-code voorgesteld: {backoff}",
        "skipped": "overgeslagen zonder gouden codes: {skipped}",
        "decisions": "Beslissingen van catalografen per model",
        "decisions_help": "Aanvaarde en verworpen suggesties in de catalogus (ongedaan gemaakte niet meegeteld).",
        "accepted": "Aanvaard", "rejected": "Verworpen", "rate": "Aanvaard %", "unknown": "(onbekend)",
    },
    "en": {
        "title": "Suggestion evaluation report", "made": "Made on", "bundle": "Bundle",
        "previous": "Bundle it would replace", "docs": "documents", "scheme": "Scheme",
        "scores": "Headline scores", "metric": "Metric", "current": "New", "old": "Current", "change": "Change",
        "thresholds": "Precision, recall and coverage per threshold",
        "thresholds_help": "Only suggestions with a confidence at or above the threshold are shown. Shown "
                           "right: the share of shown suggestions that are right. Coverage: the share of "
                           "records with at least one suggestion shown.",
        "threshold": "Threshold", "shown_precision": "Shown right", "precision": "Precision (doc avg)",
        "recall": "Recall (doc avg)", "coverage": "Coverage", "shown": "Shown",
        "reliability": "Reliability (calibration)",
        "reliability_help": "Per confidence bin: how often the suggestion was right. Well calibrated lies on "
                            "the diagonal. ECE: mean gap, weighted by count.",
        "confidence": "predicted confidence", "accuracy": "observed right",
        "confusions": "Codes most often confused", "confusions_help": "The right code and the code suggested "
                      "first, where that first suggestion was wrong.",
        "wanted": "Right code", "given": "First suggestion", "count": "Count", "none": "None.",
        "flags": "marked ambiguous: {ambiguous}; parent suggested: {backoff}",
        "skipped": "skipped without gold codes: {skipped}",
        "decisions": "Catalogers' decisions per bundle",
        "decisions_help": "Accepted and rejected suggestions in the catalogue (undone ones not counted).",
        "accepted": "Accepted", "rejected": "Rejected", "rate": "Accepted %", "unknown": "(unknown)",
    },
}

HEADLINE = (("f1@5", "F1@5"), ("ndcg", "NDCG"), ("precision@1", "P@1"), ("precision", "Precision"),
            ("recall", "Recall"), ("f1", "F1"), ("docs", "docs"))
COLOURS = ("#1b6ac9", "#c0392b")

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:60em;color:#222}
h1{font-size:1.6em}h2{border-bottom:2px solid #1b6ac9;margin-top:2em}h3{margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.25em .7em;border-bottom:1px solid #ddd;text-align:right}
th:first-child,td:first-child{text-align:left}.help{color:#555;font-size:.9em;max-width:45em}
.up{color:#1e7d32}.down{color:#c0392b}code{font-size:.9em}
@media print{h2{page-break-before:always}}
"""


@dataclass
class BundleEvaluation:
    """A bundle's name (version) and its evaluations, one per scheme."""

    name: str
    schemes: list[SchemeEvaluation]

    def scheme(self, name: str) -> SchemeEvaluation | None:
        return next((s for s in self.schemes if s.scheme == name), None)


def render_report(current: BundleEvaluation, previous: BundleEvaluation | None = None, *,
                  labels: Labeller | None = None, language: str = "nl",
                  thresholds: Sequence[float] = DEFAULT_THRESHOLDS, decisions: Sequence | None = None) -> str:
    """The report as HTML. ``decisions``: the catalogue's stored decisions (objects with
    ``bundle``, ``scheme``, ``decision`` and ``undone``), counted per bundle and scheme."""
    t = TEXT[language if language in TEXT else "nl"]
    esc = html.escape
    parts = [f"<!DOCTYPE html><html lang='{esc(language)}'><head><meta charset='utf-8'>"
             f"<title>{esc(t['title'])}</title><style>{STYLE}</style></head><body>",
             f"<h1>{esc(t['title'])}</h1><p>{esc(t['bundle'])}: <b>{esc(current.name)}</b>"]
    if previous is not None:
        parts.append(f"<br>{esc(t['previous'])}: <b>{esc(previous.name)}</b>")
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts.append(f"<br>{esc(t['made'])} {made}</p>")
    if decisions:
        parts.append(_decisions(decisions, t))
    for new in current.schemes:
        old = previous.scheme(new.scheme) if previous is not None else None
        parts.append(_scheme_section(new, old, t, labels, thresholds))
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(path: str | Path, current: BundleEvaluation, previous: BundleEvaluation | None = None,
                 **options) -> Path:
    path = Path(path)
    path.write_text(render_report(current, previous, **options), encoding="utf-8")
    return path


def _scheme_section(new: SchemeEvaluation, old: SchemeEvaluation | None, t: dict,
                    labels: Labeller | None, thresholds: Sequence[float]) -> str:
    esc = html.escape
    docs = new.metrics.get("docs", 0)
    out = [f"<h2>{esc(t['scheme'])}: {esc(new.scheme)} — {docs} {esc(t['docs'])}</h2>",
           f"<p class='help'>{esc(t['flags'].format(ambiguous=new.ambiguous, backoff=new.backoff))}; "
           f"{esc(t['skipped'].format(skipped=new.metrics.get('skipped', 0)))}</p>"]
    if not docs:
        return "\n".join(out)
    out.append(f"<h3>{esc(t['scores'])}</h3>" + _headline(new, old, t))
    out.append(f"<h3>{esc(t['thresholds'])}</h3><p class='help'>{esc(t['thresholds_help'])}</p>")
    out.append(_thresholds(new, old, t, thresholds))
    out.append(f"<h3>{esc(t['reliability'])}</h3><p class='help'>{esc(t['reliability_help'])}</p>")
    out.append(_reliability_svg([(new, COLOURS[0], t["current"])] + ([(old, COLOURS[1], t["old"])] if old else []), t))
    out.append(f"<h3>{esc(t['confusions'])}</h3><p class='help'>{esc(t['confusions_help'])}</p>")
    out.append(_confusions(new, t, labels))
    return "\n".join(out)


def _number(value) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:.3f}"


def _headline(new: SchemeEvaluation, old: SchemeEvaluation | None, t: dict) -> str:
    head = f"<tr><th>{html.escape(t['metric'])}</th><th>{html.escape(t['current'])}</th>"
    if old is not None:
        head += f"<th>{html.escape(t['old'])}</th><th>{html.escape(t['change'])}</th>"
    rows = [head + "</tr>"]
    for key, name in HEADLINE:
        value = new.metrics.get(key, 0)
        row = f"<tr><td>{name}</td><td>{_number(value)}</td>"
        if old is not None:
            before = old.metrics.get(key, 0)
            delta = value - before
            css = "up" if delta > 0 else "down" if delta < 0 else ""
            sign = "+" if delta > 0 else ""
            change = "" if key == "docs" else f"<span class='{css}'>{sign}{_number(delta)}</span>"
            row += f"<td>{_number(before)}</td><td>{change}</td>"
        rows.append(row + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


def _thresholds(new: SchemeEvaluation, old: SchemeEvaluation | None, t: dict,
                thresholds: Sequence[float]) -> str:
    columns = ("shown_precision", "recall", "precision", "coverage", "shown")
    tables = [(t["current"], threshold_table(new.gold, new.predicted, limit=new.limit, thresholds=thresholds))]
    if old is not None:
        tables.append((t["old"], threshold_table(old.gold, old.predicted, limit=old.limit, thresholds=thresholds)))
    head = f"<tr><th>{html.escape(t['threshold'])}</th>" + "".join(
        f"<th>{html.escape(t[c])}{' — ' + html.escape(name) if old is not None else ''}</th>"
        for c in columns for name, _ in tables) + "</tr>"
    rows = [head]
    for i, threshold in enumerate(thresholds):
        cells = "".join(f"<td>{_number(getattr(table[i], c))}</td>" for c in columns for _, table in tables)
        rows.append(f"<tr><td>≥ {threshold:.2f}</td>{cells}</tr>")
    return "<table>" + "".join(rows) + "</table>"


def _reliability_svg(series: list[tuple[SchemeEvaluation, str, str]], t: dict) -> str:
    size, pad = 320, 40
    scale = size - 2 * pad

    def xy(confidence: float, accuracy: float) -> tuple[float, float]:
        return pad + confidence * scale, size - pad - accuracy * scale

    x0, y0 = xy(0, 0)
    x1, y1 = xy(1, 1)
    svg = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{size + 160}' height='{size}' role='img' "
           f"aria-label='{html.escape(t['reliability'])}'>",
           f"<rect x='{x0}' y='{y1}' width='{scale}' height='{scale}' fill='none' stroke='#999'/>",
           f"<line x1='{x0}' y1='{y0}' x2='{x1}' y2='{y1}' stroke='#bbb' stroke-dasharray='4 4'/>"]
    for tick in (0, 0.5, 1):
        tx, ty = xy(tick, tick)
        svg.append(f"<text x='{tx}' y='{y0 + 15}' font-size='11' text-anchor='middle'>{tick:g}</text>")
        svg.append(f"<text x='{x0 - 6}' y='{ty + 4}' font-size='11' text-anchor='end'>{tick:g}</text>")
    svg.append(f"<text x='{(x0 + x1) / 2}' y='{size - 5}' font-size='12' text-anchor='middle'>"
               f"{html.escape(t['confidence'])}</text>")
    svg.append(f"<text x='12' y='{(y0 + y1) / 2}' font-size='12' text-anchor='middle' "
               f"transform='rotate(-90 12 {(y0 + y1) / 2})'>{html.escape(t['accuracy'])}</text>")
    for position, (evaluation, colour, name) in enumerate(series):
        bins, error = reliability(evaluation.gold, evaluation.predicted, limit=evaluation.limit)
        filled = [b for b in bins if b.count]
        most = max((b.count for b in filled), default=1)
        points = " ".join("%.1f,%.1f" % xy(b.mean_confidence, b.accuracy) for b in filled)
        svg.append(f"<polyline points='{points}' fill='none' stroke='{colour}' stroke-width='2'/>")
        for b in filled:
            cx, cy = xy(b.mean_confidence, b.accuracy)
            radius = 2.5 + 5 * (b.count / most) ** 0.5
            svg.append(f"<circle cx='{cx:.1f}' cy='{cy:.1f}' r='{radius:.1f}' fill='{colour}' fill-opacity='.6'>"
                       f"<title>{b.low:.1f}–{b.high:.1f}: {b.count} ({b.accuracy:.0%})</title></circle>")
        ly = y1 + 14 + 18 * position
        svg.append(f"<rect x='{x1 + 12}' y='{ly - 9}' width='10' height='10' fill='{colour}'/>"
                   f"<text x='{x1 + 27}' y='{ly}' font-size='12'>{html.escape(name)} (ECE {error:.3f})</text>")
    svg.append("</svg>")
    return "".join(svg)


def _confusions(evaluation: SchemeEvaluation, t: dict, labels: Labeller | None, top: int = 15) -> str:
    pairs = confusions(evaluation.gold, evaluation.predicted, top=top)
    if not pairs:
        return f"<p>{html.escape(t['none'])}</p>"

    def named(code: str) -> str:
        label = labels(evaluation.scheme, code) if labels else None
        return f"<code>{html.escape(code)}</code>" + (f" {html.escape(label)}" if label else "")

    rows = [f"<tr><th>{html.escape(t['wanted'])}</th><th>{html.escape(t['given'])}</th>"
            f"<th>{html.escape(t['count'])}</th></tr>"]
    rows += [f"<tr><td>{named(wanted)}</td><td style='text-align:left'>{named(given)}</td><td>{count}</td></tr>"
             for wanted, given, count in pairs]
    return "<table>" + "".join(rows) + "</table>"


def _decisions(decisions: Sequence, t: dict) -> str:
    counts: Counter[tuple[str, str, str]] = Counter(
        (d.bundle or t["unknown"], d.scheme, d.decision) for d in decisions if not d.undone)
    keys = sorted({(bundle, scheme) for bundle, scheme, _ in counts})
    rows = [f"<tr><th>{html.escape(t['bundle'])}</th><th>{html.escape(t['scheme'])}</th>"
            f"<th>{html.escape(t['accepted'])}</th><th>{html.escape(t['rejected'])}</th>"
            f"<th>{html.escape(t['rate'])}</th></tr>"]
    for bundle, scheme in keys:
        accepted, rejected = counts[(bundle, scheme, "accepted")], counts[(bundle, scheme, "rejected")]
        rate = f"{accepted / (accepted + rejected):.0%}" if accepted + rejected else "–"
        rows.append(f"<tr><td>{html.escape(bundle)}</td><td>{html.escape(scheme)}</td><td>{accepted}</td>"
                    f"<td>{rejected}</td><td>{rate}</td></tr>")
    return (f"<h2>{html.escape(t['decisions'])}</h2><p class='help'>{html.escape(t['decisions_help'])}</p>"
            "<table>" + "".join(rows) + "</table>")
