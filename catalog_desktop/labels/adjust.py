"""Per-copy label adjustments, checked: only label fields, only copies the record has.

The rows live in the catalogue (``catalogue.label_adjustments``); this module says which
fields may change (:data:`~catalog_desktop.labels.data.ADJUSTABLE`) and what a copy is
(its barcode, ``seq:<n>``, or ``seq:0`` for a record without copies).
"""

from __future__ import annotations

import re

from catalog_desktop.labels.data import ADJUSTABLE
from catalog_desktop.labels.rules import copies_of

__all__ = ["AdjustmentError", "clear_adjustment", "set_adjustment"]

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class AdjustmentError(ValueError):
    """A per-copy change that cannot be made; the message names record, copy and field.

    ``str()`` is English (the command line's); :meth:`message` gives it in Dutch for the window."""

    def __init__(self, english: str, dutch: str) -> None:
        super().__init__(english)
        self.dutch = dutch

    def message(self, language: str = "nl") -> str:
        return self.dutch if language == "nl" else str(self)


def _check_copy(catalogue, record_id: int, item_key: str) -> None:
    keys = [key for key, _ in copies_of(catalogue.records.entities(record_id).entities)]
    if item_key not in keys:
        raise AdjustmentError(f"record {record_id} has no copy {item_key!r}; its copies: {', '.join(keys)}",
                              f"record {record_id} heeft geen exemplaar {item_key!r}; zijn exemplaren: {', '.join(keys)}")


def set_adjustment(catalogue, record_id: int, item_key: str, field: str, value: str, *, who: str | None = None):
    """Change what one copy's label says; the record is not touched."""
    if field not in ADJUSTABLE:
        raise AdjustmentError(f"{field!r} cannot be changed per copy; choose from {', '.join(ADJUSTABLE)}",
                              f"{field!r} kan niet per exemplaar aangepast worden; kies uit {', '.join(ADJUSTABLE)}")
    if field in ("colour", "age_colour") and not _COLOUR.fullmatch(value):
        raise AdjustmentError(f"{field} {value!r} is not a colour of the form #rrggbb",
                              f"{field} {value!r} is geen kleur van de vorm #rrggbb (bijvoorbeeld #1b6ac9)")
    _check_copy(catalogue, record_id, item_key)
    return catalogue.label_adjustments.set(record_id, item_key, field, value, who=who)


def clear_adjustment(catalogue, record_id: int, item_key: str, field: str | None = None) -> int:
    if field is not None and field not in ADJUSTABLE:
        raise AdjustmentError(f"{field!r} is not a label field; choose from {', '.join(ADJUSTABLE)}",
                              f"{field!r} is geen etiketveld; kies uit {', '.join(ADJUSTABLE)}")
    return catalogue.label_adjustments.clear(record_id, item_key, field)
