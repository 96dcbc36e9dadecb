"""Meetings: scheduling, the meeting page, attendance and the minutes."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from plein.common.forms import add_service_errors
from plein.common.views_base import PleinPermissionMixin, render_form_page

from .. import selectors, services
from ..calendar import build_calendar
from ..forms import (
    ActionItemFormSet,
    AgendaFormSet,
    AttendanceConfirmForm,
    AttendanceForm,
    MeetingForm,
    MinutesForm,
)
from ..models import Meeting
from .base import GroupObjectMixin, group_crumbs


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
                "breadcrumbs": group_crumbs(self.group, (title, None)),
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
        return group_crumbs(
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
                "breadcrumbs": group_crumbs(meeting.group, (meeting.title, None)),
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
            {
                "title": a.title,
                "topic": a.topic,
                "presenter": a.presenter,
                "duration_minutes": a.duration_minutes,
                "link": a.link,
            }
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
        return selectors.member_libraries(group=self.meeting.group)

    def get(self, request, uuid):
        attended = [lib_id for lib_id, a in self.replies.items() if a.attended]
        return self.render(
            AttendanceConfirmForm(libraries=self.libraries(), replies=self.replies, initial={"attended": attended})
        )

    @cached_property
    def replies(self):
        return selectors.attendance_by_library(meeting=self.meeting)

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
        return selectors.minutes_choices(group=self.meeting.group)

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
