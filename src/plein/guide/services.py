"""Writes for the Ontwikkelplein guide: its versions (seed, draft copy, edit, publish) and the
libraries' routes (answers, ticks, steps done, partners, actions made from answers)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plein.actions.choices import ActionOrigin
from plein.actions.services import action_create
from plein.audit.services import acting_as

from .choices import ItemKind, VersionStatus
from .content import GUIDE
from .models import Answer, GuideActionLink, GuideVersion, Partner, Phase, Step, StepItem, StepState, Tick, Trajectory

# --- the guide ----------------------------------------------------------------------------


@transaction.atomic
def guide_seed_first_version() -> GuideVersion:
    """The first published version from `content.GUIDE`; does nothing if any version exists."""
    existing = GuideVersion.objects.order_by("number").first()
    if existing is not None:
        return existing
    version = GuideVersion.objects.create(
        number=1, status=VersionStatus.PUBLISHED, published_at=timezone.now(), note=_("First version")
    )
    for phase_order, (phase_key, phase_title, intro, steps) in enumerate(GUIDE, start=1):
        phase = Phase.objects.create(version=version, key=phase_key, order=phase_order, title=phase_title, intro=intro)
        for step_order, (key, title, explanation, tips, aspects, questions, checks) in enumerate(steps, start=1):
            step = Step.objects.create(
                version=version,
                phase=phase,
                key=key,
                order=step_order,
                title=title,
                explanation=explanation,
                tips="\n".join(tips),
                aspects=list(aspects),
            )
            items = [(ItemKind.QUESTION, q) for q in questions] + [(ItemKind.CHECK, c) for c in checks]
            StepItem.objects.bulk_create(
                StepItem(step=step, kind=kind, key=item_key, text=text, order=order)
                for order, (kind, (item_key, text)) in enumerate(items, start=1)
            )
    return version


@transaction.atomic
def draft_create(*, acting_user) -> GuideVersion:
    """A draft copy of the published version (or the existing draft, if there is one)."""
    draft = GuideVersion.objects.filter(status=VersionStatus.DRAFT).first()
    if draft is not None:
        return draft
    if not GuideVersion.objects.exists():
        guide_seed_first_version()  # a fresh installation: the first version is the starting point
    published = GuideVersion.objects.filter(status=VersionStatus.PUBLISHED).first()
    if published is None:
        raise ValidationError(_("There is no published version to start from."), code="no_published")
    number = (GuideVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    with acting_as(acting_user):
        draft = GuideVersion.objects.create(number=number, status=VersionStatus.DRAFT)
        for phase in published.phases.prefetch_related("steps__items", "steps__resources"):
            new_phase = Phase.objects.create(
                version=draft, key=phase.key, order=phase.order, title=phase.title, intro=phase.intro
            )
            for step in phase.steps.all():
                new_step = Step.objects.create(
                    version=draft,
                    phase=new_phase,
                    key=step.key,
                    order=step.order,
                    title=step.title,
                    explanation=step.explanation,
                    tips=step.tips,
                    aspects=list(step.aspects),
                )
                new_step.resources.set(step.resources.all())
                StepItem.objects.bulk_create(
                    StepItem(step=new_step, key=i.key, kind=i.kind, order=i.order, text=i.text)
                    for i in step.items.all()
                )
    return draft


def _new_item_key(step, text) -> str:
    from django.utils.text import slugify

    base = (slugify(text)[:60] or "punt").strip("-")
    taken = set(StepItem.objects.filter(step__key=step.key).values_list("key", flat=True))
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


@transaction.atomic
def step_update(
    *, step, acting_user, title, explanation, tips, aspects, resources=(), item_texts=None, new_items=()
) -> Step:
    """Change a step of the draft. `item_texts` maps item pk → text (empty: remove the item);
    `new_items` is a list of (kind, text) to add. Published versions never change."""
    if step.version.status != VersionStatus.DRAFT:
        raise ValidationError(_("Only a draft can be changed. Start a new draft first."), code="not_draft")
    with acting_as(acting_user):
        step.title, step.explanation = title.strip(), explanation.strip()
        step.tips = "\n".join(line.strip() for line in tips.splitlines() if line.strip())
        step.aspects = list(aspects)
        step.full_clean()
        step.save()
        step.resources.set(resources)
        for item in step.items.all():
            if item_texts is None or item.pk not in item_texts:
                continue
            text = item_texts[item.pk].strip()
            if not text:
                item.delete()
            elif text != item.text:
                item.text = text
                item.full_clean()
                item.save()
        order = (step.items.aggregate(n=Max("order"))["n"] or 0) + 1
        for kind, text in new_items:
            if text.strip():
                item = StepItem(step=step, kind=kind, key=_new_item_key(step, text), text=text.strip(), order=order)
                item.full_clean()
                item.save()
                order += 1
    return step


@transaction.atomic
def version_publish(*, version, acting_user, note="") -> GuideVersion:
    """The draft becomes what libraries see; the version they saw before is archived."""
    version = GuideVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(_("Only a draft can be published."), code="not_draft")
    with acting_as(acting_user):
        for old in GuideVersion.objects.filter(status=VersionStatus.PUBLISHED):
            old.status = VersionStatus.ARCHIVED
            old.save(update_fields=["status"])
        version.status = VersionStatus.PUBLISHED
        version.published_at = timezone.now()
        version.note = note.strip()[:300]
        version.save(update_fields=["status", "published_at", "note"])
    return version


# --- a library's route --------------------------------------------------------------------


@transaction.atomic
def trajectory_create(*, library, acting_user, name, location=None) -> Trajectory:
    with acting_as(acting_user):
        trajectory = Trajectory(library=library, name=name.strip(), location=location, created_by=acting_user)
        trajectory.full_clean()
        trajectory.save()
    return trajectory


def _state_for(trajectory, step, now) -> StepState:
    """The state of `step` in this route, carried over by key from an older version."""
    state = StepState.objects.filter(trajectory=trajectory, step=step).first()
    if state is not None:
        return state
    earlier = StepState.objects.filter(trajectory=trajectory, step_key=step.key).order_by("-started_at").first()
    return StepState.objects.create(
        trajectory=trajectory,
        step=step,
        step_key=step.key,
        started_at=earlier.started_at if earlier else now,
        done_at=earlier.done_at if earlier else None,
    )


MAX_ANSWER = 5000


@transaction.atomic
def step_save(*, trajectory, step, acting_user, answers, ticked, done=None) -> StepState:
    """Save what a library filled in for one step: `answers` maps question key → text,
    `ticked` is the set of checklist keys that are ticked (the others are not), `done` marks the
    step done (True), open again (False) or leaves it (None). Only the keys of `step` count."""
    now = timezone.now()
    items = {item.key: item for item in step.items.all()}
    too_long = [key for key, text in answers.items() if key in items and len(text) > MAX_ANSWER]
    if too_long:
        raise ValidationError(
            {
                key: ngettext(
                    "Please keep the answer under %(max)s character; it now has %(n)s.",
                    "Please keep the answer under %(max)s characters; it now has %(n)s.",
                    MAX_ANSWER,
                )
                % {"max": MAX_ANSWER, "n": len(answers[key])}
                for key in too_long
            },
            code="too_long",
        )
    with acting_as(acting_user):
        state = _state_for(trajectory, step, now)
        existing = {a.item_key: a for a in Answer.objects.filter(trajectory=trajectory, step_key=step.key)}
        for key, text in answers.items():
            item = items.get(key)
            if item is None or item.kind != ItemKind.QUESTION:
                continue
            text = text.strip()
            answer = existing.get(key)
            if answer is not None and answer.item_id == item.pk:
                if answer.text != text:
                    answer.text, answer.updated_by, answer.updated_at = text, acting_user, now
                    answer.save(update_fields=["text", "updated_by", "updated_at"])
            elif text or answer is not None:
                Answer.objects.update_or_create(
                    trajectory=trajectory,
                    item=item,
                    defaults={
                        "item_key": key,
                        "step_key": step.key,
                        "text": text,
                        "updated_by": acting_user,
                        "updated_at": now,
                    },
                )
        checks = {key for key, item in items.items() if item.kind == ItemKind.CHECK}
        Tick.objects.filter(trajectory=trajectory, step_key=step.key).exclude(
            item_key__in=set(ticked) & checks
        ).delete()
        have = set(Tick.objects.filter(trajectory=trajectory, step_key=step.key).values_list("item_key", flat=True))
        for key in (set(ticked) & checks) - have:
            Tick.objects.create(trajectory=trajectory, item=items[key], item_key=key, step_key=step.key, ticked_at=now)
        if done is not None and bool(state.done_at) != done:
            state.done_at = now if done else None
            state.save(update_fields=["done_at"])
    return state


@transaction.atomic
def answer_to_action(*, trajectory, step, item_key, acting_user):
    """Turn the answer to one question into an action in the library's action plan."""
    answer = Answer.objects.filter(trajectory=trajectory, item_key=item_key).order_by("-updated_at").first()
    item = step.items.filter(key=item_key, kind=ItemKind.QUESTION).first()
    if item is None:
        raise ValidationError(_("This question is not part of this step."), code="unknown_question")
    if answer is None or not answer.text:
        raise ValidationError(_("Answer the question first; then you can turn it into an action."), code="empty")
    title = answer.text.splitlines()[0][:200]
    action = action_create(
        library=trajectory.library,
        acting_user=acting_user,
        title=title,
        description=_("From the Ontwikkelplein guide, step “%(step)s”: %(question)s\n\n%(answer)s")
        % {"step": step.title, "question": item.text, "answer": answer.text},
        origin=ActionOrigin.GUIDE,
    )
    with acting_as(acting_user):
        GuideActionLink.objects.create(
            action=action, trajectory=trajectory, answer=answer, step_key=step.key, item_key=item_key
        )
    return action


PARTNER_FIELDS = ("organisation", "name", "roles", "themes", "agreement", "notes")


@transaction.atomic
def partner_save(*, trajectory, acting_user, partner=None, **fields) -> Partner:
    partner = partner or Partner(trajectory=trajectory)
    with acting_as(acting_user):
        for name in PARTNER_FIELDS:
            if name in fields:
                setattr(partner, name, fields[name])
        partner.name = (partner.name or "").strip() or (partner.organisation.name if partner.organisation else "")
        if not partner.name:
            raise ValidationError({"name": _("Give the partner a name, or choose an organisation.")})
        partner.full_clean()
        partner.save()
    return partner


@transaction.atomic
def partner_delete(*, partner, acting_user) -> None:
    with acting_as(acting_user):
        partner.delete()
