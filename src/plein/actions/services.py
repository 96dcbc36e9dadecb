"""Writes for action plans. Other domains (meetings, later the EMB connections and the guide)
create actions through `action_create` only."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plein.audit.services import acting_as

from .choices import ACTION_TRANSITIONS, ActionOrigin, ActionStatus
from .models import Action

EDITABLE_FIELDS = ("title", "description", "owner", "due_date")


@transaction.atomic
def action_create(
    *,
    library,
    acting_user,
    title,
    description="",
    owner=None,
    due_date=None,
    status=ActionStatus.IDEA,
    origin=ActionOrigin.OWN,
) -> Action:
    with acting_as(acting_user):
        action = Action(
            library=library,
            title=title.strip(),
            description=description,
            owner=owner,
            due_date=due_date,
            status=status,
            origin=origin,
        )
        action.full_clean()
        action.save()
    return action


@transaction.atomic
def action_update(*, action, acting_user, **fields) -> Action:
    with acting_as(acting_user):
        for name in EDITABLE_FIELDS:
            if name in fields:
                setattr(action, name, fields[name].strip() if name == "title" else fields[name])
        action.full_clean()
        action.save()
    return action


def transition_allowed(current, new) -> bool:
    return ActionStatus(new) in ACTION_TRANSITIONS[ActionStatus(current)]


@transaction.atomic
def action_transition(*, action, new_status, acting_user) -> Action:
    """Move an action along its state machine; a step that is not allowed is refused."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    if not transition_allowed(action.status, new_status):
        raise ValidationError(
            _("An action that is “%(current)s” cannot become “%(new)s”.")
            % {"current": ActionStatus(action.status).label, "new": ActionStatus(new_status).label},
            code="invalid_transition",
        )
    with acting_as(acting_user):
        action.status = new_status
        action.completed_at = timezone.now() if new_status == ActionStatus.DONE else None
        action.save(update_fields=["status", "completed_at", "updated_at"])
    return action


@transaction.atomic
def action_delete(*, action, acting_user) -> None:
    with acting_as(acting_user):
        action.delete()
