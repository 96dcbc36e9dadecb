"""Sign-ups: the public form, and the facilitator's review and export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from plein.audit.security import log_event
from plein.common import spreadsheets
from plein.common.forms import add_service_errors
from plein.common.utils import is_uuid
from plein.common.views_base import PleinPermissionMixin

from .. import selectors, services
from ..forms import (
    DeclineForm,
    SignupForm,
)
from .base import GroupObjectMixin, ProgrammeYearMixin, group_crumbs


def signup_index(request):
    years = selectors.open_programme_years()
    return render(
        request,
        "themegroups/signup_index.html",
        {"years": years, "page_title": _("Sign up for a theme group"), "breadcrumbs": [(_("Sign up"), None)]},
    )


class SignupView(View):
    """Public: a library signs up without an account."""

    @cached_property
    def programme_year(self):
        return selectors.signup_programme_year_get(uuid=self.kwargs["year_uuid"])

    def get(self, request, year_uuid):
        initial = {}
        group_uuid = request.GET.get("groep")
        if group_uuid:
            initial["groups"] = (
                selectors.signup_group_ids(programme_year=self.programme_year, group_uuids=[group_uuid])
                if is_uuid(group_uuid)
                else []
            )
        return self.render(SignupForm(programme_year=self.programme_year, initial=initial))

    def post(self, request, year_uuid):
        form = SignupForm(request.POST, programme_year=self.programme_year)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "privacy"}
            try:
                enrollments = services.enrollment_submit(programme_year=self.programme_year, **data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                request.session["plein_signup"] = [str(e.uuid) for e in enrollments]
                return redirect("themegroups:signup_done", self.programme_year.uuid)
        return self.render(form)

    def render(self, form):
        year = self.programme_year
        title = _("Sign up for %(year)s") % {"year": year.year}
        return render(
            self.request,
            "themegroups/signup.html",
            {
                "form": form,
                "programme_year": year,
                "groups": selectors.signup_groups(programme_year=year),
                "is_open": year.signup_is_open(),
                "page_title": title,
                "breadcrumbs": [(_("Sign up"), reverse("themegroups:signup_index")), (title, None)],
            },
        )


def signup_done(request, year_uuid):
    programme_year = selectors.signup_programme_year_get(uuid=year_uuid)
    uuids = [u for u in request.session.get("plein_signup", []) if is_uuid(u)]
    enrollments = selectors.signup_enrollments(programme_year=programme_year, uuids=uuids)
    title = _("Thank you for signing up")
    return render(
        request,
        "themegroups/signup_done.html",
        {
            "enrollments": enrollments,
            "programme_year": programme_year,
            "page_title": title,
            "breadcrumbs": [(_("Sign up"), reverse("themegroups:signup_index")), (title, None)],
        },
    )


class EnrollmentListView(GroupObjectMixin, View):
    permission_required = "themegroups.manage_group"

    def get(self, request, uuid):
        return self.render(DeclineForm())

    def render(self, decline_form, status=200):
        title = _("Sign-ups")
        coordinators = selectors.coordinators_by_library(group=self.group)
        enrollments = list(selectors.group_enrollments(group=self.group))
        for enrollment in enrollments:
            enrollment.coordinator_names = coordinators.get(enrollment.library_id, [])
        return render(
            self.request,
            "themegroups/enrollment_list.html",
            {
                "group": self.group,
                "enrollments": enrollments,
                "needs_invitation": selectors.enrollments_needing_invitation(
                    group=self.group, coordinators=coordinators
                ),
                "decline_form": decline_form,
                "places": selectors.group_places(self.group),
                "page_title": title,
                "breadcrumbs": group_crumbs(self.group, (title, None)),
            },
            status=status,
        )


class EnrollmentActionView(PleinPermissionMixin, View):
    """POST: place, put on the waiting list, decline or withdraw one sign-up."""

    permission_required = "themegroups.manage_group"
    ACTIONS = {"plaatsen", "wachtlijst", "afwijzen", "terugtrekken", "uitnodigen"}

    @cached_property
    def enrollment(self):
        return selectors.enrollment_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.enrollment.group

    def get(self, request, uuid, action):
        return redirect("themegroups:enrollments", self.enrollment.group.uuid)

    def post(self, request, uuid, action):
        if action not in self.ACTIONS:
            raise Http404
        enrollment = self.enrollment
        try:
            if action == "plaatsen":
                services.enrollment_place(enrollment=enrollment, acting_user=request.user)
                messages.success(request, _("%(library)s has been placed.") % {"library": enrollment.library_name})
            elif action == "wachtlijst":
                services.enrollment_waitlist(enrollment=enrollment, acting_user=request.user)
                messages.success(
                    request, _("%(library)s is on the waiting list.") % {"library": enrollment.library_name}
                )
            elif action == "afwijzen":
                form = DeclineForm(request.POST, prefix=str(enrollment.uuid))
                if not form.is_valid():
                    messages.error(
                        request, _("Give a reason to decline %(library)s.") % {"library": enrollment.library_name}
                    )
                    return redirect(
                        reverse("themegroups:enrollments", args=[enrollment.group.uuid]) + f"#e-{enrollment.uuid}"
                    )
                services.enrollment_decline(
                    enrollment=enrollment, acting_user=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(
                    request, _("The sign-up of %(library)s has been declined.") % {"library": enrollment.library_name}
                )
            elif action == "uitnodigen":
                services.enrollment_invite_contact(
                    enrollment=enrollment, acting_user=request.user, confirmed=bool(request.POST.get("bevestigd"))
                )
                messages.success(
                    request, _("An invitation has been sent to %(email)s.") % {"email": enrollment.contact_email}
                )
            else:
                services.enrollment_withdraw(enrollment=enrollment, acting_user=request.user)
                messages.success(request, _("%(library)s has been withdrawn.") % {"library": enrollment.library_name})
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("themegroups:enrollments", enrollment.group.uuid)


class EnrollmentExportView(ProgrammeYearMixin, View):
    COLUMNS = [
        ("group", _("Theme group")),
        ("library", _("Library")),
        ("status", _("Status")),
        ("contact_name", _("Contact person")),
        ("contact_email", _("E-mail")),
        ("contact_role", _("Role")),
        ("motivation", _("Motivation")),
        ("submitted_at", _("Signed up at")),
    ]

    def rows(self):
        for e in selectors.year_enrollments(programme_year=self.programme_year):
            yield self.row(e)  # the download makes every cell formula-safe

    def row(self, e):
        return [
            e.group.name,
            e.library_name,
            e.get_status_display(),
            e.contact_name,
            e.contact_email,
            e.contact_role,
            e.motivation,
            timezone.localtime(e.submitted_at).replace(tzinfo=None),  # a date-time cell in Excel
        ]

    def get(self, request, year_uuid):
        filename = f"aanmeldingen-{self.programme_year.year}"
        header = [label for _key, label in self.COLUMNS]
        log_event(
            "export",
            actor=request.user,
            obj=self.programme_year,
            request=request,
            content="sign-ups",
            format=request.GET.get("formaat", "csv"),
        )
        if request.GET.get("formaat", "csv") == "xlsx":
            return spreadsheets.xlsx_response(header, self.rows(), filename, title=_("Sign-ups"))
        return spreadsheets.csv_response(header, self.rows(), filename)
