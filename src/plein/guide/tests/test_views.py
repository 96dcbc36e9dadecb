import pytest
from django.urls import reverse

from plein.actions.models import Action
from plein.guide import services
from plein.guide.choices import VersionStatus
from plein.guide.models import Answer, Step, StepState, Trajectory
from plein.organisations.tests.factories import OrganisationFactory
from plein.site.tests.queries import count_queries
from plein.themegroups.tests.factories import GroupMembershipFactory

from .factories import PartnerFactory, TrajectoryFactory, published_guide

pytestmark = pytest.mark.django_db


def _step_url(trajectory, key="partners"):
    return reverse("guide:step", kwargs={"uuid": trajectory.uuid, "key": key})


def test_coordinator_starts_a_route_for_a_location(client, world):
    published_guide()
    client.force_login(world.users["coordinator"])
    response = client.post(
        reverse("guide:start", kwargs={"uuid": world.library.uuid}),
        {"name": "Ontwikkelplein Centrum", "location": world.location.pk},
    )
    trajectory = Trajectory.objects.get(library=world.library)
    assert response["Location"] == reverse("guide:trajectory", kwargs={"uuid": trajectory.uuid})
    assert trajectory.location == world.location
    html = client.get(response["Location"]).content.decode()
    assert "Voortgang per fase" in html and "Verkennen" in html and "Partners" in html


def test_a_location_of_another_library_is_refused_and_the_input_kept(client, world):
    client.force_login(world.users["coordinator"])
    response = client.post(
        reverse("guide:start", kwargs={"uuid": world.library.uuid}),
        {"name": "Mijn plein", "location": world.other_location.pk},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nog niet opgeslagen" in html and "Selecteer een geldige keuze" in html
    assert 'value="Mijn plein"' in html
    assert not Trajectory.objects.exists()


def test_step_form_saves_answers_ticks_and_done_without_javascript(client, world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.library)
    client.force_login(world.users["coordinator"])
    response = client.post(
        _step_url(trajectory),
        {"q-welke-partners": "Het Leerwerkloket", "c-partners-ingevuld": "on", "done": "on", "verder": "1"},
    )
    assert response["Location"] == _step_url(trajectory, "aanbod")
    assert Answer.objects.get(trajectory=trajectory, item_key="welke-partners").text == "Het Leerwerkloket"
    assert StepState.objects.get(trajectory=trajectory, step_key="partners").done_at is not None
    html = client.get(_step_url(trajectory)).content.decode()
    assert "Het Leerwerkloket</textarea>" in html and "checked" in html


def test_bad_input_keeps_everything_with_a_dutch_message_and_saves_the_rest(client, world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.library)
    client.force_login(world.users["coordinator"])
    too_long = "x" * 5001
    response = client.post(
        _step_url(trajectory), {"q-welke-partners": too_long, "q-rol-partners": "MEE deelt expertise", "done": "on"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Niet alles is opgeslagen" in html
    assert "Zorg dat deze waarde niet meer dan 5000 tekens bevat" in html
    assert too_long + "</textarea>" in html
    assert Answer.objects.get(trajectory=trajectory, item_key="rol-partners").text == "MEE deelt expertise"
    assert not Answer.objects.filter(item_key="welke-partners").exists()
    assert StepState.objects.get(trajectory=trajectory).done_at is None  # not done with an error


def test_autosave_saves_and_answers_json(client, world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.library)
    client.force_login(world.users["coordinator"])
    url = reverse("guide:autosave", kwargs={"uuid": trajectory.uuid, "key": "partners"})
    response = client.post(url, {"q-welke-partners": "SeniorWeb"})
    assert response.status_code == 200
    assert response.json()["saved"] is True and response.json()["message"].startswith("Opgeslagen om")
    assert Answer.objects.get(trajectory=trajectory).text == "SeniorWeb"
    response = client.post(url, {"q-welke-partners": "x" * 5001})
    assert response.status_code == 400
    assert response.json()["saved"] is False and "q-welke-partners" in response.json()["errors"]
    assert Answer.objects.get(trajectory=trajectory).text == "SeniorWeb"


def test_desk_worker_does_not_open_the_guide(client, world):
    """Issue 11: the guide is the library's private work, not the desk's (404 as for a stranger)."""
    published_guide()
    trajectory = TrajectoryFactory(library=world.library)
    client.force_login(world.users["desk_worker"])
    assert client.get(_step_url(trajectory)).status_code == 404
    assert client.post(_step_url(trajectory), {"q-welke-partners": "x"}).status_code == 404
    assert not Answer.objects.exists()


def test_outsider_gets_404_and_nothing_changes(client, world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.other_library)
    partner = PartnerFactory(trajectory=trajectory, name="Van de ander")
    client.force_login(world.users["coordinator"])
    assert client.get(reverse("guide:trajectory", kwargs={"uuid": trajectory.uuid})).status_code == 404
    assert client.post(_step_url(trajectory), {"q-welke-partners": "Gekaapt"}).status_code == 404
    autosave = reverse("guide:autosave", kwargs={"uuid": trajectory.uuid, "key": "partners"})
    assert client.post(autosave, {"q-welke-partners": "Gekaapt"}).status_code == 404
    update = reverse("guide:partner_update", kwargs={"uuid": partner.uuid})
    assert client.post(update, {"name": "Gekaapt", "agreement": "geen"}).status_code == 404
    assert not Answer.objects.exists()
    partner.refresh_from_db()
    assert partner.name == "Van de ander"


def test_answer_becomes_an_action_from_the_step_form(client, world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.library)
    client.force_login(world.users["coordinator"])
    response = client.post(
        reverse("guide:answer_action", kwargs={"uuid": trajectory.uuid, "key": "partners"}),
        {"q-welke-partners": "Bellen met het Leerwerkloket", "vraag": "welke-partners"},
    )
    assert response.status_code == 302
    action = Action.objects.get(library=world.library)
    assert action.title == "Bellen met het Leerwerkloket" and action.guide_link.trajectory == trajectory
    html = client.get(response["Location"]).content.decode()
    assert "staat nu in uw actieplan" in html


def test_partner_is_added_with_roles_and_themes(client, world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.library)
    client.force_login(world.users["coordinator"])
    url = reverse("guide:partner_create", kwargs={"uuid": trajectory.uuid})
    response = client.post(url, {"name": "", "agreement": "geen"})
    assert response.status_code == 200
    assert "Geef de partner een naam, of kies een organisatie." in response.content.decode()
    response = client.post(
        url,
        {"name": "Leerwerkloket", "roles": ["verwijst", "spreekuur"], "themes": ["werk"], "agreement": "afgesproken"},
    )
    assert response.status_code == 302
    html = client.get(reverse("guide:trajectory", kwargs={"uuid": trajectory.uuid})).content.decode()
    assert "Leerwerkloket" in html and "Verwijst door, Houdt spreekuur" in html and "Mondeling afgesproken" in html


def test_facilitator_edits_a_tip_in_a_draft_and_libraries_see_it_only_after_publishing(client, world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.library)
    facilitator, coordinator = world.users["facilitator"], world.users["coordinator"]
    client.force_login(facilitator)
    client.post(reverse("guide:draft_create"))
    draft = services.GuideVersion.objects.get(status=VersionStatus.DRAFT)
    step = Step.objects.get(version=draft, key="partners")
    edit = reverse("guide:step_edit", kwargs={"uuid": draft.uuid, "key": "partners"})
    form = client.get(edit).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["tips"] = "Nodig de partners uit voor een kop koffie."
    data["aspects"] = step.aspects
    data["resources"] = []
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()

    client.force_login(coordinator)
    html = client.get(_step_url(trajectory)).content.decode()
    assert "Partners hebben twee rollen" in html and "kop koffie" not in html

    client.force_login(facilitator)
    response = client.post(reverse("guide:publish", kwargs={"uuid": draft.uuid}), {"note": "Nieuwe tip"})
    assert response.status_code == 302
    client.force_login(coordinator)
    html = client.get(_step_url(trajectory)).content.decode()
    assert "kop koffie" in html and "Partners hebben twee rollen" not in html


def test_route_page_does_a_fixed_number_of_queries(client, world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.library)
    client.force_login(world.users["coordinator"])
    url = reverse("guide:trajectory", kwargs={"uuid": trajectory.uuid})
    few = count_queries(client, url)
    step_url = _step_url(trajectory)
    few_step = count_queries(client, step_url)
    user = world.users["coordinator"]
    for step in Step.objects.filter(version__status=VersionStatus.PUBLISHED):
        answers = {i.key: "Antwoord" for i in step.items.all() if i.kind == "vraag"}
        ticks = {i.key for i in step.items.all() if i.kind == "check"}
        services.step_save(trajectory=trajectory, step=step, acting_user=user, answers=answers, ticked=ticks, done=True)
    PartnerFactory.create_batch(10, trajectory=trajectory)
    assert count_queries(client, url) == few
    assert count_queries(client, step_url) == few_step


def test_facilitator_overview_shows_progress_and_stuck_steps_in_a_fixed_number_of_queries(client, world):
    published_guide()
    client.force_login(world.users["facilitator"])
    url = reverse("guide:overview")
    few = count_queries(client, url)
    user = world.users["coordinator"]
    step = Step.objects.get(version__status=VersionStatus.PUBLISHED, key="partners")
    for n in range(6):
        library = OrganisationFactory(name=f"Bibliotheek {n}")
        GroupMembershipFactory(group=world.other_group, library=library)
        trajectory = TrajectoryFactory(library=library)
        services.step_save(trajectory=trajectory, step=step, acting_user=user, answers={}, ticked={"partners-ingevuld"})
    assert count_queries(client, url) == few
    html = client.get(url).content.decode()
    assert "Waar lopen bibliotheken vast" in html and "Bibliotheek 5" in html and "Partners" in html
