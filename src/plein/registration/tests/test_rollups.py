"""The figures come from rollup rows; these must be exactly the registrations, after any mix
of registering, changing, undoing and deleting."""

import datetime
import io
import random
from collections import Counter
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from plein.accounts.tests.factories import UserFactory
from plein.offers.referrals import referrals_in_year
from plein.offers.tests.factories import OfferFactory
from plein.organisations.models import Location
from plein.organisations.tests.factories import LocationFactory, MunicipalityFactory, OrganisationFactory
from plein.registration import services
from plein.registration.choices import CategoryKind, Metric
from plein.registration.models import AreaCount, Category, DailyCount, Question, Visit

from .factories import category, question, visit_data

pytestmark = pytest.mark.django_db


def _direct_counts(offers=False) -> Counter:
    """What every rollup row should say, counted straight from visits and questions (`offers`:
    the referrals per offer instead, which only AreaCount holds)."""
    expected, per_offer = Counter(), Counter()
    for visit in Visit.objects.prefetch_related("questions"):
        key = (visit.day, visit.location_id)
        expected[(*key, Metric.VISITS, None)] += 1
        expected[(*key, Metric.VISITS_BY, visit.channel_id)] += 1
        expected[(*key, Metric.VISITS_BY, visit.duration_id)] += 1
        for q in visit.questions.all():
            expected[(*key, Metric.QUESTIONS, None)] += 1
            for category_id in q.category_ids():
                expected[(*key, Metric.QUESTIONS_BY, category_id)] += 1
            if q.offer_id:
                per_offer[(*key, Metric.REFERRAL_OFFER, q.offer_id)] += 1
    return +(per_offer if offers else expected)


def _rollup_counts() -> Counter:
    return +Counter({(r.day, r.location_id, r.metric, r.category_id): r.value for r in DailyCount.objects.all()})


def _expected_areas(direct: Counter) -> Counter:
    """The coarse rollups, derived from the direct day × branch counts."""
    places = {
        pk: (library, province)
        for pk, library, province in Location.objects.values_list("pk", "organisation_id", "municipality__province")
    }
    expected = Counter()
    for (day, location_id, metric, category_id), n in direct.items():
        month, category_id = day.replace(day=1), category_id or 0
        library, province = places[location_id]
        expected[(f"L-{location_id}", "maand", month, metric, category_id)] += n
        for area in (f"B-{library}", f"P-{province}", "NL"):
            expected[(area, "dag", day, metric, category_id)] += n
            expected[(area, "maand", month, metric, category_id)] += n
    # referrals per offer: day and month rows of the branch, the library and the country
    for (day, location_id, metric, offer_id), n in _direct_counts(offers=True).items():
        library, _province = places[location_id]
        for area in (f"L-{location_id}", f"B-{library}", "NL"):
            expected[(area, "dag", day, metric, offer_id)] += n
            expected[(area, "maand", day.replace(day=1), metric, offer_id)] += n
    return +expected


def _area_counts() -> Counter:
    return +Counter({(r.area, r.span, r.start, r.metric, r.category_id): r.value for r in AreaCount.objects.all()})


def _assert_rollups_exact():
    direct = _direct_counts()
    assert _rollup_counts() == direct
    assert _area_counts() == _expected_areas(direct)


def _random_question(rng, options, offers=()):
    values = {
        "domain": rng.choice(options[CategoryKind.DOMAIN]),
        "topic": rng.choice(options[CategoryKind.TOPIC]),
        "help": rng.choice(options[CategoryKind.HELP]),
    }
    for field, kind in [
        ("organisation", CategoryKind.ORGANISATION),
        ("referral", CategoryKind.REFERRAL),
        ("digid_follow_up", CategoryKind.DIGID_FOLLOW_UP),
    ]:
        if rng.random() < 0.5:
            values[field] = rng.choice(options[kind])
    if offers and rng.random() < 0.4:  # a published offer of the visit's library
        values["offer"] = rng.choice(offers)
    return values


def test_random_changes_keep_every_rollup_figure_exact():
    rng = random.Random(20261124)
    user = UserFactory(desk_worker=True)
    library = OrganisationFactory()
    locations = [  # in three provinces and two libraries, so every area's rows differ
        LocationFactory(
            has_ido=True,
            municipality=MunicipalityFactory(name=f"G{n}", province=province),
            **({"organisation": library} if n < 2 else {}),
        )
        for n, province in enumerate(["ZH", "ZH", "UT", "NH"])
    ]
    options = {kind: list(Category.objects.filter(kind=kind)) for kind in CategoryKind}
    # every library has two published offers (at one of its branches); a question may name one
    offers = {}
    for location in locations:
        if location.organisation_id not in offers:
            offers[location.organisation_id] = [OfferFactory(location=location) for _ in range(2)]
    today = timezone.localdate()
    days = [today - datetime.timedelta(days=n) for n in (0, 1, 35, 70)]  # across months

    def questions_at(location):
        own = offers[location.organisation_id]
        return [_random_question(rng, options, own) for _ in range(rng.randint(1, 3))]

    for step in range(250):
        visits = list(Visit.objects.select_related("location"))
        action = rng.random()
        if action < 0.6 or not visits:
            key = f"k{step}" if rng.random() < 0.9 else "k0"  # some retries of the first entry
            retried = Visit.objects.filter(idempotency_key=key).first()
            location = retried.location if retried else rng.choice(locations)
            services.visit_register(
                acting_user=user,
                location=location,
                channel=rng.choice(options[CategoryKind.CHANNEL]),
                duration=rng.choice(options[CategoryKind.DURATION]),
                questions=questions_at(location),
                idempotency_key=key,
                day=rng.choice(days),
            )
        elif action < 0.85:
            visit = rng.choice(visits)
            services.visit_update(
                visit=visit,
                acting_user=user,
                channel=rng.choice(options[CategoryKind.CHANNEL]),
                duration=rng.choice(options[CategoryKind.DURATION]),
                questions=questions_at(visit.location),
                day=rng.choice(days),
            )
        else:
            services.visit_delete(visit=rng.choice(visits), acting_user=user)
        if step % 50 == 49:
            _assert_rollups_exact()
    assert Visit.objects.exists() and Question.objects.exists()
    assert Question.objects.exclude(offer=None).exists()
    _assert_rollups_exact()
    services.rebuild_rollups()
    _assert_rollups_exact()
    # an offer deleted: its questions keep their visit, its referrals leave every rollup
    offers[library.pk][0].delete()
    _assert_rollups_exact()


def test_the_same_idempotency_key_is_stored_once():
    data = visit_data()
    desk = UserFactory(desk_worker=True)
    first, created = services.visit_register(acting_user=desk, **data)
    again, created_again = services.visit_register(acting_user=desk, **data)
    assert created and not created_again and first == again
    assert DailyCount.objects.get(metric=Metric.VISITS).value == 1


def test_bad_visits_are_refused_with_dutch_messages_and_nothing_is_saved():
    no_ido = LocationFactory(has_ido=False)
    retired = category("onderwerp", "boetes")
    services.category_retire(category=retired, acting_user=UserFactory(administrator=True))
    with pytest.raises(ValidationError) as exc:
        services.visit_register(
            acting_user=UserFactory(desk_worker=True),
            **visit_data(
                location=no_ido,
                channel=category("duur", "tot-10"),  # a duration where a channel belongs
                questions=[question(topic=retired), {"domain": None}],
                day=timezone.localdate() + datetime.timedelta(days=1),
            ),
        )
    errors = exc.value.message_dict
    assert errors["location"] == ["Deze vestiging heeft geen IDO. Kies de vestiging waar u werkt."]
    assert errors["channel"] == ["Kies een van de mogelijkheden."]
    assert "niet meer gebruikt" in errors["question_1_topic"][0]
    assert "Vraag 2" in errors["question_2_domain"][0]
    assert errors["day"] == ["Een bezoek kan niet in de toekomst liggen."]
    assert not Visit.objects.exists() and not DailyCount.objects.exists()


def test_undo_is_for_the_same_person_shortly_after():
    user = UserFactory(desk_worker=True)
    visit, _ = services.visit_register(acting_user=user, **visit_data())
    assert services.can_undo(visit, user)
    assert not services.can_undo(visit, UserFactory(desk_worker=True))
    assert not services.can_undo(visit, user, now=timezone.now() + datetime.timedelta(minutes=16))


def test_the_model_has_no_place_for_personal_data_of_visitors():
    """Anonymous by design: if someone adds such a field, this test says no."""
    forbidden = {
        "name",
        "naam",
        "bsn",
        "birth",
        "geboorte",
        "address",
        "adres",
        "phone",
        "telefoon",
        "email",
        "mail",
        "note",
        "notitie",
        "toelichting",
        "description",
        "comment",
        "remark",
        "text",
    }
    for model in (Visit, Question):
        for field in model._meta.get_fields():
            assert not any(word in field.name.lower() for word in forbidden), f"{model.__name__}.{field.name}"
            if getattr(field, "get_internal_type", None) and field.concrete:
                assert field.get_internal_type() not in {"TextField"}, f"{model.__name__}.{field.name} is free text"


def test_a_branch_moved_to_another_province_takes_its_figures_along():
    from plein.organisations import services as organisations

    user = UserFactory(desk_worker=True)
    location = LocationFactory(has_ido=True, municipality=MunicipalityFactory(name="Leiden", province="ZH"))
    for n in range(3):
        services.visit_register(
            acting_user=user,
            **visit_data(location=location, day=timezone.localdate() - datetime.timedelta(days=40 * n)),
        )
    organisations.location_update(
        location=location,
        acting_user=UserFactory(administrator=True),
        municipality=MunicipalityFactory(name="Utrecht", province="UT"),
    )
    _assert_rollups_exact()
    assert not AreaCount.objects.filter(area="P-ZH", value__gt=0).exists()
    assert (
        AreaCount.objects.get(
            area="P-UT", span="maand", metric="bezoeken", start=timezone.localdate().replace(day=1)
        ).value
        == 1
    )


def test_a_branch_moved_to_another_library_takes_its_figures_along():
    from plein.organisations import services as organisations

    user = UserFactory(desk_worker=True)
    old, new = OrganisationFactory(), OrganisationFactory()
    location = LocationFactory(has_ido=True, organisation=old)
    stays = LocationFactory(has_ido=True, organisation=old, municipality=location.municipality)
    for n in range(3):
        services.visit_register(
            acting_user=user,
            **visit_data(location=location, day=timezone.localdate() - datetime.timedelta(days=40 * n)),
        )
    services.visit_register(acting_user=user, **visit_data(location=stays))
    offer = OfferFactory(location=stays)  # the desk of the moving branch refers to it
    services.visit_register(acting_user=user, **visit_data(location=location, questions=[question(offer=offer)]))
    month = timezone.localdate().replace(day=1)

    def library_visits(library):
        return AreaCount.objects.get(area=f"B-{library.pk}", span="maand", metric="bezoeken", start=month).value

    assert library_visits(old) == 3
    organisations.location_update(location=location, acting_user=UserFactory(administrator=True), organisation=new)
    _assert_rollups_exact()
    assert library_visits(old) == 1
    assert library_visits(new) == 2
    assert (
        sum(AreaCount.objects.filter(area=f"B-{new.pk}", span="dag", metric="bezoeken").values_list("value", flat=True))
        == 4
    )
    assert referrals_in_year([offer.pk], timezone.localdate().year) == {offer.pk: 1}  # the country's rows
    services.rebuild_rollups()
    _assert_rollups_exact()


def test_rebuild_command_recounts_everything():
    from django.core.management import call_command

    services.visit_register(acting_user=UserFactory(desk_worker=True), **visit_data())
    AreaCount.objects.all().delete()
    DailyCount.objects.update(value=99)
    call_command("rebuild_rollups", stdout=io.StringIO())
    _assert_rollups_exact()


def test_the_migration_fills_the_library_rollups_of_an_existing_database():
    import importlib

    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("plein.registration.migrations.0007_library_area_counts")
    services.visit_register(acting_user=UserFactory(desk_worker=True), **visit_data())
    services.visit_register(
        acting_user=UserFactory(desk_worker=True),
        **visit_data(day=timezone.localdate() - datetime.timedelta(days=50), idempotency_key="older"),
    )
    AreaCount.objects.filter(area__startswith="B-").delete()
    migration.fill(apps, SimpleNamespace(connection=connection))  # all it uses of a schema editor
    _assert_rollups_exact()
