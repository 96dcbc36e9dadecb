"""What the action plans show for an action agreed in a meeting: "Agreed in meeting <title>",
linked to the meeting, and who takes the lead when the action has no owner of its own.
Registered with `plein.actions.origins` in `apps.py`."""

from django.urls import reverse
from django.utils.translation import gettext as _

from plein.actions.origins import Origin

# Read with the actions, through `MeetingActionLink` (its `related_name` on the action).
RELATED = ("meeting_link__item__meeting", "meeting_link__item__owner", "meeting_link__item__owner_library")


def lead_of(item) -> str:
    """Who takes the lead for an action item, as `_action_item_lead.html` says it; "" for nobody."""
    if item.owner_id:
        name = item.owner.name or item.owner.email
        return f"{name} ({item.owner_library.name})" if item.owner_library_id else name
    if item.owner_library_id:
        return item.owner_library.name
    return ""


def meeting_origin(action) -> Origin | None:
    link = getattr(action, "meeting_link", None)  # None when the action is not from a meeting
    if link is None:
        return None
    meeting = link.item.meeting
    return Origin(
        prefix=_("Agreed in meeting"),
        label=meeting.title,
        url=reverse("themegroups:meeting_detail", kwargs={"uuid": meeting.uuid}),
        lead=lead_of(link.item),
    )
