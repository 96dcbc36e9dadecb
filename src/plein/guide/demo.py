"""Demo for the Ontwikkelplein guide: the first version published, and the three demo libraries
of the group "Het Ontwikkelplein" at different phases; Drechtoever has a complete route, with
partners and actions, so its project plan is full. Runs once (a route already there: skip)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from plein.accounts.choices import Role
from plein.organisations.models import Organisation

from . import selectors, services
from .choices import AgreementStatus, ItemKind, PartnerRole, PartnerTheme
from .models import StepState, Trajectory

User = get_user_model()

# Library → how many steps are done; the next step is started (open) since `open_days` days.
PLAN = [
    ("Demobibliotheek West-Friesland Oost", 2, 40),
    ("Demobibliotheek Groene Hart", 7, 12),
    ("Demobibliotheek Drechtoever", None, 0),
]

DEMO_ANSWERS = {
    "eigen-woorden": "Eén plek in de bibliotheek waar inwoners terechtkunnen voor informatie, advies, hulp en "
    "leren, en waar zij elkaar ontmoeten.",
    "wat-hebben-we-al": "Een Taalhuis en een Informatiepunt Digitale Overheid.",
    "waarom": "Inwoners hoeven niet meer van loket naar loket.",
    "voor-wie": "Anderstaligen op maandag, senioren op dinsdag (demo).",
    "welke-partners": "Het Leerwerkloket, SeniorWeb en de gemeente (demo).",
    "kosten": "Personeel 0,5 fte, inrichting en activiteiten (demo-bedragen volgen).",
    "wie-betaalt": "Bibliotheek en gemeente samen (demo).",
}


def load_guide_demo() -> None:
    services.guide_seed_first_version()
    if Trajectory.objects.filter(library__is_demo=True).exists():
        return
    version = selectors.published_version()
    steps = [s for phase in selectors.structure(version) for s in phase.steps.all()]
    now = timezone.now()
    for name, done_count, open_days in PLAN:
        library = Organisation.objects.filter(name=name).first()
        if library is None:
            continue
        coordinator = User.objects.filter(organisation=library, role=Role.COORDINATOR).first()
        trajectory = services.trajectory_create(
            library=library,
            acting_user=coordinator,
            name="Ontwikkelplein " + library.name.split(" ", 1)[1],
            location=library.locations.order_by("name").first(),
        )
        done = steps if done_count is None else steps[:done_count]
        for step in done + ([] if done_count is None else steps[done_count : done_count + 1]):
            answers = {
                i.key: DEMO_ANSWERS.get(i.key, f"Ons antwoord op: {i.text} (demo)")
                for i in step.items.all()
                if i.kind == ItemKind.QUESTION
            }
            ticked = {i.key for i in step.items.all() if i.kind == ItemKind.CHECK}
            services.step_save(
                trajectory=trajectory,
                step=step,
                acting_user=coordinator,
                answers=answers,
                ticked=ticked,
                done=step in done,
            )
        # Spread the dates, so the facilitator sees which step has been open longest.
        StepState.objects.filter(trajectory=trajectory, done_at__isnull=True).update(
            started_at=now - datetime.timedelta(days=open_days)
        )
        if done_count is None:
            for partner, roles, themes, agreement in [
                (
                    "Leerwerkloket (demo)",
                    [PartnerRole.CONSULTATION, PartnerRole.REFERS],
                    [PartnerTheme.WORK],
                    AgreementStatus.SIGNED,
                ),
                ("SeniorWeb (demo)", [PartnerRole.CONSULTATION], [PartnerTheme.DIGITAL], AgreementStatus.AGREED),
                (
                    "Welzijnsorganisatie (demo)",
                    [PartnerRole.REFERS, PartnerRole.EXPERTISE],
                    [PartnerTheme.MONEY, PartnerTheme.HEALTH],
                    AgreementStatus.TALKING,
                ),
            ]:
                services.partner_save(
                    trajectory=trajectory,
                    acting_user=coordinator,
                    name=partner,
                    roles=roles,
                    themes=themes,
                    agreement=agreement,
                )
            for step_key, item_key in [("partners", "welke-partners"), ("financien", "wie-betaalt")]:
                step = next(s for s in steps if s.key == step_key)
                services.answer_to_action(trajectory=trajectory, step=step, item_key=item_key, acting_user=coordinator)
