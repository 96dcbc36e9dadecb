"""The IDO desk in Chromium, by keyboard only: choose the branch, register three visits (one
with two questions, one referred to Digisterker), undo one; then, with the browser offline,
register two more that are sent once it is online again, and counted once. axe-core finds
nothing and the Content-Security-Policy is never violated. The common visit is counted in
keystrokes; another question is added in place (and still by the server without JavaScript)."""

import pytest
from django.db.models import Sum

from plein.registration.choices import Metric
from plein.registration.models import DailyCount, Question, Visit
from plein.site.tests.browser import assert_accessible, tab_to

from .test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE = """() => {
  const e = document.activeElement;
  return {name: e.name || '', label: e.labels && e.labels[0] ? e.labels[0].innerText.trim() : ''};
}"""


def choose(page, name, label, limit=250):
    """Tab to the radio group `name`, then walk it with the arrow keys to `label` and pick it."""
    for _ in range(limit):
        if page.evaluate(ACTIVE)["name"] == name:
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail(f"could not reach the group {name} with the Tab key")
    for _ in range(30):
        if page.evaluate(ACTIVE)["label"] == label:
            page.keyboard.press("Space")
            assert page.locator(f"input[name='{name}']:checked + label").inner_text().strip() == label
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"no option {label} in {name}")


def tab_to_button(page, text, limit=250):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if (
            page.evaluate("() => document.activeElement.tagName === 'BUTTON' && document.activeElement.innerText")
            == text
        ):
            return
    pytest.fail(f"could not reach the button {text} with the Tab key")


def question(page, index, topic="DigiD", referral=None):
    choose(page, f"vraag-{index}-domain", "Digitale overheid")
    choose(page, f"vraag-{index}-topic", topic)
    choose(page, f"vraag-{index}-help", "Praktische hulp")
    if referral:
        choose(page, f"vraag-{index}-referral", referral)


def visit(page, channel="Inloop", duration="10 tot 30 minuten"):
    choose(page, "channel", channel)
    choose(page, "duration", duration)


def submit(page):
    tab_to(page, "Bezoek registreren")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def visits_total():
    return DailyCount.objects.filter(metric=Metric.VISITS, category__isnull=True).aggregate(n=Sum("value"))["n"] or 0


def test_desk_worker_registers_by_keyboard_undoes_one_and_works_offline(browser_page, world):
    from plein.registration.seed import seed_categories

    seed_categories()  # a transactional test starts without the seeded options
    world.location.has_ido = True
    world.location.save()
    page, watch = browser_page
    log_in(page, world.users["desk_worker"].email)

    # The menu leads to the desk, which asks for the branch once.
    page.goto("/")
    tab_to(page, "Registreren")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("main h1").inner_text() == "Kies uw IDO-vestiging"
    assert_accessible(page, "branch choice")
    choose(page, "vestiging", "Eigen Centrum")
    tab_to(page, "Deze vestiging gebruiken")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bij Eigen Centrum." in page.inner_text("main")
    assert_accessible(page, "desk")

    # 1. A visit with two questions ("add another question" adds a block).
    visit(page)
    question(page, 0)
    tab_to(page, "Nog een vraag toevoegen")
    page.keyboard.press("Enter")  # in place, see test_another_question_is_added_in_place_with_the_focus_in_it
    assert page.locator("legend", has_text="Vraag 2").count() == 1
    assert page.locator("input[name='vraag-0-topic']:checked + label").inner_text() == "DigiD"
    question(page, 1, topic="Toeslagen")
    submit(page)
    assert "Bezoek geregistreerd: 2 vragen" in page.inner_text("main")
    assert_accessible(page, "desk after a registration")

    # 2. A visit referred to Digisterker.
    visit(page, channel="Afspraak", duration="30 tot 60 minuten")
    question(page, 0, topic="Belastingen", referral="Digisterker (cursus)")
    submit(page)
    assert "Bezoek geregistreerd: 1 vraag" in page.inner_text("main")

    # 3. A plain visit, then undone.
    visit(page)
    question(page, 0)
    submit(page)
    assert Visit.objects.count() == 3
    assert Question.objects.filter(referral__code="digisterker").count() == 1
    tab_to_button(page, "Ongedaan maken")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "De registratie is ongedaan gemaakt." in page.inner_text("main")
    assert Visit.objects.count() == 2 and visits_total() == 2
    assert page.locator(".plein-desk-recent tbody tr").count() == 2

    # Offline: two visits are kept on the device ...
    page.context.set_offline(True)
    for topic in ["DigiD", "Zorg en CAK / Wmo"]:
        visit(page, channel="Telefoon")
        question(page, 0, topic=topic)
        tab_to(page, "Bezoek registreren")
        page.keyboard.press("Enter")
        status = page.locator("#desk-status")
        status.filter(has_text="Opgeslagen op dit apparaat; wordt verstuurd zodra er weer verbinding is").wait_for()
        assert page.locator("input[name='channel']:checked").count() == 0  # an empty form for the next visit
    assert Visit.objects.count() == 2
    assert_accessible(page, "desk offline")

    # ... and sent once the connection is back, each counted once.
    page.context.set_offline(False)
    page.locator("#desk-status", has_text="zijn verstuurd").wait_for()
    assert Visit.objects.count() == 4
    assert Visit.objects.filter(channel__code="telefoon").count() == 2
    assert visits_total() == 4
    page.reload()
    assert page.locator(".plein-desk-recent tbody tr").count() == 4
    assert Visit.objects.count() == 4 and visits_total() == 4
    assert not watch.csp_violations, watch.csp_violations


def _desk(browser_page, world):
    from plein.registration.seed import seed_categories

    seed_categories()
    world.location.has_ido = True
    world.location.save()
    page, watch = browser_page
    log_in(page, world.users["desk_worker"].email)
    page.goto("/registreren/")
    page.get_by_label("Eigen Centrum").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Deze vestiging gebruiken").click()
    return page, watch


def test_the_common_visit_takes_at_most_ten_keystrokes(browser_page, world):
    """One question, from the first field to a saved registration, every key counted; after
    the save the focus is back in the first field, so the next visit costs the same."""
    page, watch = _desk(browser_page, world)
    page.locator("input[name='channel']").first.focus()
    counts = []
    for number in (1, 2):
        pressed = []

        def press(key, pressed=pressed):
            pressed.append(key)
            page.keyboard.press(key)

        press("Space")  # Inloop
        press("Tab")
        press("ArrowDown")  # 10 tot 30 minuten
        press("Tab")
        press("Space")  # Digitale overheid
        press("Tab")
        press("Space")  # DigiD
        press("Tab")
        press("ArrowDown")  # Praktische hulp
        with page.expect_navigation():
            press("Enter")
        assert "Bezoek geregistreerd: 1 vraag" in page.inner_text("main")
        assert Visit.objects.count() == number
        counts.append(len(pressed))
        page.wait_for_function("document.activeElement && document.activeElement.name === 'channel'")
    for saved in Visit.objects.all():
        assert (saved.channel.code, saved.duration.code) == ("inloop", "10-30")
        assert [(q.domain.code, q.topic.code, q.help.code) for q in saved.questions.all()] == [
            ("digitale-overheid", "digid", "praktische-hulp")
        ]
    assert max(counts) <= 10, counts
    assert not watch.csp_violations, watch.csp_violations


def test_another_question_is_added_in_place_with_the_focus_in_it(browser_page, world):
    page, watch = _desk(browser_page, world)
    visit(page)
    question(page, 0)
    tab_to(page, "Nog een vraag toevoegen")
    urls = []
    page.on("framenavigated", lambda frame: urls.append(frame.url))
    page.keyboard.press("Enter")
    assert urls == [], "adding a question must not load the page again"
    assert page.locator("legend", has_text="Vraag 2").count() == 1
    assert page.evaluate(ACTIVE)["name"] == "vraag-1-domain"
    assert page.locator("input[name='vraag-TOTAL_FORMS']").input_value() == "2"
    assert page.locator("input[name='vraag-0-topic']:checked + label").inner_text() == "DigiD"
    assert_accessible(page, "desk with a second question")
    question(page, 1, topic="Toeslagen")
    submit(page)
    assert "Bezoek geregistreerd: 2 vragen" in page.inner_text("main")
    assert sorted(q.topic.code for q in Visit.objects.get().questions.all()) == ["digid", "toeslagen"]

    # At most 20 questions: the button stops at 20.
    button = page.get_by_role("button", name="Nog een vraag toevoegen")
    for _ in range(19):
        button.click()
    assert page.locator(".plein-desk-question").count() == 20
    assert button.is_disabled()
    assert page.locator("#desk-status").inner_text() == "Een bezoek heeft hoogstens 20 vragen."
    assert not watch.csp_violations, watch.csp_violations
    assert not watch.console_errors, watch.console_errors


def test_without_javascript_another_question_still_comes_from_the_server(chromium, live_server, world):
    from plein.registration.seed import seed_categories

    seed_categories()
    world.location.has_ido = True
    world.location.save()
    context = chromium.new_context(java_script_enabled=False, locale="nl-NL", base_url=live_server.url)
    page = context.new_page()
    log_in(page, world.users["desk_worker"].email)
    page.goto("/registreren/")
    page.get_by_label("Eigen Centrum").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Deze vestiging gebruiken").click()
    page.get_by_label("Inloop").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Nog een vraag toevoegen").click()
    assert page.locator("legend", has_text="Vraag 2").count() == 1
    assert page.get_by_label("Inloop").is_checked()
    context.close()
