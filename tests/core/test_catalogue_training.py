"""suggest.catalogue_training: train from the catalogue, evaluate on what was kept out, report."""

from __future__ import annotations

import threading

import pytest


def test_train_and_evaluate_writes_a_loadable_bundle_and_a_report_beside_it(sample_catalogue, tmp_path):
    from catalog_desktop.resources import default_bundle
    from catalog_desktop.suggest import Suggester
    from catalog_desktop.suggest.catalogue_training import train_and_evaluate

    seen = []
    result = train_and_evaluate(sample_catalogue, tmp_path / "nieuw", holdout=0.2, compare=default_bundle(),
                                progress=lambda done, total, message: seen.append(message))
    assert Suggester.load(tmp_path / "nieuw").schemes and result.bundle == tmp_path / "nieuw"
    assert result.report == tmp_path / "nieuw-evaluatie.html" and "<html" in result.report.read_text().lower()
    assert set(result.scores) <= {"zizo", "siso", "genre"} and result.scores
    assert all(0.0 <= m["f1@5"] <= 1.0 for m in result.scores.values())
    assert result.compared_with and seen


def test_a_cancelled_training_writes_no_bundle(sample_catalogue, tmp_path):
    from catalog_desktop.suggest import TrainingCancelled
    from catalog_desktop.suggest.catalogue_training import train_and_evaluate

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(TrainingCancelled):
        train_and_evaluate(sample_catalogue, tmp_path / "nieuw", cancel=cancel)
    assert not (tmp_path / "nieuw").exists()
