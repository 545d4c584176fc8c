"""The record editor: the entity view and the flat MARC view of one draft, always in step.

Both views are drawn from one core :class:`~catalog_desktop.catalogue.drafts.Draft`: typing
in the MARC text re-reads the draft (and so the entities); changing a field of the entity
form writes its subfield into the draft (and so the MARC). Validation messages, what is
missing, saving as a step: all the draft's (core) work.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from catalog_desktop.gui.marc_editor import MarcEditor
from catalog_desktop.gui.presence_label import PresenceLabel

ENTITY_LABELS = {
    "title": QT_TRANSLATE_NOOP("RecordEditor", "Title"),
    "subtitle": QT_TRANSLATE_NOOP("RecordEditor", "Subtitle"),
    "author": QT_TRANSLATE_NOOP("RecordEditor", "Author"),
    "publisher": QT_TRANSLATE_NOOP("RecordEditor", "Publisher"),
    "year": QT_TRANSLATE_NOOP("RecordEditor", "Year"),
    "isbn": QT_TRANSLATE_NOOP("RecordEditor", "ISBN"),
}


class RecordEditor(QWidget):
    saved = Signal(object)  # the core Change
    draft_changed = Signal()

    def __init__(self, catalogue, language: str = "nl", parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.language = language
        self.draft = None
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.presence = PresenceLabel(catalogue.presence)
        self.presence.refreshed.connect(self.check_saved_elsewhere)
        self.elsewhere = QLabel()  # "saved meanwhile by …", before the save meets a conflict
        self.elsewhere.setObjectName("saved_elsewhere")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.hide()
        self.conflict_dialog = None
        self.tabs = QTabWidget()
        entities_page = QWidget()
        form = QFormLayout()
        self.entity_fields: dict[str, QLineEdit] = {}
        for key, label in ENTITY_LABELS.items():
            edit = QLineEdit()
            edit.setObjectName(f"entity_{key}")
            edit.editingFinished.connect(lambda key=key: self._entity_edited(key))
            form.addRow(QCoreApplication.translate("RecordEditor", label), edit)
            self.entity_fields[key] = edit
        self.entities_view = QTextBrowser()
        page_layout = QVBoxLayout(entities_page)
        page_layout.addLayout(form)
        page_layout.addWidget(self.entities_view, 1)
        self.marc = MarcEditor()
        self.marc.edited.connect(self._marc_edited)
        self.tabs.addTab(entities_page, self.tr("Entities"))
        self.tabs.addTab(self.marc, self.tr("MARC"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.presence)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.tabs, 1)
        self.show_nothing()

    # --- showing ------------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.draft = None
        self.presence.show_record(None)
        self.header.setText("")
        hint = self.tr("Choose a record in the list.")
        self.entities_view.setHtml(f"<p><i>{escape(hint)}</i></p>")
        self.marc.set_text("")
        self.marc.show_messages([])
        for edit in self.entity_fields.values():
            edit.setText("")
        self.setEnabled(True)

    def open_record(self, record_id: int) -> None:
        from catalog_desktop.catalogue.drafts import Draft

        self.open_draft(Draft.of(self.catalogue, record_id))

    def open_draft(self, draft) -> None:
        self.draft = draft
        self.elsewhere.hide()
        self.presence.show_record(draft.record_id)
        self.marc.set_text(draft.text)
        self._refresh(form=True)

    def _refresh(self, form: bool) -> None:
        d = self.draft
        if form:
            for key, value in d.entity_values().items():
                if self.entity_fields[key].text() != value:
                    self.entity_fields[key].setText(value)
        self.entities_view.setHtml(self.entities_html())
        messages = d.check()
        self.marc.show_messages([(m.line, m.severity, m.text(self.language)) for m in messages])
        state = self.tr("not saved") if d.dirty else ""
        name = d.record.value("245", "a") or self.tr("(no title)")
        number = d.record.control_number or (self.tr("new record") if d.record_id is None else "")
        self.header.setText(f"<b>{escape(name.strip(' /:'))}</b> <small>{escape(number)}</small> "
                            f"<span style='color:#b00000'>{escape(state)}</span>")
        self.draft_changed.emit()

    # --- the two ways in ----------------------------------------------------------------

    def _marc_edited(self, text: str) -> None:
        if self.draft is None:
            return
        self.draft.set_text(text)
        self._refresh(form=True)

    def _entity_edited(self, key: str) -> None:
        if self.draft is None:
            return
        value = self.entity_fields[key].text()
        if self.draft.entity_values()[key] == value.strip():
            return
        self.draft.set_entity(key, value)
        self.marc.set_text(self.draft.text)
        self._refresh(form=False)

    def save(self):
        """Save the draft as one step. Someone else saved it meanwhile: the conflict dialog
        compares both versions; an unreadable line is told. Nothing is lost either way."""
        from catalog_desktop.catalogue.errors import CatalogueError, VersionConflict

        if self.draft is None:
            return None
        self.marc.flush()
        try:
            change = self.draft.save()
        except VersionConflict as conflict:
            self.open_conflict(conflict)
            return None
        except CatalogueError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return None
        self._saved(change)
        return change

    def open_conflict(self, error):
        from catalog_desktop.catalogue.errors import CatalogueError
        from catalog_desktop.gui.conflict_dialog import ConflictDialog

        try:
            conflict = self.draft.conflict(error)
        except CatalogueError as exc:  # the record was deleted meanwhile: nothing to compare
            QMessageBox.warning(self, self.tr("Not saved"), f"{error}\n{exc}")
            return None
        self.conflict_dialog = ConflictDialog(self.draft, conflict, self)
        self.conflict_dialog.accepted.connect(lambda: self._saved(self.conflict_dialog.change))
        self.conflict_dialog.open()
        return self.conflict_dialog

    def check_saved_elsewhere(self) -> None:
        """Someone saved the record shown: an unchanged draft is reloaded; a changed one is
        told, so the cataloger knows a comparison will come when saving."""
        d = self.draft
        newer = self.presence.ask(d.saved_elsewhere) if d is not None else None
        if newer is None:
            return
        if not d.dirty:
            self.open_record(d.record_id)
            return
        who = newer[1] or self.tr("someone else")
        text = self.tr("%1 saved this record meanwhile (version %2). Your changes are not saved yet: saving will "
                       "let you compare both versions.").replace("%1", who).replace("%2", str(newer[0]))
        self.elsewhere.setText(f"<span style='color:#b00000'>{escape(text)}</span>")
        self.elsewhere.show()

    def _saved(self, change) -> None:
        self.elsewhere.hide()
        self.marc.set_text(self.draft.text)
        self._refresh(form=True)
        self.saved.emit(change)

    def release(self) -> None:
        """The window closes: others no longer see this record open here."""
        self.presence.release()

    # --- the entity view ----------------------------------------------------------------

    def entities_html(self) -> str:
        from catalog_desktop.catalogue.code_info import code_info
        from catalog_desktop.catalogue.wording import value_text

        d = self.draft
        e = d.entities()
        parts = [f"<h2>{escape(e.title)}{(' : ' + escape(e.subtitle)) if e.subtitle else ''}</h2>"]
        if e.responsibility:
            parts.append(f"<p>{escape(e.responsibility)}</p>")
        facts = [
            (self.tr("Vlacc number"), e.control_number), (self.tr("Edition"), e.edition),
            (self.tr("Publisher"), e.publisher), (self.tr("Year"), e.year), (self.tr("ISBN"), ", ".join(e.isbns)),
            (self.tr("Language"), value_text("language", e.language, self.language)),
            (self.tr("Material"), value_text("material", e.material, self.language)),
            (self.tr("Literary type"), value_text("literary_type", e.literary_type, self.language)),
            (self.tr("Audience"), e.audience),
            (self.tr("Series"), "; ".join(e.series)),
        ]
        parts.append(_table([(k, escape(str(v))) for k, v in facts if v]))
        if d.record_id is not None:
            view = self.catalogue.records.entities(d.record_id)
            if view.work:
                count = self.tr("%n edition(s) in the catalogue", "", view.work.editions)
                author = f" / {escape(view.work.author)}" if view.work.author else ""
                heading = self.tr("Work")
                parts.append(f"<h3>{escape(heading)}</h3><p><b>{escape(view.work.title)}</b>{author} — "
                             f"{escape(count)}</p>")
                others = [f"{s.title} ({s.year or '?'})" for s in view.editions if s.id != d.record_id]
                parts.append(_bullets(others))
        if e.agents:
            parts.append(_section(self.tr("Agents"), [f"{a.name} ({value_text('role', a.role, self.language)})" for a in e.agents]))
        infos = code_info(e.codes, self.catalogue.vocabularies())
        label_genre, unlisted, codes_heading = self.tr("label genre"), self.tr("not in the list"), self.tr("Codes")
        if infos:
            rows = []
            for c in infos:
                swatch = (f"<span style='background:{escape(c.colour)}'>&nbsp;&nbsp;&nbsp;</span> "
                          if c.colour else "")
                path = " &gt; ".join(escape(p) for p in c.path)
                label = escape(c.label) if c.label and c.label != c.code else ""
                extra = ""
                if c.etiketgenre:
                    extra += f" <b>[{escape(label_genre)}]</b>"
                if not c.in_list:
                    extra += f" <i>({escape(unlisted)})</i>"
                text = f"{swatch}<b>{escape(c.code)}</b> {label}"
                if path and c.scheme in ("zizo", "siso"):
                    text += f"<br><small>{path}</small>"
                rows.append((c.scheme.upper(), text + extra + f" <small>[{escape(c.tag)}]</small>"))
            parts.append(f"<h3>{escape(codes_heading)}</h3>" + _table(rows))
        if e.subjects:
            parts.append(_section(self.tr("Subjects"), [f"{s.term} ({value_text('subject_kind', s.kind, self.language)})" for s in e.subjects]))
        if e.items:
            items = [" · ".join(x for x in (i.barcode, i.library, i.location, i.call_number) if x) for i in e.items]
            parts.append(_section(self.tr("Items"), items))
        return "".join(parts)


def _bullets(lines) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>" if lines else ""


def _section(heading: str, lines) -> str:
    return f"<h3>{escape(heading)}</h3>" + _bullets(lines)


def _table(rows) -> str:
    cells = "".join(f"<tr><td style='padding-right:12px;color:#555'>{escape(k)}</td><td>{v}</td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"
