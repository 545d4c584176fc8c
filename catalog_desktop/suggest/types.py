"""The plain values the suggestion engine takes and gives: documents, training sets, suggestions.

These carry no model code, so the catalogue side (features, service, GUI) can import them
without loading numpy or scikit-learn.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One record as the engine sees it.

    ``text`` joins every text feature of the record (built by ``suggest.features``);
    ``id`` is the record id or corpus line number that reasons point back to;
    ``hints`` maps codes known from related records (other editions, same agents) to a weight
    in 0..1: the engine treats them as a strong prior.
    """

    text: str
    id: str | None = None
    hints: Mapping[str, float] = field(default_factory=dict)


@dataclass
class TrainingSet:
    """Training data for one scheme: ``labels[i]`` are the codes of ``docs[i]``.

    ``negatives[i]`` are codes a cataloger rejected for ``docs[i]`` (known negatives).
    ``multi_label`` is False for ZIZO and SISO (one code per record), which enables the
    hierarchy back-off through ``parents`` (nearest parent first) and the ambiguity mark.
    ``labels_text`` maps a code to its label; label words found in a text are a signal.
    """

    scheme: str
    docs: list[Document]
    labels: list[list[str]]
    negatives: list[list[str]] | None = None
    multi_label: bool = True
    parents: Callable[[str], list[str]] | None = None
    labels_text: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        if len(self.docs) != len(self.labels):
            raise ValueError(
                f"scheme {self.scheme}: {len(self.docs)} documents but {len(self.labels)} label lists"
            )
        if self.negatives is not None and len(self.negatives) != len(self.docs):
            raise ValueError(
                f"scheme {self.scheme}: {len(self.docs)} documents but {len(self.negatives)} negative lists"
            )


@dataclass(frozen=True)
class Reason:
    """Why a code was suggested.

    ``neighbours``: (training document id, similarity) of the nearest training documents that
    carry the code; ``words``: the words of the text that weighed most for the code.
    """

    neighbours: list[tuple[str, float]] = field(default_factory=list)
    words: list[tuple[str, float]] = field(default_factory=list)


@dataclass(frozen=True)
class Suggestion:
    """One ranked code. ``confidence`` is calibrated (of suggestions at 0.9 about 90% are right);
    ``score`` is the raw ensemble score. ``ambiguous``: too close to the next code to call.
    ``backoff``: a parent suggested because the leaf was uncertain."""

    scheme: str
    code: str
    label: str | None
    confidence: float
    score: float
    ambiguous: bool = False
    backoff: bool = False
    reason: Reason = field(default_factory=Reason)
