"""The evaluation report: self-contained HTML with scores, thresholds, reliability, confusions, comparison."""

import re
from xml.etree import ElementTree

import pytest

from catalog_desktop.suggest.evaluation import SchemeEvaluation
from catalog_desktop.suggest.metrics import evaluate
from catalog_desktop.suggest.report import BundleEvaluation, render_report, write_report

GOLD = [["fysica"], ["fysica"], ["chemie"], ["biologie"], ["<script>"]]
NEW = [[("fysica", 0.9), ("chemie", 0.2)], [("chemie", 0.6), ("fysica", 0.3)], [("chemie", 0.95)],
       [("biologie", 0.7)], [("fysica", 0.4)]]
OLD = [[("chemie", 0.8)], [("chemie", 0.7)], [("chemie", 0.6)], [("fysica", 0.5)], [("fysica", 0.4)]]
LABELS = {"fysica": "Natuurkunde", "chemie": "Scheikunde", "biologie": "Biologie"}


def scheme_evaluation(predicted) -> SchemeEvaluation:
    evaluation = SchemeEvaluation(scheme="siso", doc_ids=[str(i) for i in range(len(GOLD))], gold=GOLD,
                                  predicted=predicted, limit=5, ambiguous=1, backoff=2)
    evaluation.metrics = evaluate(GOLD, predicted, limit=5) | {"skipped": 0}
    return evaluation


@pytest.fixture
def bundles():
    return BundleEvaluation("nieuw-2026-11", [scheme_evaluation(NEW)]), BundleEvaluation("oud-2026-01", [scheme_evaluation(OLD)])


def test_dutch_report_with_comparison(bundles):
    new, old = bundles
    page = render_report(new, old, labels=lambda scheme, code: LABELS.get(code))
    assert page.startswith("<!DOCTYPE html>") and "lang='nl'" in page
    for heading in ("Kerncijfers", "Precisie, recall en dekking per drempel", "Betrouwbaarheid (kalibratie)",
                    "Vaakst verwarde codes"):
        assert heading in page
    assert "nieuw-2026-11" in page and "oud-2026-01" in page
    # P@1: new 3 of 5 right, old 1 of 5; the change is shown with its sign
    p1 = re.search(r"<tr><td>P@1</td><td>([\d.]+)</td><td>([\d.]+)</td><td><span class='up'>\+([\d.]+)</span>", page)
    assert p1 and p1.groups() == ("0.600", "0.200", "0.400")
    # the most frequent confusion of the new bundle: fysica given as chemie, with labels
    assert "<code>fysica</code> Natuurkunde</td><td style='text-align:left'><code>chemie</code> Scheikunde</td><td>1</td>" in page
    # coverage at threshold 0.9: only two records have a suggestion that confident (new) / none (old)
    row = re.search(r"<tr><td>≥ 0.90</td>(.*?)</tr>", page).group(1)
    cells = re.findall(r"<td>([\d.,]+)</td>", row)
    assert cells[6:8] == ["0.400", "0.000"]  # coverage, new then old
    assert "twijfelachtig gemarkeerd: 1; ouder-code voorgesteld: 2" in page


def test_reliability_plot_is_valid_svg_with_both_bundles(bundles):
    page = render_report(*bundles)
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    root = ElementTree.fromstring(svg)
    namespace = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{namespace}polyline")) == 2
    assert root.findall(f"{namespace}circle")
    assert "ECE" in svg


def test_english_escaped_and_self_contained(bundles, tmp_path):
    new, _ = bundles
    path = write_report(tmp_path / "report.html", new, language="en")
    page = path.read_text(encoding="utf-8")
    assert "Suggestion evaluation report" in page and "Codes most often confused" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert not re.search(r"(src|href)=", page)  # nothing loaded from elsewhere
    assert "Current" not in page  # no comparison columns without the bundle it replaces


def test_scheme_without_documents():
    empty = SchemeEvaluation(scheme="genre", doc_ids=[], gold=[], predicted=[], limit=5, metrics={"docs": 0, "skipped": 3})
    page = render_report(BundleEvaluation("b", [empty]))
    assert "genre — 0 documenten" in page and "overgeslagen zonder gouden codes: 3" in page


def test_decisions_in_use_are_counted_per_bundle_and_scheme(bundles):
    from datetime import datetime

    from catalog_desktop.catalogue.decisions import Decision

    def Row(bundle, scheme, decision, undone):
        return Decision(id=1, record_id=1, scheme=scheme, code="x", decision=decision, confidence=0.5, rank=1,
                        bundle=bundle, who="test", decided_at=datetime(2026, 11, 23), undone=undone)

    decisions = [Row(bundle="oud-2026-01", scheme="siso", decision="accepted", undone=False)] * 3 + [
        Row(bundle="oud-2026-01", scheme="siso", decision="rejected", undone=False),
        Row(bundle="oud-2026-01", scheme="siso", decision="rejected", undone=True),  # taken back: not counted
        Row(bundle=None, scheme="genre", decision="accepted", undone=False)]
    page = render_report(*bundles, decisions=decisions)
    assert "Beslissingen van catalografen per model" in page
    assert "<tr><td>oud-2026-01</td><td>siso</td><td>3</td><td>1</td><td>75%</td></tr>" in page
    assert "<tr><td>(onbekend)</td><td>genre</td><td>1</td><td>0</td><td>100%</td></tr>" in page
