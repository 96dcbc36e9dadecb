"""The writes of managing the offer: create and change with themes and search text, addresses
that are unique and never a reserved word, the draft/published state machine with its
completeness check and review date, deleting drafts only, hours, closed periods and sessions,
and an offer made in one step from an EMB programme or an IDO service profile."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.utils import translation

from plein.borging.tests.factories import LocationProfileFactory, OpeningHoursFactory
from plein.emb.tests.factories import PortfolioEntryFactory, ProgrammeFactory
from plein.guide.tests.factories import PartnerFactory, TrajectoryFactory
from plein.organisations.tests.factories import LocationFactory

from .. import services
from ..choices import RESERVED_SLUGS, Access, Need, OfferKind, OfferSource, OfferStatus, Schedule
from ..models import Offer, OfferClosure, OfferHours
from ..schedule import AMSTERDAM
from .factories import OfferFactory, OfferHoursFactory, SessionFactory

pytestmark = pytest.mark.django_db
T = datetime.time
NOW = datetime.datetime(2026, 9, 15, 10, tzinfo=AMSTERDAM)


def _fields(location, **extra):
    fields = {
        "title": "Hulp bij DigiD",
        "summary": "Wij helpen u met DigiD.",
        "kind": OfferKind.FORMS_HELP,
        "need": Need.PRACTICAL,
        "location": location,
        "schedule": Schedule.WEEKLY,
        "access": Access.WALK_IN,
        "free": True,
        "themes": ["overheidszaken", "digitaal"],
    }
    return {**fields, **extra}


def _create(world, **extra):
    location = extra.pop("location", world.location)
    return services.offer_create(
        library=world.library, acting_user=world.users["coordinator"], **_fields(location, **extra)
    )


def _messages(error):
    return " ".join(error.value.messages)


def test_create_makes_a_draft_with_themes_search_text_and_history(world):
    offer = _create(world, title="Klik & Tik")
    assert offer.status == OfferStatus.DRAFT and offer.slug == "klik-tik"
    assert sorted(offer.themes.values_list("theme", flat=True)) == ["digitaal", "overheidszaken"]
    assert "klik & tik" in offer.search_text and "overheidszaken" in offer.search_text.replace(" ", "")
    entry = LogEntry.objects.get_for_object(offer).get()
    assert entry.actor == world.users["coordinator"]


def test_slug_is_unique_per_library_and_never_a_reserved_word(world):
    assert _create(world, title="Overzicht").slug not in RESERVED_SLUGS
    first, second = _create(world, title="Digicafé"), _create(world, title="Digicafé")
    assert (first.slug, second.slug) == ("digicafe", "digicafe-2")
    other = services.offer_create(
        library=world.other_library, acting_user=world.users["administrator"], **_fields(world.other_location)
    )
    assert other.slug == "hulp-bij-digid"  # another library may use the same address
    for word in RESERVED_SLUGS:
        assert _create(world, title=word).slug != word
    with pytest.raises(ValidationError) as error:
        services.offer_update(
            offer=first, acting_user=world.users["coordinator"], slug="deze-week", **_fields(world.location)
        )
    assert "slug" in error.value.error_dict


def test_a_branch_of_another_library_or_a_partner_of_another_library_is_refused(world):
    with pytest.raises(ValidationError) as error:
        _create(world, location=world.other_location)
    assert "location" in error.value.error_dict
    partner = PartnerFactory(trajectory=TrajectoryFactory(library=world.other_library))
    with pytest.raises(ValidationError) as error:
        _create(world, partner=partner)
    assert "partner" in error.value.error_dict
    assert not Offer.objects.exists()  # nothing half-saved


def test_sign_up_needs_a_way_to_sign_up(world):
    with pytest.raises(ValidationError) as error:
        _create(world, access=Access.SIGN_UP)
    assert "signup_phone" in error.value.error_dict
    offer = _create(world, access=Access.SIGN_UP, signup_email="cursus@bieb.example")
    assert offer.signup_email == "cursus@bieb.example"


@time_machine.travel(NOW, tick=False)
def test_publish_says_in_dutch_what_is_missing(world):
    offer = _create(world, themes=[])
    with pytest.raises(ValidationError) as error:
        services.publish(offer=offer, acting_user=world.users["coordinator"])
    text = _messages(error)
    assert "blok" in text and "thema" in text
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT and offer.published_at is None

    course = _create(world, title="Cursus", schedule=Schedule.SESSIONS, kind=OfferKind.COURSE)
    SessionFactory(offer=course, starts_at=NOW - datetime.timedelta(days=3))  # only one in the past
    with pytest.raises(ValidationError) as error:
        services.publish(offer=course, acting_user=world.users["coordinator"])
    assert "bijeenkomst" in _messages(error)


@time_machine.travel(NOW, tick=False)
def test_publish_sets_the_moment_and_a_review_date_six_months_ahead(world):
    offer = _create(world, review_on=datetime.date(2026, 1, 1))  # in the past: ignored
    OfferHoursFactory(offer=offer)
    published = services.publish(offer=offer, acting_user=world.users["coordinator"])
    assert published.status == OfferStatus.PUBLISHED
    assert published.published_at == NOW
    assert published.review_on == datetime.date(2027, 3, 15)
    with pytest.raises(ValidationError):
        services.publish(offer=published, acting_user=world.users["coordinator"])  # already published

    other = _create(world, title="Tweede")
    OfferHoursFactory(offer=other)
    chosen = services.publish(offer=other, acting_user=world.users["coordinator"], review_on=datetime.date(2026, 12, 1))
    assert chosen.review_on == datetime.date(2026, 12, 1)


def test_add_months_keeps_the_end_of_the_month():
    assert services.add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert services.add_months(datetime.date(2026, 12, 15), 1) == datetime.date(2027, 1, 15)


@time_machine.travel(NOW, tick=False)
def test_unpublish_makes_a_draft_and_only_drafts_are_deleted(world):
    offer = OfferFactory(location=world.location)
    with pytest.raises(ValidationError) as error:
        services.offer_delete(offer=offer, acting_user=world.users["coordinator"])
    assert "Trek" in _messages(error)
    services.unpublish(offer=offer, acting_user=world.users["coordinator"])
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT
    with pytest.raises(ValidationError):
        services.unpublish(offer=offer, acting_user=world.users["coordinator"])  # a draft already
    services.offer_delete(offer=offer, acting_user=world.users["coordinator"])
    assert not Offer.objects.filter(pk=offer.pk).exists()


def test_a_published_offer_stays_complete_when_changed(world):
    offer = OfferFactory(location=world.location)
    OfferHoursFactory(offer=offer)
    with pytest.raises(ValidationError):
        services.offer_update(offer=offer, acting_user=world.users["coordinator"], **_fields(world.location, themes=[]))
    with pytest.raises(ValidationError) as error:
        services.weekly_schedule_save(offer=offer, acting_user=world.users["coordinator"], hours=[], closures=[])
    assert "hours" in error.value.error_dict
    assert offer.hours.count() == 1


def test_weekly_schedule_is_replaced_all_or_nothing(world):
    offer = _create(world)
    OfferHoursFactory(offer=offer, weekday=0)
    hours = [{"weekday": 1, "opens": T(10), "closes": T(12)}, {"weekday": 1, "opens": T(11), "closes": T(13)}]
    with pytest.raises(ValidationError):
        services.weekly_schedule_save(offer=offer, acting_user=world.users["coordinator"], hours=hours)
    assert list(offer.hours.values_list("weekday", flat=True)) == [0]  # the old hours stay
    closures = [{"starts_on": datetime.date(2026, 12, 21), "ends_on": datetime.date(2027, 1, 3), "note": "Kerst"}]
    services.weekly_schedule_save(
        offer=offer, acting_user=world.users["coordinator"], hours=hours[:1], closures=closures
    )
    assert list(offer.hours.values_list("weekday", "opens")) == [(1, T(10))]
    assert offer.closures.get().note == "Kerst"


@time_machine.travel(NOW, tick=False)
def test_sessions_are_added_changed_cancelled_and_removed(world):
    offer = _create(world, schedule=Schedule.SESSIONS, kind=OfferKind.COURSE)
    user = world.users["coordinator"]
    start = NOW + datetime.timedelta(days=7)
    first = services.session_add(
        offer=offer, acting_user=user, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    second = services.session_add(
        offer=offer,
        acting_user=user,
        starts_at=start + datetime.timedelta(days=7),
        ends_at=start + datetime.timedelta(days=7, hours=2),
        note="les 2",
    )
    with pytest.raises(ValidationError):
        services.session_update(session=first, acting_user=user, starts_at=start, ends_at=start)
    services.publish(offer=offer, acting_user=user)
    services.session_cancel(session=first, acting_user=user)
    with pytest.raises(ValidationError) as error:
        services.session_cancel(session=second, acting_user=user)  # the last coming one
    assert "laatste" in _messages(error)
    services.session_cancel(session=first, acting_user=user, cancelled=False)
    services.session_delete(session=second, acting_user=user)
    assert list(offer.sessions.values_list("cancelled", flat=True)) == [False]


def test_from_programme_makes_a_draft_with_a_sensible_guess(world):
    programme = ProgrammeFactory(
        name="Digisterker",
        description="Cursus voor wie de digitale overheid lastig vindt. Vier lessen.",
        tasks=["participatie"],
    )
    entry = PortfolioEntryFactory(library=world.library, programme=programme, target_groups=["ouderen"])
    offer = services.offer_from_programme(entry=entry, acting_user=world.users["coordinator"], location=world.location)
    assert (offer.kind, offer.need, offer.schedule) == (OfferKind.DIGITAL_SKILLS, Need.LEARNING, Schedule.SESSIONS)
    assert offer.source == OfferSource.PROGRAMME and offer.programme == programme
    assert offer.status == OfferStatus.DRAFT
    assert offer.summary == "Cursus voor wie de digitale overheid lastig vindt."
    assert "digitaal" in offer.themes.values_list("theme", flat=True)
    with pytest.raises(ValidationError):
        services.offer_from_programme(
            entry=entry, acting_user=world.users["coordinator"], location=world.other_location
        )


def test_guesses_for_other_programmes():
    assert services.guess_from_programme(ProgrammeFactory.build(name="Taalcafé", tasks=["geletterd"]))["themes"] == [
        "taal"
    ]
    money = services.guess_from_programme(ProgrammeFactory.build(name="Geldzaken spreekuur", tasks=[]))
    assert (money["kind"], money["schedule"]) == (OfferKind.ADVICE, Schedule.WEEKLY)


@time_machine.travel(NOW, tick=False)
def test_from_ido_profile_copies_hours_and_closed_periods(world):
    profile = LocationProfileFactory(location=world.location)
    OpeningHoursFactory(profile=profile, weekday=1, opens=T(10), closes=T(12))
    OpeningHoursFactory(profile=profile, weekday=3, opens=T(14), closes=T(16))
    profile.exceptions.create(starts_on=datetime.date(2026, 12, 21), ends_on=datetime.date(2027, 1, 3), note="Kerst")
    profile.exceptions.create(
        starts_on=datetime.date(2026, 10, 1), ends_on=datetime.date(2026, 10, 1), closed=False, opens=T(9), closes=T(10)
    )
    with translation.override("en"):  # an editor with an English screen still writes Dutch for residents
        offer, created = services.offer_from_ido_profile(
            location=world.location, acting_user=world.users["coordinator"]
        )
    assert created and offer.title == "Informatiepunt Digitale Overheid"
    assert offer.summary.startswith("Vragen over de digitale overheid")
    assert (offer.kind, offer.need, offer.source) == (OfferKind.FORMS_HELP, Need.PRACTICAL, OfferSource.IDO_PROFILE)
    assert sorted(offer.themes.values_list("theme", flat=True)) == ["digitaal", "overheidszaken"]
    assert list(offer.hours.values_list("weekday", "opens")) == [(1, T(10)), (3, T(14))]
    assert list(offer.closures.values_list("note", flat=True)) == ["Kerst"]  # only closed exceptions
    services.publish(offer=offer, acting_user=world.users["coordinator"])

    OpeningHoursFactory(profile=profile, weekday=4, opens=T(9), closes=T(11))
    again, created = services.offer_from_ido_profile(location=world.location, acting_user=world.users["coordinator"])
    assert not created and again.pk == offer.pk
    assert OfferHours.objects.filter(offer=offer).count() == 3
    assert OfferClosure.objects.filter(offer=offer).count() == 1


def test_from_ido_profile_needs_an_ido_branch(world):
    location = LocationFactory(organisation=world.library, has_ido=False)
    with pytest.raises(ValidationError):
        services.offer_from_ido_profile(location=location, acting_user=world.users["coordinator"])
