"""Model bundles on disk: a folder with ``manifest.json`` and plain data files, never a pickle.

The manifest names the format version, the schemes, the vocabulary hash, the training-data
hash, when it was made, the library versions, validation metrics and the sha256 of every
file. ``check_bundle`` refuses a bundle whose format is unknown, a file that is missing,
changed or unlisted, a pickle, or another vocabulary, with a message a trainer understands
(Dutch, English in ``message_en``). ``write_bundle`` saves atomically: a half-written bundle
never replaces a good one (after Annif's ``annif/util.py`` atomic save).

``.npz`` files are written with a fixed timestamp so the same training gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_SUFFIXES = {".json", ".npz", ".safetensors"}
PICKLE_SUFFIXES = {".pkl", ".pickle", ".joblib", ".pck", ".p", ".dill", ".sav"}


class BundleError(Exception):
    """A bundle that cannot be used; ``str()`` is Dutch, ``message_en`` English."""

    def __init__(self, message: str, message_en: str | None = None, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message
        self.path = path


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like ``numpy.savez_compressed`` but byte-for-byte reproducible (fixed zip timestamps)."""
    # Fast deflate: level 1 writes several times faster than the default and is barely larger.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name in sorted(arrays):
            array = np.asarray(arrays[name])
            if array.dtype == object:
                raise TypeError(f"{path.name}: array {name!r} holds Python objects; store plain values")
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, array, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue(), compresslevel=1)


def load_npz(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as data:
            return {name: data[name] for name in data.files}
    except ValueError as error:  # numpy refuses object arrays without allow_pickle
        raise BundleError(
            f"Het modelbestand {path.name} bevat Python-objecten (pickle) en wordt niet geladen.",
            f"The model file {path.name} holds Python objects (pickle) and is not loaded.", path,
        ) from error


def save_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1), encoding="utf-8")


def write_bundle(out: Path, files: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    """Write ``files`` (relative path -> dict of arrays for .npz, JSON value for .json) and the
    manifest with their hashes into ``out``, replacing an existing bundle only when all is written."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        hashes = {}
        for relative in sorted(files):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if relative.endswith(".npz"):
                save_npz(target, files[relative])
            elif relative.endswith(".json"):
                save_json(target, files[relative])
            else:
                raise ValueError(f"unsupported bundle file {relative}")
            hashes[relative] = sha256_file(target)
        manifest = {**manifest, "format_version": FORMAT_VERSION, "files": hashes}
        save_json(staging / MANIFEST, manifest)
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            os.replace(out, old)
        os.replace(staging, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


def read_manifest(path: Path) -> dict[str, Any]:
    path = Path(path)
    if not path.is_dir():
        raise BundleError(f"Geen modelbundel: map {path} bestaat niet.", f"No model bundle: folder {path} does not exist.", path)
    manifest_path = path / MANIFEST
    if not manifest_path.is_file():
        raise BundleError(f"De modelbundel {path} mist {MANIFEST}.", f"The model bundle {path} has no {MANIFEST}.", path)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise BundleError(f"{MANIFEST} in {path} is onleesbaar: {error}", f"{MANIFEST} in {path} is unreadable: {error}", path) from error
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise BundleError(f"{MANIFEST} in {path} heeft geen bestandenlijst.", f"{MANIFEST} in {path} lists no files.", path)
    return manifest


def check_bundle(path: Path, expected_vocab_hash: str | None = None) -> dict[str, Any]:
    """Check everything before anything is loaded; returns the manifest or raises BundleError."""
    path = Path(path)
    manifest = read_manifest(path)
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise BundleError(
            f"De modelbundel {path.name} heeft formaatversie {version}; deze versie van catalog-desktop leest versie {FORMAT_VERSION}. Train het model opnieuw.",
            f"The model bundle {path.name} has format version {version}; this catalog-desktop reads version {FORMAT_VERSION}. Retrain the model.", path,
        )
    listed = manifest["files"]
    present = {p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()} - {MANIFEST}
    for name in sorted(present):
        if Path(name).suffix.lower() in PICKLE_SUFFIXES:
            raise BundleError(
                f"De modelbundel {path.name} bevat een pickle-bestand ({name}); dat wordt nooit geladen.",
                f"The model bundle {path.name} contains a pickle file ({name}); it is never loaded.", path,
            )
    for name in sorted(present - set(listed)):
        raise BundleError(
            f"De modelbundel {path.name} bevat een bestand dat niet in het manifest staat: {name}.",
            f"The model bundle {path.name} contains a file the manifest does not list: {name}.", path,
        )
    for name, digest in sorted(listed.items()):
        if Path(name).suffix.lower() not in DATA_SUFFIXES or ".." in Path(name).parts:
            raise BundleError(f"Ongeldig bestand in het manifest: {name}.", f"Invalid file in the manifest: {name}.", path)
        if name not in present:
            raise BundleError(
                f"De modelbundel {path.name} mist het bestand {name}.",
                f"The model bundle {path.name} is missing the file {name}.", path,
            )
        if sha256_file(path / name) != digest:
            raise BundleError(
                f"Het bestand {name} in de modelbundel {path.name} is gewijzigd sinds de training (controlesom klopt niet).",
                f"The file {name} in the model bundle {path.name} changed after training (checksum mismatch).", path,
            )
    found = manifest.get("vocab_hash", "")
    if expected_vocab_hash is not None and found != expected_vocab_hash:
        raise BundleError(
            f"De modelbundel {path.name} is getraind met een andere versie van de vocabulaires "
            f"({found[:12] or 'onbekend'} in plaats van {expected_vocab_hash[:12]}). Train het model opnieuw met de huidige lijsten.",
            f"The model bundle {path.name} was trained with other vocabularies "
            f"({found[:12] or 'unknown'} instead of {expected_vocab_hash[:12]}). Retrain it with the current lists.", path,
        )
    return manifest
