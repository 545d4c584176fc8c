"""A small, seeded synthetic subject corpus for the suggestion tests.

Four leaf codes under two parents (``100`` and ``200``, as in a decimal scheme). A parent's
words are shared by its two leaves; each leaf has words of its own. A text with only parent
words is therefore sure of the parent and unsure of the leaf.
"""

from __future__ import annotations

import random

from catalog_desktop.suggest import Document, TrainingSet

PARENT_WORDS = {
    "100": ["fiets", "wielrennen", "koers", "renner", "peloton", "tijdrit"],
    "200": ["tuin", "planten", "bloemen", "zaaien", "moestuin", "snoeien"],
}
LEAF_WORDS = {
    "100.1": ["baanwielrennen", "velodroom", "omnium"],
    "100.2": ["veldrijden", "modder", "cyclocross"],
    "200.1": ["rozen", "rozenstruik", "rozenkweek"],
    "200.2": ["tomaten", "courgettes", "groentebed"],
}
FILLER = ["het", "een", "boek", "over", "verhaal", "geschiedenis", "nieuw", "gids", "praktisch", "jaar"]
LABELS = {"100": "Wielersport", "100.1": "Baanwielrennen", "100.2": "Veldrijden",
          "200": "Tuinieren", "200.1": "Rozen", "200.2": "Groenten kweken"}


def parents(code: str) -> list[str]:
    return [code.split(".")[0]] if "." in code else []


def make_doc(code: str, rng: random.Random, ident: str, leaf_words: int = 2) -> Document:
    words = rng.sample(PARENT_WORDS[parents(code)[0]], 3) + rng.sample(LEAF_WORDS[code], leaf_words)
    words += rng.sample(FILLER, 3)
    rng.shuffle(words)
    return Document(" ".join(words), id=ident)


def training_set(per_code: int = 50, seed: int = 0, negatives: dict[int, list[str]] | None = None,
                 multi_label: bool = False) -> TrainingSet:
    rng = random.Random(seed)
    docs, labels = [], []
    for code in sorted(LEAF_WORDS):
        for i in range(per_code):
            # One record in four has no word of its own leaf: the held-out tenth then shows
            # that middling scores are often wrong, as real data does.
            docs.append(make_doc(code, rng, f"rec-{code}-{i}", leaf_words=0 if i % 4 == 3 else 2))
            labels.append([code])
    neg = None
    if negatives:
        neg = [negatives.get(i, []) for i in range(len(docs))]
    return TrainingSet("siso", docs, labels, negatives=neg, multi_label=multi_label,
                       parents=parents, labels_text=LABELS)
