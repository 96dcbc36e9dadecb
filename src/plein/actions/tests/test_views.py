import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plein.accounts.tests.factories import UserFactory
from plein.actions.choices import ActionStatus
from plein.actions.models import Action
from plein.organisations.tests.factories import OrganisationFactory
from plein.site.tests.queries import count_queries
from plein.themegroups.tests.factories import GroupMembershipFactory, MeetingFactory, ThemeGroupFactory

from .factories import ActionFactory, MeetingActionItemFactory

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)
NEXT_MONTH = timezone.localdate() + datetime.timedelta(days=30)


def _plan(library):
    return reverse("actions:plan", kwargs={"uuid": library.uuid})


def test_coordinator_adds_an_action_for_a_colleague(client, world):
    client.force_login(world.users["coordinator"])
    desk_worker = world.users["desk_worker"]
    response = client.post(
        reverse("actions:create", kwargs={"uuid": world.library.uuid}),
        {"title": "Poster over het IDO ophangen", "owner": desk_worker.pk, "due_date": NEXT_MONTH.isoformat()},
    )
    assert response.status_code == 302
    action = Action.objects.get(library=world.library)
    assert (action.title, action.owner, action.due_date, action.status) == (
        "Poster over het IDO ophangen",
        desk_worker,
        NEXT_MONTH,
        ActionStatus.IDEA,
    )
    page = client.get(response["Location"]).content.decode()
    assert "De actie ‘Poster over het IDO ophangen’ is toegevoegd." in page
    assert desk_worker.name in page


def test_bad_input_gets_dutch_messages_beside_the_fields_and_keeps_the_input(client, world):
    client.force_login(world.users["coordinator"])
    outsider = UserFactory(organisation=world.other_library)
    url = reverse("actions:create", kwargs={"uuid": world.library.uuid})
    response = client.post(
        url, {"title": "  ", "description": "Samen met de gemeente", "owner": outsider.pk, "due_date": "31-02-2030"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nog niet opgeslagen" in html
    assert 'id="id_title_error"' in html and "Dit veld is verplicht." in html
    assert 'id="id_owner_error"' in html and "Selecteer een geldige keuze" in html
    assert 'id="id_due_date_error"' in html and "Voer een geldige datum in." in html
    assert 'aria-describedby="id_due_date_help id_due_date_error"' in html
    assert "Samen met de gemeente</textarea>" in html
    assert 'value="31-02-2030"' in html
    assert not Action.objects.exists()


def test_owner_can_only_be_an_active_person_of_the_library(client, world):
    client.force_login(world.users["coordinator"])
    gone = UserFactory(organisation=world.library, is_active=False, name="Vertrokken Collega")
    UserFactory(organisation=world.other_library, name="Iemand Anders")
    html = client.get(reverse("actions:create", kwargs={"uuid": world.library.uuid})).content.decode()
    assert world.users["desk_worker"].name in html
    assert gone.name not in html and "Iemand Anders" not in html


def test_coordinator_of_another_library_gets_404_and_nothing_changes(client, world):
    action = ActionFactory(library=world.other_library, title="Van de ander")
    client.force_login(world.users["coordinator"])
    assert client.get(_plan(world.other_library)).status_code == 404
    assert client.post(reverse("actions:update", kwargs={"uuid": action.uuid}), {"title": "Gekaapt"}).status_code == 404
    transition = reverse("actions:transition", kwargs={"uuid": action.uuid})
    assert client.post(transition, {"status": "gepland"}).status_code == 404
    assert client.post(reverse("actions:delete", kwargs={"uuid": action.uuid})).status_code == 404
    action.refresh_from_db()
    assert (action.title, action.status) == ("Van de ander", ActionStatus.IDEA)


def test_facilitator_sees_the_plan_but_cannot_change_it_and_a_desk_worker_does_not_see_it(client, world):
    """Issue 11: desk workers (often volunteers) get no action plan: 404, as for a stranger."""
    action = ActionFactory(library=world.library, title="Alleen lezen")
    client.force_login(world.users["facilitator"])
    html = client.get(_plan(world.library)).content.decode()
    assert "Alleen lezen" in html
    assert "Zet op ‘Gepland’" not in html and "Een actie toevoegen" not in html
    response = client.post(reverse("actions:transition", kwargs={"uuid": action.uuid}), {"status": "gepland"})
    assert response.status_code == 403
    client.force_login(world.users["desk_worker"])
    assert client.get(_plan(world.library)).status_code == 404
    response = client.post(reverse("actions:transition", kwargs={"uuid": action.uuid}), {"status": "gepland"})
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == ActionStatus.IDEA


def test_plan_shows_exactly_the_allowed_next_steps(client, world):
    ActionFactory(library=world.library, title="Bezig ermee", status=ActionStatus.IN_PROGRESS)
    client.force_login(world.users["coordinator"])
    html = client.get(_plan(world.library)).content.decode()
    for allowed in ["Afgerond", "Gepland", "Gestopt"]:
        assert f"Zet op ‘{allowed}’<span" in html
    assert "Zet op ‘Idee’" not in html and "Zet op ‘Bezig’" not in html
    assert html.count('name="status"') == 3


def test_walking_the_plan_from_idea_to_done(client, world):
    action = ActionFactory(library=world.library, title="Workshop DigiD")
    client.force_login(world.users["coordinator"])
    url = reverse("actions:transition", kwargs={"uuid": action.uuid})
    for status in ["gepland", "bezig", "afgerond"]:
        response = client.post(url, {"status": status}, follow=True)
        action.refresh_from_db()
        assert action.status == status
    html = response.content.decode()
    assert "‘Workshop DigiD’ staat nu op ‘Afgerond’." in html
    assert "Afgerond op" in html


def test_a_forbidden_step_posted_by_hand_is_refused_with_a_dutch_message(client, world):
    action = ActionFactory(library=world.library, title="Nog een idee")
    client.force_login(world.users["coordinator"])
    url = reverse("actions:transition", kwargs={"uuid": action.uuid})
    response = client.post(url, {"status": "afgerond"}, follow=True)
    html = response.content.decode()
    assert "Een actie met de status ‘Idee’ kan niet naar ‘Afgerond’. Er is niets veranderd." in html
    response = client.post(url, {"status": "verzonnen"}, follow=True)
    assert "Kies een van de stappen bij de actie. Er is niets veranderd." in response.content.decode()
    action.refresh_from_db()
    assert (action.status, action.completed_at) == (ActionStatus.IDEA, None)


def test_overdue_is_said_in_words_and_the_origin_links_to_the_meeting(client, world):
    meeting = MeetingFactory(group=world.group, title="Tweede bijeenkomst")
    item = MeetingActionItemFactory(meeting=meeting)
    ActionFactory(library=world.library, title="Te laat", due_date=YESTERDAY, status=ActionStatus.PLANNED)
    ActionFactory(library=world.library, title="Klaar", due_date=YESTERDAY, status=ActionStatus.DONE)
    ActionFactory(library=world.library, title="Uit overleg", meeting_action_item=item, origin="bijeenkomst")
    client.force_login(world.users["coordinator"])
    html = client.get(_plan(world.library)).content.decode()
    assert html.count('class="plein-overdue">Te laat</strong>') == 1  # not for the finished one
    assert "1 actie is te laat" in html
    meeting_url = reverse("themegroups:meeting_detail", kwargs={"uuid": meeting.uuid})
    assert f'Afgesproken in bijeenkomst <a class="utrecht-link" href="{meeting_url}">Tweede bijeenkomst</a>' in html


def test_editing_keeps_the_input_when_refused_and_saves_when_right(client, world):
    action = ActionFactory(library=world.library, title="Oude titel")
    client.force_login(world.users["coordinator"])
    url = reverse("actions:update", kwargs={"uuid": action.uuid})
    assert 'value="Oude titel"' in client.get(url).content.decode()
    response = client.post(url, {"title": "", "description": "Nieuwe uitleg"})
    assert "Dit veld is verplicht." in response.content.decode()
    assert "Actie ‘Oude titel’ wijzigen" in response.content.decode()
    response = client.post(url, {"title": "Nieuwe titel", "due_date": NEXT_MONTH.isoformat()})
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.title, action.due_date) == ("Nieuwe titel", NEXT_MONTH)


def test_deleting_is_confirmed_first(client, world):
    action = ActionFactory(library=world.library, title="Weg ermee")
    client.force_login(world.users["coordinator"])
    url = reverse("actions:delete", kwargs={"uuid": action.uuid})
    assert "Ja, verwijder deze actie" in client.get(url).content.decode()
    assert Action.objects.filter(pk=action.pk).exists()
    response = client.post(url, follow=True)
    assert "De actie ‘Weg ermee’ is verwijderd." in response.content.decode()
    assert not Action.objects.filter(pk=action.pk).exists()


def test_index_sends_everyone_to_the_right_page(client, world):
    url = reverse("actions:index")
    client.force_login(world.users["coordinator"])
    assert client.get(url)["Location"] == _plan(world.library)
    client.force_login(world.users["desk_worker"])
    assert client.get(url).status_code == 403
    client.force_login(world.users["facilitator"])
    assert client.get(url)["Location"] == reverse("actions:overview")


def test_menu_offers_the_plan_to_library_staff_and_the_overview_to_managers(client, world):
    for role, present, absent in [
        ("coordinator", "Actieplan", ">Acties<"),
        ("desk_worker", None, "/acties/"),
        ("facilitator", ">Acties<", "Actieplan"),
        ("administrator", ">Acties<", "Actieplan"),
        ("municipality", None, "/acties/"),
    ]:
        client.force_login(world.users[role])
        nav = client.get("/").content.decode().split('class="plein-nav"')[1].split("</nav>")[0]
        if present:
            assert present in nav, role
        assert absent not in nav, role


def test_overview_filters_by_group_and_status_and_puts_overdue_first(client, world):
    ActionFactory(library=world.library, title="Op tijd", due_date=timezone.localdate(), status="gepland")
    ActionFactory(library=world.library, title="Te laat eigen", due_date=YESTERDAY, status="bezig")
    ActionFactory(library=world.other_library, title="Bij de ander", status="idee")
    elsewhere = OrganisationFactory(name="Bibliotheek Elders")
    GroupMembershipFactory(group=ThemeGroupFactory(), library=elsewhere)  # another POI's group
    ActionFactory(library=elsewhere, title="Niet van ons")
    client.force_login(world.users["facilitator"])
    url = reverse("actions:overview")

    html = client.get(url).content.decode()
    assert "Bibliotheek Eigen" in html and "Bibliotheek Ander" in html
    assert "Niet van ons" not in html and "Bibliotheek Elders" not in html
    assert html.index("Te laat eigen") < html.index("Op tijd")

    html = client.get(url, {"group": world.group.uuid}).content.decode()
    assert "Te laat eigen" in html and "Bij de ander" not in html

    html = client.get(url, {"status": "idee"}).content.decode()
    assert "Bij de ander" in html and "Te laat eigen" not in html

    client.force_login(world.users["administrator"])
    assert "Niet van ons" in client.get(url).content.decode()


def test_overview_counts_each_action_once_even_when_a_library_is_in_two_groups(client, world):
    GroupMembershipFactory(group=world.other_group, library=world.library)
    ActionFactory.create_batch(2, library=world.library, status="gepland")
    client.force_login(world.users["facilitator"])
    response = client.get(reverse("actions:overview"))
    own = next(lib for lib in response.context["libraries"] if lib.pk == world.library.pk)
    assert own.status_counts == [0, 2, 0, 0, 0]


def _make_actions(world, n):
    """n actions spread over the world's two libraries and three more in the same groups."""
    libraries = [world.library, world.other_library]
    for i in range(3):
        library = OrganisationFactory()
        GroupMembershipFactory(group=world.group if i % 2 else world.other_group, library=library)
        libraries.append(library)
    meeting = MeetingFactory(group=world.group)
    for i in range(n):
        library = libraries[i % len(libraries)]
        ActionFactory(
            library=library,
            status=list(ActionStatus)[i % len(ActionStatus)],
            owner=UserFactory(organisation=library),
            due_date=YESTERDAY if i % 3 == 0 else NEXT_MONTH,
            meeting_action_item=MeetingActionItemFactory(meeting=meeting) if i % 4 == 0 else None,
            origin="bijeenkomst" if i % 4 == 0 else "eigen",
        )


@pytest.mark.parametrize("role", ["coordinator", "facilitator"])
def test_plan_page_does_a_fixed_number_of_queries(client, world, role):
    client.force_login(world.users[role])
    url = _plan(world.library)
    _make_actions(world, 3)
    few = count_queries(client, url)
    _make_actions(world, 40)
    assert Action.objects.count() == 43 and Action.objects.filter(library=world.library).count() > 5
    assert count_queries(client, url) == few


def test_overview_page_does_a_fixed_number_of_queries(client, world):
    client.force_login(world.users["facilitator"])
    url = reverse("actions:overview")
    _make_actions(world, 3)
    few = count_queries(client, url)
    _make_actions(world, 40)
    assert count_queries(client, url) == few
    assert count_queries(client, url + f"?group={world.group.uuid}&status=bezig") == few


def test_edit_form_shows_the_saved_date_in_the_date_picker(client, world):
    import datetime

    from plein.actions.tests.factories import ActionFactory

    action = ActionFactory(library=world.library, due_date=datetime.date(2027, 1, 8))
    client.force_login(world.users["coordinator"])
    html = client.get(reverse("actions:update", args=[action.uuid])).content.decode()
    assert 'type="date"' in html and 'value="2027-01-08"' in html
