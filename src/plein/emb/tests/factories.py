import factory

from plein.emb.choices import ConnectionKind, SocietalTask, Strength
from plein.emb.models import Connection, ConnectionAction, EmbSettings, PortfolioEntry, Programme
from plein.organisations.tests.factories import OrganisationFactory


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programma {n}")
    description = "Een programma van de bibliotheek."
    tasks = factory.LazyFunction(lambda: [SocietalTask.LITERACY.value])


class PortfolioEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PortfolioEntry

    library = factory.SubFactory(OrganisationFactory)
    programme = factory.SubFactory(ProgrammeFactory)


class ConnectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Connection

    library = factory.SubFactory(OrganisationFactory)
    source = factory.SubFactory(PortfolioEntryFactory, library=factory.SelfAttribute("..library"))
    target = factory.SubFactory(PortfolioEntryFactory, library=factory.SelfAttribute("..library"))
    kind = ConnectionKind.REFERRAL
    strength = Strength.AD_HOC
    opportunities = "Meer mensen bereiken."
    challenges = "Weinig tijd."


class ConnectionActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConnectionAction

    connection = factory.SubFactory(ConnectionFactory)
    action = factory.SubFactory(
        "plein.actions.tests.factories.ActionFactory",
        library=factory.SelfAttribute("..connection.library"),
        origin="verbinding",
    )


def shared(library):
    EmbSettings.objects.update_or_create(library=library, defaults={"shared_with_groups": True})
    return library
