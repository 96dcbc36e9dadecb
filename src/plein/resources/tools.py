"""The article's two tools, made from Plein's own content.

"De educatief maatschappelijke bibliotheek in verbinding" is the EMB conversation: its
interactive version is the conversation and map under "EMB in verbinding", its worksheet the
national programme catalogue with the conversation's questions for each programme. The
"Handreiking voor het werken met een Ontwikkelplein" is the guide: its interactive version is
the Ontwikkelplein route, its worksheet the published guide's phases, steps, questions,
checklists and tips. Both worksheets are printed when asked for, so they follow the content:
a facilitator who changes a programme or publishes a new guide version changes the worksheet.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class Tool:
    seed_key: str
    filename: str
    template: str
    intro: str  # what the interactive version is, on the resource page

    def context(self) -> dict:
        return {"emb-in-verbinding": _emb_context, "handreiking-ontwikkelplein": _guide_context}[self.seed_key]()

    def interactive_link(self, user):
        """(label, url) of the interactive version for this person, or None when they have none."""
        return {"emb-in-verbinding": _emb_link, "handreiking-ontwikkelplein": _guide_link}[self.seed_key](user)


TOOLS = {
    tool.seed_key: tool
    for tool in [
        Tool(
            "emb-in-verbinding",
            "werkblad-emb-in-verbinding",
            "resources/worksheets/emb.html",
            gettext_lazy(
                "Plein has this format built in: under “EMB in connection” a library's team talks about "
                "each programme and its connection with the IDO, one programme at a time, and sees the "
                "connections on a map."
            ),
        ),
        Tool(
            "handreiking-ontwikkelplein",
            "werkblad-handreiking-ontwikkelplein",
            "resources/worksheets/guide.html",
            gettext_lazy(
                "Plein has this guide built in: under “Ontwikkelplein” a library goes through the phases "
                "step by step, answers the questions, ticks the checklists and makes a project plan from it."
            ),
        ),
    ]
}


def tool_for(resource) -> Tool | None:
    return TOOLS.get(resource.seed_key) if resource.seed_key else None


# --- EMB ----------------------------------------------------------------------------------


def _emb_context() -> dict:
    from plein.emb.forms import ConnectionFieldsForm
    from plein.emb.seed import IDO
    from plein.emb.selectors import catalogue

    programmes = list(catalogue())
    form = ConnectionFieldsForm()
    return {
        "ido": next((p for p in programmes if p.key == IDO), None),
        "programmes": [p for p in programmes if p.key != IDO],
        "kind": form["kind"],
        "strength": form["strength"],
        "questions": [form["opportunities"], form["challenges"]],
    }


def _emb_link(user):
    organisation = user.organisation if user.organisation_id else None
    if organisation is not None and organisation.is_library:
        if user.has_perm("emb.change_portfolio", organisation):
            return _("Hold the conversation in Plein"), reverse("emb:conversation", args=[organisation.uuid])
        if user.has_perm("emb.view_portfolio", organisation):
            return _("See your library's EMB map in Plein"), reverse("emb:map", args=[organisation.uuid])
    if user.has_perm("emb.manage_catalogue"):
        return _("Open “EMB in connection” in Plein"), reverse("emb:catalogue")
    return None


# --- the guide ----------------------------------------------------------------------------


def _guide_context() -> dict:
    from plein.guide.choices import ItemKind
    from plein.guide.selectors import published_version, structure

    version = published_version()
    phases = []
    for phase in structure(version):
        steps = []
        for step in phase.steps.all():
            items = list(step.items.all())
            steps.append(
                {
                    "step": step,
                    "questions": [i for i in items if i.kind == ItemKind.QUESTION],
                    "checks": [i for i in items if i.kind == ItemKind.CHECK],
                }
            )
        phases.append({"phase": phase, "steps": steps})
    return {"version": version, "phases": phases}


def _guide_link(user):
    if user.has_perm("guide.view_overview"):
        return _("Open the Ontwikkelplein guide in Plein"), reverse("guide:overview")
    organisation = user.organisation if user.organisation_id else None
    if organisation is not None and organisation.is_library and user.has_perm("guide.view_route", organisation):
        return _("Work through the guide in Plein"), reverse("guide:library", args=[organisation.uuid])
    return None


# --- the worksheet ------------------------------------------------------------------------


def worksheet_pdf(tool: Tool, *, title: str) -> bytes:
    from django.contrib.staticfiles import finders
    from django.template.loader import render_to_string
    from weasyprint import CSS, HTML

    html = render_to_string(
        tool.template,
        {**tool.context(), "title": title, "date": formats.date_format(timezone.localdate(), "j F Y")},
    )
    css = [CSS(filename=finders.find("plein/print.css")), CSS(filename=finders.find("plein/worksheet-print.css"))]
    return HTML(string=html, base_url=str(settings.DJANGO_PROJECT_DIR)).write_pdf(
        stylesheets=css, pdf_variant="pdf/ua-1"
    )
