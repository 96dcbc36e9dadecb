"""Django's technical admin (/beheer/) must not grow with the data: every list, add and change
page of every registered model takes the same number of queries with one and with four times
the rows (measured before the fix: adding an enrolment 31 → 445 queries with ten times the
demo data, the group-membership list 26 → 305, users 23 → 105, invitations 5 → 75)."""

import datetime

from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plein.accounts.tests.factories import UserFactory

SMALL, LARGE = 1, 4

# Models this test fills with rows that point at many other rows; for these the list must
# really show more rows in the large world, so the comparison cannot pass on empty lists.
POPULATED = {
    "accounts.User",
    "accounts.Invitation",
    "organisations.Organisation",
    "organisations.Municipality",
    "themegroups.ProgrammeYear",
    "themegroups.ThemeGroup",
    "themegroups.Enrollment",
    "themegroups.Meeting",
    "themegroups.GroupMembership",
    "themegroups.Retrospective",
    "actions.Action",
    "practicecases.PracticeCase",
    "practicecases.DigestLog",
    "resources.Resource",
    "guide.Trajectory",
    "guide.Partner",
    "emb.Programme",
    "emb.PortfolioEntry",
    "emb.Connection",
    "emb.ConnectionAction",
    "offers.Offer",
    "offers.Session",
    "auditlog.LogEntry",
}


def _populate(n: int) -> None:
    """n times a library with everything around it, each with its own related rows."""
    from plein.accounts.models import Invitation
    from plein.actions.tests.factories import ActionFactory
    from plein.emb.tests.factories import ConnectionActionFactory, ConnectionFactory, ProgrammeFactory
    from plein.guide.tests.factories import PartnerFactory, TrajectoryFactory
    from plein.offers.tests.factories import OfferFactory, OfferHoursFactory, SessionFactory
    from plein.organisations.tests.factories import LocationFactory, MunicipalityFactory, OrganisationFactory
    from plein.practicecases.models import DigestLog
    from plein.practicecases.tests.factories import CaseReplyFactory, PracticeCaseFactory
    from plein.resources.tests.factories import ResourceFactory
    from plein.themegroups.models import AgendaItem
    from plein.themegroups.tests.factories import (
        EnrollmentFactory,
        GroupMembershipFactory,
        MeetingFactory,
        ProgrammeYearFactory,
        RetrospectiveFactory,
        ThemeGroupFactory,
    )

    for i in range(n):
        municipality = MunicipalityFactory()
        library = OrganisationFactory()
        library.municipalities.add(municipality)
        location = LocationFactory(organisation=library, municipality=municipality)
        coordinator = UserFactory(organisation=library)
        facilitator = UserFactory(facilitator=True)
        Invitation.objects.create(
            email=f"uitnodiging{i}-{n}@bieb.example",
            name="Uitgenodigd",
            role=coordinator.role,
            organisation=library,
            invited_by=facilitator,
            token_hash=f"{i:02d}{n:02d}".ljust(64, "0"),
            expires_at=timezone.now() + datetime.timedelta(days=14),
        )
        year = ProgrammeYearFactory(poi=facilitator.organisation)
        group = ThemeGroupFactory(programme_year=year, facilitators=[facilitator])
        GroupMembershipFactory(group=group, library=library)
        EnrollmentFactory(group=group, library=library)
        meeting = MeetingFactory(group=group)
        AgendaItem.objects.create(meeting=meeting, title="Financiën", position=1)
        RetrospectiveFactory(group=group)
        ActionFactory(library=library, owner=coordinator, from_meeting=True, meeting_action_item__meeting=meeting)
        case = PracticeCaseFactory(group=group, library=library, author=coordinator)
        CaseReplyFactory(case=case, author=coordinator)
        DigestLog.objects.create(user=coordinator, last_sent_at=timezone.now())
        ResourceFactory(created_by=facilitator)
        ProgrammeFactory(library=library)
        ConnectionActionFactory(
            connection=ConnectionFactory(library=library), action__library=library, action__owner=coordinator
        )
        PartnerFactory(trajectory=TrajectoryFactory(library=library, location=location))
        OfferHoursFactory(offer=OfferFactory(location=location))
        SessionFactory(offer__location=location)


def _pages():
    """(model label, url name, kind) for the list, add and change page of every admin model."""
    for model in admin.site._registry:
        label, prefix = model._meta.label, f"admin:{model._meta.app_label}_{model._meta.model_name}"
        yield from ((label, f"{prefix}_{kind}", kind) for kind in ("changelist", "add", "change"))


def _measure(client, label, url_name, page):
    from django.apps import apps

    model = apps.get_model(label)
    if page == "change":
        obj = model.objects.order_by("-pk").first()
        if obj is None:
            return None, 0
        url = reverse(url_name, args=[obj.pk])
    else:
        url = reverse(url_name)
    client.get(url)  # warm-up: caches filled once per process (content types, site) do not count
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    if response.status_code == 403:  # e.g. no add page for this model
        return None, 0
    assert response.status_code == 200, f"{url}: {response.status_code}"
    rows = response.context["cl"].result_count if page == "changelist" else 0
    return len(ctx.captured_queries), rows


def test_admin_pages_do_not_grow_with_the_data(db, client):
    """One world measured at two sizes; every page is listed with its counts when it fails."""
    client.force_login(UserFactory(administrator=True))
    pages = list(_pages())

    _populate(SMALL)
    small = {page: _measure(client, *page) for page in pages}
    _populate(LARGE - SMALL)
    large = {page: _measure(client, *page) for page in pages}

    measured = [page for page in pages if small[page][0] is not None]
    assert len(measured) > 60, "the admin pages are measured, not skipped"
    grown = [
        f"{url_name}: {small[(label, url_name, kind)][0]} queries → {large[(label, url_name, kind)][0]}"
        for (label, url_name, kind) in measured
        if large[(label, url_name, kind)][0] != small[(label, url_name, kind)][0]
    ]
    empty = [
        f"{label}: {small[page][1]} rows → {large[page][1]}"
        for page in measured
        if (label := page[0]) in POPULATED and page[2] == "changelist" and large[page][1] <= small[page][1]
    ]
    assert not empty, "lists that did not grow, so they prove nothing: " + "; ".join(empty)
    assert not grown, f"pages whose queries grow from {SMALL}× to {LARGE}× the data: " + "; ".join(grown)
