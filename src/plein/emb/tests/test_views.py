import io

import pytest
from django.urls import reverse

from plein.actions.choices import ActionOrigin
from plein.actions.models import Action
from plein.emb.models import Connection, PortfolioEntry
from plein.emb.seed import programme
from plein.organisations.tests.factories import LocationFactory, OrganisationFactory
from plein.site.tests.pdf import assert_valid_pdf
from plein.site.tests.queries import count_queries
from plein.themegroups.tests.factories import GroupMembershipFactory

from .factories import ConnectionActionFactory, ConnectionFactory, PortfolioEntryFactory, ProgrammeFactory, shared

pytestmark = pytest.mark.django_db


def _grow(library, n=8):
    entries = [PortfolioEntryFactory(library=library) for _ in range(n)]
    for entry in entries:
        entry.locations.add(LocationFactory(organisation=library))
        entry.partners.add(OrganisationFactory())
    for a, b in zip(entries, entries[1:], strict=False):
        ConnectionActionFactory(connection=ConnectionFactory(library=library, source=a, target=b))


@pytest.mark.parametrize("name", ["emb:portfolio", "emb:map", "emb:story", "emb:conversation"])
def test_library_pages_do_a_fixed_number_of_queries(client, world, name):
    client.force_login(world.users["coordinator"])
    ido = PortfolioEntryFactory(library=world.library, programme=programme("ido"))
    first = PortfolioEntryFactory(library=world.library)
    ConnectionActionFactory(connection=ConnectionFactory(library=world.library, source=ido, target=first))
    url = reverse(name, args=[world.library.uuid])
    few = count_queries(client, url)
    _grow(world.library)
    assert count_queries(client, url) == few


def test_group_comparison_does_a_fixed_number_of_queries(client, world):
    client.force_login(world.users["facilitator"])
    url = reverse("emb:group_compare", args=[world.group.uuid])
    _grow(world.library, 2)
    few = count_queries(client, url)
    for _ in range(3):
        library = OrganisationFactory()
        GroupMembershipFactory(group=world.group, library=library)
        _grow(library, 3)
    assert count_queries(client, url) == few


def test_catalogue_does_a_fixed_number_of_queries(client, world):
    client.force_login(world.users["facilitator"])
    url = reverse("emb:catalogue")
    few = count_queries(client, url)
    ProgrammeFactory.create_batch(10)
    assert count_queries(client, url) == few


def test_coordinator_adds_a_programme_and_a_connection(client, world):
    client.force_login(world.users["coordinator"])
    url = reverse("emb:entry_create", args=[world.library.uuid])
    response = client.post(
        url,
        {
            "programme": programme("ido").uuid,
            "locations": [world.location.pk],
            "target_groups": ["ouderen"],
            "other_partners": "SeniorWeb",
            "since": "2020",
        },
    )
    assert response.status_code == 302
    client.post(url, {"programme": programme("dbos").uuid})
    ido, dbos = (PortfolioEntry.objects.get(programme__key=k) for k in ("ido", "dbos"))
    response = client.post(
        reverse("emb:connection_create", args=[world.library.uuid]),
        {
            "source": ido.uuid,
            "target": dbos.uuid,
            "kind": "promotie",
            "strength": "adhoc",
            "opportunities": "Presentatie voor leerkrachten",
            "challenges": "Weinig tijd",
        },
    )
    connection = Connection.objects.get()
    assert response["Location"] == reverse("emb:connection_detail", args=[connection.uuid])
    assert connection.opportunities == "Presentatie voor leerkrachten"


def _connection_post(source, target, **extra):
    return {"source": source, "target": target, "kind": "promotie", "strength": "geen", **extra}


def test_bad_connections_get_dutch_messages_and_keep_the_input(client, world):
    client.force_login(world.users["coordinator"])
    a, b = PortfolioEntryFactory(library=world.library), PortfolioEntryFactory(library=world.library)
    other = PortfolioEntryFactory(library=world.other_library)
    url = reverse("emb:connection_create", args=[world.library.uuid])

    html = client.post(url, _connection_post(a.uuid, a.uuid, opportunities="Mijn idee")).content.decode()
    assert "Een programma kan geen verbinding met zichzelf hebben." in html
    assert "Mijn idee" in html

    ConnectionFactory(library=world.library, source=a, target=b, kind="promotie")
    html = client.post(url, _connection_post(a.uuid, b.uuid, challenges="Lastig")).content.decode()
    assert "Deze verbinding bestaat al" in html and "Lastig" in html

    # A programme of another library, posted by hand.
    html = client.post(url, _connection_post(a.uuid, other.uuid)).content.decode()
    assert "Uw bibliotheek heeft dit programma niet. Zet het eerst in het portfolio." in html
    assert Connection.objects.count() == 1


def test_an_action_from_a_connection_shows_on_the_plan_with_a_link_back(client, world):
    client.force_login(world.users["coordinator"])
    connection = ConnectionFactory(library=world.library)
    response = client.post(
        reverse("emb:connection_action", args=[connection.uuid]), {"title": "Rondleiding langs het IDO"}
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.origin == ActionOrigin.CONNECTION and action.emb_link.connection == connection
    plan = client.get(reverse("actions:plan", args=[world.library.uuid])).content.decode()
    assert reverse("emb:connection_detail", args=[connection.uuid]) in plan
    detail = client.get(reverse("emb:connection_detail", args=[connection.uuid])).content.decode()
    assert "Rondleiding langs het IDO" in detail


def test_an_empty_action_title_is_kept_as_an_error(client, world):
    client.force_login(world.users["coordinator"])
    connection = ConnectionFactory(library=world.library)
    response = client.post(
        reverse("emb:connection_action", args=[connection.uuid]), {"title": "", "description": "Met de school"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Dit veld is verplicht." in html and "Met de school" in html
    assert not Action.objects.exists()


def _neighbour(world):
    library = OrganisationFactory(name="Bibliotheek Buur")
    GroupMembershipFactory(group=world.group, library=library)
    ConnectionFactory(library=library, opportunities="Geheim plan van de buren")
    return library


def test_a_private_portfolio_is_not_found_for_the_other_libraries_of_the_group(client, world):
    neighbour = _neighbour(world)
    client.force_login(world.users["coordinator"])
    for name in ["emb:portfolio", "emb:map", "emb:story", "emb:story_pdf"]:
        assert client.get(reverse(name, args=[neighbour.uuid])).status_code == 404


def test_a_shared_portfolio_is_readable_for_the_group_but_not_for_outsiders(client, world):
    neighbour = shared(_neighbour(world))
    ConnectionActionFactory(connection=Connection.objects.get(library=neighbour), action__title="Interne actie")
    client.force_login(world.users["coordinator"])
    html = client.get(reverse("emb:map", args=[neighbour.uuid])).content.decode()
    assert "Geheim plan van de buren" in html
    assert "Interne actie" not in html  # the action plan stays the library's own
    assert "Een programma aan het portfolio toevoegen" not in html
    outsider = OrganisationFactory()
    from plein.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(organisation=outsider))
    assert client.get(reverse("emb:map", args=[neighbour.uuid])).status_code == 404


def test_sharing_is_switched_with_a_post(client, world):
    client.force_login(world.users["coordinator"])
    url = reverse("emb:sharing", args=[world.library.uuid])
    from plein.emb.models import EmbSettings

    client.post(url, {"shared": "1"})
    assert EmbSettings.objects.get(library=world.library).shared_with_groups
    client.post(url, {"shared": "0"})
    assert not EmbSettings.objects.get(library=world.library).shared_with_groups


def test_the_conversation_walks_through_the_ido_connections(client, world):
    client.force_login(world.users["coordinator"])
    ido = PortfolioEntryFactory(library=world.library, programme=programme("ido"))
    others = [PortfolioEntryFactory(library=world.library, programme=programme(k)) for k in ("dbos", "mamacafe")]
    url = reverse("emb:conversation", args=[world.library.uuid])
    html = client.get(url).content.decode()
    assert "Stap 1 van 2" in html and "de Bibliotheek op school (dBos)" in html
    response = client.post(f"{url}?stap=2", {"kind": "activiteit", "strength": "adhoc", "opportunities": "Rondleiding"})
    assert response["Location"].endswith("?stap=2")
    assert Connection.objects.get().target == others[1] and Connection.objects.get().source == ido
    html = client.post(f"{url}?stap=2", {"kind": "activiteit", "strength": "adhoc"}).content.decode()
    assert "Deze verbinding bestaat al" in html


def test_the_map_passes_its_data_as_json_and_has_a_table(client, world):
    client.force_login(world.users["coordinator"])
    connection = ConnectionFactory(library=world.library, kind="doorverwijzing")
    html = client.get(reverse("emb:map", args=[world.library.uuid])).content.decode()
    assert 'id="emb-map-data" type="application/json"' in html
    assert f'id="row-connection-{connection.uuid}"' in html
    assert "Doorverwijzing" in html


def test_the_group_comparison_counts_common_and_rare_connections(client, world):
    ido, dbos = programme("ido"), programme("dbos")
    for library in (world.library, OrganisationFactory()):
        GroupMembershipFactory(group=world.group, library=library) if library != world.library else None
        ConnectionFactory(
            library=library,
            source=PortfolioEntryFactory(library=library, programme=ido),
            target=PortfolioEntryFactory(library=library, programme=dbos),
            kind="promotie",
        )
    ConnectionFactory(library=world.library, kind="doorverwijzing")
    client.force_login(world.users["facilitator"])
    response = client.get(reverse("emb:group_compare", args=[world.group.uuid]))
    common = response.context["pair_tables"][0][1]
    rare = response.context["pair_tables"][1][1]
    assert [(p.source, p.target, p.count) for p in common] == [(ido.name, dbos.name, 2)]
    assert len(rare) == 1


def test_the_story_pdf_is_one_page_with_the_library_name(client, world, tmp_path):
    client.force_login(world.users["coordinator"])
    ido = PortfolioEntryFactory(library=world.library, programme=programme("ido"))
    for key in ("dbos", "mamacafe", "taalhuis", "digisterker"):
        ConnectionFactory(
            library=world.library,
            source=ido,
            target=PortfolioEntryFactory(library=world.library, programme=programme(key)),
        )
    response = client.get(reverse("emb:story_pdf", args=[world.library.uuid]))
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert_valid_pdf(pdf)
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Bibliotheek Eigen" in text and "Lokaal EMB-verhaal" in text
    assert 1 <= len(reader.pages) <= 2


def test_the_empty_portfolio_row_spans_exactly_the_columns_of_the_table(client, world):
    """Without the change column the empty row spanned 8 of 7 columns (the Nu Html Checker's error)."""

    seen = set()
    for role in ["coordinator", "facilitator", "desk_worker", "municipality"]:
        client.force_login(world.users[role])
        response = client.get(reverse("emb:portfolio", args=[world.library.uuid]))
        if response.status_code != 200:
            continue
        html = response.content.decode()
        table = html[html.index('id="entries-caption"') :]
        columns = table.split("</thead>")[0].count('scope="col"')
        assert f'colspan="{columns}"' in table, role
        seen.add(columns)
    assert seen == {7, 8}, seen
