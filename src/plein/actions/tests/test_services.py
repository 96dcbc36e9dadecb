import itertools

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from plein.accounts.tests.factories import UserFactory
from plein.actions import services
from plein.actions.choices import ACTION_TRANSITIONS, ActionStatus
from plein.actions.models import Action

from .factories import ActionFactory

pytestmark = pytest.mark.django_db

ALLOWED = [(old, new) for old, targets in ACTION_TRANSITIONS.items() for new in targets]
FORBIDDEN = [
    (old, new) for old, new in itertools.product(ActionStatus, ActionStatus) if new not in ACTION_TRANSITIONS[old]
]


def test_the_state_machine_is_the_one_people_were_promised():
    assert set(ALLOWED) == {
        ("idee", "gepland"),
        ("idee", "gestopt"),
        ("gepland", "bezig"),
        ("gepland", "idee"),
        ("gepland", "gestopt"),
        ("bezig", "afgerond"),
        ("bezig", "gepland"),
        ("bezig", "gestopt"),
        ("afgerond", "bezig"),
        ("gestopt", "idee"),
    }


@pytest.mark.parametrize("old,new", ALLOWED, ids=[f"{o.value}->{n.value}" for o, n in ALLOWED])
def test_every_allowed_step_is_taken_and_recorded_under_the_person(old, new):
    coordinator = UserFactory()
    action = ActionFactory(library=coordinator.organisation, status=old)
    result = services.action_transition(action=action, new_status=new, acting_user=coordinator)
    action.refresh_from_db()
    assert action.status == new == result.status
    assert (action.completed_at is not None) == (new == ActionStatus.DONE)
    entry = LogEntry.objects.get_for_object(action).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert entry.actor == coordinator
    assert entry.changes_dict["status"] == [old.value, new.value]
    assert entry.additional_data == {"organisation_id": coordinator.organisation_id}


@pytest.mark.parametrize("old,new", FORBIDDEN, ids=[f"{o.value}->{n.value}" for o, n in FORBIDDEN])
def test_every_forbidden_step_is_refused_in_dutch_and_changes_nothing(old, new):
    action = ActionFactory(status=old)
    user = UserFactory()
    before = LogEntry.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.action_transition(action=action, new_status=new, acting_user=user)
    assert exc.value.code == "invalid_transition"
    assert exc.value.messages == [f"Een actie met de status ‘{old.label}’ kan niet naar ‘{new.label}’."]
    action.refresh_from_db()
    assert action.status == old
    assert LogEntry.objects.count() == before


def test_done_sets_the_completion_time_and_picking_it_up_again_clears_it():
    coordinator = UserFactory()
    action = ActionFactory(library=coordinator.organisation, status=ActionStatus.IN_PROGRESS)
    action = services.action_transition(action=action, new_status="afgerond", acting_user=coordinator)
    assert action.completed_at is not None
    action = services.action_transition(action=action, new_status="bezig", acting_user=coordinator)
    action.refresh_from_db()
    assert action.completed_at is None


def test_create_update_and_delete_are_recorded_with_who_did_it():
    coordinator = UserFactory()
    colleague = UserFactory(organisation=coordinator.organisation)
    action = services.action_create(
        library=coordinator.organisation, acting_user=coordinator, title="  Poster ophangen  ", owner=colleague
    )
    assert action.title == "Poster ophangen"
    assert action.status == ActionStatus.IDEA
    services.action_update(action=action, acting_user=coordinator, title="Twee posters ophangen", owner=None)
    pk = action.pk
    services.action_delete(action=action, acting_user=coordinator)

    entries = LogEntry.objects.filter(content_type__model="action", object_pk=str(pk)).order_by("timestamp")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE]
    assert {e.actor for e in entries} == {coordinator}
    assert entries[1].changes_dict["title"] == ["Poster ophangen", "Twee posters ophangen"]
    assert not Action.objects.filter(pk=pk).exists()


def test_an_action_needs_a_title():
    with pytest.raises(ValidationError) as exc:
        services.action_create(library=UserFactory().organisation, acting_user=UserFactory(), title="   ")
    assert "title" in exc.value.error_dict
    assert not Action.objects.exists()
