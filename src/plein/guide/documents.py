"""The draft project plan of a route: one set of data (`plan_data`), two documents. The DOCX
(python-docx) is for editing further: real headings, a table-of-contents field, tables for the
partners, the planning and the budget. The PDF (WeasyPrint) is for sharing."""

import io
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _

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


def _toc_field(paragraph):
    """A real Word table-of-contents field (headings 1-2); Word and LibreOffice fill it in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    run._r.append(fld("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = 'TOC \\o "1-2" \\h \\z \\u'
    run._r.append(instr)
    run._r.append(fld("separate"))
    paragraph.add_run(_("Right-click here and choose “Update field” to fill in the table of contents."))
    end = paragraph.add_run()
    end._r.append(fld("end"))


def _update_fields_on_open(document):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    document.settings.element.append(el)


def _table(document, headers, rows, empty):
    if not rows:
        document.add_paragraph(empty)
        return None
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
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
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = _("Project plan Ontwikkelplein – %(library)s") % {"library": plan.library}
    document.core_properties.language = "nl-NL"
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10.5)
    document.add_heading(_("Project plan Ontwikkelplein"), 0)
    intro = document.add_paragraph()
    intro.add_run(plan.library).bold = True
    intro.add_run(f"\n{plan.trajectory} · {plan.location}")
    document.add_paragraph(
        _("Draft made by Plein on %(date)s from the answers in the guide (version %(version)s). Edit it further.")
        % {"date": plan.date, "version": plan.version or "–"}
    )
    document.add_heading(_("Contents"), 1)
    _toc_field(document.add_paragraph())
    _update_fields_on_open(document)

    document.add_heading(_("Progress"), 1)
    _table(
        document,
        [_("Phase"), _("Steps done")],
        [(phase, f"{done} / {total}") for phase, done, total in plan.progress],
        "",
    )
    for phase in plan.phases:
        document.add_heading(phase.title, 1)
        if phase.intro:
            document.add_paragraph(phase.intro)
        for step in phase.steps:
            document.add_heading(step.title, 2)
            for question, answer in step.answers:
                p = document.add_paragraph()
                p.add_run(question).bold = True
                document.add_paragraph(answer or _("Not answered yet."))
    document.add_heading(_("Partners"), 1)
    _table(
        document,
        [_("Partner"), _("Role"), _("Themes"), _("Agreement")],
        plan.partners,
        _("No partners yet."),
    )
    document.add_heading(_("The library's other programmes"), 1)
    _table(
        document,
        [_("Programme"), _("Where"), _("Partners")],
        plan.portfolio,
        _("The library has not described its programmes in “EMB in verbinding” yet."),
    )
    document.add_heading(_("Planning"), 1)
    _table(
        document,
        [_("Action"), _("Who"), _("Ready by"), _("Status")],
        plan.planning,
        _("No actions yet."),
    )
    document.add_heading(_("Budget"), 1)
    _table(document, [_("Question"), _("Answer")], [(q, a or "–") for q, a in plan.budget], _("No budget yet."))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- PDF ----------------------------------------------------------------------------------


def plan_pdf(plan: Plan) -> bytes:
    from django.contrib.staticfiles import finders
    from django.template.loader import render_to_string
    from weasyprint import CSS, HTML

    html = render_to_string("guide/plan_pdf.html", {"plan": plan})
    css = CSS(filename=finders.find("plein/print.css"))
    return HTML(string=html, base_url=str(settings.DJANGO_PROJECT_DIR)).write_pdf(
        stylesheets=[css], pdf_variant="pdf/ua-1"
    )
