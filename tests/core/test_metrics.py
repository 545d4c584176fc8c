"""The metrics match ``annif eval``'s definitions, checked on cases computed by hand."""

import math

import pytest

from catalog_desktop.suggest.metrics import (
    confusions,
    evaluate,
    ndcg_document,
    reliability,
    select,
    threshold_table,
)

LOG3 = math.log2(3)
GOLD = [{"a", "b"}, {"x"}, {"z"}, set()]
PREDICTED = [
    [("a", 0.9), ("c", 0.5), ("b", 0.4), ("d", 0.2)],  # 2 of 4 right, gold fully found
    [("y", 0.8), ("x", 0.7)],                          # right code second
    [],                                                # nothing suggested
    [("q", 0.3)],                                      # no gold codes at all
]


def test_document_averaged_scores_by_hand():
    scores = evaluate(GOLD, PREDICTED, limit=5)
    assert scores["docs"] == 4
    assert scores["precision"] == pytest.approx((2 / 4 + 1 / 2) / 4)
    assert scores["recall"] == pytest.approx((1 + 1) / 4)
    assert scores["f1"] == pytest.approx((4 / 6 + 2 / 3) / 4)
    assert scores["f1@5"] == pytest.approx(scores["f1"])
    assert scores["precision@1"] == pytest.approx(1 / 4)
    assert scores["precision@3"] == pytest.approx((2 / 3 + 1 / 2) / 4)
    # precision@5 divides by the predictions there are (4 for A), as Annif's filter does
    assert scores["precision@5"] == pytest.approx((2 / 4 + 1 / 2) / 4)
    ndcg_a = (1 + 1 / 2) / (1 + 1 / LOG3)  # hits at ranks 1 and 3; ideal: ranks 1 and 2
    ndcg_b = (1 / LOG3) / 1
    assert scores["ndcg"] == pytest.approx((ndcg_a + ndcg_b + 0.0 + 1.0) / 4)
    assert (scores["true_positives"], scores["false_positives"], scores["false_negatives"]) == (3, 4, 1)


def test_limit_cuts_predictions_but_not_the_ideal_of_plain_ndcg():
    scores = evaluate(GOLD, PREDICTED, limit=1)
    assert scores["f1"] == pytest.approx((2 / 3 + 0 + 0 + 0) / 4)
    # NDCG's ideal counts every gold code (Annif calls it with limit=None) ...
    assert ndcg_document({"a", "b"}, ["a"]) == pytest.approx(1 / (1 + 1 / LOG3))
    # ... NDCG@5 cuts the ideal at 5 too, NDCG@1 at 1
    assert ndcg_document({"a", "b"}, ["a"], limit=1) == pytest.approx(1.0)
    assert scores["ndcg"] == pytest.approx((1 / (1 + 1 / LOG3) + 0 + 0 + 1) / 4)


def test_threshold_zero_scores_and_duplicates_are_dropped():
    assert select([("a", 0.9), ("b", 0.0), ("a", 0.5), ("c", 0.3)]) == ["a", "c"]
    assert select([("a", 0.9), ("b", 0.4), ("c", 0.3)], threshold=0.4) == ["a", "b"]
    assert select([("a", 0.9), ("b", 0.4), ("c", 0.3)], limit=2, threshold=0.35) == ["a", "b"]
    scores = evaluate(GOLD, PREDICTED, limit=5, threshold=0.45)
    # A keeps a, c (1 of 2 right); B keeps y, x; D keeps nothing
    assert scores["precision"] == pytest.approx((1 / 2 + 1 / 2) / 4)
    assert scores["recall"] == pytest.approx((1 / 2 + 1) / 4)


def test_perfect_and_empty_cases():
    perfect = evaluate([{"a"}, {"b", "c"}], [[("a", 1.0)], [("c", 0.6), ("b", 0.5)]])
    for key in ("precision", "recall", "f1", "f1@5", "precision@1", "ndcg", "ndcg@5", "ndcg@10"):
        assert perfect[key] == pytest.approx(1.0), key
    with pytest.raises(ValueError, match="empty corpus"):
        evaluate([], [])
    with pytest.raises(ValueError, match="2 gold sets but 1"):
        evaluate([{"a"}, {"b"}], [[]])


def test_threshold_table_precision_coverage():
    rows = threshold_table(GOLD, PREDICTED, limit=5, thresholds=(0.0, 0.6, 0.95))
    everything, confident, nothing = rows
    assert everything.shown == 7 and everything.shown_precision == pytest.approx(3 / 7)
    assert everything.coverage == pytest.approx(3 / 4)
    assert confident.shown == 3  # a (0.9, right), y (0.8, wrong), x (0.7, right)
    assert confident.shown_precision == pytest.approx(2 / 3)
    assert confident.coverage == pytest.approx(2 / 4)
    assert nothing.shown == 0 and nothing.coverage == 0.0 and nothing.recall == 0.0


def test_reliability_bins_and_calibration_error():
    bins, error = reliability(GOLD, PREDICTED, bins=2)
    low, high = bins
    # below 0.5: b 0.4 right, d 0.2 wrong, q 0.3 wrong; from 0.5: a .9 right, c .5 wrong, y .8 wrong, x .7 right
    assert (low.count, high.count) == (3, 4)
    assert low.accuracy == pytest.approx(1 / 3) and low.mean_confidence == pytest.approx(0.3)
    assert high.accuracy == pytest.approx(2 / 4) and high.mean_confidence == pytest.approx(0.725)
    assert error == pytest.approx((3 * abs(1 / 3 - 0.3) + 4 * abs(0.5 - 0.725)) / 7)


def test_confusions_count_gold_against_wrong_first_suggestion():
    gold = [{"fysica"}, {"fysica"}, {"chemie"}, {"fysica"}]
    predicted = [[("chemie", 0.6)], [("chemie", 0.5), ("fysica", 0.4)], [("chemie", 0.9)], [("wiskunde", 0.3)]]
    assert confusions(gold, predicted) == [("fysica", "chemie", 2), ("fysica", "wiskunde", 1)]
