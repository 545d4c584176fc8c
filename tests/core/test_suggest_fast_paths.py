"""The suggestion path's shortcuts give what the plain computations give: top-k sparse
products, TF-IDF rows without scikit-learn's checks, ranking from sparse candidates, reasons
built once per text."""

from __future__ import annotations

import random

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from catalog_desktop.suggest import Document, Suggester, train_bundle
from catalog_desktop.suggest.tfidf_rows import normalise_rows, word_tfidf
from catalog_desktop.suggest.topk import dense_top_per_row, top_product
from catalog_desktop.suggest.vectors import TextVectors

from suggest_data import LEAF_WORDS, make_doc, training_set


def _random_csr(rows, cols, density, seed):
    return sp.random(rows, cols, density=density, format="csr", dtype=np.float32, random_state=seed)


@pytest.mark.parametrize("rows", [1, 3, 80])  # one record, a few, a batch spread over the cores
def test_top_product_keeps_each_rows_k_largest_best_first(rows):
    A, B = _random_csr(rows, 300, 0.05, 1), _random_csr(300, 500, 0.05, 2)
    full = (A @ B).toarray()
    top = top_product(A, B, 7)
    assert top.shape == full.shape
    for row in range(rows):
        a, b = top.indptr[row], top.indptr[row + 1]
        expected = np.sort(full[row][full[row] > 0])[::-1][:7]
        np.testing.assert_allclose(top.data[a:b], expected, rtol=1e-5)
        np.testing.assert_allclose(full[row, top.indices[a:b]], top.data[a:b], rtol=1e-5)


def test_top_product_of_an_empty_query_is_empty():
    B = _random_csr(300, 50, 0.05, 2)
    assert top_product(sp.csr_matrix((2, 300), dtype=np.float32), B, 5).nnz == 0
    assert top_product(_random_csr(2, 300, 0.05, 1), B, 500).shape == (2, 50)


def test_dense_top_per_row_keeps_the_largest_positive_entries():
    dense = np.array([[0.5, -1.0, 0.2, 0.9, 0.0], [0.0, 0.0, 0.3, 0.0, 0.0]], dtype=np.float32)
    kept = dense_top_per_row(dense, 2)
    np.testing.assert_allclose(kept.toarray(), [[0.5, 0, 0, 0.9, 0], [0, 0, 0.3, 0, 0]])


def test_word_rows_equal_scikit_learns_and_rows_have_unit_length():
    texts = ["De geschiedenis van België in de twintigste eeuw", "Cats and dogs: a history of pets",
             "België en Nederland, een geschiedenis", "pets pets pets history", "zzz onbekend"] * 3
    fitted = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32).fit(texts[:-3])
    ours = word_tfidf(texts, fitted.build_analyzer(), fitted.vocabulary_, fitted.idf_)
    theirs = fitted.transform(texts)
    assert abs(ours - theirs).max() < 1e-6 and ours.dtype == np.float32
    lengths = np.sqrt(np.asarray(ours.multiply(ours).sum(axis=1)).ravel())
    np.testing.assert_allclose(lengths[lengths > 0], 1.0, rtol=1e-6)
    assert normalise_rows(sp.csr_matrix((2, 4), dtype=np.float32)).nnz == 0


def test_transform_gives_the_rows_training_gave():
    texts = [f"fiets koers {w} peloton" for w in ("renner", "baan", "weg", "berg")] * 4
    vectors = TextVectors({"min_df": 1})
    trained = vectors.fit_transform(texts)
    assert abs(vectors.transform(texts) - trained).max() < 1e-6


@pytest.fixture(scope="module")
def suggester(tmp_path_factory):
    out = tmp_path_factory.mktemp("fast") / "bundle"
    train_bundle([training_set()], out, seed=0)
    return Suggester.load(out)


def _docs(n=30):
    rng = random.Random(7)
    return [make_doc(code, rng, f"q-{i}") for i, code in enumerate(sorted(LEAF_WORDS) * (n // len(LEAF_WORDS) + 1))][:n]


def test_ranking_from_sparse_candidates_equals_ranking_the_full_score_matrix(suggester):
    model = suggester.models["siso"]
    docs = _docs()
    texts = [d.text for d in docs]
    parts = model.backend_scores(texts)
    full = sum(np.float32(w * s) * p for p, w, s in zip(parts, model.weights, model.scales) if w)
    ranked = model.rank(texts, limit=5, with_reasons=False)
    for row, suggestions in enumerate(ranked):
        leaves = [s for s in suggestions if not s.backoff]
        order = np.lexsort((np.arange(full.shape[1]), -full[row]))
        expected = [(model.labels[i], round(float(full[row, i]), 6)) for i in order[: len(leaves)] if full[row, i] > 0]
        assert [s.code for s in leaves] == [code for code, _ in expected]
        assert [s.score for s in leaves] == pytest.approx([score for _, score in expected], abs=1e-5)


def test_a_batch_with_reasons_equals_one_record_at_a_time(suggester):
    docs = _docs(12)
    batch = suggester.suggest_batch(docs, "siso", limit=4)
    for doc, suggestions in zip(docs, batch):
        assert suggester.suggest(doc, "siso", limit=4) == suggestions
    # reasons are given (or not) without changing the ranking
    plain = suggester.suggest_batch(docs, "siso", limit=4, with_reasons=False)
    assert [[s.code for s in ss] for ss in plain] == [[s.code for s in ss] for ss in batch]
    assert all(not s.reason.neighbours and not s.reason.words for ss in plain for s in ss)


def test_reason_words_come_from_the_text_and_neighbours_carry_the_code(suggester):
    training = training_set()
    codes_of = {d.id: set(codes) for d, codes in zip(training.docs, training.labels)}
    doc = Document("velodroom omnium fiets baanwielrennen", id="x")
    for suggestion in suggester.suggest(doc, "siso", limit=3):
        for doc_id, similarity in suggestion.reason.neighbours:
            carried = codes_of[doc_id]
            assert suggestion.code in carried or any(c.startswith(suggestion.code + ".") for c in carried)
            assert 0 < similarity <= 1.0001
        similarities = [s for _, s in suggestion.reason.neighbours]
        assert similarities == sorted(similarities, reverse=True)
        assert all(word in doc.text for word, _ in suggestion.reason.words)
