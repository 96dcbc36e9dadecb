import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plein.actions.services import action_transition
from plein.core.tests.pdf import assert_valid_pdf
from plein.organisations.tests.factories import OrganisationFactory
from plein.themegroups import services
from plein.themegroups.choices import MeetingKind, Topic
from plein.themegroups.models import Retrospective

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _past(days):
    start = timezone.now() - datetime.timedelta(days=days)
    return {"starts_at": start, "ends_at": start + datetime.timedelta(hours=2)}


def test_draft_is_written_from_the_data_and_published_as_page_and_pdf(client, world):
    meeting = MeetingFactory(group=world.group, title="Wat is de EMB?", **_past(60))
    meeting.agenda_items.create(title="Financiën", topic=Topic.FINANCES)
    aanzet = OrganisationFactory(name="Bibliotheek AanZet")
    MeetingFactory(group=world.group, kind=MeetingKind.VISIT, host_library=aanzet, title="Bezoek", **_past(30))
    (action,) = services.minutes_save(
        meeting=meeting,
        acting_user=world.users["facilitator"],
        minutes="",
        decisions=[],
        action_items=[{"title": "Rondleiding voor het mamacafé", "libraries": [world.library]}],
    )
    for status in ["bezig", "afgerond"]:
        action_transition(action=action, new_status=status, acting_user=world.users["coordinator"])

    client.force_login(world.users["facilitator"])
    page = client.get(reverse("themegroups:retrospective", args=[world.group.uuid])).content.decode()
    for text in [
        "Bibliotheek Eigen",
        "Wat is de EMB?",
        "over financiën",
        "bezoek aan Bibliotheek AanZet",
        "Rondleiding voor het mamacafé",
    ]:
        assert text in page, text

    url = reverse("themegroups:retrospective", args=[world.group.uuid])
    response = client.post(
        url, {"title": "Terugblik 2022", "introduction": "Een mooi jaar.", "body": "## Wat we leerden\n- Samen"}
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    client.post(url, {"actie": "publiceren"})
    retrospective = Retrospective.objects.get(group=world.group)
    assert retrospective.status == "gepubliceerd"
    client.logout()
    public = client.get(reverse("themegroups:retrospective_public", args=[retrospective.uuid])).content.decode()
    assert "Terugblik 2022" in public and "<h2" in public and "Wat we leerden" in public
    pdf = client.get(reverse("themegroups:retrospective_public", args=[retrospective.uuid]) + "?formaat=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert_valid_pdf(pdf.content, title="Terugblik 2022")


def test_published_retrospective_is_not_overwritten(client, world):
    retrospective = services.retrospective_generate(group=world.group, acting_user=world.users["facilitator"])
    services.retrospective_set_published(
        retrospective=retrospective, acting_user=world.users["facilitator"], published=True
    )
    with pytest.raises(Exception) as exc:
        services.retrospective_generate(group=world.group, acting_user=world.users["facilitator"])
    assert "gepubliceerde terugblik" in str(exc.value)
