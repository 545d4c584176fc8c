"""Model bundles: plain files, checked on load, refused with a clear message when wrong."""

from __future__ import annotations

import io
import json
import pickle
import shutil
import zipfile

import numpy as np
import pytest

from catalog_desktop.suggest import BundleError, Suggester, train_bundle
from catalog_desktop.suggest.bundle import MANIFEST, sha256_file

from suggest_data import training_set


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle") / "model"
    train_bundle([training_set()], out, seed=3, vocab_hash="vocab-A")
    return out


@pytest.fixture
def copy(bundle, tmp_path):
    target = tmp_path / "copy"
    shutil.copytree(bundle, target)
    return target


def _rewrite_manifest(path, change):
    manifest = json.loads((path / MANIFEST).read_text())
    change(manifest)
    (path / MANIFEST).write_text(json.dumps(manifest))


def test_manifest_lists_every_file_with_its_hash_and_the_facts(bundle):
    manifest = json.loads((bundle / MANIFEST).read_text())
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()} - {MANIFEST}
    assert set(manifest["files"]) == files
    assert all(manifest["files"][f] == sha256_file(bundle / f) for f in files)
    assert {p.rsplit(".", 1)[1] for p in files} <= {"json", "npz"}
    assert manifest["format_version"] == 1 and manifest["vocab_hash"] == "vocab-A"
    assert list(manifest["schemes"]) == ["siso"]
    assert len(manifest["training_data_hash"]) == 64 and manifest["created"]
    assert {"numpy", "scikit-learn", "python"} <= set(manifest["library_versions"])
    assert "ndcg@5" in manifest["metrics"]["siso"]


def test_a_good_bundle_loads_and_a_matching_vocabulary_is_accepted(bundle):
    suggester = Suggester.load(bundle, expected_vocab_hash="vocab-A")
    assert suggester.schemes == ["siso"]
    assert suggester.version


def test_a_pickle_file_is_refused(copy):
    (copy / "siso" / "extra.pkl").write_bytes(pickle.dumps({"a": 1}))
    with pytest.raises(BundleError, match="pickle") as caught:
        Suggester.load(copy)
    assert "pickle" in caught.value.message_en


def test_an_object_array_is_refused_even_with_a_correct_hash(copy):
    target = copy / "siso" / "calibration.npz"
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.array([{"evil": 1}], dtype=object), allow_pickle=True)
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("leaf_x.npy", buffer.getvalue())
    _rewrite_manifest(copy, lambda m: m["files"].__setitem__("siso/calibration.npz", sha256_file(target)))
    with pytest.raises(BundleError, match="pickle"):
        Suggester.load(copy)


def test_a_changed_file_is_refused(copy):
    target = copy / "siso" / "model.json"
    meta = json.loads(target.read_text())
    meta["labels"][0] = "999"
    target.write_text(json.dumps(meta))
    with pytest.raises(BundleError, match="gewijzigd") as caught:
        Suggester.load(copy)
    assert "siso/model.json" in str(caught.value) and "changed" in caught.value.message_en


def test_a_missing_file_is_refused(copy):
    (copy / "siso" / "knn.npz").unlink()
    with pytest.raises(BundleError, match="mist het bestand siso/knn.npz"):
        Suggester.load(copy)


def test_a_file_the_manifest_does_not_list_is_refused(copy):
    (copy / "siso" / "notes.json").write_text("{}")
    with pytest.raises(BundleError, match="niet in het manifest"):
        Suggester.load(copy)


def test_another_vocabulary_is_refused(bundle):
    with pytest.raises(BundleError, match="andere versie van de vocabulaires") as caught:
        Suggester.load(bundle, expected_vocab_hash="vocab-B")
    assert "other vocabularies" in caught.value.message_en


def test_another_format_version_is_refused(copy):
    _rewrite_manifest(copy, lambda m: m.__setitem__("format_version", 99))
    with pytest.raises(BundleError, match="formaatversie 99"):
        Suggester.load(copy)


def test_no_bundle_at_all_is_a_bundle_error(tmp_path):
    with pytest.raises(BundleError, match="bestaat niet"):
        Suggester.load(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(BundleError, match="manifest.json"):
        Suggester.load(tmp_path / "empty")


def test_same_seed_and_data_give_the_same_files(bundle, tmp_path):
    again = tmp_path / "again"
    manifest = train_bundle([training_set()], again, seed=3, vocab_hash="vocab-A")
    first = json.loads((bundle / MANIFEST).read_text())
    assert manifest["files"] == first["files"]
    assert manifest["training_data_hash"] == first["training_data_hash"]


def test_retraining_replaces_the_bundle_atomically(copy):
    manifest = train_bundle([training_set(seed=5)], copy, seed=1)
    assert json.loads((copy / MANIFEST).read_text())["files"] == manifest["files"]
    assert [p.name for p in copy.parent.iterdir() if p.name.startswith(".")] == []
    Suggester.load(copy)
