import factory

from plein.accounts.choices import Role
from plein.accounts.models import User
from plein.organisations.tests.factories import OrganisationFactory

PASSWORD = "test-wachtwoord-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@test.plein.example")
    name = factory.Sequence(lambda n: f"Testpersoon {n}")
    role = Role.COORDINATOR
    organisation = factory.SubFactory(OrganisationFactory)

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])

    class Params:
        administrator = factory.Trait(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
        facilitator = factory.Trait(
            role=Role.FACILITATOR, organisation=factory.SubFactory(OrganisationFactory, poi=True)
        )
        desk_worker = factory.Trait(role=Role.DESK_WORKER)
        municipality = factory.Trait(
            role=Role.MUNICIPALITY, organisation=factory.SubFactory(OrganisationFactory, municipality=True)
        )
