import factory

from plein.guide.choices import AgreementStatus, PartnerRole, PartnerTheme
from plein.guide.models import Partner, Trajectory
from plein.guide.services import guide_seed_first_version
from plein.organisations.tests.factories import OrganisationFactory


def published_guide():
    """The seeded first version (idempotent)."""
    return guide_seed_first_version()


class TrajectoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trajectory

    library = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Ontwikkelplein {n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    trajectory = factory.SubFactory(TrajectoryFactory)
    name = factory.Sequence(lambda n: f"Partner {n}")
    roles = factory.LazyFunction(lambda: [PartnerRole.REFERS])
    themes = factory.LazyFunction(lambda: [PartnerTheme.LANGUAGE])
    agreement = AgreementStatus.TALKING
