import factory

from plein.organisations.choices import OrganisationType, Province
from plein.organisations.models import Location, Municipality, Organisation


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Testgemeente {n}")
    province = Province.ZUID_HOLLAND


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testbibliotheek {n}")
    type = OrganisationType.LIBRARY
    province = Province.ZUID_HOLLAND

    class Params:
        poi = factory.Trait(type=OrganisationType.POI, name=factory.Sequence(lambda n: f"Test-POI {n}"))
        municipality = factory.Trait(
            type=OrganisationType.MUNICIPALITY, name=factory.Sequence(lambda n: f"Gemeente Test {n}")
        )


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Vestiging {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    street = "Teststraat 1"
    postcode = "2511 AA"
    city = "Teststad"
    has_ido = True
