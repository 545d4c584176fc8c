"""Fine-tune a sentence-transformers model folder on a library's own records.

The embedding backend (``backends/embedding.py``) encodes records with a model folder the
trainer names. A general model (all-MiniLM-L6-v2, say) knows nothing of ZIZO rubrics or of how
this library words its records; fine-tuning pulls records that share a code together:

- pairs *(record text, the label of its code)*, when the training set knows the label (the
  Dutch ZIZO rubric, the SISO or corpus label), and
- pairs *(record text, another record with the same code)*, chosen with the seed,

trained with sentence-transformers' ``MultipleNegativesRankingLoss`` (the other pairs of a batch
are the negatives, so a batch never holds two pairs of the same code). The loop is written out
here rather than run through ``SentenceTransformerTrainer``: it reports progress and honours
``cancel`` between batches, and it needs neither ``datasets`` nor ``accelerate``.

CPU only, seeded, nothing downloaded (``HF_HUB_OFFLINE``/``TRANSFORMERS_OFFLINE`` and
``local_files_only``). The result is a NEW folder, written beside the target and renamed into
place when complete, with ``finetune.json`` saying what it was trained on. A cancelled run
writes nothing. The base folder is never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .training import TrainingCancelled, library_versions, training_hash
from .types import TrainingSet

NOTE_FILE = "finetune.json"
INSTALL_HINT = "pip install 'catalog-desktop[transformers]'"
PAIR_KINDS = ("label", "record")

Progress = Callable[[int, int, str], None]


class FinetuneError(ValueError):
    """The fine-tuning cannot start: a missing folder or package, no training pairs, a bad target."""


@dataclass(frozen=True)
class Pair:
    anchor: str
    positive: str
    key: str  # "scheme:code": a batch holds one pair per key, so no positive is a false negative


def training_pairs(sets: list[TrainingSet], *, kinds: tuple[str, ...] = PAIR_KINDS, seed: int = 0,
                   per_code: int = 64, max_pairs: int = 20_000) -> list[Pair]:
    """The (anchor, positive) pairs, at most ``per_code`` for one code (frequent codes do not
    crowd out the rest) and ``max_pairs`` in all, in a seeded order."""
    unknown = set(kinds) - set(PAIR_KINDS)
    if unknown or not kinds:
        raise FinetuneError(f"pair kinds are {', '.join(PAIR_KINDS)}, not {', '.join(sorted(unknown)) or 'none'}")
    rng = random.Random(seed)
    by_code: dict[str, list[Pair]] = defaultdict(list)
    for ts in sets:
        members: dict[str, list[int]] = defaultdict(list)
        for i, codes in enumerate(ts.labels):
            for code in dict.fromkeys(codes):
                members[code].append(i)
        labels = ts.labels_text or {}
        for code in sorted(members):
            key = f"{ts.scheme}:{code}"
            docs = members[code]
            for position, i in enumerate(docs):
                text = ts.docs[i].text
                if "label" in kinds and labels.get(code):
                    by_code[key].append(Pair(text, labels[code], key))
                if "record" in kinds and len(docs) > 1:
                    other = rng.randrange(len(docs) - 1)  # any member but this one
                    partner = docs[other + (other >= position)]
                    by_code[key].append(Pair(text, ts.docs[partner].text, key))
    pairs = []
    for key in sorted(by_code):
        chosen = by_code[key]
        rng.shuffle(chosen)
        pairs.extend(chosen[:per_code])
    rng.shuffle(pairs)
    return pairs[:max_pairs]


def batches(pairs: list[Pair], size: int, seed: int = 0) -> list[list[Pair]]:
    """Seeded batches in which no two pairs share a code; a pair that would is kept for a later
    batch. Batches of one pair teach nothing (no negative) and are left out."""
    rng = random.Random(seed)
    pending = list(pairs)
    rng.shuffle(pending)
    out: list[list[Pair]] = []
    while pending:
        deferred: list[Pair] = []
        batch: list[Pair] = []
        seen: set[str] = set()
        for pair in pending:
            if pair.key in seen:
                deferred.append(pair)
                continue
            batch.append(pair)
            seen.add(pair.key)
            if len(batch) == size:
                out.append(batch)
                batch, seen = [], set()
        if batch:
            out.append(batch)
        pending = deferred  # each pass places at least its first pair, so this ends
    return [b for b in out if len(b) > 1]


def pairs_hash(pairs: list[Pair]) -> str:
    digest = hashlib.sha256()
    for pair in pairs:
        digest.update(json.dumps([pair.key, pair.anchor, pair.positive], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def read_note(folder: Path) -> dict | None:
    """What a fine-tuned folder was trained on (``finetune.json``), or None for another folder."""
    path = Path(folder) / NOTE_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


DESCRIPTION = {
    "nl": {"missing": "Geen sentence-transformers-modelmap: {folder} (geen modules.json of config.json).",
           "plain": "Een sentence-transformers-model dat catalog-desktop niet bijtrainde (geen {note}).",
           "tuned": "Bijgetraind op {created}: {pairs} paren uit {schemes}, {epochs} epoch(s), laatste loss "
                    "{final_loss}; basismodel {base}."},
    "en": {"missing": "Not a sentence-transformers model folder: {folder} (no modules.json or config.json).",
           "plain": "A sentence-transformers model that catalog-desktop did not fine-tune (no {note}).",
           "tuned": "Fine-tuned on {created}: {pairs} pairs from {schemes}, {epochs} epoch(s), last loss "
                    "{final_loss}; base model {base}."},
}


def describe_model_folder(folder: Path, language: str = "nl") -> tuple[bool, str]:
    """What ``catalog embedding info`` knows of a folder, in one sentence for the trainer's
    window: (whether it is a model folder to start from, the sentence)."""
    text = DESCRIPTION.get(language, DESCRIPTION["en"])
    try:
        check_model_folder(folder)
    except FinetuneError:
        return False, text["missing"].format(folder=folder)
    note = read_note(folder)
    if note is None:
        return True, text["plain"].format(note=NOTE_FILE)
    return True, text["tuned"].format(
        created=str(note.get("created", "?"))[:10], pairs=note.get("pairs", "?"),
        schemes=", ".join(note.get("schemes", [])) or "?", epochs=note.get("epochs", "?"),
        final_loss=note.get("final_loss", "?"), base=Path(str(note.get("base_model", "?"))).name)


def check_model_folder(folder: Path) -> Path:
    folder = Path(folder)
    if not folder.is_dir():
        raise FinetuneError(f"no sentence-transformers model folder at {folder}")
    if not (folder / "modules.json").is_file() and not (folder / "config.json").is_file():
        raise FinetuneError(f"{folder} is not a sentence-transformers model folder (no modules.json or config.json)")
    return folder


def load_model(folder: Path):
    """The model in ``folder`` on the CPU; never downloads anything."""
    folder = check_model_folder(folder)
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise FinetuneError(f"fine-tuning needs sentence-transformers and torch: {INSTALL_HINT}") from error
    return SentenceTransformer(str(folder), device="cpu", local_files_only=True)


TARGET_PROBLEMS = {
    "nl": {"inside": "De nieuwe modelmap {out} mag niet (in) de basismap {base} zijn.",
           "exists": "{out} bestaat al; kies een nieuwe map (of vervang een eerder bijgetraind model).",
           "foreign": "{out} bestaat en is geen bijgetraind model; die map blijft zoals ze is."},
    "en": {"inside": "the new model folder {out} must not be (inside) the base folder {base}",
           "exists": "{out} already exists; choose a new folder (or replace an earlier fine-tuned one)",
           "foreign": "{out} exists and is not a fine-tuned model folder; it is left alone"},
}


def target_problem(base: Path, out: Path, replace: bool = False, language: str = "en") -> str | None:
    """Why ``out`` cannot receive the model fine-tuned from ``base`` (None: it can)."""
    base, out = Path(base), Path(out)
    text = TARGET_PROBLEMS.get(language, TARGET_PROBLEMS["en"])
    if out.resolve() == base.resolve() or base.resolve() in out.resolve().parents:
        return text["inside"].format(out=out, base=base)
    if out.exists():
        if not replace:
            return text["exists"].format(out=out)
        if read_note(out) is None:
            return text["foreign"].format(out=out)
    return None


def _check_target(base: Path, out: Path, replace: bool) -> None:
    problem = target_problem(base, out, replace)
    if problem is not None:
        raise FinetuneError(problem)


def finetune_embedding(base: Path, out: Path, sets: list[TrainingSet], *, epochs: int = 1, batch_size: int = 32,
                       learning_rate: float = 2e-5, seed: int = 0, kinds: tuple[str, ...] = PAIR_KINDS,
                       per_code: int = 64, max_pairs: int = 20_000, max_length: int | None = 128,
                       replace: bool = False, threads: int | None = None,
                       progress: Progress | None = None, cancel: threading.Event | None = None) -> dict:
    """Fine-tune the model in ``base`` on the pairs of ``sets``; write it to the new folder ``out``.

    ``max_length`` truncates texts to that many tokens while training only (time and memory
    grow with the square of the length; the title, subjects and start of a summary carry the
    signal); the saved model keeps its own limit. ``threads`` caps torch's CPU threads for the
    run (1 is faster on a machine busy with other work). Returns the note also written as ``out/finetune.json``. Raises ``FinetuneError`` before any
    work when something is missing, ``TrainingCancelled`` (nothing written) when ``cancel`` is set.
    """
    base, out = Path(base), Path(out)
    check_model_folder(base)
    _check_target(base, out, replace)
    if epochs < 1 or batch_size < 2:
        raise FinetuneError("fine-tuning needs at least 1 epoch and batches of at least 2 pairs")
    pairs = training_pairs(sets, kinds=kinds, seed=seed, per_code=per_code, max_pairs=max_pairs)
    plan = [batches(pairs, batch_size, seed + epoch) for epoch in range(epochs)]
    steps = sum(len(p) for p in plan)
    if not steps:
        raise FinetuneError("nothing to fine-tune on: no two records with codes (or code labels) to pair")
    total = steps + 2

    def report(done: int, message: str) -> None:
        if cancel is not None and cancel.is_set():
            raise TrainingCancelled("fine-tuning cancelled")
        if progress is not None:
            progress(done, total, message)

    report(0, f"loading {base.name}")
    model = load_model(base)
    import torch

    previous_threads, model_length = torch.get_num_threads(), model.max_seq_length
    if threads:
        torch.set_num_threads(threads)
    if max_length and (model_length is None or max_length < model_length):
        model.max_seq_length = max_length
    try:
        last_loss = _train(model, plan, learning_rate, seed, report)
    finally:
        torch.set_num_threads(previous_threads)
        model.max_seq_length = model_length
    report(steps + 1, f"writing {out.name}")
    note = {
        "base_model": str(base.resolve()),
        "base_note": read_note(base),
        "training_data_hash": training_hash(sets),  # as in the manifest of a bundle trained on the same data
        "pairs_hash": pairs_hash(pairs),
        "schemes": sorted({ts.scheme for ts in sets}),
        "pairs": len(pairs),
        "pair_kinds": list(kinds),
        "loss": "MultipleNegativesRankingLoss",
        "seed": seed,
        "epochs": epochs,
        "batch_size": batch_size,
        "learning_rate": learning_rate,
        "max_length": max_length,
        "steps": steps,
        "final_loss": round(last_loss, 4),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "library_versions": library_versions("catalog-desktop", "torch", "sentence-transformers", "transformers"),
    }
    _write_atomically(model, note, out, cancel)
    if progress is not None:
        progress(total, total, "done")
    return note


def _train(model, plan: list[list[list[Pair]]], learning_rate: float, seed: int, report) -> float:
    """The training loop: one optimiser step per batch, linear warm-up over the first tenth
    and decay; returns the last batch's loss."""
    import torch
    from transformers import get_linear_schedule_with_warmup

    try:
        from sentence_transformers.sentence_transformer.losses import MultipleNegativesRankingLoss
    except ImportError:  # sentence-transformers before 6
        from sentence_transformers.losses import MultipleNegativesRankingLoss

    torch.manual_seed(seed)
    steps = sum(len(epoch) for epoch in plan)
    loss_model = MultipleNegativesRankingLoss(model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
    schedule = get_linear_schedule_with_warmup(optimizer, int(0.1 * steps), steps)
    preprocess = getattr(model, "preprocess", None) or model.tokenize
    model.train()
    done, last_loss = 1, float("nan")
    for epoch, epoch_batches in enumerate(plan, start=1):
        for number, batch in enumerate(epoch_batches, start=1):
            report(done, f"epoch {epoch}/{len(plan)}, batch {number}/{len(epoch_batches)}, loss {last_loss:.3f}")
            features = [preprocess([p.anchor for p in batch]), preprocess([p.positive for p in batch])]
            loss = loss_model(features, torch.zeros(len(batch)))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            last_loss = float(loss.detach())
            done += 1
    model.eval()
    return last_loss


def _write_atomically(model, note: dict, out: Path, cancel: threading.Event | None) -> None:
    """Save into a temporary folder beside ``out``, then rename it into place: a reader never
    sees half a model, and a failure or a late cancel leaves nothing behind."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        model.save(str(tmp))
        (tmp / NOTE_FILE).write_text(json.dumps(note, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if cancel is not None and cancel.is_set():
            raise TrainingCancelled("fine-tuning cancelled")
        if out.exists():  # an earlier fine-tuned folder the caller asked to replace
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
            os.replace(out, old / out.name)
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
