"""A referral option names the EMB programme it refers to (Category.programme), so "referrals
into EMB programmes" is a join, not a guess from matching codes."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from plein.emb.models import Programme
from plein.registration import selectors, services
from plein.registration.models import Category
from plein.registration.seed import REFERRAL_PROGRAMMES, link_referral_programmes, seed_categories

from .factories import category, question, visit_data

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_the_seeded_referral_options_name_the_seeded_national_programmes():
    linked = dict(
        Category.objects.filter(kind="doorverwijzing", programme__isnull=False).values_list("code", "programme__key")
    )
    assert linked == {
        "digisterker": "digisterker",
        "klik-en-tik": "klik-en-tik",
        "taalhuis": "taalhuis",
        "digitaal-spreekuur": "digitaal-cafe",  # other code, same programme
        "geldzaken": "geldzaken",
    }
    assert linked == REFERRAL_PROGRAMMES
    assert not Programme.objects.filter(referral_categories__isnull=False, library__isnull=False).exists()


def test_linking_again_keeps_an_administrators_choice_and_creates_nothing():
    welzijn = category("doorverwijzing", "welzijn")
    spreekuur = category("doorverwijzing", "digitaal-spreekuur")
    spreekuur.programme = Programme.objects.get(key="klik-en-tik")
    spreekuur.save()
    programmes, categories = Programme.objects.count(), Category.objects.count()
    assert link_referral_programmes() == 0
    assert seed_categories() == 0
    assert (Programme.objects.count(), Category.objects.count()) == (programmes, categories)
    spreekuur.refresh_from_db()
    welzijn.refresh_from_db()
    assert spreekuur.programme.key == "klik-en-tik" and welzijn.programme is None


def _refer(world, codes):
    for n, code in enumerate(codes):
        services.visit_register(
            acting_user=world.users["desk_worker"],
            **visit_data(
                location=world.location,
                idempotency_key=f"ref-{n}",
                questions=[question(referral=category("doorverwijzing", code))],
            ),
        )
    scope = selectors.scope_choices(user=world.users["desk_worker"]).default
    figures = selectors.figures(scope=scope, period=selectors.period_for("week", TODAY, today=TODAY))
    return {r.category.code: (r.count, r.emb) for r in figures.referrals.rows}


def test_referrals_into_a_programme_are_counted_by_the_link_not_by_the_code(world):
    # A local option the administrator added and linked to Digisterker counts as EMB ...
    local = Category.objects.create(
        kind="doorverwijzing",
        code="digihulp-plus",
        label="DigiHulp+",
        position=20,
        programme=Programme.objects.get(key="digisterker"),
    )
    # ... and an option whose link was removed no longer does, whatever its code.
    Category.objects.filter(kind="doorverwijzing", code="geldzaken").update(programme=None)
    rows = _refer(world, ["digihulp-plus", "digitaal-spreekuur", "geldzaken", "welzijn"])
    assert local.pk
    assert rows == {
        "digihulp-plus": (1, True),
        "digitaal-spreekuur": (1, True),
        "geldzaken": (1, False),
        "welzijn": (1, False),
    }


def test_a_programme_that_is_deleted_leaves_a_partner_option():
    programme = Programme.objects.get(key="geldzaken")
    programme.delete()
    assert category("doorverwijzing", "geldzaken").programme is None


def test_only_a_referral_option_names_a_programme():
    topic = category("onderwerp", "digid")
    topic.programme = Programme.objects.get(key="digisterker")
    with pytest.raises(ValidationError) as error:
        topic.full_clean()
    assert "programme" in error.value.message_dict
