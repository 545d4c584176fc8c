"""The engine's behaviour: ranking, back-off, ambiguity, calibration, reasons, exclude,
negatives and hints, on a small seeded synthetic corpus (``suggest_data``)."""

from __future__ import annotations

import random
import threading

import numpy as np
import pytest

from catalog_desktop.suggest import Document, Suggester, TrainingCancelled, TrainingSet, train_bundle
from catalog_desktop.suggest.calibration import Calibration

from suggest_data import LEAF_WORDS, make_doc, training_set

PARENT_ONLY = "fiets koers peloton renner"   # sure of 100, not of 100.1 vs 100.2
CLEAR = "velodroom omnium fiets baanwielrennen"


@pytest.fixture(scope="module")
def suggester(tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / "bundle"
    train_bundle([training_set()], out, seed=0)
    return Suggester.load(out)


def test_held_out_texts_get_their_own_code_first(suggester):
    rng = random.Random(42)
    cases = [(code, make_doc(code, rng, f"new-{i}")) for code in sorted(LEAF_WORDS) for i in range(5)]
    results = suggester.suggest_batch([doc for _, doc in cases], "siso", limit=3)
    right = sum(1 for (code, _), ranked in zip(cases, results) if ranked and ranked[0].code == code)
    assert right >= 18 and all(len(r) <= 3 for r in results)


def test_a_suggestion_carries_scheme_label_and_a_confidence_in_0_1(suggester):
    best = suggester.suggest(Document(CLEAR), "siso")[0]
    assert (best.scheme, best.code, best.label) == ("siso", "100.1", "Baanwielrennen")
    assert 0.5 < best.confidence <= 1.0 and not best.ambiguous and not best.backoff


def test_an_unsure_leaf_backs_off_to_its_parent_with_higher_confidence(suggester):
    ranked = suggester.suggest(Document(PARENT_ONLY), "siso")
    parent, leaves = ranked[0], ranked[1:]
    assert parent.code == "100" and parent.backoff and parent.label == "Wielersport"
    assert {s.code for s in leaves[:2]} == {"100.1", "100.2"}
    assert parent.confidence > max(s.confidence for s in leaves)
    assert not any(s.backoff for s in leaves)


def test_a_sure_leaf_does_not_back_off(suggester):
    assert not any(s.backoff for s in suggester.suggest(Document(CLEAR), "siso"))


def test_two_leaves_too_close_to_call_are_marked_ambiguous(suggester):
    ranked = [s for s in suggester.suggest(Document(PARENT_ONLY), "siso") if not s.backoff]
    assert ranked[0].ambiguous and ranked[1].ambiguous
    assert not suggester.suggest(Document(CLEAR), "siso")[0].ambiguous


def test_confidence_falls_with_rank_and_calibration_is_monotone(suggester):
    ranked = [s for s in suggester.suggest(Document(CLEAR + " tuin"), "siso") if not s.backoff]
    assert [s.confidence for s in ranked] == sorted((s.confidence for s in ranked), reverse=True)
    rng = np.random.default_rng(0)
    scores = rng.random(500)
    correct = rng.random(500) < scores  # right more often at higher scores
    calibration = Calibration.fit(scores, correct)
    grid = np.linspace(-0.5, 1.5, 200)
    assert np.all(np.diff(calibration(grid)) >= 0)
    assert calibration(np.array([0.05]))[0] < 0.3 < 0.7 < calibration(np.array([0.95]))[0]


def test_reasons_point_to_training_records_that_carry_the_code(suggester):
    ts = training_set()
    carriers = {doc.id: set(codes) for doc, codes in zip(ts.docs, ts.labels)}
    for suggestion in suggester.suggest(Document(CLEAR), "siso"):
        assert suggestion.reason.neighbours, suggestion.code
        for doc_id, similarity in suggestion.reason.neighbours:
            assert suggestion.code in carriers[doc_id] and 0 < similarity <= 1
    words = [w for w, _ in suggester.suggest(Document(CLEAR), "siso")[0].reason.words]
    assert "velodroom" in words or "omnium" in words


def test_the_parent_reason_points_to_records_of_its_children(suggester):
    parent = suggester.suggest(Document(PARENT_ONLY), "siso")[0]
    assert parent.reason.neighbours
    assert all(doc_id.startswith("rec-100.") for doc_id, _ in parent.reason.neighbours)


def test_excluded_codes_are_not_suggested(suggester):
    assert suggester.suggest(Document(CLEAR), "siso")[0].code == "100.1"
    ranked = suggester.suggest(Document(CLEAR), "siso", exclude={"100.1"})
    assert "100.1" not in [s.code for s in ranked]
    batch = suggester.suggest_batch([Document(CLEAR)] * 2, "siso", excludes=[{"100.1"}, ()])
    assert batch[0][0].code != "100.1" and batch[1][0].code == "100.1"


def test_a_hint_from_another_edition_lifts_its_code(suggester):
    text = "een praktisch boek over tuin planten"
    plain = suggester.suggest(Document(text), "siso")
    hinted = suggester.suggest(Document(text, hints={"200.2": 1.0}), "siso")
    assert plain[0].code != "200.2" or plain[0].score < hinted[0].score
    assert hinted[0].code == "200.2"


def test_known_negatives_lower_a_code(tmp_path):
    base = training_set()
    # Every 100.1 record was also (wrongly) proposed 100.2 and the cataloger rejected it.
    negatives = {i: ["100.2"] for i, codes in enumerate(base.labels) if codes == ["100.1"]}
    train_bundle([base], tmp_path / "plain", seed=0)
    train_bundle([training_set(negatives=negatives)], tmp_path / "neg", seed=0)

    def score(path):
        ranked = Suggester.load(path).suggest(Document(PARENT_ONLY + " fiets"), "siso", limit=10)
        return next((s.score for s in ranked if s.code == "100.2" and not s.backoff), 0.0)

    assert score(tmp_path / "neg") < score(tmp_path / "plain")
    assert score(tmp_path / "plain") > 0


def test_multi_label_schemes_get_no_backoff_and_no_ambiguity_mark(tmp_path):
    train_bundle([training_set(multi_label=True)], tmp_path / "m", seed=0)
    ranked = Suggester.load(tmp_path / "m").suggest(Document(PARENT_ONLY), "siso")
    assert not any(s.backoff or s.ambiguous for s in ranked)


def test_tiny_training_sets_train_without_held_out_data(tmp_path):
    ts = TrainingSet("genre", [Document("een spannende thriller", "a"), Document("romantisch liefdesverhaal", "b")],
                     [["thriller"], ["romantiek"]])
    manifest = train_bundle([ts], tmp_path / "tiny", backends="dummy,centroid")
    assert manifest["schemes"]["genre"]["held_out"] == 0
    assert Suggester.load(tmp_path / "tiny").suggest(Document("thriller"), "genre")[0].code == "thriller"


def test_training_reports_progress_and_can_be_cancelled(tmp_path):
    seen = []
    train_bundle([training_set()], tmp_path / "b", progress=lambda d, t, m: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) >= 3
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(TrainingCancelled):
        train_bundle([training_set()], tmp_path / "c", cancel=cancel)
    assert not (tmp_path / "c").exists()


def test_bad_training_input_is_named(tmp_path):
    with pytest.raises(ValueError, match="unknown backend"):
        train_bundle([training_set()], tmp_path / "x", backends="centroid,magic")
    with pytest.raises(ValueError, match="3 documents but 2"):
        TrainingSet("siso", [Document("a")] * 3, [["1"], ["2"]])
    with pytest.raises(KeyError, match="no model for scheme"):
        train_bundle([training_set()], tmp_path / "y")
        Suggester.load(tmp_path / "y").suggest(Document("x"), "zizo")


def test_a_label_found_in_the_text_brings_its_code_even_unseen_in_training(tmp_path):
    ts = training_set()
    labels_text = {**ts.labels_text, "300": "Schaken"}  # in the vocabulary, on no training record
    ts = TrainingSet("siso", ts.docs, ts.labels, multi_label=False, labels_text=labels_text)
    manifest = train_bundle([ts], tmp_path / "m", seed=0)
    assert "match" in manifest["schemes"]["siso"]["backends"]
    ranked = Suggester.load(tmp_path / "m").suggest(Document("Schaken voor beginners"), "siso")
    assert ranked[0].code == "300" and ranked[0].label == "Schaken"
