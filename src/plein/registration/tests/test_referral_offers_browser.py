"""In Chromium, keyboard only: the desk refers a resident to "Digisterker, dinsdag in Eigen
Centrum"; the offer's count (plein.offers.referrals) and the coordinator's figures show it. axe
finds nothing on either page."""

import datetime
import zoneinfo

import pytest
import time_machine

from plein.offers import referrals
from plein.offers.tests.factories import OfferFactory, OfferHoursFactory
from plein.registration.models import Question
from plein.site.tests.browser import assert_accessible, tab_to

from .test_browser import log_in
from .test_desk_browser import choose, question, submit, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Tuesday 1 December 2026: the Digisterker hour (Tuesdays) is today.
NOW = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
LABEL = "Digisterker, dinsdag in Eigen Centrum"


@time_machine.travel(NOW, tick=True)
def test_a_referral_to_an_offer_from_the_desk_shows_in_the_offers_count_and_the_figures(browser_page, world):
    from plein.registration.seed import seed_categories

    seed_categories()  # a transactional test starts without the seeded options
    world.location.has_ido = True
    world.location.save()
    offer = OfferFactory(location=world.location, title="Digisterker")
    OfferHoursFactory(offer=offer, weekday=1)
    page, _watch = browser_page
    log_in(page, world.users["desk_worker"].email)
    page.goto("/registreren/")
    choose(page, "vestiging", "Eigen Centrum")
    tab_to(page, "Deze vestiging gebruiken")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    visit(page)
    question(page, 0, referral="Digisterker (cursus)")
    tab_to(page, "Verwezen naar aanbod van de bibliotheek")  # the list itself has the focus
    assert page.evaluate("() => document.activeElement.name") == "vraag-0-offer"
    for _ in range(5):
        if page.evaluate("() => document.activeElement.selectedOptions[0].text") == LABEL:
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.selectedOptions[0].text") == LABEL
    assert_accessible(page, "desk with offers")
    submit(page)
    assert "Bezoek geregistreerd: 1 vraag" in page.inner_text("main")
    assert Question.objects.get().offer == offer
    assert referrals.referrals_in_year([offer.pk], 2026) == {offer.pk: 1}

    page.context.clear_cookies()  # logged out: the coordinator logs in
    log_in(page, world.users["coordinator"].email)
    page.goto("/cijfers/?periode=maand&datum=2026-12-01")
    section = page.locator("section", has=page.locator("#fig-offers-title"))
    assert "Digisterker (Eigen Centrum)" in section.inner_text()
    assert "1 inwoner naar aanbod verwezen" in section.inner_text()
    assert_accessible(page, "figures with referrals per offer")
