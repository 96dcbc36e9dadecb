"""The draft project plan of a route: one set of data (`plan_data`), two documents. The DOCX
(python-docx) is for editing further: real headings, a table-of-contents field, tables for the
partners, the planning and the budget. The PDF (WeasyPrint) is for sharing."""

import datetime
import io
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from plein.common.pdf import render_pdf

from . import selectors
from .choices import AgreementStatus

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BUDGET_STEP = "financien"


@dataclass
class PlanStep:
    title: str
    done: bool
    answers: list  # (question, answer)


@dataclass
class PlanPhase:
    title: str
    intro: str
    steps: list


@dataclass
class Plan:
    library: str
    trajectory: str
    location: str
    date: str
    version: int | None
    phases: list
    partners: list  # (name, roles, themes, agreement)
    planning: list  # (title, owner, due, status)
    budget: list  # (question, answer)
    progress: list = field(default_factory=list)  # (phase, done, total)
    portfolio: list = field(default_factory=list)  # (programme, locations, partners) from the EMB map


def _portfolio(library) -> list:
    """The library's programmes from "EMB in verbinding", when it keeps a portfolio there."""
    from django.apps import apps

    if not apps.is_installed("plein.emb"):
        return []
    from plein.emb.selectors import portfolio_for

    return [
        (
            entry.programme.name,
            ", ".join(location.name for location in entry.locations.all()) or "–",
            ", ".join([p.name for p in entry.partners.all()] + entry.other_partner_list) or "–",
        )
        for entry in portfolio_for(library=library)
    ]


def plan_data(trajectory) -> Plan:
    route = selectors.route(trajectory=trajectory)
    phases, budget = [], []
    for phase in route.phases:
        steps = []
        for step in phase.steps.all():
            answers = [(q.text, route.answers.get(q.key, "")) for q in step.questions]
            if step.key == BUDGET_STEP:
                budget = answers
            steps.append(PlanStep(step.title, step.is_done, answers))
        phases.append(PlanPhase(phase.title, phase.intro, steps))
    partners = [
        (p.name, p.role_labels, p.theme_labels, str(AgreementStatus(p.agreement).label))
        for p in selectors.partners_for(trajectory=trajectory)
    ]
    from plein.actions.selectors import plan_for

    planning = [
        (
            a.title,
            a.owner.name if a.owner else _("Nobody yet"),
            formats.date_format(a.due_date, "j F Y") if a.due_date else _("No date yet"),
            str(a.get_status_display()),
        )
        for a in plan_for(library=trajectory.library)
    ]
    return Plan(
        portfolio=_portfolio(trajectory.library),
        library=trajectory.library.name,
        trajectory=trajectory.name,
        location=trajectory.location.name if trajectory.location else _("The whole library"),
        date=formats.date_format(timezone.localdate(), "j F Y"),
        version=route.version.number if route.version else None,
        phases=phases,
        partners=partners,
        planning=planning,
        budget=budget,
        progress=[(p.label, p.done, p.total) for p in route.per_phase],
    )


# --- DOCX ---------------------------------------------------------------------------------


LANGUAGE = "nl-NL"


def _fld(kind):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    return el


def _contents(placeholder, headings):
    """A Word table-of-contents field (headings 1-2) that already holds its entries, one
    paragraph per heading, so LibreOffice, a PDF print and a reader show a filled contents
    before anyone updates the field (Word adds the page numbers when it does). Each entry links
    to its heading (a _Toc bookmark, as Word makes them), also in a PDF printed from it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    entries = []
    for number, (level, text, paragraph) in enumerate(headings, start=1):
        name = f"_Toc{number:08d}"
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(number))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(number))
        runs = paragraph._p.r_lst
        runs[0].addprevious(start)
        runs[-1].addnext(end)
        entry = placeholder.insert_paragraph_before(style=f"toc {level}")
        entries.append(entry)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), name)
        link.set(qn("w:history"), "1")
        run = entry.add_run(text)._r
        run.addprevious(link)
        link.append(run)
    first, last = entries[0], entries[-1]
    begin = OxmlElement("w:r")
    begin.append(_fld("begin"))
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = 'TOC \\o "1-2" \\h \\z \\u'
    instr_run.append(instr)
    separate = OxmlElement("w:r")
    separate.append(_fld("separate"))
    first_link = first._p[-1]  # the entry's hyperlink (pPr comes first)
    for run in (begin, instr_run, separate):
        first_link.addprevious(run)
    end = OxmlElement("w:r")
    end.append(_fld("end"))
    last._p.append(end)
    placeholder._p.getparent().remove(placeholder._p)


def _update_fields_on_open(document):
    """Word asks to update the contents on opening, which adds its page numbers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    document.settings.element.append(el)


def _dutch(document):
    """Dutch for spelling and read-aloud: the default run properties, Normal, the theme fonts'
    language. (The python-docx template says en-US in all of them.)"""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def set_lang(rpr):
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), LANGUAGE)
        for attribute in ("w:eastAsia", "w:bidi"):
            if lang.get(qn(attribute)) == "en-US":
                lang.set(qn(attribute), LANGUAGE)

    styles = document.styles.element
    for rpr in styles.xpath("./w:docDefaults/w:rPrDefault/w:rPr"):
        set_lang(rpr)
    set_lang(document.styles["Normal"].element.get_or_add_rPr())
    for theme_lang in document.settings.element.xpath("./w:themeFontLang"):
        theme_lang.set(qn("w:val"), LANGUAGE)
    # The template also carries a copy of the styles for Word 2010 ("stylesWithEffects").
    for part in document.part.package.iter_parts():
        if str(part.partname).endswith("/stylesWithEffects.xml"):
            part._blob = part.blob.replace(b'"en-US"', f'"{LANGUAGE}"'.encode())


APP_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>Plein</Application><DocSecurity>0</DocSecurity><Company>{company}</Company>\
<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc></Properties>"""


def _properties(document, plan):
    """The document's own metadata instead of the python-docx template's (author "python-docx",
    made in 2013 by "Microsoft Macintosh Word")."""
    from xml.sax.saxutils import escape

    now = timezone.now().astimezone(datetime.UTC).replace(tzinfo=None, microsecond=0)
    core = document.core_properties
    core.title = _("Project plan Ontwikkelplein – %(library)s") % {"library": plan.library}
    core.subject = plan.trajectory
    core.author = plan.library
    core.last_modified_by = "Plein"
    core.comments = _("Draft made by Plein from the answers in the guide.")
    core.keywords = "Ontwikkelplein"
    core.category = ""
    core.language = LANGUAGE
    core.created = now
    core.modified = now
    core.revision = 1
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML.format(company=escape(plan.library)).encode("utf-8")


def _table(document, headers, rows, empty):
    from docx.oxml import OxmlElement

    if not rows:
        document.add_paragraph(empty)
        return None
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    # The first row is the header row: screen readers announce it, Word repeats it on every page.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
    return table


def plan_docx(plan: Plan) -> bytes:
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt

    document = Document()
    _properties(document, plan)
    _dutch(document)
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10.5)
    for level in (1, 2):
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        style.paragraph_format.space_after = Pt(2)
    headings = []

    def heading(text, level):
        headings.append((level, text, document.add_heading(text, level)))

    document.add_heading(_("Project plan Ontwikkelplein"), 0)
    intro = document.add_paragraph()
    intro.add_run(plan.library).bold = True
    intro.add_run(f"\n{plan.trajectory} · {plan.location}")
    document.add_paragraph(
        _("Draft made by Plein on %(date)s from the answers in the guide (version %(version)s). Edit it further.")
        % {"date": plan.date, "version": plan.version or "–"}
    )
    document.add_paragraph(_("Contents"), style="TOC Heading")
    contents = document.add_paragraph()
    _update_fields_on_open(document)

    heading(_("Progress"), 1)
    _table(
        document,
        [_("Phase"), _("Steps done")],
        [(phase, f"{done} / {total}") for phase, done, total in plan.progress],
        "",
    )
    for phase in plan.phases:
        heading(phase.title, 1)
        if phase.intro:
            document.add_paragraph(phase.intro)
        for step in phase.steps:
            heading(step.title, 2)
            for question, answer in step.answers:
                p = document.add_paragraph()
                p.add_run(question).bold = True
                document.add_paragraph(answer or _("Not answered yet."))
    heading(_("Partners"), 1)
    _table(
        document,
        [_("Partner"), _("Role"), _("Themes"), _("Agreement")],
        plan.partners,
        _("No partners yet."),
    )
    heading(_("The library's other programmes"), 1)
    _table(
        document,
        [_("Programme"), _("Where"), _("Partners")],
        plan.portfolio,
        _("The library has not described its programmes in “EMB in verbinding” yet."),
    )
    heading(_("Planning"), 1)
    _table(
        document,
        [_("Action"), _("Who"), _("Ready by"), _("Status")],
        plan.planning,
        _("No actions yet."),
    )
    heading(_("Budget"), 1)
    _table(document, [_("Question"), _("Answer")], [(q, a or "–") for q, a in plan.budget], _("No budget yet."))
    _contents(contents, headings)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- PDF ----------------------------------------------------------------------------------


def plan_pdf(plan: Plan) -> bytes:
    return render_pdf("guide/plan_pdf.html", {"plan": plan})
