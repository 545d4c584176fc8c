"""Annif in its own virtual environment, for the side-by-side benchmark (never the project venv).

Annif pins numpy < 2.3 and scikit-learn < 1.8, which clash with this project's dependencies, so
it lives in ``benchmarks/out/annif-venv`` (gitignored). Offline, NLTK cannot fetch ``punkt_tab``;
a minimal stand-in (empty collocation/starter/context tables and a few abbreviations, see
``/work/shared/NOTES.md``) is written to ``benchmarks/out/nltk_data`` and passed as ``NLTK_DATA``.

    python benchmarks/annif_env.py          # build (or check) the environment, print its version
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

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
    python = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    result = subprocess.run([str(python), "-c", "import importlib.metadata as m; print(m.version('annif'))"],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


if __name__ == "__main__":
    print(ensure_annif(log=lambda message: print(message, file=sys.stderr)))
    print("annif", annif_version())
