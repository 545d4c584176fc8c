"""``catalog train`` and ``catalog evaluate`` on a real corpus (slices of the KB Brinkman corpus)."""

import json
import runpy
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from catalog_desktop.cli import cmd_train
from catalog_desktop.cli.main import main
from catalog_desktop.suggest import Document, Suggester
from catalog_desktop.suggest.corpus import LineRange, read_corpus, read_vocabulary
from catalog_desktop.suggest.metrics import evaluate
from tests.core.shared_data import DATA

BRINKMAN = DATA / "corpora" / "kb-nl-dissertations-brinkman"
TRAIN = BRINKMAN / "full_title_topics_abstract-train.tsv"
TEST = BRINKMAN / "full_title_topics_abstract-test.tsv"
VOCAB = BRINKMAN / "brinkmanthesaurus_vocab.tsv"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    """Two bundles trained through the CLI: on 600 and on 200 training documents."""
    if not TRAIN.is_file():
        pytest.fail(f"the shared Brinkman corpus is missing: expected {TRAIN}")
    folder = tmp_path_factory.mktemp("bundles")
    made = {}
    for name, lines in (("big", "600"), ("small", "200")):
        out = folder / name
        assert main(["train", "--corpus", str(TRAIN), "--lines", lines, "--vocab", str(VOCAB),
                     "--out", str(out), "--seed", "3", "--json"]) == 0
        made[name] = out
    return made


def test_train_writes_a_bundle_the_engine_loads(bundles):
    suggester = Suggester.load(bundles["big"])
    assert suggester.schemes == ["subjects"]
    assert json.loads((bundles["big"] / "manifest.json").read_text(encoding="utf-8"))["schemes"]


def test_evaluate_json_has_annif_figures_that_match_the_metrics_module(capsys, bundles):
    code, out, _ = run(capsys, "evaluate", "--bundle", bundles["big"], "--corpus", TEST, "--lines", "80",
                       "--vocab", VOCAB, "--limit", "5", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["docs"] == 80
    for key in ("f1@5", "ndcg", "precision@1"):
        assert 0.0 < result[key] <= 1.0, key
    # the same figures, recomputed here from the bundle's own suggestions
    suggester = Suggester.load(bundles["big"])
    docs = list(read_corpus(TEST, LineRange.parse("80")))
    ranked = suggester.suggest_batch([Document(d.text, id=d.id) for d in docs], "subjects", limit=5)
    again = evaluate([d.codes for d in docs], [[(s.code, s.confidence) for s in row] for row in ranked], limit=5)
    for key in ("f1@5", "ndcg", "precision@1", "recall"):
        assert result[key] == pytest.approx(again[key]), key


def test_evaluate_writes_a_report_comparing_with_the_bundle_it_replaces(capsys, bundles, tmp_path):
    report = tmp_path / "rapport.html"
    code, out, _ = run(capsys, "evaluate", "--bundle", bundles["big"], "--compare", bundles["small"],
                       "--corpus", TEST, "--lines", "60", "--vocab", VOCAB, "--report", report)
    assert code == 0 and "f1@5" in out and "(was " in out
    page = report.read_text(encoding="utf-8")
    assert "Te vervangen model" in page and "<svg" in page and "Vaakst verwarde codes" in page
    labels = set(read_vocabulary(VOCAB).values())
    assert any(f" {label}</td>" in page for label in labels)  # confusions carry the Brinkman labels


def test_bad_input_is_reported_with_file_and_line(capsys, bundles, tmp_path):
    broken = tmp_path / "broken.tsv"
    broken.write_text("een titel\t<http://data.bibliotheken.nl/id/thes/p075598272>\ngeen tab hier\n", encoding="utf-8")
    code, _, err = run(capsys, "evaluate", "--bundle", bundles["big"], "--corpus", broken)
    assert code == 1 and "broken.tsv, line 2: no tab" in err
    code, _, err = run(capsys, "train", "--corpus", broken, "--out", tmp_path / "b")
    assert code == 1 and "line 2" in err and not (tmp_path / "b").exists()
    code, _, err = run(capsys, "evaluate", "--bundle", tmp_path / "nowhere", "--corpus", TEST)
    assert code != 0 and "nowhere" in err


def test_ctrl_c_cancels_training_and_writes_nothing(capsys, monkeypatch, tmp_path):
    @contextmanager
    def pressed_ctrl_c():
        cancel = threading.Event()
        cancel.set()
        yield cancel

    monkeypatch.setattr(cmd_train, "cancellable", pressed_ctrl_c)
    code, _, err = run(capsys, "train", "--corpus", TRAIN, "--lines", "200", "--vocab", VOCAB, "--out", tmp_path / "b")
    assert code == 130 and "cancelled" in err
    assert not (tmp_path / "b").exists()


def test_training_compare_script_is_the_evaluate_command(capsys, bundles):
    compare = runpy.run_path(str(Path(__file__).resolve().parents[2] / "training" / "compare_bundles.py"))
    code = compare["main"]([str(bundles["big"]), str(bundles["small"]), "--corpus", str(TEST), "--lines", "40",
                            "--vocab", str(VOCAB), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["docs"] == 40 and result["compare"]["docs"] == 40


def test_train_and_evaluate_from_the_catalogue_on_held_out_records(capsys, sample_template, tmp_path):
    db = tmp_path / "sample.sqlite"
    shutil.copyfile(sample_template, db)
    bundle, report = tmp_path / "bundle", tmp_path / "rapport.html"
    code, out, err = run(capsys, "train", "--db", db, "--out", bundle, "--holdout", "0.3", "--seed", "1")
    assert code == 0, err
    assert "held out" in out and "--holdout 0.3 --seed 1" in out
    schemes = Suggester.load(bundle).schemes
    assert "zizo" in schemes or "siso" in schemes
    code, out, err = run(capsys, "evaluate", "--db", db, "--bundle", bundle, "--holdout", "0.3", "--seed", "1",
                         "--json", "--report", report)
    assert code == 0, err
    result = json.loads(out)
    assert result["docs"] > 0 and set(result["schemes"]) <= set(schemes)
    assert sum(m.get("docs", 0) for m in result["schemes"].values()) == result["docs"]
    page = report.read_text(encoding="utf-8")
    assert "Kerncijfers" in page
    # a bundle made for other vocabularies is refused in catalogue mode
    code, _, err = run(capsys, "train", "--corpus", TRAIN, "--lines", "100", "--vocab", VOCAB, "--out", tmp_path / "other")
    assert code == 0
    code, _, err = run(capsys, "evaluate", "--db", db, "--bundle", tmp_path / "other", "--holdout", "0.3")
    assert code != 0 and "other" in err
