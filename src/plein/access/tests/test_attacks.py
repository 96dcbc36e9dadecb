"""Attacks on a library: a facilitator of another support organisation, a desk worker of the
library, a municipality (the library's own and one elsewhere) and an anonymous visitor try
GET and POST on the library's plan, EMB, guide, import, API keys, people and history. Every
try is refused (login page, 403 or 404) and nothing changes."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ATTACKERS = ["anonymous", "other_facilitator", "desk_worker", "municipality", "municipality_elsewhere"]


@pytest.fixture
def target(wide):
    from plein.actions.tests.factories import ActionFactory
    from plein.api.services import token_create
    from plein.emb.tests.factories import ConnectionFactory, PortfolioEntryFactory
    from plein.guide.tests.factories import PartnerFactory, TrajectoryFactory, published_guide

    w = wide.world
    published_guide()
    route = TrajectoryFactory(library=w.library)
    token, _secret = token_create(acting_user=w.users["administrator"], organisation=w.library, name="Eigen app")
    return {
        "library": w.library,
        "action": ActionFactory(library=w.library, title="Geheim plan"),
        "entry": PortfolioEntryFactory(library=w.library),
        "connection": ConnectionFactory(library=w.library),
        "route": route,
        "partner": PartnerFactory(trajectory=route, name="Eigen partner"),
        "token": token,
        "coordinator": w.users["coordinator"],
    }


def _urls(t):
    lib, action = {"uuid": t["library"].uuid}, {"uuid": t["action"].uuid}
    route, step = {"uuid": t["route"].uuid}, {"uuid": t["route"].uuid, "key": "partners"}
    person = {"uuid": t["coordinator"].uuid}
    return [
        # the action plan
        ("actions:plan", lib, {}),
        ("actions:create", lib, {"title": "Gekaapt"}),
        ("actions:update", action, {"title": "Gekaapt"}),
        ("actions:delete", action, {}),
        ("actions:transition", action, {"status": "gepland"}),
        # the EMB workspace
        ("emb:portfolio", lib, {}),
        ("emb:map", lib, {}),
        ("emb:story_pdf", lib, {}),
        ("emb:sharing", lib, {"shared_with_groups": "on"}),
        ("emb:entry_create", lib, {}),
        ("emb:entry_update", {"uuid": t["entry"].uuid}, {}),
        ("emb:entry_delete", {"uuid": t["entry"].uuid}, {}),
        ("emb:connection_detail", {"uuid": t["connection"].uuid}, {}),
        ("emb:connection_delete", {"uuid": t["connection"].uuid}, {}),
        # the guide
        ("guide:library", lib, {}),
        ("guide:start", lib, {"name": "Gekaapt"}),
        ("guide:trajectory", route, {}),
        ("guide:step", step, {"q-welke-partners": "Gekaapt"}),
        ("guide:autosave", step, {"q-welke-partners": "Gekaapt"}),
        ("guide:partner_create", route, {"name": "Gekaapt", "agreement": "geen"}),
        ("guide:partner_delete", {"uuid": t["partner"].uuid}, {}),
        ("guide:plan_docx", route, {}),
        # import and API keys
        ("registration:import", {}, {}),
        ("api:tokens", {}, {}),
        ("api:token_create", {}, {"organisation": t["library"].pk, "name": "Gekaapt"}),
        ("api:token_revoke", {"uuid": t["token"].uuid}, {}),
        # people and history
        ("organisations:update", lib, {"name": "Gekaapt"}),
        ("organisations:history", lib, {}),
        ("accounts:invite", {}, {"email": "x@example.org", "organisation": t["library"].pk, "role": "coordinator"}),
        ("accounts:user_update", person, {"name": "Gekaapt", "role": "coordinator"}),
        ("accounts:user_history", person, {}),
    ]


def _state(t):
    from plein.accounts.models import Invitation
    from plein.actions.models import Action
    from plein.api.models import ApiToken
    from plein.emb.models import Connection, EmbSettings, PortfolioEntry
    from plein.guide.models import Answer, Partner, Trajectory

    t["library"].refresh_from_db()
    t["coordinator"].refresh_from_db()
    return (
        list(Action.objects.values_list("title", "status")),
        PortfolioEntry.objects.count(),
        Connection.objects.count(),
        EmbSettings.objects.filter(library=t["library"], shared_with_groups=True).exists(),
        Trajectory.objects.count(),
        list(Partner.objects.values_list("name", flat=True)),
        Answer.objects.count(),
        list(ApiToken.objects.values_list("name", "revoked_at")),
        Invitation.objects.count(),
        t["library"].name,
        t["coordinator"].name,
    )


def _offered(t):
    return f'value="{t["library"].pk}"'


def _refused(response, anonymous):
    if anonymous:
        return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    return response.status_code in (403, 404)


@pytest.mark.parametrize("attacker", ATTACKERS)
def test_every_try_on_a_library_is_refused(client, wide, target, attacker):
    before = _state(target)
    user = wide.users[attacker]
    if user is not None:
        client.force_login(user)
    accepted = []
    for name, kwargs, data in _urls(target):
        url = reverse(name, kwargs=kwargs)
        for method in ("get", "post"):
            response = getattr(client, method)(url, data) if method == "post" else client.get(url)
            if response.status_code == 405:
                continue  # the URL does not take this method at all
            if response.status_code == 302 and user is not None and method == "get":
                # a POST-only URL sends a GET back to its page: that page must refuse too
                response = client.get(response["Location"])
            if name == "accounts:invite" and attacker == "other_facilitator" and response.status_code == 200:
                # a facilitator may invite, but only to what they manage: the library is not offered
                # and a POST naming it is a form error (the state check below: no invitation)
                assert _offered(target) not in response.content.decode()
                continue
            if not _refused(response, user is None):
                accepted.append(f"{method.upper()} {name}: {response.status_code}")
    assert not accepted, f"{attacker} got through: {accepted}"
    assert _state(target) == before


def test_the_people_list_of_another_poi_hides_the_library(client, wide, target):
    client.force_login(wide.users["other_facilitator"])
    html = client.get(reverse("accounts:user_list")).content.decode()
    assert target["coordinator"].email not in html
    html = client.get(reverse("organisations:list")).content.decode()
    assert target["library"].name not in html


def test_a_desk_worker_sees_no_links_to_what_they_cannot_open(client, world):
    client.force_login(world.users["desk_worker"])
    html = client.get("/").content.decode()
    for name in ["actions:index", "emb:index", "guide:index", "api:tokens", "registration:import"]:
        assert f'href="{reverse(name)}"' not in html, name
    assert f'href="{reverse("registration:desk")}"' in html
    figures = client.get(reverse("registration:figures")).content.decode()
    assert reverse("registration:export") not in figures
    client.force_login(world.users["coordinator"])
    assert f'href="{reverse("actions:index")}"' in client.get("/").content.decode()
