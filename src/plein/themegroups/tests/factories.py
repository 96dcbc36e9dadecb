import datetime

import factory
from django.utils import timezone

from plein.organisations.tests.factories import OrganisationFactory
from plein.themegroups.choices import MeetingKind
from plein.themegroups.models import GroupMembership, Meeting, ProgrammeYear, ThemeGroup


class ProgrammeYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeYear

    poi = factory.SubFactory(OrganisationFactory, poi=True)
    year = factory.Sequence(lambda n: 2022 + n)
    signup_opens = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    signup_closes = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class ThemeGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeGroup
        skip_postgeneration_save = True

    programme_year = factory.SubFactory(ProgrammeYearFactory)
    name = factory.Sequence(lambda n: f"Themagroep {n}")
    description = "Een themagroep om samen te leren."

    @factory.post_generation
    def facilitators(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.facilitators.set(extracted)


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(ThemeGroupFactory)
    library = factory.SubFactory(OrganisationFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(ThemeGroupFactory)
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    kind = MeetingKind.ONLINE
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    meeting_url = "https://meet.example.nl/themagroep"


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themegroups.Enrollment"

    group = factory.SubFactory(ThemeGroupFactory)
    library = factory.SubFactory(OrganisationFactory)
    contact_name = factory.Sequence(lambda n: f"Contactpersoon {n}")
    contact_email = factory.Sequence(lambda n: f"contact{n}@bieb.example")
    contact_role = "IDO-coördinator"
    motivation = "Wij willen ons IDO beter verbinden met andere programma's."


class RetrospectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themegroups.Retrospective"

    group = factory.SubFactory(ThemeGroupFactory)
    title = "Terugblik"
    body = "## Bijeenkomsten\n- Eerste bijeenkomst"
