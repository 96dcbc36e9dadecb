"""Calendar links: the page with the private links and the feeds they point to."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from plein.common.views_base import PleinPermissionMixin

from .. import selectors, services
from ..calendar import build_calendar
from .base import groups_crumb


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
                "breadcrumbs": [groups_crumb(), (_("Calendar"), None)],
            },
        )

    def post(self, request):
        services.calendar_token_renew(user=request.user)
        messages.success(request, _("You have new calendar links. The old links no longer work."))
        return redirect("themegroups:calendar_links")


def calendar_feed(request, token):
    """Private feed of all meetings of the person's groups; the token is the key."""
    user = selectors.calendar_token_user(token=token)
    meetings = services.meetings_for_user(user)
    body = build_calendar(meetings, name=_("Plein – my meetings"), site_url=settings.PLEIN_SITE_URL)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def group_feed(request, token, group_uuid):
    user = selectors.calendar_token_user(token=token)
    group = selectors.group_get(user=user, uuid=group_uuid)
    meetings = selectors.group_feed_meetings(group=group)
    body = build_calendar(meetings, name=f"Plein – {group.name}", site_url=settings.PLEIN_SITE_URL)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
