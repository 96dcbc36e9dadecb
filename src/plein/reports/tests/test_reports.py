"""The borging report: texts refuse personal data, money is checked, publishing freezes a
snapshot (later registrations do not change it), version 2 lists its differences, the PDF and
CSV come from the snapshot, share links work until revoked or expired, and the municipality
sees only published reports about its own municipality."""

import datetime
import uuid

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from plein.organisations.tests.factories import LocationFactory, MunicipalityFactory
from plein.registration.models import Category
from plein.registration.services import visit_register
from plein.reports import services
from plein.reports.choices import ReportStatus
from plein.reports.models import Report, ShareLink
from plein.reports.privacy import personal_data_in
from plein.site.tests.pdf import assert_valid_pdf, pdf_text

NOW = datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC)
YEAR = 2025


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def register(location, day, n=1):
    cats = {}
    for c in Category.objects.all():
        cats.setdefault(c.kind, []).append(c)
    for _i in range(n):
        visit_register(
            acting_user=None,
            location=location,
            channel=cats["kanaal"][0],
            duration=cats["duur"][0],
            questions=[
                {
                    "domain": cats["domein"][0],
                    "topic": cats["onderwerp"][0],
                    "help": cats["hulp"][0],
                    "organisation": cats["organisatie"][0],
                    "digid_follow_up": None,
                    "referral": cats["doorverwijzing"][0],
                }
            ],
            idempotency_key=uuid.uuid4().hex,
            day=day,
        )


def main(response) -> str:
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def make_report(world, **fields):
    coordinator = world.users["coordinator"]
    report = services.report_create(
        acting_user=coordinator, library=world.library, municipality=world.location.municipality, year=YEAR
    )
    if fields:
        report = services.report_update(acting_user=coordinator, report=report, **fields)
    return report


@pytest.mark.parametrize(
    "text",
    [
        "Mail ons op jan.jansen@example.nl",
        "Bel 06-12345678 voor meer",
        "Haar BSN is 123456782.",
        "Hij woont op 2011 AB 12 in Haarlem.",
        "Dorpsstraat 4, 1234 AB Ergens",
        "Bel +31 6 1234 5678",
    ],
)
def test_personal_data_is_found(text):
    assert personal_data_in(text)


@pytest.mark.parametrize(
    "text", ["In 2025 hielpen we 1.234 inwoners.", "Op 12 maart kwamen 30 mensen.", "Het IDO is 4 dagen open."]
)
def test_ordinary_text_passes(text):
    assert not personal_data_in(text)


def test_report_refuses_personal_data_and_bad_money(world):
    """Failed before: there was no report."""
    report = make_report(world)
    with pytest.raises(ValidationError) as error:
        services.report_update(acting_user=world.users["coordinator"], report=report, story_1="Bel 0612345678")
    assert "story_1" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        services.report_update(
            acting_user=world.users["coordinator"],
            report=report,
            spuk_received=1000,
            spent_ido=900,
            spent_promotion=200,
            spent_network=0,
        )
    assert "spent_network" in error.value.error_dict


def test_form_shows_the_dutch_message_next_to_the_field(client, world):
    report = make_report(world)
    client.force_login(world.users["coordinator"])
    response = client.post(reverse("reports:edit", args=[report.uuid]), {"foreword": "Mail naar a@b.nl"})
    assert response.status_code == 400
    assert "persoonsgegevens" in response.content.decode()


def test_published_report_is_frozen_and_version_two_lists_changes(client, world):
    """The published page keeps its numbers after new registrations; a correction is version 2
    with the differences listed."""
    register(world.location, datetime.date(2025, 5, 1), n=3)
    report = make_report(world, foreword="Een goed jaar.", spuk_received=1000, spent_ido=500)
    version = services.report_publish(acting_user=world.users["coordinator"], report=report)
    assert version.number == 1
    assert Report.objects.get(pk=report.pk).status == ReportStatus.PUBLISHED
    summary = {f["key"]: f["value"] for f in version.snapshot["figures"]["summary"]}
    assert summary["visits"] == 3

    client.force_login(world.users["municipality"])
    url = reverse("reports:version", args=[report.uuid, 1])
    before = client.get(url)
    assert before.status_code == 200
    before = main(before)

    register(world.location, datetime.date(2025, 6, 1), n=4)  # imported later
    after = main(client.get(url))
    assert after == before
    assert ">3<" in before

    with pytest.raises(ValidationError):  # publishing again without a correction is refused
        services.report_publish(acting_user=world.users["coordinator"], report=report)
    report = services.report_update(
        acting_user=world.users["coordinator"], report=report, spent_ido=600, foreword="Een beter jaar."
    )
    assert report.status == ReportStatus.CORRECTING
    v2 = services.report_publish(acting_user=world.users["coordinator"], report=report)
    assert v2.number == 2
    labels = {c["label"]: (c["old"], c["new"]) for c in v2.changes}
    assert labels["Bezoeken"] == ("3", "7"), labels
    assert labels["Voorwoord"] == ("Een goed jaar.", "Een beter jaar.")
    assert labels["Geld: Uitgegeven aan opzetten en in stand houden van het IDO (euro)"] == ("500.00", "600.00")
    page = client.get(reverse("reports:version", args=[report.uuid, 2])).content.decode()
    assert "Wat is er veranderd sinds versie 1" in page
    assert client.get(url).content.decode().count("nieuwere versie") == 1


def test_pdf_and_csv_come_from_the_snapshot(client, world):
    register(world.location, datetime.date(2025, 5, 1), n=5)
    report = make_report(world, foreword="Voorwoord.")
    version = services.report_publish(acting_user=world.users["coordinator"], report=report)
    client.force_login(world.users["municipality"])
    html = client.get(reverse("reports:version", args=[report.uuid, 1])).content.decode()
    response = client.get(reverse("reports:version_pdf", args=[report.uuid, 1]))
    assert response["Content-Type"] == "application/pdf"
    info = assert_valid_pdf(response.content, title=f"Borgingsrapport IDO — {world.location.municipality.name} — 2025")
    assert info.lang == "nl"
    text = pdf_text(response.content)
    from plein.reports.selectors import present

    for figure in present(version.snapshot)["key_figures"]:
        assert figure["label"] in html and figure["text"] in html
        assert figure["label"] in text and figure["text"] in text, figure
    csv = b"".join(client.get(reverse("reports:version_csv", args=[report.uuid, 1])).streaming_content).decode()
    assert "Bezoeken" in csv and "Voor het IDO" not in csv


def test_qpdf_check(client, world, tmp_path):
    import shutil
    import subprocess

    if not shutil.which("qpdf"):
        pytest.skip("qpdf is not installed (pikepdf's check runs in the test above)")
    report = make_report(world)
    services.report_publish(acting_user=world.users["coordinator"], report=report)
    client.force_login(world.users["coordinator"])
    path = tmp_path / "r.pdf"
    path.write_bytes(client.get(reverse("reports:version_pdf", args=[report.uuid, 1])).content)
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0


def test_share_link_until_revoked_or_expired(client, world):
    report = make_report(world)
    version = services.report_publish(acting_user=world.users["coordinator"], report=report)
    link, token = services.share_link_create(
        acting_user=world.users["coordinator"], version=version, expires_on=datetime.date(2026, 3, 10)
    )
    assert ShareLink.objects.get().token_hash != token and token not in ShareLink.objects.get().token_hash
    url = reverse("reports:shared", args=[token])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]
    assert client.get(reverse("reports:shared_pdf", args=[token]))["Content-Type"] == "application/pdf"
    assert client.get(reverse("reports:shared", args=["nonsense"])).status_code == 404
    with time_machine.travel(datetime.datetime(2026, 3, 11, 10, tzinfo=datetime.UTC), tick=False):
        gone = client.get(url)
        assert gone.status_code == 410 and "verlopen" in gone.content.decode()
    services.share_link_revoke(acting_user=world.users["coordinator"], link=link)
    gone = client.get(url)
    assert gone.status_code == 410 and "gestopt" in gone.content.decode()
    from auditlog.models import LogEntry

    assert LogEntry.objects.get_for_objects(ShareLink.objects.all()).count() >= 3  # made, opened, stopped


def test_share_links_through_the_pages(client, world):
    report = make_report(world)
    services.report_publish(acting_user=world.users["coordinator"], report=report)
    client.force_login(world.users["facilitator"])
    response = client.post(reverse("reports:share_create", args=[report.uuid, 1]), {"expires_on": "2026-04-01"})
    assert response.status_code == 302
    page = client.get(reverse("reports:detail", args=[report.uuid])).content.decode()
    assert "/gedeeld/rapport/" in page
    link = ShareLink.objects.get()
    client.post(reverse("reports:share_revoke", args=[link.uuid]))
    assert ShareLink.objects.get().revoked_at is not None


def test_municipality_sees_only_published_reports_of_its_own(client, world):
    """Drafts never; another municipality's report of the same library never."""
    other_municipality = MunicipalityFactory(name="Andergem")
    LocationFactory(organisation=world.library, municipality=other_municipality, name="Eigen Oost")
    draft = make_report(world)
    coordinator = world.users["coordinator"]
    other = services.report_create(
        acting_user=coordinator, library=world.library, municipality=other_municipality, year=YEAR
    )
    services.report_publish(acting_user=coordinator, report=other)
    client.force_login(world.users["municipality"])
    listing = client.get(reverse("reports:list")).content.decode()
    assert "Andergem" not in listing
    assert client.get(reverse("reports:version", args=[other.uuid, 1])).status_code == 404
    assert client.get(reverse("reports:detail", args=[draft.uuid])).status_code == 404
    services.report_publish(acting_user=coordinator, report=draft)
    listing = client.get(reverse("reports:list")).content.decode()
    assert reverse("reports:version", args=[draft.uuid, 1]) in listing
    home = client.get("/").content.decode()
    assert reverse("reports:list") in home
    client.force_login(world.users["desk_worker"])
    assert client.get(reverse("reports:version", args=[draft.uuid, 1])).status_code == 404
    assert client.get(reverse("reports:list")).status_code == 403


def test_coordinator_creates_writes_previews_and_publishes(client, world):
    client.force_login(world.users["coordinator"])
    response = client.post(reverse("reports:create"), {"municipality": world.location.municipality.pk, "year": YEAR})
    report = Report.objects.get()
    assert response.url == reverse("reports:detail", args=[report.uuid])
    response = client.post(
        reverse("reports:edit", args=[report.uuid]),
        {"foreword": "Ons voorwoord.", "story_1": "Een verhaal.", "spuk_received": "1000,50", "spent_ido": "800"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    preview = client.get(reverse("reports:preview", args=[report.uuid]))
    assert "Ons voorwoord." in preview.content.decode()
    response = client.post(reverse("reports:publish", args=[report.uuid]))
    assert response.url == reverse("reports:version", args=[report.uuid, 1])


def test_facilitator_of_another_poi_sees_no_report(client, world):
    from plein.accounts.tests.factories import UserFactory

    report = make_report(world)
    services.report_publish(acting_user=world.users["coordinator"], report=report)
    stranger = UserFactory(facilitator=True, email="ander-poi@test.plein.example")
    assert stranger.organisation_id != world.users["facilitator"].organisation_id
    client.force_login(stranger)
    assert client.get(reverse("reports:detail", args=[report.uuid])).status_code == 404
    assert client.get(reverse("reports:version", args=[report.uuid, 1])).status_code == 404
    assert client.get(reverse("reports:version_pdf", args=[report.uuid, 1])).status_code == 404
    assert reverse("reports:version", args=[report.uuid, 1]) not in client.get(reverse("reports:list")).content.decode()


@pytest.mark.parametrize(
    "typed,value", [("25.000,50", "25000.50"), ("€ 1250", "1250"), ("1250.5", "1250.5"), ("25.000", "25000")]
)
def test_amounts_as_people_type_them(typed, value):
    from decimal import Decimal

    from plein.reports.forms import ReportForm

    form = ReportForm({"spuk_received": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["spuk_received"] == Decimal(value)
