import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plein.organisations.tests.factories import LocationFactory
from plein.registration import services

from .factories import category, question, visit_data

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
URL = reverse("registration:figures")


def _register(world, n, location=None, **overrides):
    for i in range(n):
        services.visit_register(
            acting_user=world.users["desk_worker"],
            **visit_data(
                location=location or world.location,
                day=TODAY - datetime.timedelta(days=i % 20),
                questions=[question(referral=category("doorverwijzing", "digisterker")), question()],
                **overrides,
            ),
        )


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_coordinator_sees_their_library_with_charts_summaries_and_tables(client, world):
    _register(world, 3)
    _register(world, 2, location=world.other_location)
    client.force_login(world.users["coordinator"])
    response = client.get(URL, {"periode": "maand"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "IDO-cijfers: Bibliotheek Eigen" in html
    figures = response.context["figures"]
    assert (figures.visits.count, figures.questions.count) <= (3, 6)  # the month may not hold all 20 days
    assert 'id="fig-onderwerp-spec" type="application/json"' in html
    assert "De meeste vragen gingen over DigiD (100%)." in html
    assert "Digisterker (cursus)" in html and "EMB-programma" in html
    assert "vendor/vega/vega-embed.min.js" in html and "plein/registration-figures.js" in html


def test_a_year_holds_every_visit_and_the_other_library_stays_out(client, world):
    _register(world, 3)
    _register(world, 2, location=world.other_location)
    client.force_login(world.users["desk_worker"])
    response = client.get(
        URL, {"periode": "anders", "van": (TODAY - datetime.timedelta(days=30)).isoformat(), "tot": TODAY.isoformat()}
    )
    figures = response.context["figures"]
    assert (figures.visits.count, figures.questions.count) == (3, 6)


def test_bad_period_input_gets_dutch_messages_beside_the_fields_and_keeps_the_input(client, world):
    client.force_login(world.users["coordinator"])
    response = client.get(URL, {"periode": "anders", "van": "2025-03-10", "tot": "2025-02-01"})
    html = response.content.decode()
    assert response.status_code == 200 and "figures" not in response.context
    assert 'id="id_tot_error"' in html
    assert "De laatste dag ligt voor de eerste dag." in html
    assert 'value="2025-03-10"' in html and 'value="2025-02-01"' in html
    assert 'aria-describedby="id_tot_help id_tot_error"' in html

    response = client.get(URL, {"periode": "anders", "van": "31-02-2025"})
    html = response.content.decode()
    assert 'id="id_van_error"' in html and "Voer een geldige datum in." in html
    assert 'id="id_tot_error"' in html and "Vul de laatste dag van de periode in." in html
    assert 'value="31-02-2025"' in html

    response = client.get(URL, {"periode": "eeuw"})
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_a_scope_in_the_query_string_that_the_user_may_not_see_is_404(client, world):
    client.force_login(world.users["coordinator"])
    assert client.get(URL, {"bereik": f"bibliotheek-{world.other_library.uuid}"}).status_code == 404
    assert client.get(URL, {"bereik": f"vestiging-{world.location.uuid}"}).status_code == 200


def test_municipality_user_sees_only_its_municipality(client, world):
    user = world.users["municipality"]
    user.organisation.municipalities.add(world.location.municipality)
    _register(world, 2)
    _register(world, 4, location=world.other_location)
    client.force_login(user)
    response = client.get(URL, {"periode": "jaar"})
    figures = response.context["figures"]
    assert figures.scope.key == f"gemeente-{world.location.municipality.uuid}"
    assert (figures.visits.count, figures.questions.count) == (2, 4)
    assert world.other_location.name not in response.content.decode()


def test_the_dashboard_does_a_fixed_number_of_queries(client, world):
    client.force_login(world.users["administrator"])
    url = URL + "?periode=jaar"
    few = _count_queries(client, url)
    for _ in range(5):
        LocationFactory(organisation=world.library)
    _register(world, 30)
    _register(world, 10, location=world.other_location)
    assert _count_queries(client, url) == few
    scope_url = reverse("registration:figures_scope", kwargs={"scope": f"bibliotheek-{world.library.uuid}"})
    assert _count_queries(client, scope_url + "?periode=anders&van=2020-01-01&tot=" + TODAY.isoformat()) == few


def test_the_topic_of_a_question_is_an_onderwerp_not_a_thema(client, world):
    from plein.registration.choices import CategoryKind

    _register(world, 1)
    client.force_login(world.users["coordinator"])
    html = client.get(URL, {"periode": "maand"}).content.decode()
    topic_table = html.split('id="fig-onderwerp-caption"')[1].split("</thead>")[0]
    assert ">Onderwerp</th>" in topic_table and "Thema" not in topic_table
    assert ">Vervolg bij DigiD<" in html
    client.force_login(world.users["desk_worker"])
    client.post(reverse("registration:desk_branch"), {"vestiging": str(world.location.uuid)})
    desk = client.get(reverse("registration:desk")).content.decode()
    assert ">Onderwerp<" in desk or ">Onderwerp\n" in desk
    from django.utils import translation

    with translation.override("nl"):
        assert str(CategoryKind.TOPIC.label) == "Onderwerp"
        assert translation.gettext("Topic") == "Thema"  # a theme group's topic stays a theme


@pytest.mark.parametrize(
    ("role", "linked"),
    [("coordinator", True), ("administrator", True), ("desk_worker", False), ("municipality", False)],
)
def test_the_figures_page_links_to_the_import_for_who_may_import(client, world, role, linked):
    client.force_login(world.users[role])
    html = client.get(URL, {"periode": "maand"}).content.decode()
    assert (f'href="{reverse("registration:import")}"' in html) is linked
    if linked:
        assert "Registraties van vóór Plein importeren" in html
