"""Pages of borging: the start page, a branch's service profile (read and edit), the scan of a
library for a year (a criterion's assessment, confirm a proposal, an action from a criterion,
evidence download) and the facilitator's overview (with "put on the agenda"). Thin: reads in
`selectors`, writes in `services`."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from plein.common.forms import add_service_errors
from plein.common.views_base import PleinPermissionMixin

from . import criteria, selectors, services
from .forms import AgendaForm, AssessmentForm, ExceptionFormSet, HoursFormSet, ProfileForm

MIN_YEAR, MAX_YEAR = 2019, 2100


def _year(kwargs) -> int:
    year = int(kwargs["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    return year


def _criterion(kwargs) -> criteria.Criterion:
    criterion = criteria.BY_KEY.get(kwargs["criterion"])
    if criterion is None:
        raise Http404
    return criterion


def _scan_url(library, year) -> str:
    return reverse("borging:scan", args=[library.uuid, year])


def _index_crumb():
    return (_("Borging"), reverse("borging:index"))


class IndexView(PleinPermissionMixin, View):
    """/borging/: the scans and IDO profiles this user keeps or reads."""

    permission_required = "borging.use_borging"

    def get(self, request):
        user = request.user
        year = selectors.current_year()
        return render(
            request,
            "borging/index.html",
            {
                "page_title": _("Borging"),
                "year": year,
                "libraries": selectors.scan_libraries_visible_to(user),
                "locations": selectors.profile_locations_visible_to(user),
                "can_overview": user.has_perm("borging.view_overview"),
            },
        )


# --- profiles -------------------------------------------------------------------------------


class LocationMixin(PleinPermissionMixin):
    @cached_property
    def location(self):
        return selectors.profile_location_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.location

    def crumbs(self, *extra):
        location = self.location
        return [
            _index_crumb(),
            (
                _("IDO profile of %(branch)s") % {"branch": location.name},
                reverse("borging:profile", args=[location.uuid]),
            ),
            *extra,
        ]


class ProfileView(LocationMixin, View):
    permission_required = "borging.view_profile"

    def get(self, request, uuid):
        location = self.location
        return render(
            request,
            "borging/profile.html",
            {
                "page_title": _("IDO profile of %(branch)s") % {"branch": location.name},
                "breadcrumbs": self.crumbs(),
                "location": location,
                "profile": selectors.profile(location),
                "can_change": request.user.has_perm("borging.change_profile", location),
            },
        )


class ProfileEditView(LocationMixin, View):
    permission_required = "borging.change_profile"

    def get(self, request, uuid):
        profile = selectors.profile(self.location)
        hours_initial = (
            [{"weekday": h.weekday, "opens": h.opens, "closes": h.closes, "kind": h.kind} for h in profile.hours.all()]
            if profile
            else []
        )
        exceptions_initial = (
            [
                {k: getattr(e, k) for k in ("starts_on", "ends_on", "closed", "opens", "closes", "note")}
                for e in profile.exceptions.all()
            ]
            if profile
            else []
        )
        return self.render(
            ProfileForm(instance=profile),
            HoursFormSet(prefix="hours", initial=hours_initial),
            ExceptionFormSet(prefix="exceptions", initial=exceptions_initial),
        )

    def post(self, request, uuid):
        location = self.location
        form = ProfileForm(request.POST, instance=selectors.profile(location))
        hours = HoursFormSet(request.POST, prefix="hours")
        exceptions = ExceptionFormSet(request.POST, prefix="exceptions")
        if form.is_valid() and hours.is_valid() and exceptions.is_valid():
            try:
                services.profile_save(
                    location=location,
                    acting_user=request.user,
                    hours=hours.blocks(),
                    exceptions=exceptions.items(),
                    **{name: form.cleaned_data[name] for name in form.Meta.fields},
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The IDO profile is saved."))
                return redirect("borging:profile", uuid=location.uuid)
        return self.render(form, hours, exceptions, status=400)

    def render(self, form, hours, exceptions, status=200):
        location = self.location
        title = _("Change the IDO profile of %(branch)s") % {"branch": location.name}
        return render(
            self.request,
            "borging/profile_form.html",
            {
                "page_title": title,
                "breadcrumbs": self.crumbs((title, "")),
                "location": location,
                "form": form,
                "hours": hours,
                "exceptions": exceptions,
                "has_errors": bool(form.errors or hours.total_error_count() or exceptions.total_error_count()),
                "cancel_url": reverse("borging:profile", args=[location.uuid]),
            },
            status=status,
        )


# --- the scan -------------------------------------------------------------------------------


class ScanMixin(PleinPermissionMixin):
    @cached_property
    def library(self):
        return selectors.scan_library_get(user=self.request.user, uuid=self.kwargs["uuid"])

    @cached_property
    def year(self):
        return _year(self.kwargs)

    def get_permission_object(self):
        return self.library

    def crumbs(self, *extra):
        return [_index_crumb(), (self.scan_title(), _scan_url(self.library, self.year)), *extra]

    def scan_title(self):
        return _("Borging scan %(year)s of %(library)s") % {"year": self.year, "library": self.library.name}


class ScanView(ScanMixin, View):
    permission_required = "borging.view_scan"

    def get(self, request, uuid, year):
        view = selectors.scan_view(library=self.library, year=self.year)
        return render(
            request,
            "borging/scan.html",
            {
                "page_title": self.scan_title(),
                "breadcrumbs": self.crumbs(),
                "scan": view,
                "library": self.library,
                "year": self.year,
                "can_change": request.user.has_perm("borging.change_scan", self.library),
                "can_overview": request.user.has_perm("borging.view_overview"),
            },
        )


class AssessmentEditView(ScanMixin, View):
    permission_required = "borging.change_scan"

    @cached_property
    def row(self):
        criterion = _criterion(self.kwargs)
        view = selectors.scan_view(
            library=self.library, year=self.year, with_derived=criterion.kind == criteria.DERIVED
        )
        return next(r for r in view.rows if r.criterion.key == criterion.key)

    def form(self, data=None, files=None):
        row = self.row
        assessment = row.assessment
        initial = {}
        if assessment:
            initial = {
                "status": assessment.status,
                "note": assessment.note,
                "link": assessment.link,
                "amount": assessment.amount,
                "until": assessment.until,
            }
        return AssessmentForm(
            data,
            files,
            initial=initial,
            criterion=row.criterion,
            has_file=bool(assessment and assessment.file),
            proposal_label=row.proposal_label,
        )

    def get(self, request, uuid, year, criterion):
        return self.render(self.form())

    def post(self, request, uuid, year, criterion):
        form = self.form(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            row = self.row
            try:
                services.assessment_save(
                    library=self.library,
                    year=self.year,
                    criterion=row.criterion.key,
                    acting_user=request.user,
                    status=data.get("status", ""),
                    note=data.get("note", ""),
                    link=data.get("link", ""),
                    upload=data.get("file"),
                    remove_file=data.get("remove_file", False),
                    amount=data.get("amount"),
                    until=data.get("until"),
                    confirmed_derived=bool(row.proposal_label) and data.get("status") == row.proposal.status,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved: %(criterion)s.") % {"criterion": row.criterion.title})
                return redirect(f"{_scan_url(self.library, self.year)}#criterium-{row.criterion.key}")
        return self.render(form, status=400)

    def render(self, form, status=200):
        row = self.row
        return render(
            self.request,
            "borging/assessment_form.html",
            {
                "page_title": row.criterion.title,
                "breadcrumbs": self.crumbs((row.criterion.title, "")),
                "row": row,
                "form": form,
                "submit_label": _("Save"),
                "cancel_url": f"{_scan_url(self.library, self.year)}#criterium-{row.criterion.key}",
            },
            status=status,
        )


class ProposalConfirmView(ScanMixin, View):
    """POST: the coordinator agrees with Plein's proposal for a derived criterion."""

    permission_required = "borging.change_scan"

    def get(self, request, uuid, year, criterion):
        return redirect(_scan_url(self.library, self.year))  # POST only

    def post(self, request, uuid, year, criterion):
        criterion = _criterion(self.kwargs)
        try:
            services.proposal_confirm(
                library=self.library,
                year=self.year,
                criterion=criterion.key,
                acting_user=request.user,
                status=request.POST.get("status", ""),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Confirmed: %(criterion)s.") % {"criterion": criterion.title})
        return redirect(f"{_scan_url(self.library, self.year)}#criterium-{criterion.key}")


class AssessmentActionView(ScanMixin, View):
    """POST: with one click, an action in the library's plan for this criterion."""

    permission_required = "borging.change_scan"

    def get(self, request, uuid, year, criterion):
        return redirect(_scan_url(self.library, self.year))  # POST only

    def post(self, request, uuid, year, criterion):
        criterion = _criterion(self.kwargs)
        with transaction.atomic():
            services.assessment_action_create(
                library=self.library, year=self.year, criterion=criterion.key, acting_user=request.user
            )
        messages.success(
            request,
            _("Added to the action plan: %(criterion)s. Give it an owner and a date in the plan.")
            % {"criterion": criterion.title},
        )
        return redirect(f"{_scan_url(self.library, self.year)}#criterium-{criterion.key}")


class EvidenceFileView(ScanMixin, View):
    permission_required = "borging.view_scan"

    def get(self, request, uuid, year, criterion):
        assessment = selectors.assessment_file_get(
            user=request.user, library_uuid=self.library.uuid, year=self.year, criterion=criterion
        )
        try:
            handle = assessment.file.storage.open(assessment.file.name, "rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=assessment.original_filename or "bewijs",
            content_type=assessment.content_type or "application/octet-stream",
        )
        patch_cache_control(response, private=True, no_store=True)
        return response


# --- the facilitator's overview -------------------------------------------------------------


class OverviewCurrentView(LoginRequiredMixin, View):
    def get(self, request):
        return redirect("borging:overview", year=selectors.current_year())


class OverviewMixin(PleinPermissionMixin):
    permission_required = "borging.view_overview"

    @cached_property
    def year(self):
        return _year(self.kwargs)

    def title(self):
        return _("Borging scans %(year)s of the libraries") % {"year": self.year}


class OverviewView(OverviewMixin, View):
    def get(self, request, year):
        data = selectors.overview(user=request.user, year=self.year)
        meetings = list(selectors.upcoming_meetings_for(request.user))
        return render(
            request,
            "borging/overview.html",
            {
                "page_title": self.title(),
                "breadcrumbs": [_index_crumb(), (self.title(), "")],
                "overview": data,
                "year": self.year,
                "meetings": meetings,
                "colspan": len(data.libraries) + 2 + (1 if meetings else 0),
                "previous_year": self.year - 1,
                "next_year": self.year + 1,
            },
        )


class AgendaAddView(OverviewMixin, View):
    """Put a criterion on the agenda of one of the user's groups' coming meetings."""

    @cached_property
    def criterion(self):
        return _criterion(self.kwargs)

    def meetings(self):
        return selectors.upcoming_meetings_for(self.request.user)

    def get(self, request, year, criterion):
        return self.render(AgendaForm(meetings=self.meetings()))

    def post(self, request, year, criterion):
        form = AgendaForm(request.POST, meetings=self.meetings())
        if form.is_valid():
            meeting = form.cleaned_data["meeting"]
            data = selectors.overview(user=request.user, year=self.year)
            row = next(r for _g, rows in data.groups for r in rows if r.criterion.key == self.criterion.key)
            try:
                services.criterion_to_agenda(
                    meeting=meeting,
                    criterion=self.criterion.key,
                    year=self.year,
                    acting_user=request.user,
                    stuck=row.stuck,
                    total=len(data.libraries),
                    link=reverse("borging:overview", args=[self.year]) + f"#criterium-{self.criterion.key}",
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("On the agenda of %(meeting)s: %(criterion)s.")
                    % {"meeting": meeting.title, "criterion": self.criterion.title},
                )
                return redirect("themegroups:meeting_detail", uuid=meeting.uuid)
        return self.render(form, status=400)

    def render(self, form, status=200):
        title = _("Put on the agenda: %(criterion)s") % {"criterion": self.criterion.title}
        return render(
            self.request,
            "borging/agenda_form.html",
            {
                "page_title": title,
                "breadcrumbs": [
                    _index_crumb(),
                    (self.title(), reverse("borging:overview", args=[self.year])),
                    (title, ""),
                ],
                "form": form,
                "criterion": self.criterion,
                "submit_label": _("Put on the agenda"),
                "cancel_url": reverse("borging:overview", args=[self.year]),
            },
            status=status,
        )
