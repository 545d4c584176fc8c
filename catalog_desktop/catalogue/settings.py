"""``catalogue.settings``: catalogue-wide settings that travel with the database (calibre's DBPrefs).

Values are JSON. A person's own preferences (window state...) belong in QSettings, not here.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, insert, select, update

from catalog_desktop.catalogue.changes import Change
from catalog_desktop.catalogue.db import reading, writing
from catalog_desktop.catalogue.models import Setting

_S = Setting.__table__

# Declared once, with their defaults.
DEFAULTS: dict[str, Any] = {
    "profile": "openvlacc",  # the field profile records are understood with
    # Official ZIZO/SISO/genre lists loaded over the bundled (partial) defaults, for every
    # workstation on this catalogue. Files on a shared drive: paths or ["siso", path] pairs ...
    "vocabulary_files": [],
    # ... and lists kept as text, so they travel with the catalogue (loaded after the files):
    # [VocabularyList.as_setting(), ...], managed with ``catalog vocab use``.
    "vocab_lists": [],
}


class Settings:
    def __init__(self, engine, lock):
        self._engine = engine
        self._lock = lock

    def get(self, key: str, default: Any = None) -> Any:
        with reading(self._engine) as conn:
            value = conn.execute(select(_S.c.value).where(_S.c.key == key)).scalar_one_or_none()
        if value is None:
            return DEFAULTS.get(key, default) if default is None else default
        return json.loads(value)

    def set(self, key: str, value: Any) -> Change:
        text = json.dumps(value, ensure_ascii=False)
        with self._lock, writing(self._engine) as conn:
            if conn.execute(update(_S).where(_S.c.key == key).values(value=text)).rowcount == 0:
                conn.execute(insert(_S).values(key=key, value=text))
        return Change(settings=(key,), reason="setting")

    def delete(self, key: str) -> Change:
        with self._lock, writing(self._engine) as conn:
            conn.execute(delete(_S).where(_S.c.key == key))
        return Change(settings=(key,), reason="setting")

    def all(self) -> dict[str, Any]:
        with reading(self._engine) as conn:
            stored = {k: json.loads(v) for k, v in conn.execute(select(_S.c.key, _S.c.value))}
        return {**DEFAULTS, **stored}
