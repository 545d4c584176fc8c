"""The trainer's window trains from the catalogue, a MARC export or an Annif corpus (pytest-qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from catalog_desktop.resources import resources_dir

DEMO_XML = resources_dir() / "sample" / "demo-flemish-records-codes-assigned-for-demonstration.xml"
BRINKMAN = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpora" / "kb-nl-dissertations-brinkman"


@pytest.fixture
def trainer(window, tmp_path):
    from catalog_desktop.gui.preferences import Preferences

    window.preferences = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.IniFormat))
    dialog = window.open_trainer()
    dialog.out.setText(str(tmp_path / "nieuw"))
    dialog.holdout.setValue(0.2)
    return dialog


def choose_source(dialog, source: str) -> None:
    dialog.source.setCurrentIndex(dialog.source.findData(source))
    assert dialog.pages.currentIndex() == dialog.source.currentIndex()


def test_train_from_an_export_and_make_it_the_active_bundle(window, trainer, qtbot, tmp_path):
    records = window.catalogue.records.count()
    choose_source(trainer, "export")
    assert trainer.source.currentText() == "Een MARC-export (ISO 2709, MARCXML, …)"  # Dutch window
    trainer.export_files.setText(str(DEMO_XML))
    seen = []
    worker = trainer.start()
    worker.signals.progress.connect(lambda done, total, message: seen.append(message))
    with qtbot.waitSignal(worker.signals.finished, timeout=120000):
        pass
    assert "Export lezen" in seen or "Model trainen" in seen
    assert trainer.result.report.is_file() and trainer.report_button.isEnabled()
    assert "Bundel geschreven naar" in trainer.status.text()
    assert window.catalogue.records.count() == records  # the export was not imported
    trainer.use_button.click()
    assert window.preferences.get("bundle") == str(tmp_path / "nieuw")


def test_train_from_an_annif_corpus_and_keep_the_old_bundle(window, trainer, qtbot):
    if not BRINKMAN.is_dir():
        pytest.fail(f"the shared Brinkman corpus is missing: expected {BRINKMAN}")
    choose_source(trainer, "corpus")
    trainer.corpus_file.setText(str(BRINKMAN / "full_title_topics_abstract-train.tsv"))
    trainer.vocabulary_file.setText(str(BRINKMAN / "brinkmanthesaurus_vocab.tsv"))
    trainer.corpus_lines.setText("250")
    worker = trainer.start()
    with qtbot.waitSignal(worker.signals.finished, timeout=120000):
        pass
    assert set(trainer.result.scores) == {"subjects"} and trainer.report_button.isEnabled()
    # made for the Brinkman vocabulary: it cannot be the catalogue's active bundle, and the window says why
    assert not trainer.use_button.isEnabled()
    assert "niet het actieve model worden" in trainer.status.text()
    trainer.keep_button.click()
    assert window.preferences.get("bundle") in (None, "")


def test_missing_input_is_said_before_anything_runs_and_cancel_stops(trainer, qtbot, tmp_path):
    choose_source(trainer, "export")
    assert trainer.start() is None
    assert trainer.status.text() == "Kies de exportbestanden om op te trainen."
    choose_source(trainer, "corpus")
    trainer.corpus_file.setText(str(tmp_path / "c.tsv"))
    trainer.corpus_lines.setText("tien")
    assert trainer.start() is None and "tien" in trainer.status.text()

    choose_source(trainer, "export")
    trainer.export_files.setText(str(DEMO_XML))
    worker = trainer.start()
    trainer.cancel_button.click()
    with qtbot.waitSignal(worker.signals.failed, timeout=120000):
        pass
    assert trainer.status.text() == "Niet getraind: geannuleerd"
    assert not (tmp_path / "nieuw").exists() and trainer.train_button.isEnabled()
