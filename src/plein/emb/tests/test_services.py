import pytest
from django.core.exceptions import ValidationError

from plein.actions.choices import ActionOrigin
from plein.actions.models import Action
from plein.emb import services
from plein.emb.choices import ConnectionKind, Strength
from plein.emb.models import Connection, ConnectionAction, PortfolioEntry, Programme
from plein.emb.seed import CATALOGUE, programme, seed_catalogue
from plein.organisations.tests.factories import LocationFactory

from .factories import ConnectionFactory, PortfolioEntryFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def _connect(world, source, target, kind=ConnectionKind.REFERRAL):
    return services.connection_create(
        library=world.library,
        acting_user=world.users["coordinator"],
        source=source,
        target=target,
        kind=kind,
        strength=Strength.AD_HOC,
        opportunities=" Meer bezoekers ",
        challenges="Weinig tijd",
    )


def test_the_catalogue_is_seeded_once_with_the_article_programmes():
    seed_catalogue()
    seed_catalogue()
    assert Programme.objects.filter(library__isnull=True).count() == len(CATALOGUE)
    assert programme("ido").tasks == ["participatie"]
    assert Programme.objects.filter(name="Mamacafé").exists()


def test_a_connection_keeps_what_was_typed(world):
    a, b = PortfolioEntryFactory(library=world.library), PortfolioEntryFactory(library=world.library)
    connection = _connect(world, a, b)
    assert connection.opportunities == "Meer bezoekers"
    assert connection.library == world.library


def test_a_connection_to_itself_is_refused_in_dutch(world):
    a = PortfolioEntryFactory(library=world.library)
    with pytest.raises(ValidationError) as error:
        _connect(world, a, a)
    assert error.value.message_dict["target"] == [
        "Een programma kan geen verbinding met zichzelf hebben. Kies een ander programma."
    ]
    assert not Connection.objects.exists()


def test_a_duplicate_connection_is_refused_but_another_kind_is_fine(world):
    a, b = PortfolioEntryFactory(library=world.library), PortfolioEntryFactory(library=world.library)
    _connect(world, a, b)
    with pytest.raises(ValidationError) as error:
        _connect(world, a, b)
    assert "Deze verbinding bestaat al" in error.value.message_dict["kind"][0]
    _connect(world, a, b, kind=ConnectionKind.PROMOTION)
    _connect(world, b, a)  # the other direction is another connection
    assert Connection.objects.count() == 3


def test_a_programme_of_another_library_cannot_be_connected(world):
    own = PortfolioEntryFactory(library=world.library)
    other = PortfolioEntryFactory(library=world.other_library)
    with pytest.raises(ValidationError) as error:
        _connect(world, own, other)
    assert error.value.message_dict["target"] == [
        "Uw bibliotheek heeft dit programma niet. Zet het eerst in het portfolio."
    ]
    assert not Connection.objects.exists()


def test_an_entry_refuses_a_location_of_another_library_and_saves_nothing(world):
    with pytest.raises(ValidationError) as error:
        services.entry_create(
            library=world.library,
            acting_user=world.users["coordinator"],
            programme=programme("ido"),
            locations=[world.other_location],
        )
    assert error.value.message_dict["locations"] == ["Kies vestigingen van uw eigen bibliotheek."]
    assert not PortfolioEntry.objects.exists()


def test_an_entry_with_locations_partners_and_target_groups(world):
    entry = services.entry_create(
        library=world.library,
        acting_user=world.users["coordinator"],
        programme=programme("mamacafe"),
        locations=[world.location],
        target_groups=["ouders", "nieuwkomers"],
        partners=[world.other_library],
        other_partners="Consultatiebureau, ",
        since=2019,
        responsible=world.users["coordinator"],
    )
    assert list(entry.locations.all()) == [world.location]
    assert entry.other_partner_list == ["Consultatiebureau"]
    assert entry.target_group_labels == ["Ouders van jonge kinderen", "Nieuwkomers"]
    with pytest.raises(ValidationError) as error:
        services.entry_create(library=world.library, acting_user=None, programme=programme("mamacafe"))
    assert error.value.message_dict["programme"] == ["Dit programma staat al in uw portfolio."]


def test_a_local_programme_with_a_bad_entry_leaves_no_programme_behind(world):
    with pytest.raises(ValidationError):
        services.local_programme_add(
            library=world.library,
            acting_user=world.users["coordinator"],
            name="Leesclub",
            tasks=["geletterd"],
            locations=[LocationFactory()],
        )
    assert not Programme.objects.filter(name="Leesclub").exists()


def test_a_programme_needs_a_societal_task(world):
    with pytest.raises(ValidationError) as error:
        services.programme_create(acting_user=world.users["facilitator"], name="Iets", tasks=[])
    assert error.value.message_dict["tasks"] == ["Kies minstens één maatschappelijke opgave."]


def test_an_action_from_a_connection_is_in_the_plan_and_linked_both_ways(world):
    connection = ConnectionFactory(library=world.library)
    action = services.connection_action_create(
        connection=connection, acting_user=world.users["coordinator"], title=" Presentatie voor leerkrachten "
    )
    assert action.library == world.library and action.origin == ActionOrigin.CONNECTION
    assert action.title == "Presentatie voor leerkrachten"
    assert action.emb_link.connection == connection
    assert [link.action for link in connection.action_links.all()] == [action]


def test_an_action_that_fails_leaves_no_link(world):
    connection = ConnectionFactory(library=world.library)
    with pytest.raises(ValidationError):
        services.connection_action_create(connection=connection, acting_user=None, title="x" * 300)
    assert not Action.objects.exists() and not ConnectionAction.objects.exists()


def test_sharing_is_private_by_default_and_can_be_switched(world):
    from plein.emb.selectors import is_shared

    assert not is_shared(world.library)
    services.sharing_set(library=world.library, acting_user=world.users["coordinator"], shared=True)
    assert is_shared(world.library)
    services.sharing_set(library=world.library, acting_user=world.users["coordinator"], shared=False)
    assert not is_shared(world.library)


def test_local_programmes_are_only_offered_to_their_own_library(world):
    from plein.emb.selectors import programme_choices

    own = ProgrammeFactory(library=world.library)
    other = ProgrammeFactory(library=world.other_library)
    choices = set(programme_choices(library=world.library))
    assert own in choices and other not in choices and programme("ido") in choices


def test_the_demo_gives_every_demo_library_a_portfolio_with_the_article_connections():
    from plein.organisations.models import Organisation
    from plein.site.demo import load_demo

    load_demo()
    load_demo()  # idempotent
    libraries = Organisation.objects.filter(is_demo=True, name__startswith="Demobibliotheek ")
    assert libraries.count() == 7
    sizes = {PortfolioEntry.objects.filter(library=lib).count() for lib in libraries}
    assert len(sizes) > 3
    for library in libraries:
        assert Connection.objects.filter(library=library).count() >= 3
    article = Connection.objects.filter(source__programme__key="ido", target__programme__key="dbos")
    assert article.count() >= 5
    assert Connection.objects.filter(source__programme__key="mamacafe", target__programme__key="ido").exists()
    assert ConnectionAction.objects.filter(action__title__startswith="Rondleiding langs het IDO").exists()
