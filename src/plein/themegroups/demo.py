"""Demo theme groups: this year's two groups of the article, running, and next year's open
for sign-up. Uses the services, so the demo also exercises the real rules (and the history)."""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from plein.accounts.choices import Role
from plein.actions.choices import ActionStatus
from plein.actions.services import action_transition
from plein.organisations.models import Organisation

from . import services
from .choices import MeetingKind, Topic

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
User = get_user_model()

EMB = (
    "IDO en de EMB",
    "We verbinden het Informatiepunt Digitale Overheid (IDO) met de andere programma's van de educatief "
    "maatschappelijke bibliotheek, zoals de Bibliotheek op school, het mamacafé, het Taalhuis en Digisterker. "
    "We werken met het format ‘De educatief maatschappelijke bibliotheek in verbinding’.",
    ["Kennemerduin", "Zaanoever", "Rijnland", "Delfland"],
)
ONTWIKKELPLEIN = (
    "Het Ontwikkelplein",
    "We verkennen samen het Ontwikkelplein: één plek in de bibliotheek waar maatschappelijke hulp en "
    "non-formeel leren samenkomen. We gebruiken de handreiking met tips per fase en gaan op inspiratiebezoek.",
    ["West-Friesland Oost", "Groene Hart", "Drechtoever"],
)


def _at(day: datetime.date, hour: int, minutes: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minutes, tzinfo=AMS)


def load_theme_groups_demo(*, poi) -> None:
    if poi.programme_years.exists():
        return  # loaded before: the demo only adds, it never duplicates
    today = timezone.localdate()
    facilitators = list(User.objects.filter(role=Role.FACILITATOR, organisation=poi).order_by("email"))
    actor = facilitators[0]
    libraries = {org.name.removeprefix("Demobibliotheek "): org for org in Organisation.objects.filter(is_demo=True)}
    aanzet = Organisation.objects.get(name="Bibliotheek AanZet")

    # This year: running, started in January.
    year = services.programme_year_create(
        acting_user=actor,
        poi=poi,
        year=today.year,
        signup_opens=datetime.date(today.year - 1, 10, 1),
        signup_closes=datetime.date(today.year - 1, 12, 31),
        intro="Twee themagroepen om samen de IDO-dienstverlening te borgen.",
        contact_email="basisvaardigheden@demo.plein.example",
    )
    groups = {}
    for (name, description, members), facilitator in zip([EMB, ONTWIKKELPLEIN], facilitators, strict=False):
        group = services.group_save(
            acting_user=actor,
            programme_year=year,
            name=name,
            description=description,
            capacity=8,
            expected_meetings=4,
            facilitators=[facilitator],
        )
        groups[name] = group
        for member in members:
            enrollment = services.enrollment_submit(
                programme_year=year,
                groups=[group],
                library=libraries[member],
                contact_name=f"Coördinator {member} (demo)",
                contact_email=f"coordinator.{member.lower().replace(' ', '').replace('-', '')}@demo.plein.example",
                contact_role="IDO-kartrekker",
                motivation="We willen ons IDO borgen en leren van andere bibliotheken.",
                today=year.signup_opens,
            )[0]
            services.enrollment_place(enrollment=enrollment, acting_user=actor)

    emb, op = groups["IDO en de EMB"], groups["Het Ontwikkelplein"]
    past1, past2 = today - datetime.timedelta(days=70), today - datetime.timedelta(days=21)
    soon, later = today + datetime.timedelta(days=2), today + datetime.timedelta(days=45)

    m1 = services.meeting_save(
        acting_user=actor,
        group=emb,
        title="Wat betekent de EMB bij ons?",
        kind=MeetingKind.ONLINE,
        starts_at=_at(past1, 10),
        ends_at=_at(past1, 12),
        meeting_url="https://meet.demo.plein.example/emb-1",
        description="Kennismaken en verkennen wat ‘educatief maatschappelijke bibliotheek’ lokaal betekent.",
        agenda=[
            {"title": "Kennismaking", "topic": Topic.OTHER, "presenter": "Facilitator"},
            {"title": "Overzicht van onze EMB-programma's", "topic": Topic.TARGET_GROUPS, "presenter": ""},
            {"title": "Hoe vertellen we het lokale EMB-verhaal?", "topic": Topic.PARTNERS, "presenter": ""},
        ],
    )
    m2 = services.meeting_save(
        acting_user=actor,
        group=emb,
        title="Verbindingen vanuit het IDO",
        kind=MeetingKind.ONLINE,
        starts_at=_at(past2, 14),
        ends_at=_at(past2, 16),
        meeting_url="https://meet.demo.plein.example/emb-2",
        description="Met het format ‘De educatief maatschappelijke bibliotheek in verbinding’.",
        agenda=[
            {"title": "Het format in de praktijk", "topic": Topic.PARTNERS, "presenter": ""},
            {"title": "Kansen en uitdagingen per programma", "topic": Topic.RELATIONS, "presenter": ""},
        ],
    )
    services.meeting_save(
        acting_user=actor,
        group=emb,
        title="Praktijkcasussen delen",
        kind=MeetingKind.ONLINE,
        starts_at=_at(soon, 10),
        ends_at=_at(soon, 12),
        meeting_url="https://meet.demo.plein.example/emb-3",
        agenda=[{"title": "Casussen uit de deelnemende bibliotheken", "topic": Topic.OTHER, "presenter": ""}],
    )
    services.meeting_save(
        acting_user=actor,
        group=emb,
        title="Terugblik en vooruitkijken",
        kind=MeetingKind.PHYSICAL,
        starts_at=_at(later, 13),
        ends_at=_at(later, 16),
        address="Voorbeeldstraat 1, Haarlem (demo-adres)",
        agenda=[{"title": "Wat nemen we mee naar volgend jaar?", "topic": Topic.PROJECT_PLAN, "presenter": ""}],
    )
    services.attendance_confirm(meeting=m1, acting_user=actor, attended_library_ids={libraries[n].pk for n in EMB[2]})
    services.minutes_save(
        meeting=m1,
        acting_user=actor,
        minutes="We maakten een overzicht van alle EMB-programma's per bibliotheek en bespraken hoe we dat "
        "verhaal beter en vooral visueel kunnen delen.",
        decisions=["Iedere bibliotheek maakt een overzicht van haar EMB-programma's."],
        action_items=[],
    )
    created = services.minutes_save(
        meeting=m2,
        acting_user=actor,
        minutes="We gingen in gesprek over kansen en uitdagingen om het IDO te verbinden met andere programma's.",
        decisions=["Volgende bijeenkomst brengt iedere bibliotheek een praktijkcasus in."],
        action_items=[
            {
                "title": "Presentatie over het IDO voor de leerkrachten van dBos-scholen",
                "description": "Vertel het team van leerkrachten wat het IDO doet, "
                "zodat zij ouders kunnen doorverwijzen.",
                "due_date": later,
                "libraries": [libraries["Rijnland"], libraries["Kennemerduin"]],
                "owner": User.objects.filter(organisation=libraries["Rijnland"], role=Role.COORDINATOR).first(),
            },
            {
                "title": "Deelnemers van het mamacafé rondleiden en het IDO laten zien",
                "description": "Een rondleiding door de bibliotheek, met uitleg over de IDO-dienstverlening.",
                "due_date": today + datetime.timedelta(days=20),
                "libraries": [libraries["Zaanoever"], libraries["Delfland"]],
                "owner_library": libraries["Zaanoever"],
            },
        ],
    )
    for action in created:
        if action.library == libraries["Zaanoever"]:
            action_transition(action=action, new_status=ActionStatus.IN_PROGRESS, acting_user=actor)
            action_transition(action=action, new_status=ActionStatus.DONE, acting_user=actor)
        elif action.library == libraries["Rijnland"]:
            action_transition(action=action, new_status=ActionStatus.IN_PROGRESS, acting_user=actor)

    op1 = services.meeting_save(
        acting_user=actor,
        group=op,
        title="Wat is een Ontwikkelplein?",
        kind=MeetingKind.ONLINE,
        starts_at=_at(past1 + datetime.timedelta(days=3), 10),
        ends_at=_at(past1 + datetime.timedelta(days=3), 12),
        meeting_url="https://meet.demo.plein.example/op-1",
        agenda=[
            {
                "title": "Wat is een Ontwikkelplein en waarom past het bij onze bibliotheek?",
                "topic": Topic.OTHER,
                "presenter": "",
            },
            {"title": "Welke aspecten komen erbij kijken?", "topic": Topic.FINANCES, "presenter": ""},
        ],
    )
    services.minutes_save(
        meeting=op1,
        acting_user=actor,
        minutes="Onderwerpen die naar voren kwamen: financiën, partners, verhoudingen, doelgroepen, personeel en "
        "het schrijven van een projectplan.",
        decisions=["We gaan op inspiratiebezoek bij Bibliotheek AanZet in Dordrecht."],
        action_items=[],
    )
    visit_day = past2 + datetime.timedelta(days=5)
    services.meeting_save(
        acting_user=actor,
        group=op,
        title="Inspiratiebezoek aan Bibliotheek AanZet",
        kind=MeetingKind.VISIT,
        starts_at=_at(visit_day, 13),
        ends_at=_at(visit_day, 16),
        host_library=aanzet,
        description="We bekijken het Ontwikkelplein in Dordrecht en gaan in gesprek met medewerkers.",
        agenda=[{"title": "Rondleiding en gesprek met medewerkers", "topic": Topic.PARTNERS, "presenter": ""}],
    )
    services.meeting_save(
        acting_user=actor,
        group=op,
        title="Een projectplan schrijven",
        kind=MeetingKind.ONLINE,
        starts_at=_at(later + datetime.timedelta(days=2), 10),
        ends_at=_at(later + datetime.timedelta(days=2), 12),
        meeting_url="https://meet.demo.plein.example/op-3",
        agenda=[{"title": "Van verkenning naar projectplan", "topic": Topic.PROJECT_PLAN, "presenter": ""}],
    )
    # A practice case brought in for the coming meeting, with a first reply.
    from plein.practicecases.services import case_create, reply_create

    rijnland_coordinator = User.objects.get(email="coordinator.rijnland@demo.plein.example")
    case = case_create(
        acting_user=rijnland_coordinator,
        group=emb,
        library=libraries["Rijnland"],
        title="Ouders van de mamacafé vinden het IDO niet",
        context="Bij ons mamacafé komen elke week ouders met vragen over toeslagen. Het IDO zit op een andere "
        "verdieping en is op andere tijden open.",
        question="Hoe zorgen we dat deze ouders de weg naar het IDO vinden?",
        tried="We hebben een folder van het IDO op de tafels gelegd. Er kwamen nauwelijks vragen bij het IDO.",
        result="Nog geen duidelijk resultaat.",
        tips="",
        meeting=groups["IDO en de EMB"].meetings.order_by("starts_at")[2],
    )
    reply_create(
        acting_user=User.objects.get(email="coordinator.zaanoever@demo.plein.example"),
        case=case,
        body="Wij lopen met de deelnemers van het mamacafé een keer langs het IDO en laten zien hoe het werkt. "
        "Daarna kwamen er meer vragen binnen.",
    )

    services.retrospective_generate(group=emb, acting_user=actor)

    # Next year: open for sign-up now, with a few sign-ups to review.
    next_year = services.programme_year_create(
        acting_user=actor,
        poi=poi,
        year=today.year + 1,
        signup_opens=today - datetime.timedelta(days=14),
        signup_closes=today + datetime.timedelta(days=60),
        intro="Doe mee aan onze themagroepen! In een jaar komen we gemiddeld vier keer (digitaal) bij elkaar.",
        contact_email="basisvaardigheden@demo.plein.example",
    )
    for name, description, _members in [EMB, ONTWIKKELPLEIN]:
        services.group_save(
            acting_user=actor,
            programme_year=next_year,
            name=name,
            description=description,
            capacity=8,
            expected_meetings=4,
            facilitators=facilitators,
        )
    next_emb = next_year.groups.get(name="IDO en de EMB")
    services.enrollment_submit(
        programme_year=next_year,
        groups=[next_emb],
        library=libraries["Groene Hart"],
        contact_name="Coördinator Groene Hart (demo)",
        contact_email="coordinator.groenehart@demo.plein.example",
        contact_role="IDO-kartrekker",
        motivation="Na het Ontwikkelplein willen we nu het IDO verbinden met dBos.",
    )
    services.enrollment_submit(
        programme_year=next_year,
        groups=list(next_year.groups.all()),
        new_library_name="Bibliotheek Nieuwland (demo)",
        new_library_municipality="Leiden",
        new_library_province="ZH",
        contact_name="Nieuwe aanmelder (demo)",
        contact_email="aanmelder@nieuwland.demo.plein.example",
        contact_role="Programmaleider",
        motivation="We beginnen net met een IDO en willen leren van andere bibliotheken.",
    )
