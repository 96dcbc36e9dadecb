"""Pages for programme years and theme groups."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from plein.accounts.choices import Role
from plein.common.forms import add_service_errors
from plein.common.views_base import PleinPermissionMixin, render_form_page

from .. import selectors, services
from ..forms import (
    ProgrammeYearForm,
    ThemeGroupForm,
)
from .base import GroupObjectMixin, ProgrammeYearMixin, group_crumbs, groups_crumb


class GroupListView(PleinPermissionMixin, View):
    permission_required = "themegroups.list_groups"

    def get(self, request):
        groups = list(selectors.group_list(user=request.user))
        years = {}
        for group in groups:
            years.setdefault(group.programme_year, []).append(group)
        own_years = selectors.programme_years_for(user=request.user)
        return render(
            request,
            "themegroups/group_list.html",
            {
                "years": years,
                "own_years": own_years,
                # Only a library signs itself up; a municipality or support organisation does not.
                "is_library_staff": request.user.role in {Role.COORDINATOR, Role.DESK_WORKER},
                "is_municipality": request.user.role == Role.MUNICIPALITY,
                "page_title": _("Theme groups"),
                "breadcrumbs": [(_("Theme groups"), None)],
            },
        )


class ProgrammeYearCreateView(PleinPermissionMixin, View):
    permission_required = "themegroups.manage_programme"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.has_perm(self.permission_required):
            poi = request.user.organisation
            if poi is None or poi.type != "poi":
                raise PermissionDenied
            self.poi = poi
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        next_year = timezone.localdate().year + 1
        return self.render(ProgrammeYearForm(poi=self.poi, initial={"year": next_year}))

    def post(self, request):
        form = ProgrammeYearForm(request.POST, poi=self.poi)
        if form.is_valid():
            try:
                year = services.programme_year_create(acting_user=request.user, poi=self.poi, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Programme year %(year)s has been added.") % {"year": year.year})
                return redirect("themegroups:group_create", year.uuid)
        return self.render(form)

    def render(self, form):
        title = _("New programme year")
        return render_form_page(
            self.request,
            form=form,
            title=title,
            cancel_url=reverse("themegroups:list"),
            breadcrumbs=[groups_crumb(), (title, None)],
        )


class GroupCreateView(ProgrammeYearMixin, View):
    def get(self, request, year_uuid):
        initial = {"facilitators": [request.user.pk]} if request.user.role == "facilitator" else {}
        return self.render(ThemeGroupForm(programme_year=self.programme_year, initial=initial))

    def post(self, request, year_uuid):
        form = ThemeGroupForm(request.POST, programme_year=self.programme_year)
        if form.is_valid():
            group = services.group_save(
                acting_user=request.user, programme_year=self.programme_year, **form.cleaned_data
            )
            messages.success(request, _("The theme group “%(name)s” has been added.") % {"name": group.name})
            return redirect("themegroups:group_detail", group.uuid)
        return self.render(form)

    def render(self, form):
        title = _("New theme group for %(year)s") % {"year": self.programme_year.year}
        return render_form_page(
            self.request,
            form=form,
            title=title,
            cancel_url=reverse("themegroups:list"),
            breadcrumbs=[groups_crumb(), (title, None)],
        )


class GroupDetailView(GroupObjectMixin, View):
    def get(self, request, uuid):
        group = self.group
        user = request.user
        can_manage = user.has_perm("themegroups.manage_group", group)
        context = {
            "group": group,
            "memberships": selectors.active_memberships(group=group),
            "meetings": selectors.group_meetings(group=group),
            "can_manage": can_manage,
            "can_take_part": user.has_perm("themegroups.take_part", group),
            "enrollment_counts": selectors.enrollment_counts(group=group) if can_manage else None,
            "retrospective": selectors.group_retrospective(group=group),
            "page_title": str(group),
            "breadcrumbs": [groups_crumb(), (str(group), None)],
        }
        context["links"] = selectors.group_links(group=group)
        return render(request, "themegroups/group_detail.html", context)


class GroupUpdateView(GroupObjectMixin, View):
    permission_required = "themegroups.manage_group"

    def get(self, request, uuid):
        return self.render(
            ThemeGroupForm(
                instance=self.group,
                programme_year=self.group.programme_year,
                initial={"facilitators": selectors.facilitator_ids(group=self.group)},
            )
        )

    def post(self, request, uuid):
        form = ThemeGroupForm(request.POST, instance=self.group, programme_year=self.group.programme_year)
        if form.is_valid():
            services.group_save(acting_user=request.user, group=self.group, **form.cleaned_data)
            messages.success(request, _("The changes have been saved."))
            return redirect("themegroups:group_detail", self.group.uuid)
        return self.render(form)

    def render(self, form):
        title = _("Change theme group")
        return render_form_page(
            self.request,
            form=form,
            title=title,
            cancel_url=reverse("themegroups:group_detail", args=[self.group.uuid]),
            breadcrumbs=group_crumbs(self.group, (title, None)),
        )


class GroupHistoryView(GroupObjectMixin, View):
    permission_required = "audit.view_history"

    def get(self, request, uuid):
        group = self.group
        title = _("History")
        entries = selectors.group_history(group=group)
        return render(
            request,
            "audit/history.html",
            {
                "entries": entries,
                "subject": str(group),
                "page_title": title,
                "breadcrumbs": group_crumbs(group, (title, None)),
            },
        )
