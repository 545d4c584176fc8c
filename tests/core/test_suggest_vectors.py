"""TF-IDF text vectors: rebuilt from plain data they transform exactly as before; the numpy
character n-grams stay inside words, as scikit-learn's ``char_wb`` does."""

from __future__ import annotations

import numpy as np
import pytest

from catalog_desktop.suggest.chargrams import char_ngram_counts
from catalog_desktop.suggest.vectors import TextVectors

TEXTS = ["Tuinieren op een balkon", "Rozen snoeien in de winter", "Wielrennen: de Ronde van Vlaanderen",
         "Het balkon als moestuin", "Veldrijden in de modder", "Rozen en tomaten op het balkon"] * 3


def test_vectors_rebuilt_from_plain_data_transform_identically():
    vectors = TextVectors()
    X = vectors.fit_transform(TEXTS)
    meta, arrays = vectors.to_data()
    assert all(a.dtype != object for a in arrays.values())
    again = TextVectors.from_data(meta, arrays).transform(TEXTS)
    assert (abs(again - X) > 1e-6).nnz == 0
    assert np.allclose(np.asarray(X.multiply(X).sum(axis=1)).ravel(), 1.0, atol=1e-5)


def test_char_ngrams_do_not_span_words_and_ignore_punctuation():
    one = char_ngram_counts(["ab cd"], (3, 3), 2**10)
    # " ab", "ab ", " cd", "cd " and nothing across the space ("b c")
    assert one.sum() == 4
    same = char_ngram_counts(["AB, cd!"], (3, 3), 2**10)
    assert (one != same).nnz == 0
    batch = char_ngram_counts(["ab cd", "", "ab"], (3, 5), 2**10)
    assert batch.shape == (3, 2**10) and batch[1].sum() == 0
    assert (batch[0] != char_ngram_counts(["ab cd"], (3, 5), 2**10)).nnz == 0


def test_vectors_of_another_hasher_are_refused():
    meta, arrays = TextVectors().fit(TEXTS).to_data()
    meta["params"]["char_hasher"] = "something-else"
    with pytest.raises(ValueError, match="retrain"):
        TextVectors.from_data(meta, arrays)


def test_char_ngrams_counted_in_chunks_equal_one_pass(monkeypatch):
    from catalog_desktop.suggest import chargrams

    texts = [f"{t} {i}" for i, t in enumerate(TEXTS * 5)]
    whole = char_ngram_counts(texts, (3, 5), 2**12)
    monkeypatch.setattr(chargrams, "CHUNK_CHARACTERS", 50)  # a few texts per chunk
    chunked = char_ngram_counts(texts, (3, 5), 2**12)
    assert chunked.shape == whole.shape and (chunked != whole).nnz == 0
