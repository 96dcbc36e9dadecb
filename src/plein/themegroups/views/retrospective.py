"""The year's retrospective: the facilitator's draft, the PDF and the public page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from plein.common.pdf import pdf_response, render_pdf

from .. import selectors, services
from ..choices import RetrospectiveStatus
from ..forms import RetrospectiveForm
from .base import GroupObjectMixin, group_crumbs


class RetrospectiveEditView(GroupObjectMixin, View):
    permission_required = "themegroups.manage_group"

    @cached_property
    def saved(self):
        return selectors.group_retrospective(group=self.group)

    @cached_property
    def retrospective(self):
        """The saved retrospective or, until one is saved, the draft from the data: opening the
        page writes nothing (it used to save the draft on the first visit)."""
        return self.saved or services.retrospective_unsaved_draft(group=self.group)

    def get(self, request, uuid):
        r = self.retrospective
        return self.render(
            RetrospectiveForm(initial={"title": r.title, "introduction": r.introduction, "body": r.body})
        )

    def post(self, request, uuid):
        action = request.POST.get("actie", "opslaan")
        try:
            if action == "opnieuw":
                services.retrospective_generate(group=self.group, acting_user=request.user)
                messages.success(request, _("The draft has been written again from the current data."))
                return redirect("themegroups:retrospective", uuid)
            if action in ("publiceren", "intrekken"):
                # Publishing what was never saved saves the draft from the data first.
                r = self.saved or services.retrospective_generate(group=self.group, acting_user=request.user)
                services.retrospective_set_published(
                    retrospective=r, acting_user=request.user, published=action == "publiceren"
                )
                messages.success(
                    request,
                    _("The retrospective is public now.")
                    if action == "publiceren"
                    else _("The retrospective is no longer public."),
                )
                return redirect("themegroups:retrospective", uuid)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("themegroups:retrospective", uuid)
        form = RetrospectiveForm(request.POST)
        if form.is_valid():
            if self.saved is None:
                services.retrospective_create(group=self.group, acting_user=request.user, **form.cleaned_data)
            else:
                services.retrospective_update(retrospective=self.saved, acting_user=request.user, **form.cleaned_data)
            messages.success(request, _("The retrospective has been saved."))
            return redirect("themegroups:retrospective", uuid)
        return self.render(form)

    def render(self, form):
        title = _("Retrospective")
        return render(
            self.request,
            "themegroups/retrospective_form.html",
            {
                "form": form,
                "retrospective": self.retrospective,
                "group": self.group,
                "page_title": title,
                "is_published": self.retrospective.status == RetrospectiveStatus.PUBLISHED,
                "breadcrumbs": group_crumbs(self.group, (title, None)),
            },
        )


def _retrospective_pdf(retrospective) -> bytes:
    return render_pdf(
        "themegroups/retrospective_pdf.html", {"retrospective": retrospective, "group": retrospective.group}
    )


class RetrospectivePdfView(GroupObjectMixin, View):
    permission_required = "themegroups.manage_group"

    def get(self, request, uuid):
        # Before the facilitator saved it, the PDF is the draft from the data (nothing is saved).
        retrospective = selectors.group_retrospective(group=self.group) or services.retrospective_unsaved_draft(
            group=self.group
        )
        return pdf_response(
            _retrospective_pdf(retrospective), filename=f"terugblik-{self.group.programme_year.year}.pdf"
        )


def retrospective_public(request, uuid):
    retrospective = selectors.published_retrospective_get(uuid=uuid)
    if request.GET.get("formaat") == "pdf":
        # A published retrospective is public: the browser may keep it.
        return pdf_response(
            _retrospective_pdf(retrospective),
            filename=f"terugblik-{retrospective.group.programme_year.year}.pdf",
            inline=True,
            private=False,
        )
    return render(
        request,
        "themegroups/retrospective_public.html",
        {
            "retrospective": retrospective,
            "page_title": retrospective.title,
            "breadcrumbs": [(retrospective.title, None)],
        },
    )
