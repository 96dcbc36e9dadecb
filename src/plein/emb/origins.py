"""What the action plans show for an action that follows from a connection: the origin's name,
linked to the connection. Registered with `plein.actions.origins` in `apps.py`."""

from django.urls import reverse

from plein.actions.choices import ActionOrigin
from plein.actions.origins import Origin

# Read with the actions, through `ConnectionAction` (its `related_name` on the action).
RELATED = ("emb_link__connection",)


def connection_origin(action) -> Origin | None:
    link = getattr(action, "emb_link", None)  # None when the action has no connection
    if link is None or action.origin != ActionOrigin.CONNECTION:
        return None
    return Origin(
        label=action.get_origin_display(),
        url=reverse("emb:connection_detail", args=[link.connection.uuid]),
    )
