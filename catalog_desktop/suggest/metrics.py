"""Evaluation metrics with the definitions of Annif's ``annif eval`` (``annif/eval.py``, 1.4).

Every figure is averaged over documents (sklearn's ``average="samples"``), as Annif reports
them, so our numbers and Annif's can be compared line by line:

- the predictions of a document are its suggestions in rank order (best first), after dropping
  scores <= 0, then those under ``threshold``, then all past ``limit`` (``annif eval --limit
  --threshold``);
- precision = hits / predictions (0 when nothing was predicted), recall = hits / gold
  (0 when there is no gold), F1 = 2·hits / (predictions + gold) (0 when both are empty);
- ``f1@5``, ``precision@k``: the same, over the first k predictions;
- ``ndcg``: DCG of the predictions (gain 1 for a gold code at rank i, discount log2(i+1)) over
  the ideal DCG of the gold set; ``ndcg@k`` cuts both at k. A document without gold codes
  scores 1.0 (Annif's "perfect score for no relevant hits").

Annif ranks by score and breaks ties arbitrarily; here the given order is the rank.
Also here, for the report: precision/recall/coverage at confidence thresholds, a reliability
(calibration) table and the most frequent confusions.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

Ranked = Sequence[tuple[str, float]]
"""One document's suggestions: (code, score) pairs, best first."""

DEFAULT_THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def select(ranked: Ranked, limit: int | None = None, threshold: float = 0.0) -> list[str]:
    """The codes Annif would keep for a document: score > 0 and >= threshold, first ``limit``."""
    codes: list[str] = []
    seen: set[str] = set()
    for code, score in ranked:
        if score <= 0.0 or score < threshold or code in seen:
            continue
        seen.add(code)
        codes.append(code)
        if limit is not None and len(codes) >= limit:
            break
    return codes


def _precision(hits: int, predicted: int) -> float:
    return hits / predicted if predicted else 0.0


def _recall(hits: int, gold: int) -> float:
    return hits / gold if gold else 0.0


def _f1(hits: int, predicted: int, gold: int) -> float:
    return 2 * hits / (predicted + gold) if predicted + gold else 0.0


def _dcg(gains: Iterable[bool]) -> float:
    return sum(1.0 / math.log2(rank + 2) for rank, gain in enumerate(gains) if gain)


def ndcg_document(gold: Collection[str], codes: Sequence[str], limit: int | None = None) -> float:
    """nDCG of one document's predictions (Annif's ``ndcg_score`` for one row)."""
    if not gold:
        return 1.0
    ideal = _dcg([True] * (len(gold) if limit is None else min(limit, len(gold))))
    shown = codes if limit is None else codes[:limit]
    return _dcg(code in gold for code in shown) / ideal


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def evaluate(gold_sets: Sequence[Collection[str]], predictions: Sequence[Ranked], *,
             limit: int | None = None, threshold: float = 0.0) -> dict[str, float | int]:
    """The document-averaged metrics of ``annif eval`` for parallel gold sets and predictions.

    Keys: ``precision``, ``recall``, ``f1`` (over all kept predictions), ``f1@5``,
    ``precision@1``, ``precision@3``, ``precision@5``, ``ndcg``, ``ndcg@5``, ``ndcg@10``,
    ``true_positives``, ``false_positives``, ``false_negatives``, ``docs``.
    """
    if len(gold_sets) != len(predictions):
        raise ValueError(f"{len(gold_sets)} gold sets but {len(predictions)} prediction lists")
    if not gold_sets:
        raise ValueError("cannot evaluate an empty corpus")
    columns: dict[str, list[float]] = {key: [] for key in (
        "precision", "recall", "f1", "f1@5", "precision@1", "precision@3", "precision@5",
        "ndcg", "ndcg@5", "ndcg@10")}
    tp = fp = fn = 0
    for gold, ranked in zip(gold_sets, predictions):
        gold = set(gold)
        codes = select(ranked, limit, threshold)
        hits = sum(code in gold for code in codes)
        tp, fp, fn = tp + hits, fp + len(codes) - hits, fn + len(gold) - hits
        columns["precision"].append(_precision(hits, len(codes)))
        columns["recall"].append(_recall(hits, len(gold)))
        columns["f1"].append(_f1(hits, len(codes), len(gold)))
        top5 = codes[:5]
        columns["f1@5"].append(_f1(sum(code in gold for code in top5), len(top5), len(gold)))
        for k in (1, 3, 5):
            top = codes[:k]
            columns[f"precision@{k}"].append(_precision(sum(code in gold for code in top), len(top)))
        columns["ndcg"].append(ndcg_document(gold, codes))
        columns["ndcg@5"].append(ndcg_document(gold, codes, 5))
        columns["ndcg@10"].append(ndcg_document(gold, codes, 10))
    results: dict[str, float | int] = {key: _mean(values) for key, values in columns.items()}
    results.update(true_positives=tp, false_positives=fp, false_negatives=fn, docs=len(gold_sets))
    return results


@dataclass(frozen=True)
class ThresholdRow:
    """What a cataloger would see if only suggestions at or above ``threshold`` were shown."""

    threshold: float
    precision: float        # document-averaged, as annif eval/optimize
    recall: float
    f1: float
    shown_precision: float  # of all suggestions shown, the share that is right (micro)
    coverage: float         # share of documents with at least one suggestion shown
    shown: int              # suggestions shown in all


def threshold_table(gold_sets: Sequence[Collection[str]], predictions: Sequence[Ranked], *,
                    limit: int | None = None,
                    thresholds: Sequence[float] = DEFAULT_THRESHOLDS) -> list[ThresholdRow]:
    rows = []
    for threshold in thresholds:
        scores = evaluate(gold_sets, predictions, limit=limit, threshold=threshold)
        covered = sum(bool(select(ranked, limit, threshold)) for ranked in predictions)
        shown = int(scores["true_positives"]) + int(scores["false_positives"])
        rows.append(ThresholdRow(
            threshold=threshold, precision=float(scores["precision"]), recall=float(scores["recall"]),
            f1=float(scores["f1"]), shown_precision=_precision(int(scores["true_positives"]), shown),
            coverage=covered / len(predictions), shown=shown))
    return rows


@dataclass(frozen=True)
class ReliabilityBin:
    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float         # share of the suggestions in this bin that are right


def reliability(gold_sets: Sequence[Collection[str]], predictions: Sequence[Ranked], *,
                limit: int | None = None, bins: int = 10) -> tuple[list[ReliabilityBin], float]:
    """Confidence vs observed accuracy of every kept suggestion, in equal-width bins over 0..1.

    Returns the bins and the expected calibration error (count-weighted mean |accuracy -
    confidence|). A well calibrated model has accuracy ≈ confidence in every bin.
    """
    sums = [[0, 0.0, 0] for _ in range(bins)]  # count, confidence sum, right
    for gold, ranked in zip(gold_sets, predictions):
        gold = set(gold)
        for code, score in _kept(ranked, limit):
            cell = sums[min(int(min(score, 1.0) * bins), bins - 1)]
            cell[0] += 1
            cell[1] += min(score, 1.0)
            cell[2] += code in gold
    table = [ReliabilityBin(low=i / bins, high=(i + 1) / bins, count=count,
                            mean_confidence=total / count if count else 0.0,
                            accuracy=right / count if count else 0.0)
             for i, (count, total, right) in enumerate(sums)]
    everything = sum(b.count for b in table)
    error = sum(b.count * abs(b.accuracy - b.mean_confidence) for b in table) / everything if everything else 0.0
    return table, error


def _kept(ranked: Ranked, limit: int | None) -> list[tuple[str, float]]:
    codes = set(select(ranked, limit))
    seen: set[str] = set()
    kept = []
    for code, score in ranked:
        if code in codes and code not in seen:
            seen.add(code)
            kept.append((code, score))
    return kept


def confusions(gold_sets: Sequence[Collection[str]], predictions: Sequence[Ranked],
               top: int = 20) -> list[tuple[str, str, int]]:
    """The most frequent (gold code, wrongly suggested first code) pairs, most frequent first.

    A document whose first suggestion is not among its gold codes adds one pair for each of
    its gold codes; documents without gold codes or without suggestions add nothing.
    """
    pairs: Counter[tuple[str, str]] = Counter()
    for gold, ranked in zip(gold_sets, predictions):
        first = select(ranked, 1)
        if gold and first and first[0] not in gold:
            for code in gold:
                pairs[(code, first[0])] += 1
    return [(wanted, given, count) for (wanted, given), count in
            sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:top]]
