import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plein.accounts.tests.factories import UserFactory
from plein.organisations.tests.factories import LocationFactory
from plein.registration import services
from plein.registration.models import DailyCount, Question, Visit

from .factories import visit_data

pytestmark = pytest.mark.django_db

HEADER = "datum;vestiging;bezoek;kanaal;duur;domein;onderwerp;organisatie;hulp;digid_vervolg;doorverwijzing"


def _csv(lines):
    return SimpleUploadedFile("oud.csv", ("\n".join([HEADER, *lines]) + "\n").encode("utf-8"), "text/csv")


def _ido(world):
    world.location.has_ido = True
    world.location.save()
    return world.location.name


def test_import_of_good_rows_creates_visits_and_rollups(client, world):
    name = _ido(world)
    good = [
        f"2024-03-04;{name};a1;inloop;10-30;digitale-overheid;digid;;praktische-hulp;geactiveerd;",
        f"2024-03-04;{name};a1;inloop;10-30;digitale-overheid;toeslagen;toeslagen;doorverwijzing;;digisterker",
        f"2024-03-05;{name};a2;telefoon;tot-10;bibliotheek;apparaat;;informatie;;",
    ]
    client.force_login(world.users["coordinator"])
    response = client.post(reverse("registration:import"), {"file": _csv(good)})
    assert response.status_code == 302
    assert Visit.objects.count() == 2 and Question.objects.count() == 3
    assert DailyCount.objects.get(metric="bezoeken", day="2024-03-04").value == 1
    # The same file again adds nothing.
    client.post(reverse("registration:import"), {"file": _csv(good)})
    assert Visit.objects.count() == 2


def test_one_bad_row_among_many_imports_nothing_and_names_every_bad_row(client, world):
    name = _ido(world)
    rows = [
        f"2024-01-{(i % 28) + 1:02d};{name};v{i};inloop;10-30;digitale-overheid;digid;;informatie;;"
        for i in range(3000)
    ]
    rows[1234] = f"2024-13-01;{name};x;inloop;10-30;digitale-overheid;digid;;informatie;;"
    rows[2500] = "2024-02-01;Onbekende vestiging;y;fiets;10-30;digitale-overheid;digid;;informatie;;"
    client.force_login(world.users["coordinator"])
    html = client.post(reverse("registration:import"), {"file": _csv(rows)}).content.decode()
    assert "Er is niets geïmporteerd: 2 regels moeten worden verbeterd." in html
    assert ">1236<" in html and "geen datum" in html  # header is line 1, so row index 1234 is line 1236
    assert ">2502<" in html and "niet een van uw IDO-vestigingen" in html and "‘fiets’ is geen bekende waarde" in html
    assert not Visit.objects.exists() and not DailyCount.objects.exists()


def test_missing_columns_and_wrong_file_type_are_explained(client, world):
    client.force_login(world.users["coordinator"])
    bad = SimpleUploadedFile("oud.csv", b"datum;vestiging\n2024-01-01;x\n", "text/csv")
    html = client.post(reverse("registration:import"), {"file": bad}).content.decode()
    assert "Deze kolommen ontbreken" in html
    html = client.post(
        reverse("registration:import"), {"file": SimpleUploadedFile("oud.pdf", b"%PDF", "application/pdf")}
    ).content.decode()
    assert "Kies een .csv- of .xlsx-bestand." in html


def test_someone_elses_idempotency_key_stores_nothing_and_reveals_nothing(world):
    other_location = LocationFactory(organisation=world.other_library, has_ido=True)
    other_worker = UserFactory(desk_worker=True, organisation=world.other_library)
    data = visit_data(location=other_location)
    services.visit_register(acting_user=other_worker, **data)
    _ido(world)
    with pytest.raises(ValidationError) as exc:
        services.visit_register(
            acting_user=world.users["desk_worker"],
            **{**visit_data(location=world.location), "idempotency_key": data["idempotency_key"]},
        )
    assert "idempotency_key" in exc.value.message_dict
    assert Visit.objects.count() == 1


def test_absurd_dates_on_the_figures_page_get_a_message(client, world):
    client.force_login(world.users["coordinator"])
    for query in [
        "periode=maand&datum=9999-12-31",
        "periode=jaar&datum=0001-01-01",
        "periode=anders&van=0001-01-01&tot=0001-01-05",
    ]:
        response = client.get(reverse("registration:figures") + "?" + query)
        assert response.status_code == 200, query
        assert "Kies een datum tussen 1 januari 2000" in response.content.decode()


def test_an_administrator_names_the_library_when_branch_names_repeat(client, world):
    from plein.organisations.tests.factories import OrganisationFactory

    third = OrganisationFactory(name="Bibliotheek Derde")
    own = LocationFactory(organisation=world.library, name="Centrum", has_ido=True)
    other = LocationFactory(organisation=third, name="centrum", has_ido=True)
    header = HEADER.replace("vestiging;", "vestiging;bibliotheek;")
    rows = [
        f"2024-03-04;Centrum;{world.library.name};a1;inloop;10-30;digitale-overheid;digid;;informatie;;",
        f"2024-03-04;Centrum;{third.name.upper()};a1;inloop;10-30;digitale-overheid;digid;;informatie;;",
        "2024-03-05;Centrum;;a2;inloop;10-30;digitale-overheid;digid;;informatie;;",
        f"2024-03-05;Centrum;{world.other_library.name};a3;inloop;10-30;digitale-overheid;digid;;informatie;;",
    ]
    upload = SimpleUploadedFile("oud.csv", ("\n".join([header, *rows]) + "\n").encode(), "text/csv")
    client.force_login(world.users["administrator"])
    html = client.post(reverse("registration:import"), {"file": upload}).content.decode()
    assert "Er is niets geïmporteerd: 2 regels moeten worden verbeterd." in html
    assert ">4<" in html and "meer IDO-vestigingen met de naam ‘Centrum’" in html and "‘bibliotheek’" in html
    assert ">5<" in html and f"vestiging ‘Centrum’ van ‘{world.other_library.name}’" in html
    assert not Visit.objects.exists()

    upload = SimpleUploadedFile("oud.csv", ("\n".join([header, *rows[:2]]) + "\n").encode(), "text/csv")
    assert client.post(reverse("registration:import"), {"file": upload}).status_code == 302
    assert Visit.objects.filter(location=own).count() == 1 and Visit.objects.filter(location=other).count() == 1


def test_an_exported_branch_name_that_looked_like_a_formula_imports_again(client, world):
    world.location.name = "=Centrum"
    world.location.save()
    rows = ["2024-03-04;'=Centrum;a1;inloop;10-30;digitale-overheid;digid;;informatie;;"]
    client.force_login(world.users["coordinator"])
    assert client.post(reverse("registration:import"), {"file": _csv(rows)}).status_code == 302
    assert Visit.objects.filter(location=world.location).count() == 1
