"""One record shown two ways: its entities, and its flat MARC exactly as stored."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QTextBrowser


class RecordView(QTabWidget):
    def __init__(self, catalogue, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.entities_view = QTextBrowser()
        self.marc_view = QPlainTextEdit()
        self.marc_view.setReadOnly(True)
        self.marc_view.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.addTab(self.entities_view, self.tr("Entities"))
        self.addTab(self.marc_view, self.tr("MARC"))
        self.show_nothing()

    def show_nothing(self) -> None:
        hint = self.tr("Choose a record in the list.")
        self.entities_view.setHtml(f"<p><i>{escape(hint)}</i></p>")
        self.marc_view.setPlainText("")

    def show_record(self, record_id: int) -> None:
        stored = self.catalogue.records.get(record_id)
        view = self.catalogue.records.entities(record_id)
        self.marc_view.setPlainText(str(stored.record))
        self.entities_view.setHtml(self.entities_html(stored, view))

    def entities_html(self, stored, view) -> str:
        e = view.entities
        parts = [f"<h2>{escape(e.title)}{(' : ' + escape(e.subtitle)) if e.subtitle else ''}</h2>"]
        if e.responsibility:
            parts.append(f"<p>{escape(e.responsibility)}</p>")
        facts = [
            (self.tr("Vlacc number"), e.control_number), (self.tr("Edition"), e.edition), (self.tr("Publisher"), e.publisher),
            (self.tr("Year"), e.year), (self.tr("ISBN"), ", ".join(e.isbns)), (self.tr("Language"), e.language),
            (self.tr("Material"), e.material), (self.tr("Literary type"), e.literary_type), (self.tr("Audience"), e.audience),
            (self.tr("Series"), "; ".join(e.series)),
        ]
        parts.append(_table([(k, v) for k, v in facts if v]))
        if view.work:
            heading, count = self.tr("Work"), self.tr("%n edition(s) in the catalogue", "", view.work.editions)
            author = f" / {escape(view.work.author)}" if view.work.author else ""
            parts.append(f"<h3>{escape(heading)}</h3><p><b>{escape(view.work.title)}</b>{author} — {escape(count)}</p>")
            others = [f"{s.title} ({s.year or '?'})" for s in view.editions if s.id != stored.id]
            parts.append(_bullets(others))
        if e.agents:
            parts.append(_section(self.tr("Agents"), [f"{a.name} ({a.role})" for a in e.agents]))
        if view.codes:
            rows = []
            for c in view.codes:
                label = " &gt; ".join(escape(p) for p in c.path) if c.path else escape(c.label or "")
                rows.append((c.scheme.upper(), f"<b>{escape(c.code)}</b> {label} <small>[{escape(c.tag)}, {escape(c.source)}]</small>"))
            heading = self.tr("Codes")
            parts.append(f"<h3>{escape(heading)}</h3>" + _table(rows, raw_values=True))
        if e.subjects:
            parts.append(_section(self.tr("Subjects"), [f"{s.term} ({s.kind})" for s in e.subjects]))
        if e.items:
            items = [" · ".join(x for x in (i.barcode, i.library, i.location, i.call_number) if x) for i in e.items]
            parts.append(_section(self.tr("Items"), items))
        if stored.warnings:
            parts.append(_section(self.tr("Warnings from the import"), [w.message for w in stored.warnings]))
        return "".join(parts)


def _bullets(lines) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>" if lines else ""


def _section(heading: str, lines) -> str:
    return f"<h3>{escape(heading)}</h3>" + _bullets(lines)


def _table(rows, raw_values: bool = False) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:12px;color:#555'>{escape(k)}</td><td>{v if raw_values else escape(str(v))}</td></tr>"
        for k, v in rows
    )
    return f"<table>{cells}</table>"
