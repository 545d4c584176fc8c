"""Spine labels: from a record's codes to printed label sheets and Biblioprint label data.

The modules, in the order data flows through them:

* :mod:`config` — the rules file ``resources/labels/label-rules.toml`` (local defaults);
* :mod:`shelving`, :mod:`etiketveld`, :mod:`rules` — which label a copy gets and what it says:
  shelving word, age group, the Open Vlacc label field (MARC 999) read or generated;
* :mod:`collect` — a run over the catalogue (selection, progress, cancel) giving
  :class:`~catalog_desktop.labels.data.LabelData` per copy and problems for copies without one;
* :mod:`store` — generated 999s written into records through the catalogue's edit path;
* :mod:`adjust` — per-copy changes (kept in the catalogue, not in the record);
* :mod:`templates`, :mod:`layout`, :mod:`barcode`, :mod:`pictograms` — label stock and the
  layout model (millimetres, shared by the PDF writer and the Qt painter);
* :mod:`pdf`, :mod:`datafile` — the outputs: PDF sheets, CSV/JSON data file;
* :mod:`run` — one job from selection to files, used by ``catalog labels`` and the GUI.

Nothing here imports Qt.
"""
