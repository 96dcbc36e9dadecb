"""Shared fixtures: one small world with every role, used by the permission matrix, the
view tests and the browser tests."""

import datetime
import os
import sys
from dataclasses import dataclass

import pytest

from plein.accounts.tests.factories import UserFactory
from plein.organisations.tests.factories import LocationFactory, OrganisationFactory


@dataclass
class World:
    library: object  # the coordinator's and desk worker's library; member of `group`; its
    # `location` lies in the municipality the municipality user works for
    other_library: object  # member of `other_group` only
    location: object
    other_location: object
    users: dict  # role key -> user
    poi: object = None  # the facilitator's support organisation, runs `year`
    year: object = None
    group: object = None
    other_group: object = None


FROZEN_CLOCK = pytest.StashKey[tuple]()


def pytest_configure(config):
    """PLEIN_FROZEN_CLOCK=<ISO date and time with offset>: the whole run starts at that moment
    (the clock ticks on from there), from before the test modules are imported, so their
    module-level dates agree with the tests. bin/test.sh runs the figures and theme groups
    this way on a first day of a month, on 31 December and on a DST change."""
    value = os.environ.get("PLEIN_FROZEN_CLOCK")
    if value:
        import time_machine

        moment = datetime.datetime.fromisoformat(value)
        traveller = time_machine.travel(moment, tick=True)
        traveller.start()
        config.stash[FROZEN_CLOCK] = (moment, traveller)


def pytest_unconfigure(config):
    if FROZEN_CLOCK in config.stash:
        config.stash[FROZEN_CLOCK][1].stop()


def pytest_report_header(config):
    if FROZEN_CLOCK in config.stash:
        return f"PLEIN_FROZEN_CLOCK: the clock starts at {config.stash[FROZEN_CLOCK][0].isoformat()}"
    return None


ROLE_KEYS = ["administrator", "facilitator", "coordinator", "desk_worker", "municipality"]


@pytest.fixture
def world(db):
    library = OrganisationFactory(name="Bibliotheek Eigen")
    other_library = OrganisationFactory(name="Bibliotheek Ander")
    location = LocationFactory(organisation=library, name="Eigen Centrum")
    other_location = LocationFactory(organisation=other_library, name="Ander Centrum")
    users = {
        "administrator": UserFactory(administrator=True, email="beheerder@test.plein.example"),
        "facilitator": UserFactory(facilitator=True, email="facilitator@test.plein.example"),
        "coordinator": UserFactory(organisation=library, email="coordinator@test.plein.example"),
        "desk_worker": UserFactory(desk_worker=True, organisation=library, email="balie@test.plein.example"),
        "municipality": UserFactory(municipality=True, email="gemeente@test.plein.example"),
    }
    # The municipality user works for the municipality of world.location (not of other_location).
    users["municipality"].organisation.municipalities.add(location.municipality)
    from plein.themegroups.tests.factories import GroupMembershipFactory, ProgrammeYearFactory, ThemeGroupFactory

    poi = users["facilitator"].organisation
    year = ProgrammeYearFactory(poi=poi)
    group = ThemeGroupFactory(programme_year=year, name="IDO en de EMB", facilitators=[users["facilitator"]])
    other_group = ThemeGroupFactory(programme_year=year, name="Het Ontwikkelplein", facilitators=[users["facilitator"]])
    GroupMembershipFactory(group=group, library=library)
    GroupMembershipFactory(group=other_group, library=other_library)
    return World(library, other_library, location, other_location, users, poi, year, group, other_group)


@pytest.fixture(autouse=True)
def _dutch(settings):
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    """Files a test uploads go to a fresh temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


# --- browser tests (pytest -m browser) ---


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """When browser tests run, the SQLite test database is a file (WAL, busy timeout) rather
    than in memory. With an in-memory database the live server hands its one connection to
    every request thread, so two requests at once (autosave while a form is submitted) share
    it and fail with "database table is locked". With a file each thread has its own
    connection and SQLite queues the writers, as in production."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.sqlite3":
        return
    if not any(item.get_closest_marker("browser") for item in request.session.items):
        return
    db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("browser-db") / "test.sqlite3")
    db.setdefault("OPTIONS", {})["timeout"] = 20  # seconds a writer waits for another


@pytest.fixture(scope="session")
def chromium():
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the Django ORM calls the tests
    # make between browser steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    from plein.site.tests.browser import CHROMIUM, CHROMIUM_ARGS, start_recording

    start_recording()  # every HTML page served from now on goes to the Nu Html Checker at the end
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    from plein.site.tests.browser import PageWatch

    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    watch = PageWatch(page)
    yield page, watch
    context.close()


# --- the Nu Html Checker, once, over every page the browser tests were served ---

VNU_ERRORS = pytest.StashKey[tuple]()


def pytest_sessionfinish(session, exitstatus):
    browser = sys.modules.get("plein.site.tests.browser")
    if browser is None or browser.RECORDER is None:
        return
    import shutil

    errors = browser.RECORDER.check()
    session.config.stash[VNU_ERRORS] = (len(browser.RECORDER.pages), errors, browser.RECORDER.folder)
    if errors:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    else:
        shutil.rmtree(browser.RECORDER.folder, ignore_errors=True)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if VNU_ERRORS not in config.stash:
        return
    pages, errors, folder = config.stash[VNU_ERRORS]
    if not errors:
        terminalreporter.write_line(f"Nu Html Checker: {pages} distinct pages, 0 errors", green=True)
        return
    terminalreporter.section("Nu Html Checker", red=True)
    terminalreporter.write_line(f"{len(errors)} error(s) in {pages} distinct pages the browser tests were served:")
    terminalreporter.write_line(f"(the pages are kept in {folder})")
    for line in errors:
        terminalreporter.write_line(f"  - {line}")
