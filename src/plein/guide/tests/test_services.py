import pytest
from django.core.exceptions import ValidationError

from plein.actions.choices import ActionOrigin
from plein.guide import selectors, services
from plein.guide.choices import VersionStatus
from plein.guide.content import GUIDE
from plein.guide.models import Answer, GuideVersion, Step

from .factories import TrajectoryFactory, published_guide

pytestmark = pytest.mark.django_db


def test_seed_makes_one_published_version_with_the_four_phases_and_is_idempotent():
    version = published_guide()
    assert published_guide() == version
    assert GuideVersion.objects.count() == 1 and version.status == VersionStatus.PUBLISHED
    phases = selectors.structure(version)
    assert [p.key for p in phases] == ["verkennen", "ontwerpen", "realiseren", "borgen"]
    assert [s.key for s in phases[1].steps.all()] == [
        "doelgroepen",
        "partners",
        "aanbod",
        "plek-en-inrichting",
        "personeel",
        "financien",
    ]
    assert Step.objects.count() == sum(len(steps) for *_, steps in GUIDE)
    partners = Step.objects.get(key="partners")
    assert "verwijzen mensen door" in partners.tips and "delen hun expertise" in partners.tips
    assert set(partners.aspects) == {"partners", "verhoudingen"}


def _save(trajectory, step, user, **answers):
    return services.step_save(trajectory=trajectory, step=step, acting_user=user, answers=answers, ticked=set())


def test_answers_survive_a_new_version_by_step_key(world):
    published_guide()
    user = world.users["coordinator"]
    trajectory = TrajectoryFactory(library=world.library)
    old_step = Step.objects.get(key="partners", version__status=VersionStatus.PUBLISHED)
    _save(trajectory, old_step, user, **{"welke-partners": "Het Leerwerkloket"})
    services.step_save(
        trajectory=trajectory, step=old_step, acting_user=user, answers={}, ticked={"partners-ingevuld"}, done=True
    )

    draft = services.draft_create(acting_user=world.users["facilitator"])
    new_step = Step.objects.get(key="partners", version=draft)
    services.version_publish(version=draft, acting_user=world.users["facilitator"])

    route = selectors.route(trajectory=trajectory)
    assert route.version == draft
    assert route.answers["welke-partners"] == "Het Leerwerkloket"
    assert "partners-ingevuld" in route.ticked and "partners" in route.done_keys
    # A new answer is given in the new version and refers to the new step; the old one stays.
    _save(trajectory, new_step, user, **{"welke-partners": "Het Leerwerkloket en MEE"})
    answers = Answer.objects.filter(trajectory=trajectory).order_by("pk")
    assert [(a.item.step.version_id, a.text) for a in answers] == [
        (old_step.version_id, "Het Leerwerkloket"),
        (draft.pk, "Het Leerwerkloket en MEE"),
    ]
    assert selectors.route(trajectory=trajectory).answers["welke-partners"] == "Het Leerwerkloket en MEE"


def test_only_a_draft_can_be_changed_or_published(world):
    version = published_guide()
    step = Step.objects.get(key="partners", version=version)
    with pytest.raises(ValidationError):
        services.step_update(
            step=step, acting_user=world.users["facilitator"], title="X", explanation="", tips="", aspects=[]
        )
    with pytest.raises(ValidationError):
        services.version_publish(version=version, acting_user=world.users["facilitator"])
    draft = services.draft_create(acting_user=world.users["facilitator"])
    assert services.draft_create(acting_user=world.users["facilitator"]) == draft  # one draft at a time


def test_draft_step_update_edits_items_and_adds_new_ones(world):
    published_guide()
    draft = services.draft_create(acting_user=world.users["facilitator"])
    step = Step.objects.get(key="partners", version=draft)
    question = step.items.get(key="welke-partners")
    check = step.items.get(key="partners-ingevuld")
    services.step_update(
        step=step,
        acting_user=world.users["facilitator"],
        title="Partners zoeken",
        explanation="Uitleg",
        tips="Tip een\n\n Tip twee ",
        aspects=["partners"],
        item_texts={question.pk: "Welke partners kiest u?", check.pk: ""},
        new_items=[("vraag", "Wie belt de partners?")],
    )
    step.refresh_from_db()
    assert step.tip_list == ["Tip een", "Tip twee"]
    texts = [i.text for i in step.items.all()]
    assert texts[0] == "Welke partners kiest u?" and texts[-1] == "Wie belt de partners?"
    assert "We hebben de partners ingevuld in Plein." not in texts
    assert step.items.get(text="Welke partners kiest u?").key == "welke-partners"


def test_answer_to_action_puts_it_in_the_plan_with_a_link(world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.library)
    step = Step.objects.get(key="partners", version__status=VersionStatus.PUBLISHED)
    user = world.users["coordinator"]
    with pytest.raises(ValidationError):
        services.answer_to_action(trajectory=trajectory, step=step, item_key="welke-partners", acting_user=user)
    _save(trajectory, step, user, **{"welke-partners": "Afspraak maken met het Leerwerkloket\nen MEE"})
    action = services.answer_to_action(trajectory=trajectory, step=step, item_key="welke-partners", acting_user=user)
    assert action.library == world.library and action.origin == ActionOrigin.GUIDE
    assert action.title == "Afspraak maken met het Leerwerkloket"
    assert action.guide_link.trajectory == trajectory and action.guide_link.item_key == "welke-partners"


def test_a_too_long_answer_is_refused_with_a_dutch_message(world):
    published_guide()
    trajectory = TrajectoryFactory(library=world.library)
    step = Step.objects.get(key="partners", version__status=VersionStatus.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        _save(trajectory, step, world.users["coordinator"], **{"welke-partners": "x" * 6000})
    assert "5000" in str(error.value)
