"""Administrators edit the options of the registration form in /beheer/; nothing is deleted."""

import pytest
from django.urls import reverse

from plein.audit.selectors import history_for
from plein.registration.models import Category

from .factories import category

pytestmark = pytest.mark.django_db


def test_administrator_changes_a_label_and_national_code_and_the_change_is_recorded(client, world):
    digid = category("onderwerp", "digid")
    admin = world.users["administrator"]
    admin.is_staff = True
    admin.save()
    client.force_login(admin)
    url = reverse("admin:registration_category_change", args=[digid.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"label": "DigiD en inloggen", "position": 1, "national_code": "DIGID-2027"})
    assert response.status_code == 302, response.content[:500]
    digid.refresh_from_db()
    assert (digid.label, digid.national_code, digid.code) == ("DigiD en inloggen", "DIGID-2027", "digid")
    assert history_for((Category, {"object_pk": str(digid.pk)}))


def test_retire_and_offer_again_through_the_admin_actions_and_never_delete(client, world):
    boetes = category("onderwerp", "boetes")
    admin = world.users["administrator"]
    admin.is_staff = True
    admin.save()
    client.force_login(admin)
    url = reverse("admin:registration_category_changelist")
    client.post(url, {"action": "retire", "_selected_action": [boetes.pk]})
    boetes.refresh_from_db()
    assert boetes.retired_at is not None
    client.post(url, {"action": "bring_back", "_selected_action": [boetes.pk]})
    boetes.refresh_from_db()
    assert boetes.retired_at is None
    assert client.get(reverse("admin:registration_category_delete", args=[boetes.pk])).status_code == 403
    assert Category.objects.filter(pk=boetes.pk).exists()


def test_a_desk_worker_cannot_reach_the_categories_admin(client, world):
    client.force_login(world.users["desk_worker"])
    response = client.get(reverse("admin:registration_category_changelist"))
    assert response.status_code in (302, 403)
