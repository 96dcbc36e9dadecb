import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

SRC = Path(settings.SRC_DIR)


def test_start_page_tells_each_role_what_it_can_do(client, world):
    expected = {
        "administrator": "U bent beheerder",
        "facilitator": "U bent facilitator",
        "coordinator": "U bent coördinator van uw bibliotheek",
        "desk_worker": "U werkt aan de balie",
        "municipality": "U werkt bij een gemeente",
    }
    for role, text in expected.items():
        client.force_login(world.users[role])
        html = client.get("/").content.decode()
        assert text in html, role
        for other_role, other_text in expected.items():
            if other_role != role:
                assert other_text not in html


def test_navigation_only_offers_what_the_role_may_open(client, world):
    client.force_login(world.users["coordinator"])
    html = client.get("/").content.decode()
    assert reverse("organisations:list") not in html.split("<main")[0]
    client.force_login(world.users["facilitator"])
    html = client.get("/").content.decode()
    assert reverse("organisations:list") in html.split("<main")[0]


def test_pages_are_dutch_by_default_even_for_an_english_browser(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="nl">' in html
    assert "Naar de inhoud" in html


def test_language_switch_to_english_and_back(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/privacy/"})
    assert response.status_code == 302
    html = client.get("/privacy/").content.decode()
    assert '<html lang="en">' in html and "Privacy statement" in html
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert "Privacyverklaring" in client.get("/privacy/").content.decode()


def test_statements_have_real_content(client):
    accessibility = client.get("/toegankelijkheid/").content.decode()
    assert "WCAG" in accessibility and "toetsenbord" in accessibility
    privacy = client.get("/privacy/").content.decode()
    assert "burgerservicenummer" in privacy and "geen persoonsgegevens" in privacy


def test_health_reports_the_database(client):
    response = client.get("/gezondheid/")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_health_says_when_the_database_is_down(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/gezondheid/")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_not_found_page_is_dutch_in_the_layout(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Deze pagina bestaat niet" in html and "Naar de inhoud" in html


def test_server_error_page_is_dutch_in_the_layout(settings):
    settings.DEBUG = False
    from plein.site import views

    response = views.error_500(Client().get("/").wsgi_request)
    assert response.status_code == 500
    assert "Er ging bij ons iets mis" in response.content.decode()


def test_every_response_carries_a_strict_content_security_policy(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp


def test_templates_have_no_inline_script_or_style():
    templates = list((SRC / "plein").rglob("templates/**/*.html"))
    assert templates
    for path in templates:
        text = path.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), f"inline script in {path}"
        assert " style=" not in text and "<style" not in text, f"inline style in {path}"


def test_every_dutch_translation_is_filled_in():
    po = (SRC / "plein/conf/locale/nl/LC_MESSAGES/django.po").read_text()
    entries = po.split("\n\n")[1:]
    empty = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""\n?$', e.strip().splitlines()[-1] + "\n", re.M)]
    assert not empty, f"{len(empty)} msgids without Dutch, e.g. {empty[:1]}"
    assert "#, fuzzy" not in po


def test_deploy_check_with_production_settings_reports_nothing():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "plein.conf.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "plein.example.nl",
        "DATABASE_URL": "sqlite:////tmp/plein-deploy-check.sqlite3",
        "PLEIN_SITE_URL": "https://plein.example.nl",
        "EMAIL_HOST": "smtp.example.nl",
        "DEFAULT_FROM_EMAIL": "Plein <noreply@example.nl>",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=SRC,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_demo_loads_once_and_lists_every_login(capsys):
    from plein.accounts.models import User
    from plein.organisations.models import Organisation

    call_command("load_demo", "--if-empty")
    out = capsys.readouterr().out
    assert Organisation.objects.filter(type="poi").count() == 1
    assert Organisation.objects.filter(type="bibliotheek", name__startswith="Demobibliotheek").count() == 7
    assert Organisation.objects.filter(name="Bibliotheek AanZet", locations__municipality__name="Dordrecht").exists()
    assert User.objects.filter(role="facilitator").count() == 2
    assert User.objects.filter(role="gemeente").count() == 1
    for library in Organisation.objects.filter(name__startswith="Demobibliotheek"):
        assert (
            library.users.filter(role="coordinator").exists() and library.users.filter(role="baliemedewerker").exists()
        )
        assert library.province in {"NH", "ZH"}
    assert {"NH", "ZH"} <= set(Organisation.objects.values_list("province", flat=True))
    from plein.registration.choices import Metric
    from plein.registration.models import DailyCount, Visit

    visits = Visit.objects.filter(location__organisation__is_demo=True).count()
    assert visits > 1000  # a year of registrations: the figures are alive on first start
    assert sum(DailyCount.objects.filter(metric=Metric.VISITS).values_list("value", flat=True)) == visits
    for user in User.objects.all():
        assert user.email in out
        assert user.check_password("plein-demo-2026")
    call_command("load_demo", "--if-empty")
    assert "niet leeg" in capsys.readouterr().out or User.objects.count() == out.count("@")


def test_readme_lists_every_demo_login():
    from plein.site.demo import load_demo

    readme = (SRC.parent / "README.md").read_text()
    for login in load_demo():
        assert login.email in readme


def test_start_page_leads_to_an_open_sign_up_for_everyone(client, world):
    """Failed before: nothing on the start page led to the public sign-up while it was open."""
    import datetime

    import time_machine

    from plein.themegroups.tests.factories import ProgrammeYearFactory

    ProgrammeYearFactory(
        poi=world.year.poi,
        year=2031,
        signup_opens=datetime.date(2030, 9, 1),
        signup_closes=datetime.date(2030, 10, 31),
    )
    signup_url = reverse("themegroups:signup_index")

    def main(html):
        return html.split("<main", 1)[1]

    with time_machine.travel(datetime.datetime(2030, 10, 1, 12, tzinfo=datetime.UTC), tick=False):
        html = main(client.get("/").content.decode())
        assert f'href="{signup_url}"' in html and "31 oktober 2030" in html
        for role in ("administrator", "facilitator", "coordinator", "desk_worker", "municipality"):
            client.force_login(world.users[role])
            assert f'href="{signup_url}"' in main(client.get("/").content.decode()), role
        client.logout()
    with time_machine.travel(datetime.datetime(2030, 11, 15, 12, tzinfo=datetime.UTC), tick=False):
        assert f'href="{signup_url}"' not in main(client.get("/").content.decode())
    with time_machine.travel(datetime.datetime(2030, 8, 15, 12, tzinfo=datetime.UTC), tick=False):
        assert f'href="{signup_url}"' not in main(client.get("/").content.decode())


def test_municipality_start_and_theme_group_pages_fit_a_municipality(client, world):
    """Failed before: "Rapportages voor uw gemeente komen hier" without a link to its figures,
    and the theme-group page told the municipality to sign its library up."""
    client.force_login(world.users["municipality"])
    home = client.get("/").content.decode().split("<main", 1)[1]
    assert "komen hier" not in home
    assert f'href="{reverse("registration:figures")}"' in home
    groups = client.get(reverse("themegroups:list")).content.decode().split("<main", 1)[1]
    assert reverse("themegroups:signup_index") not in groups
    assert "Uw bibliotheek doet nog niet mee" not in groups
    assert f'href="{reverse("registration:figures")}"' in groups
    client.force_login(world.users["municipality"])
    assert client.get(reverse("registration:figures")).status_code == 200
