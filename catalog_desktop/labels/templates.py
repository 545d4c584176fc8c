"""Label stock as data: where labels sit on a page (``resources/labels/templates.toml``).

A library adds its own stock in a file of the same form; the bundled templates come first,
then the user's file in the user data folder (``label-templates.toml``), then any file named
on the command line: a later template with the same name replaces an earlier one.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from catalog_desktop.labels.config import LabelConfigError
from catalog_desktop.resources import resources_dir

__all__ = ["Template", "load_templates", "template_named", "user_templates_path"]

_NUMBERS = ("page_width", "page_height", "label_width", "label_height", "left", "top", "pitch_x", "pitch_y")
_TOLERANCE = 0.05  # mm: printers' stock sizes are given to a tenth of a millimetre


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    description: str
    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float
    corner_radius: float = 0.0
    source: str = ""

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def position(self, index: int) -> tuple[float, float]:
        """Top-left corner (mm) of the label at 0-based ``index`` on a page, row by row."""
        row, column = divmod(index, self.columns)
        return self.left + column * self.pitch_x, self.top + row * self.pitch_y


def _template(entry: dict, source: str) -> Template:
    name = entry.get("name")
    if not isinstance(name, str) or not name:
        raise LabelConfigError(f"{source}: a [[template]] without a name")
    try:
        values = {k: float(entry[k]) for k in _NUMBERS}
        columns, rows = int(entry["columns"]), int(entry["rows"])
    except KeyError as exc:
        raise LabelConfigError(f"{source}: template {name!r} has no {exc.args[0]}") from None
    except (TypeError, ValueError) as exc:
        raise LabelConfigError(f"{source}: template {name!r}: {exc}") from None
    t = Template(name, str(entry.get("description", "")), columns=columns, rows=rows,
                 corner_radius=float(entry.get("corner_radius", 0)), source=source, **values)
    if columns < 1 or rows < 1 or min(values.values()) < 0 or t.label_width <= 0 or t.label_height <= 0:
        raise LabelConfigError(f"{source}: template {name!r}: sizes must be positive and at least one row and column")
    right = t.left + (columns - 1) * t.pitch_x + t.label_width
    bottom = t.top + (rows - 1) * t.pitch_y + t.label_height
    if right > t.page_width + _TOLERANCE or bottom > t.page_height + _TOLERANCE:
        raise LabelConfigError(
            f"{source}: template {name!r}: the labels reach {right:.1f} x {bottom:.1f} mm, "
            f"past the page of {t.page_width:g} x {t.page_height:g} mm")
    if t.pitch_x + _TOLERANCE < t.label_width and columns > 1 or t.pitch_y + _TOLERANCE < t.label_height and rows > 1:
        raise LabelConfigError(f"{source}: template {name!r}: labels overlap (pitch smaller than the label)")
    return t


def read_template_file(path: Path) -> list[Template]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LabelConfigError(f"{path}: cannot read label templates: {exc}") from None
    entries = data.get("template")
    if not isinstance(entries, list) or not entries:
        raise LabelConfigError(f"{path}: no [[template]] tables")
    return [_template(e, str(path)) for e in entries]


def user_templates_path() -> Path:
    from catalog_desktop.catalogue.db import default_location

    return default_location().with_name("label-templates.toml")


def load_templates(extra: Iterable[str | Path] = (), *, include_user: bool = True) -> dict[str, Template]:
    """Bundled templates, then the user's file (if any), then ``extra`` files; by name."""
    files = [resources_dir() / "labels" / "templates.toml"]
    if include_user and (user := user_templates_path()).is_file():
        files.append(user)
    files += [Path(p) for p in extra]
    out: dict[str, Template] = {}
    for path in files:
        for t in read_template_file(path):
            out[t.name] = t
    return out


def template_named(name: str, templates: dict[str, Template]) -> Template:
    try:
        return templates[name]
    except KeyError:
        raise LabelConfigError(f"no label template {name!r}; choose from {', '.join(templates)}") from None
