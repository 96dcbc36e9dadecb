import factory

from plein.accounts.tests.factories import UserFactory
from plein.organisations.tests.factories import OrganisationFactory
from plein.practicecases.models import CaseReply, PracticeCase
from plein.themegroups.tests.factories import ThemeGroupFactory


class PracticeCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeCase

    group = factory.SubFactory(ThemeGroupFactory)
    library = factory.SubFactory(OrganisationFactory)
    author = factory.SubFactory(UserFactory, organisation=factory.SelfAttribute("..library"))
    title = factory.Sequence(lambda n: f"Casus {n}: weinig bezoekers bij het IDO")
    context = "Ons IDO zit in een kleine vestiging in een dorp."
    question = "Hoe vinden inwoners de weg naar het IDO?"
    tried = "Folders bij de huisarts."
    result = "Een paar bezoekers meer."
    tips = "Werk samen met het sociaal wijkteam."


class CaseReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseReply

    case = factory.SubFactory(PracticeCaseFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Reactie {n}: bij ons werkte een inloopochtend goed.")
