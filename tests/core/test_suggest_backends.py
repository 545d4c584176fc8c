"""Backends on their own: what each learns from the training data (and the vocabulary)."""

from __future__ import annotations

import numpy as np

from catalog_desktop.suggest.backends import QueryData, TrainData, backend_class
from catalog_desktop.suggest.training import label_matrix
from catalog_desktop.suggest.vectors import TextVectors

from suggest_data import training_set


def _train_data(labels_text: dict[str, str]) -> tuple[TrainData, TextVectors]:
    ts = training_set(per_code=20)
    texts = [d.text for d in ts.docs]
    labels = sorted({c for codes in ts.labels for c in codes} | set(labels_text))
    index = {c: i for i, c in enumerate(labels)}
    vectors = TextVectors()
    X = vectors.fit_transform(texts)
    Y = label_matrix(ts.labels, index)
    N = label_matrix([[] for _ in texts], index)
    return TrainData(texts, X, Y, N, labels, labels_text, 0, None, vectors), vectors


def test_the_centroid_of_a_code_without_training_records_comes_from_its_label():
    # "300" is in the vocabulary only; its label shares a word with the training texts.
    data, vectors = _train_data({"100.1": "Baanwielrennen", "300": "Velodroom"})
    column = data.labels.index("300")
    query = QueryData(["velodroom"], vectors.transform(["velodroom"]))
    scores = {}
    for weight in (0.0, 2.0):
        backend = backend_class("centroid")({"label_weight": weight})
        backend.train(data)
        scores[weight] = backend.suggest_batch(query)[0]
    assert scores[0.0][column] == 0.0            # nothing learned for it without its label
    assert scores[2.0][column] > 0.5             # its label is its centroid
    # a trained code keeps its training records in the centroid: the label only adds to them
    trained = data.labels.index("100.1")
    assert scores[2.0][trained] > 0 and np.argmax(scores[2.0]) == column


def test_centroids_survive_the_bundle_arrays():
    data, vectors = _train_data({"300": "Velodroom"})
    backend = backend_class("centroid")({"label_weight": 2.0})
    backend.train(data)
    again = backend_class("centroid").from_arrays(backend.params, backend.arrays(), {})
    query = QueryData(["velodroom omnium"], vectors.transform(["velodroom omnium"]))
    assert np.allclose(again.suggest_batch(query), backend.suggest_batch(query))
