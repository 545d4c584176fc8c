"""Annif in its own virtual environment, for the side-by-side benchmark (never the project venv).

Annif pins numpy < 2.3 and scikit-learn < 1.8, which clash with this project's dependencies, so
it lives in ``benchmarks/out/annif-venv`` (gitignored). Offline, NLTK cannot fetch ``punkt_tab``;
a minimal stand-in (empty collocation/starter/context tables and a few abbreviations, see
``/work/shared/NOTES.md``) is written to ``benchmarks/out/nltk_data`` and passed as ``NLTK_DATA``.

    python benchmarks/annif_env.py          # build (or check) the environment, print its version

``AnnifProjects`` writes a ``projects.cfg`` for one corpus (tfidf, omikuji, mllm and the simple
ensembles of ``/work/shared/NOTES.md``), loads the vocabulary, trains and evaluates each project
with the ``annif`` command, every step in its own measured process (wall time, peak RSS).
``annif_eval_metrics`` runs Annif's own ``annif.eval`` on predictions we made, to check that
``catalog_desktop.suggest.metrics`` computes the same figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.measure import Measured, run_measured  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
VENV = OUT / "annif-venv"
NLTK_DATA = OUT / "nltk_data"
ANNIF_REQUIREMENT = "annif[omikuji]==1.4.3"
_ABBREVIATIONS = {
    "english": ["e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "prof", "fig", "vol", "no", "pp"],
    "dutch": ["bijv", "o.a", "d.w.z", "enz", "nl", "dr", "prof", "mr", "blz", "nr", "vgl"],
}


def annif_executable() -> Path:
    return VENV / ("Scripts/annif.exe" if os.name == "nt" else "bin/annif")


def write_punkt_stand_in() -> Path:
    """Write the minimal ``punkt_tab`` tables NLTK's sentence splitter needs, for English and Dutch."""
    for language, abbreviations in _ABBREVIATIONS.items():
        folder = NLTK_DATA / "tokenizers" / "punkt_tab" / language
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("collocations.tab", "sent_starters.txt", "ortho_context.tab"):
            (folder / name).touch()
        (folder / "abbrev_types.txt").write_text("\n".join(abbreviations) + "\n", encoding="utf-8")
    return NLTK_DATA


def annif_environment() -> dict[str, str]:
    """Process environment for running ``annif``: offline NLTK data, single-threaded BLAS."""
    env = dict(os.environ)
    env.update(NLTK_DATA=str(write_punkt_stand_in()), HF_HUB_OFFLINE="1",
               OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", TF_CPP_MIN_LOG_LEVEL="3")
    return env


def ensure_annif(log=print) -> Path:
    """Create the venv and install Annif into it if needed; return the ``annif`` executable."""
    executable = annif_executable()
    if executable.exists():
        return executable
    OUT.mkdir(parents=True, exist_ok=True)
    log(f"installing {ANNIF_REQUIREMENT} into {VENV} (several minutes)")
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    python = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", ANNIF_REQUIREMENT], check=True)
    if not executable.exists():
        raise RuntimeError(f"Annif installed but {executable} is missing")
    return executable


def annif_version() -> str:
    result = subprocess.run([str(annif_python()), "-c", "import importlib.metadata as m; print(m.version('annif'))"],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def annif_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


# Backends trained per corpus, and the ensembles NOTES.md measured (equal weights).
BACKENDS = ("tfidf", "omikuji", "mllm")
ENSEMBLES = {"ensemble omikuji+tfidf": ("omikuji", "tfidf"), "ensemble mllm+omikuji": ("mllm", "omikuji")}


@dataclass
class AnnifResult:
    name: str
    metrics: dict
    train: Measured | None       # None for an ensemble (its sources are trained)
    evaluate: Measured
    startup: Measured            # the same eval on one document: start-up and model load
    docs: int

    @property
    def warm_docs_per_second(self) -> float:
        seconds = self.evaluate.seconds - self.startup.seconds
        return (self.docs - 1) / seconds if seconds > 0 else float("nan")


class AnnifProjects:
    """Annif projects for one corpus in ``workdir`` (its own ``data/`` folder and config)."""

    def __init__(self, workdir: Path, corpus: str, vocabulary: Path, language: str, analyzer: str):
        self.workdir, self.corpus = workdir, corpus
        self.vocabulary, self.language, self.analyzer = vocabulary, language, analyzer
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.env = annif_environment() | {"ANNIF_DATADIR": str(workdir / "data"),
                                          "ANNIF_PROJECTS": str(workdir / "projects.cfg")}

    def project_id(self, name: str) -> str:
        return f"{self.corpus}-{name.replace('ensemble ', 'ens-').replace('+', '-')}"

    def write_config(self) -> None:
        sections = []
        for backend in BACKENDS:
            sections.append(self._section(backend, f"backend={backend}"))
        for name, sources in ENSEMBLES.items():
            sections.append(self._section(name, "backend=ensemble\nsources="
                                          + ",".join(self.project_id(s) for s in sources)))
        (self.workdir / "projects.cfg").write_text("\n".join(sections), encoding="utf-8")

    def _section(self, name: str, backend_lines: str) -> str:
        return (f"[{self.project_id(name)}]\nname={name}\nlanguage={self.language}\n{backend_lines}\n"
                f"analyzer={self.analyzer}\nvocab={self.corpus}\nlimit=100\n")

    def _annif(self, *arguments: str) -> Measured:
        measured = run_measured([str(annif_executable()), *arguments], env=self.env, cwd=self.workdir)
        if measured.returncode != 0:
            raise RuntimeError(f"annif {' '.join(arguments)} failed:\n{measured.stderr[-2000:]}")
        return measured

    def prepare(self) -> None:
        self.write_config()
        self._annif("load-vocab", "--force", "--language", self.language, self.corpus, str(self.vocabulary))

    def run(self, name: str, train: Path, test: Path, limit: int = 5) -> AnnifResult:
        project = self.project_id(name)
        trained = None
        if name in BACKENDS:
            trained = self._annif("train", project, str(train), "--jobs", "1")
        metrics_file = self.workdir / f"{project}-metrics.json"
        startup = self._annif("eval", project, str(test), "--limit", str(limit), "--docs-limit", "1")
        evaluated = self._annif("eval", project, str(test), "--limit", str(limit),
                                "--metrics-file", str(metrics_file))
        metrics = json.loads(metrics_file.read_text(encoding="utf-8"))
        return AnnifResult(name=name, metrics=metrics, train=trained, evaluate=evaluated,
                           startup=startup, docs=int(metrics["Documents_evaluated"]))


_CHECK_SCRIPT = """
import json, sys
import numpy as np, scipy.sparse
from annif.eval import EvaluationBatch
data = json.load(open(sys.argv[1], encoding="utf-8"))
codes = sorted({c for gold in data["gold"] for c in gold} | {c for ranked in data["predicted"] for c in ranked})
index = {c: i for i, c in enumerate(codes)}
shape = (len(data["gold"]), len(codes))
true = scipy.sparse.dok_array(shape, dtype=bool)
pred = scipy.sparse.dok_array(shape, dtype=np.float32)
for row, (gold, ranked) in enumerate(zip(data["gold"], data["predicted"])):
    for c in gold:
        true[row, index[c]] = True
    for rank, c in enumerate(ranked):  # distinct falling scores keep our ranking
        pred[row, index[c]] = 1.0 / (rank + 1)
names = ["F1@5", "NDCG", "NDCG@5", "Precision@1", "Precision (doc avg)", "Recall (doc avg)", "F1 score (doc avg)"]
result = EvaluationBatch(None)._evaluate_samples(scipy.sparse.csr_array(true), scipy.sparse.csr_array(pred), names)
print(json.dumps({k: float(v) for k, v in result.items()}))
"""

ANNIF_TO_OURS = {"F1@5": "f1@5", "NDCG": "ndcg", "NDCG@5": "ndcg@5", "Precision@1": "precision@1",
                 "Precision (doc avg)": "precision", "Recall (doc avg)": "recall", "F1 score (doc avg)": "f1"}


def annif_eval_metrics(gold: list[list[str]], predicted: list[list[str]], workdir: Path) -> dict[str, float]:
    """Annif's own ``annif.eval`` on our gold sets and ranked predictions, keyed by our metric names."""
    path = workdir / "metrics-check.json"
    path.write_text(json.dumps({"gold": gold, "predicted": predicted}), encoding="utf-8")
    result = subprocess.run([str(annif_python()), "-c", _CHECK_SCRIPT, str(path)],
                            capture_output=True, text=True, env=annif_environment())
    if result.returncode != 0:
        raise RuntimeError(f"annif.eval check failed:\n{result.stderr[-2000:]}")
    return {ANNIF_TO_OURS[name]: value for name, value in json.loads(result.stdout).items()}


if __name__ == "__main__":
    print(ensure_annif(log=lambda message: print(message, file=sys.stderr)))
    print("annif", annif_version())
