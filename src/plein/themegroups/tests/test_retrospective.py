import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plein.actions.services import action_transition
from plein.organisations.tests.factories import OrganisationFactory
from plein.site.tests.pdf import assert_valid_pdf
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


def test_texts_from_data_use_singular_and_plural(client, world):
    """Failed before: "1 bibliotheken uit ... deden mee", "We kwamen 1 keer", "1 lokale situaties",
    "Nog 1 acties lopen nog", and "1 acties toegevoegd" after saving minutes."""
    from plein.practicecases.tests.factories import PracticeCaseFactory

    meeting = MeetingFactory(group=world.group, title="Start", **_past(40))
    PracticeCaseFactory(group=world.group, library=world.library)
    client.force_login(world.users["facilitator"])
    data = {
        "minutes": "",
        "decisions": "",
        "acties-TOTAL_FORMS": "1",
        "acties-INITIAL_FORMS": "0",
        "acties-0-title": "Folder maken",
        "acties-0-libraries": [world.library.pk],
        "acties-0-lead": f"persoon-{world.users['coordinator'].pk}",
    }
    response = client.post(reverse("themegroups:minutes", args=[meeting.uuid]), data, follow=True)
    assert "Er is 1 actie toegevoegd" in response.content.decode()

    draft = services.retrospective_draft(world.group)
    text = draft["introduction"] + "\n" + draft["body"]
    assert "werkte 1 bibliotheek in de themagroep" in draft["introduction"]
    assert "1 bibliotheek uit Noord-Holland deed mee:" in text or "1 bibliotheek uit" in text
    assert "We kwamen één keer bij elkaar:" in text
    assert "Bibliotheken brachten 1 lokale situatie in:" in text
    assert "1 actie loopt nog." in text
    for wrong in ["1 bibliotheken", "1 keer bij", "1 lokale situaties", "1 acties", "Nog "]:
        assert wrong not in text, wrong

    for n in range(2):
        services.minutes_save(
            meeting=meeting,
            acting_user=world.users["facilitator"],
            minutes="",
            action_items=[{"title": f"Actie {n}", "libraries": [world.library]}],
        )
    body = services.retrospective_draft(world.group)["body"]
    assert "3 acties lopen nog." in body and "Nog 3" not in body


def test_retrospective_of_a_year_that_has_not_started_says_so():
    """Failed before: "In 2031 werkten 0 bibliotheken samen ..." before the year began."""
    import time_machine

    from .factories import ProgrammeYearFactory, ThemeGroupFactory

    with time_machine.travel(datetime.datetime(2030, 11, 1, 12, tzinfo=datetime.UTC), tick=False):
        year = ProgrammeYearFactory(year=2031)
        group = ThemeGroupFactory(programme_year=year, name="Vooruit")
        draft = services.retrospective_draft(group)
    assert "begint in 2031" in draft["introduction"]
    assert "0 bibliotheken" not in draft["introduction"] and "werkten" not in draft["introduction"]
    with time_machine.travel(datetime.datetime(2031, 2, 1, 12, tzinfo=datetime.UTC), tick=False):
        draft = services.retrospective_draft(group)
    assert "nog geen bibliotheken mee" in draft["introduction"]


@pytest.mark.parametrize("capacity,expected", [(1, "0 van de 1 plaats bezet"), (8, "0 van de 8 plaatsen bezet")])
def test_places_taken_has_a_singular(client, world, capacity, expected):
    from .factories import ThemeGroupFactory

    group = ThemeGroupFactory(programme_year=world.year, capacity=capacity, facilitators=[world.users["facilitator"]])
    client.force_login(world.users["facilitator"])
    assert expected in client.get(reverse("themegroups:enrollments", args=[group.uuid])).content.decode()
    assert expected in client.get(reverse("themegroups:signup", args=[world.year.uuid])).content.decode()


def test_opening_the_retrospective_page_writes_nothing(client, world):
    """GET shows a draft written from the data, unsaved: the row (and its history entry) is only
    made when the facilitator saves or publishes."""
    from auditlog.models import LogEntry

    url = reverse("themegroups:retrospective", args=[world.group.uuid])
    client.force_login(world.users["facilitator"])
    before = (Retrospective.objects.count(), LogEntry.objects.count())
    page = client.get(url)
    assert page.status_code == 200
    assert "Terugblik op de themagroep" in page.content.decode()  # the draft's title, from the data
    pdf = client.get(reverse("themegroups:retrospective_pdf", args=[world.group.uuid]))
    assert pdf["Content-Type"] == "application/pdf"  # the draft as PDF, still unsaved
    assert (Retrospective.objects.count(), LogEntry.objects.count()) == before

    response = client.post(url, {"title": "Ons jaar", "introduction": "Kort.", "body": "- Samen"})
    assert response.status_code == 302
    saved = Retrospective.objects.get(group=world.group)
    assert (saved.title, saved.status) == ("Ons jaar", "concept")
    client.post(url, {"actie": "publiceren"})
    saved.refresh_from_db()
    assert saved.status == "gepubliceerd" and saved.title == "Ons jaar"


def test_saving_the_first_version_twice_keeps_one_retrospective(world):
    for title in ["Eerste", "Tweede"]:
        services.retrospective_create(
            group=world.group, acting_user=world.users["facilitator"], title=title, introduction="", body="-"
        )
    assert list(Retrospective.objects.values_list("title", flat=True)) == ["Tweede"]
