"""The demo offer: every demo library has a realistic, made-up offer (IDO hours with a Christmas
closure, Digisterker and Klik & Tik with sessions in the coming weeks, a Taalhuis spreekuur, a
geldzaken spreekuur with a partner, a draft), and the demo desk refers residents to it."""

import datetime
import time

import pytest
import time_machine

from plein.offers import referrals
from plein.offers.choices import OfferStatus, Schedule
from plein.offers.demo import demo_libraries
from plein.offers.models import Offer, Session
from plein.offers.schedule import AMSTERDAM, next_occurrence
from plein.offers.selectors import published_offers, with_schedule
from plein.registration.models import Question

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 3, 2, 9, tzinfo=AMSTERDAM)


@time_machine.travel(NOW, tick=False)
def test_every_demo_library_has_a_live_offer_the_desk_refers_to_and_loading_twice_adds_nothing():
    from plein.offers.demo import load_offers_demo
    from plein.site.demo import load_demo

    load_demo()
    libraries = list(demo_libraries())
    assert len(libraries) == 7
    for library in libraries:
        published = list(with_schedule(published_offers().filter(library=library)))
        assert len(published) >= 5, library
        assert any(o.schedule == Schedule.SESSIONS and next_occurrence(o, NOW) for o in published), library
        assert all(next_occurrence(o, NOW) for o in published), library
        slugs = {o.slug for o in published}
        assert {"ido-inloopspreekuur", "digisterker", "klik-en-tik", "taalhuis-spreekuur"} <= slugs
        assert "spreekuur-geldzaken" in slugs
        assert Offer.objects.filter(library=library, status=OfferStatus.DRAFT).count() == 1
        ido = next(o for o in published if o.slug == "ido-inloopspreekuur")
        assert ido.closures.get().note == "Kerstvakantie" and "digid" in ido.bring and "machtigingscode" in ido.bring
        assert "computers" in ido.facilities and ido.themes.count() == 3
        assert "digid" in ido.search_text and ido.location.accessibility
        money = next(o for o in published if o.slug == "spreekuur-geldzaken")
        assert money.provider_name and (money.partner_id or "(demo)" in money.provider_name)
    # the guide's demo partner where there is one
    drecht = Offer.objects.get(library__name="Demobibliotheek Drechtoever", slug="spreekuur-geldzaken")
    assert drecht.partner is not None and drecht.provider_name == drecht.partner.name
    # the real library gets no made-up offer
    assert not Offer.objects.filter(library__name="Bibliotheek AanZet").exists()
    # one offer past its review date, so the coordinator's flag shows
    assert [o.title for o in Offer.objects.all() if o.review_due(NOW.date())] == ["Taalhuis: spreekuur"]
    # the courses start in the coming weeks
    assert Session.objects.filter(starts_at__gt=NOW, starts_at__lt=NOW + datetime.timedelta(weeks=8)).count() >= 70

    # the demo desk referred residents to these offers: in the figures and in the offer's count
    referred = Question.objects.exclude(offer=None)
    assert referred.exists()
    ids = list(Offer.objects.filter(status=OfferStatus.PUBLISHED).values_list("pk", flat=True))
    counts = referrals.referrals_in_year(ids, 2026)
    assert sum(counts.values()) + sum(referrals.referrals_in_year(ids, 2027).values()) == referred.count()
    assert sum(1 for n in counts.values() if n) >= 7

    # again: nothing doubles
    before = (Offer.objects.count(), Session.objects.count(), Question.objects.count())
    load_demo()
    assert (Offer.objects.count(), Session.objects.count(), Question.objects.count()) == before

    # the offer's own part of the demo load is quick (`make run` loads the demo on first start)
    Offer.objects.all().delete()
    started = time.perf_counter()
    assert load_offers_demo() == 42
    assert time.perf_counter() - started < 5
