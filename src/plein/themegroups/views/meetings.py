from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from plein.accounts.choices import Role
from plein.core import spreadsheets
from plein.core.forms import add_service_errors
from plein.core.utils import is_uuid
from plein.core.views_base import PleinPermissionMixin, render_form_page
from plein.organisations.models import Organisation

from .. import selectors, services
from ..calendar import build_calendar
from ..choices import RetrospectiveStatus
from ..forms import (
    ActionItemFormSet,
    AgendaFormSet,
    AttendanceConfirmForm,
    AttendanceForm,
    DeclineForm,
    MeetingForm,
    MinutesForm,
    ProgrammeYearForm,
    RetrospectiveForm,
    SignupForm,
    ThemeGroupForm,
)
from ..models import CalendarToken, Enrollment, Meeting, ProgrammeYear, Retrospective

User = get_user_model()


def _groups_crumb():
    return (_("Theme groups"), reverse("themegroups:list"))


def _group_crumbs(group, *extra):
    return [_groups_crumb(), (str(group), reverse("themegroups:group_detail", args=[group.uuid])), *extra]


# --- groups ------------------------------------------------------------------------------


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
            breadcrumbs=[_groups_crumb(), (title, None)],
        )


class ProgrammeYearMixin(PleinPermissionMixin):
    permission_required = "themegroups.manage_programme"

    @cached_property
    def programme_year(self) -> ProgrammeYear:
        return selectors.programme_year_get(user=self.request.user, uuid=self.kwargs["year_uuid"])

    def get_permission_object(self):
        return None


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
            breadcrumbs=[_groups_crumb(), (title, None)],
        )


class GroupObjectMixin(PleinPermissionMixin):
    permission_required = "themegroups.view_group"

    @cached_property
    def group(self):
        return selectors.group_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.group


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
            "retrospective": getattr(group, "retrospective", None) if hasattr(group, "retrospective") else None,
            "page_title": str(group),
            "breadcrumbs": [_groups_crumb(), (str(group), None)],
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
                initial={"facilitators": list(self.group.facilitators.values_list("pk", flat=True))},
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
            breadcrumbs=_group_crumbs(self.group, (title, None)),
        )


class GroupHistoryView(GroupObjectMixin, View):
    permission_required = "audit.view_history"

    def get(self, request, uuid):
        from plein.audit.selectors import history_for

        from ..models import Enrollment, GroupMembership, Meeting, ThemeGroup

        group = self.group
        title = _("History")
        entries = history_for(
            (ThemeGroup, {"object_pk": str(group.pk)}),
            (Enrollment, {"additional_data__group_id": group.pk}),
            (GroupMembership, {"additional_data__group_id": group.pk}),
            (Meeting, {"additional_data__group_id": group.pk}),
        )
        return render(
            request,
            "audit/history.html",
            {
                "entries": entries,
                "subject": str(group),
                "page_title": title,
                "breadcrumbs": _group_crumbs(group, (title, None)),
            },
        )


# --- sign-ups: public form and the facilitator's review ---------------------------------


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
        return get_object_or_404(ProgrammeYear.objects.select_related("poi"), uuid=self.kwargs["year_uuid"])

    def get(self, request, year_uuid):
        initial = {}
        group_uuid = request.GET.get("groep")
        if group_uuid:
            initial["groups"] = (
                list(self.programme_year.groups.filter(uuid__in=[group_uuid]).values_list("pk", flat=True))
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
    programme_year = get_object_or_404(ProgrammeYear, uuid=year_uuid)
    uuids = [u for u in request.session.get("plein_signup", []) if is_uuid(u)]
    enrollments = Enrollment.objects.filter(uuid__in=uuids, group__programme_year=programme_year).select_related(
        "group"
    )
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
                "breadcrumbs": _group_crumbs(self.group, (title, None)),
            },
            status=status,
        )


class EnrollmentActionView(PleinPermissionMixin, View):
    """POST: place, put on the waiting list, decline or withdraw one sign-up."""

    permission_required = "themegroups.manage_group"
    ACTIONS = {"plaatsen", "wachtlijst", "afwijzen", "terugtrekken", "uitnodigen"}

    @cached_property
    def enrollment(self):
        try:
            return (
                Enrollment.objects.select_related("group__programme_year", "library")
                .filter(group__in=selectors.groups_visible_to(self.request.user))
                .get(uuid=self.kwargs["uuid"])
            )
        except (Enrollment.DoesNotExist, ValueError) as exc:
            raise Http404 from exc

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
        if request.GET.get("formaat", "csv") == "xlsx":
            return spreadsheets.xlsx_response(header, self.rows(), filename, title=_("Sign-ups"))
        return spreadsheets.csv_response(header, self.rows(), filename)


# --- meetings ----------------------------------------------------------------------------


class MeetingCreateView(GroupObjectMixin, View):
    permission_required = "themegroups.manage_group"

    def get(self, request, uuid):
        return self.render(MeetingForm(), AgendaFormSet(prefix="agenda"))

    def post(self, request, uuid):
        form = MeetingForm(request.POST)
        agenda = AgendaFormSet(request.POST, prefix="agenda")
        if form.is_valid() and agenda.is_valid():
            items = [f.cleaned_data for f in agenda.forms if f.cleaned_data.get("title")]
            try:
                meeting = services.meeting_save(
                    acting_user=request.user, group=self.group, agenda=items, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The meeting has been scheduled."))
                return redirect("themegroups:meeting_detail", meeting.uuid)
        return self.render(form, agenda)

    def render(self, form, agenda):
        title = _("Schedule a meeting")
        return render(
            self.request,
            "themegroups/meeting_form.html",
            {
                "form": form,
                "agenda": agenda,
                "page_title": title,
                "cancel_url": reverse("themegroups:group_detail", args=[self.group.uuid]),
                "breadcrumbs": _group_crumbs(self.group, (title, None)),
            },
        )


class MeetingObjectMixin(PleinPermissionMixin):
    permission_required = "themegroups.view_group"

    @cached_property
    def meeting(self) -> Meeting:
        return selectors.meeting_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.meeting.group

    def crumbs(self, *extra):
        group = self.meeting.group
        return _group_crumbs(
            group, (self.meeting.title, reverse("themegroups:meeting_detail", args=[self.meeting.uuid])), *extra
        )


class StartedMeetingMixin:
    """Who was there and the minutes exist only once a meeting has begun: before that, the
    page refuses (after the permission check) with a message that says when it can."""

    not_started_message = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.meeting.has_started:
            messages.error(
                request,
                f"{self.not_started_message} "
                + _("This meeting starts on %(date)s.")
                % {"date": date_format(timezone.localtime(self.meeting.starts_at), "j F Y, H:i")},
            )
            return redirect("themegroups:meeting_detail", self.meeting.uuid)
        return super().dispatch(request, *args, **kwargs)


class MeetingDetailView(MeetingObjectMixin, View):
    def get(self, request, uuid):
        meeting = self.meeting
        user = request.user
        attendance = selectors.attendance_overview(meeting=meeting)
        own = next((a for a in attendance if a["library"].pk == user.organisation_id), None)
        can_take_part = user.has_perm("themegroups.take_part", meeting.group)
        return render(
            request,
            "themegroups/meeting_detail.html",
            {
                "meeting": meeting,
                "group": meeting.group,
                "attendance": attendance,
                "own_attendance": own,
                "attendance_form": AttendanceForm(
                    initial={
                        "registered": "1" if not own or own["registered"] is not False else "0",
                        "people": (own or {}).get("people") or 1,
                    }
                )
                if can_take_part and not meeting.is_past
                else None,
                "can_manage": user.has_perm("themegroups.manage_group", meeting.group),
                "page_title": meeting.title,
                "breadcrumbs": _group_crumbs(meeting.group, (meeting.title, None)),
            },
        )


class MeetingUpdateView(MeetingObjectMixin, View):
    permission_required = "themegroups.manage_group"

    def initial(self):
        m = self.meeting
        return {
            "title": m.title,
            "kind": m.kind,
            "starts_at": timezone.localtime(m.starts_at),
            "ends_at": timezone.localtime(m.ends_at),
            "meeting_url": m.meeting_url,
            "address": m.address,
            "host_library": m.host_library_id,
            "description": m.description,
        }

    def get(self, request, uuid):
        agenda_initial = [
            {"title": a.title, "topic": a.topic, "presenter": a.presenter, "duration_minutes": a.duration_minutes}
            for a in self.meeting.agenda_items.all()
        ]
        return self.render(MeetingForm(initial=self.initial()), AgendaFormSet(prefix="agenda", initial=agenda_initial))

    def post(self, request, uuid):
        form = MeetingForm(request.POST)
        agenda = AgendaFormSet(request.POST, prefix="agenda")
        if form.is_valid() and agenda.is_valid():
            items = [f.cleaned_data for f in agenda.forms if f.cleaned_data.get("title")]
            try:
                services.meeting_save(acting_user=request.user, meeting=self.meeting, agenda=items, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect("themegroups:meeting_detail", self.meeting.uuid)
        return self.render(form, agenda)

    def render(self, form, agenda):
        title = _("Change meeting")
        return render(
            self.request,
            "themegroups/meeting_form.html",
            {
                "form": form,
                "agenda": agenda,
                "page_title": title,
                "cancel_url": reverse("themegroups:meeting_detail", args=[self.meeting.uuid]),
                "breadcrumbs": self.crumbs((title, None)),
            },
        )


class MeetingDeleteView(MeetingObjectMixin, View):
    permission_required = "themegroups.manage_group"

    def get(self, request, uuid):
        title = _("Cancel meeting")
        return render(
            request,
            "themegroups/meeting_confirm_delete.html",
            {"meeting": self.meeting, "page_title": title, "breadcrumbs": self.crumbs((title, None))},
        )

    def post(self, request, uuid):
        group = self.meeting.group
        services.meeting_delete(meeting=self.meeting, acting_user=request.user)
        messages.success(request, _("The meeting has been cancelled."))
        return redirect("themegroups:group_detail", group.uuid)


class MeetingIcsView(MeetingObjectMixin, View):
    def get(self, request, uuid):
        body = build_calendar([self.meeting], name=self.meeting.title, site_url=settings.PLEIN_SITE_URL)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{self.meeting.starts_at:%Y-%m-%d}.ics"'
        return response


class AttendanceView(MeetingObjectMixin, View):
    """A member library registers beforehand whether it comes."""

    permission_required = "themegroups.take_part"

    def get(self, request, uuid):
        return redirect("themegroups:meeting_detail", uuid)

    def post(self, request, uuid):
        form = AttendanceForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose whether your library will be there."))
            return redirect("themegroups:meeting_detail", uuid)
        try:
            services.attendance_register(
                meeting=self.meeting,
                library=request.user.organisation,
                acting_user=request.user,
                registered=form.cleaned_data["registered"],
                people=form.cleaned_data["people"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Thank you, your answer has been saved."))
        return redirect("themegroups:meeting_detail", uuid)


class AttendanceConfirmView(MeetingObjectMixin, StartedMeetingMixin, View):
    permission_required = "themegroups.manage_group"
    not_started_message = gettext_lazy("Who was there can be confirmed once the meeting has started.")

    def libraries(self):
        return Organisation.objects.filter(
            group_memberships__group=self.meeting.group, group_memberships__left_at__isnull=True
        ).order_by("name")

    def get(self, request, uuid):
        attended = [lib_id for lib_id, a in self.replies.items() if a.attended]
        return self.render(
            AttendanceConfirmForm(libraries=self.libraries(), replies=self.replies, initial={"attended": attended})
        )

    @cached_property
    def replies(self):
        return {a.library_id: a for a in self.meeting.attendances.all()}

    def post(self, request, uuid):
        form = AttendanceConfirmForm(request.POST, libraries=self.libraries(), replies=self.replies)
        if form.is_valid():
            services.attendance_confirm(
                meeting=self.meeting,
                acting_user=request.user,
                attended_library_ids={lib.pk for lib in form.cleaned_data["attended"]},
            )
            messages.success(request, _("Attendance has been saved."))
            return redirect("themegroups:meeting_detail", uuid)
        return self.render(form)

    def render(self, form):
        title = _("Who was there?")
        return render_form_page(
            self.request,
            form=form,
            title=title,
            cancel_url=reverse("themegroups:meeting_detail", args=[self.meeting.uuid]),
            breadcrumbs=self.crumbs((title, None)),
        )


class MinutesView(MeetingObjectMixin, StartedMeetingMixin, View):
    permission_required = "themegroups.manage_group"
    not_started_message = gettext_lazy("Minutes can be written once the meeting has started.")

    @cached_property
    def item_kwargs(self):
        libraries = Organisation.objects.filter(
            group_memberships__group=self.meeting.group, group_memberships__left_at__isnull=True
        ).order_by("name")
        people = (
            User.objects.filter(organisation__in=libraries, is_active=True)
            .select_related("organisation")
            .order_by("organisation__name", "name", "email")
        )
        return {"libraries": libraries, "people": list(people)}

    def get(self, request, uuid):
        decisions = "\n".join(d.text for d in self.meeting.decisions.all())
        form = MinutesForm(initial={"minutes": self.meeting.minutes, "decisions": decisions})
        return self.render(form, ActionItemFormSet(prefix="acties", form_kwargs=self.item_kwargs))

    def post(self, request, uuid):
        form = MinutesForm(request.POST)
        items = ActionItemFormSet(request.POST, prefix="acties", form_kwargs=self.item_kwargs)
        if form.is_valid() and items.is_valid():
            action_items = [f.cleaned_data for f in items.forms if f.cleaned_data.get("title")]
            for item in action_items:
                item["libraries"] = list(item["libraries"])
            created = services.minutes_save(
                meeting=self.meeting,
                acting_user=request.user,
                minutes=form.cleaned_data["minutes"],
                decisions=form.cleaned_data["decisions"].splitlines(),
                action_items=action_items,
            )
            messages.success(
                request,
                ngettext(
                    "The minutes have been saved. %(count)s action was added to the action plans of the libraries.",
                    "The minutes have been saved. %(count)s actions were added to the action plans of the libraries.",
                    len(created),
                )
                % {"count": len(created)},
            )
            return redirect("themegroups:meeting_detail", uuid)
        return self.render(form, items)

    def render(self, form, items):
        title = _("Minutes")
        return render(
            self.request,
            "themegroups/minutes_form.html",
            {
                "form": form,
                "items": items,
                "meeting": self.meeting,
                "page_title": title,
                "cancel_url": reverse("themegroups:meeting_detail", args=[self.meeting.uuid]),
                "breadcrumbs": self.crumbs((title, None)),
            },
        )


# --- calendar links ----------------------------------------------------------------------


class CalendarLinksView(PleinPermissionMixin, View):
    permission_required = "themegroups.list_groups"

    def get(self, request):
        token = services.calendar_token_for(request.user)
        groups = selectors.group_list(user=request.user)
        base = settings.PLEIN_SITE_URL.rstrip("/")
        return render(
            request,
            "themegroups/calendar_links.html",
            {
                "all_url": base + reverse("themegroups:calendar_feed", args=[token.token]),
                "group_urls": [
                    (g, base + reverse("themegroups:group_feed", args=[token.token, g.uuid])) for g in groups
                ],
                "page_title": _("Meetings in your calendar"),
                "breadcrumbs": [_groups_crumb(), (_("Calendar"), None)],
            },
        )

    def post(self, request):
        services.calendar_token_renew(user=request.user)
        messages.success(request, _("You have new calendar links. The old links no longer work."))
        return redirect("themegroups:calendar_links")


def _token_user(token):
    found = CalendarToken.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if found is None:
        raise Http404
    return found.user


def calendar_feed(request, token):
    """Private feed of all meetings of the person's groups; the token is the key."""
    user = _token_user(token)
    meetings = services.meetings_for_user(user)
    body = build_calendar(meetings, name=_("Plein – my meetings"), site_url=settings.PLEIN_SITE_URL)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def group_feed(request, token, group_uuid):
    user = _token_user(token)
    group = selectors.group_get(user=user, uuid=group_uuid)
    meetings = selectors.group_meetings(group=group).select_related("group")
    body = build_calendar(meetings, name=f"Plein – {group.name}", site_url=settings.PLEIN_SITE_URL)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


# --- retrospective -----------------------------------------------------------------------


class RetrospectiveEditView(GroupObjectMixin, View):
    permission_required = "themegroups.manage_group"

    @cached_property
    def retrospective(self):
        existing = Retrospective.objects.filter(group=self.group).first()
        return existing or services.retrospective_generate(group=self.group, acting_user=self.request.user)

    def get(self, request, uuid):
        r = self.retrospective
        return self.render(
            RetrospectiveForm(initial={"title": r.title, "introduction": r.introduction, "body": r.body})
        )

    def post(self, request, uuid):
        action = request.POST.get("actie", "opslaan")
        r = self.retrospective
        try:
            if action == "opnieuw":
                services.retrospective_generate(group=self.group, acting_user=request.user)
                messages.success(request, _("The draft has been written again from the current data."))
                return redirect("themegroups:retrospective", uuid)
            if action in ("publiceren", "intrekken"):
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
            services.retrospective_update(retrospective=r, acting_user=request.user, **form.cleaned_data)
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
                "breadcrumbs": _group_crumbs(self.group, (title, None)),
            },
        )


def _retrospective_pdf(retrospective) -> bytes:
    from django.contrib.staticfiles import finders
    from django.template.loader import render_to_string
    from weasyprint import CSS, HTML

    html = render_to_string(
        "themegroups/retrospective_pdf.html", {"retrospective": retrospective, "group": retrospective.group}
    )
    css = CSS(filename=finders.find("plein/print.css"))
    return HTML(string=html, base_url=str(settings.DJANGO_PROJECT_DIR)).write_pdf(
        stylesheets=[css], pdf_variant="pdf/ua-1"
    )


class RetrospectivePdfView(GroupObjectMixin, View):
    permission_required = "themegroups.manage_group"

    def get(self, request, uuid):
        retrospective = get_object_or_404(Retrospective, group=self.group)
        response = HttpResponse(_retrospective_pdf(retrospective), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="terugblik-{self.group.programme_year.year}.pdf"'
        return response


def retrospective_public(request, uuid):
    retrospective = get_object_or_404(
        Retrospective.objects.select_related("group__programme_year__poi"),
        uuid=uuid,
        status=RetrospectiveStatus.PUBLISHED,
    )
    if request.GET.get("formaat") == "pdf":
        response = HttpResponse(_retrospective_pdf(retrospective), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="terugblik-{retrospective.group.programme_year.year}.pdf"'
        return response
    return render(
        request,
        "themegroups/retrospective_public.html",
        {
            "retrospective": retrospective,
            "page_title": retrospective.title,
            "breadcrumbs": [(retrospective.title, None)],
        },
    )
