"""Reads for the EMB in connection. Visibility is `plein.access`'s (404 for what a user may not
see): the libraries of the plan (`Purpose.PLAN`) plus, for a coordinator, the libraries in their
theme groups that share their portfolio (`shared="emb"`; `EmbConfig.ready` registers who
shares). Every selector does a fixed number of queries, whatever the size of the portfolio."""

from collections import Counter
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from plein.access import selectors as access
from plein.access.purposes import Purpose
from plein.actions.choices import OPEN_STATUSES
from plein.actions.models import Action
from plein.organisations.models import Location, Organisation

from . import layout
from .choices import KIND_COLOURS, TASK_COLOURS, ConnectionKind, SocietalTask, Strength
from .models import Connection, ConnectionAction, EmbSettings, PortfolioEntry, Programme
from .seed import IDO

SHARED = "emb"  # the topic under which emb registers the libraries that share their portfolio


def libraries_visible_to(user) -> QuerySet[Organisation]:
    """Libraries whose EMB portfolio this user may see (`emb.view_portfolio` is the same test)."""
    return access.libraries_visible_to(user, Purpose.PLAN, shared=SHARED)


def library_get(*, user, uuid) -> Organisation:
    return access.library_get(user=user, uuid=uuid, purpose=Purpose.PLAN, shared=SHARED)


def _seen(obj, user):
    access.remember_library(obj.library, user, Purpose.PLAN, shared=SHARED)
    return obj


def is_shared(library) -> bool:
    return EmbSettings.objects.filter(library=library, shared_with_groups=True).exists()


def catalogue() -> QuerySet[Programme]:
    """The national programmes, with how many libraries run each."""
    return Programme.objects.filter(library__isnull=True).order_by(Lower("name"))


def programme_get(*, user, uuid) -> Programme:
    """A national programme, or a local one of a library the user may see."""
    try:
        return (
            Programme.objects.filter(Q(library__isnull=True) | Q(library__in=libraries_visible_to(user)))
            .select_related("library")
            .get(uuid=uuid)
        )
    except (Programme.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def programme_choices(*, library) -> QuerySet[Programme]:
    """What a library can add: national programmes and its own, not yet in the portfolio."""
    return (
        Programme.objects.filter(Q(library__isnull=True) | Q(library=library))
        .exclude(portfolio_entries__library=library)
        .order_by(Lower("name"))
    )


def location_choices(*, library) -> QuerySet[Location]:
    return Location.objects.filter(organisation=library).order_by("name")


def partner_choices(*, library) -> QuerySet[Organisation]:
    return Organisation.objects.exclude(pk=library.pk).order_by("name")


def portfolio_for(*, library) -> QuerySet[PortfolioEntry]:
    return (
        PortfolioEntry.objects.filter(library=library)
        .select_related("programme", "responsible")
        .prefetch_related(
            Prefetch("locations", queryset=Location.objects.order_by("name")),
            Prefetch("partners", queryset=Organisation.objects.order_by("name")),
        )
        .order_by(Lower("programme__name"), "pk")
    )


def entry_get(*, user, uuid) -> PortfolioEntry:
    try:
        return _seen(
            PortfolioEntry.objects.filter(library__in=libraries_visible_to(user))
            .select_related("library", "programme")
            .get(uuid=uuid),
            user,
        )
    except (PortfolioEntry.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def _links():
    return Prefetch(
        "action_links",
        queryset=ConnectionAction.objects.select_related("action__owner").order_by("action__created_at", "pk"),
    )


def connections_for(*, library) -> QuerySet[Connection]:
    return (
        Connection.objects.filter(library=library)
        .select_related("source__programme", "target__programme")
        .prefetch_related(_links())
        .order_by("source__programme__name", "target__programme__name", "kind", "pk")
    )


def connection_get(*, user, uuid) -> Connection:
    try:
        return _seen(
            Connection.objects.filter(library__in=libraries_visible_to(user))
            .select_related("library", "source__programme", "target__programme")
            .prefetch_related(_links())
            .get(uuid=uuid),
            user,
        )
    except (Connection.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def ido_entry(entries) -> PortfolioEntry | None:
    return next((e for e in entries if e.programme.key == IDO), None)


# --- the guided conversation ---------------------------------------------------------------


@dataclass
class ConversationStep:
    number: int
    total: int
    ido: PortfolioEntry
    other: PortfolioEntry
    connections: list  # between the IDO and `other`, both directions


def conversation_steps(entries, connections) -> list[ConversationStep]:
    """One step per programme other than the IDO, in name order."""
    ido = ido_entry(entries)
    if ido is None:
        return []
    others = [e for e in entries if e.pk != ido.pk]
    steps = []
    for number, other in enumerate(others, start=1):
        between = [c for c in connections if {c.source_id, c.target_id} == {ido.pk, other.pk}]
        steps.append(ConversationStep(number, len(others), ido, other, between))
    return steps


# --- the map -------------------------------------------------------------------------------


def map_data(entries, connections, *, show_actions: bool) -> dict:
    """What the interactive map draws (passed to the page with json_script): the same layout
    as the story's map (positions, and on which side of its circle each label goes)."""
    plan = map_layout(entries, connections)
    sides = {"start": ("right", "center"), "end": ("left", "center")}
    nodes = []
    for e in entries:
        placed = plan.nodes[e.pk]
        if placed.inside:
            halign, valign = "center", "center"
        else:
            above = "top" if placed.label.y < placed.y else "bottom"
            halign, valign = sides.get(placed.label.anchor, ("center", above))
        nodes.append(
            {
                "data": {
                    "id": f"p{e.pk}",
                    "label": "\n".join(placed.label.lines),
                    "name": e.programme.name,
                    "task": e.programme.task,
                    "taskLabel": ", ".join(str(t) for t in e.programme.task_labels),
                    "colour": e.programme.colour,
                    "detail": f"row-entry-{e.uuid}",
                    "size": 2 * placed.r,
                    "halign": halign,
                    "valign": valign,
                    "centre": placed.inside,
                },
                "position": {"x": round(placed.x, 1), "y": round(placed.y, 1)},
            }
        )
    edges = []
    for c in connections:
        edges.append(
            {
                "data": {
                    "id": f"c{c.pk}",
                    "source": f"p{c.source_id}",
                    "target": f"p{c.target_id}",
                    "kind": c.kind,
                    "kindLabel": str(c.get_kind_display()),
                    "strength": c.strength,
                    "strengthLabel": str(c.get_strength_display()),
                    "colour": KIND_COLOURS[ConnectionKind(c.kind)],
                    "width": 1 + 2 * c.strength_rank,
                    "dashed": c.strength == Strength.NONE,
                    "detail": f"row-connection-{c.uuid}",
                    "url": reverse("emb:connection_detail", kwargs={"uuid": c.uuid}),
                    "actions": [link.action.title for link in c.action_links.all()] if show_actions else [],
                }
            }
        )
    return {"nodes": nodes, "edges": edges}


def map_layout(entries, connections) -> layout.Layout:
    """Where every programme, label and line goes (plein.emb.layout): the IDO in the centre,
    the others around it by societal task and name, reordered for fewer crossings."""
    task_order = {t: i for i, t in enumerate(SocietalTask.values)}
    ordered = sorted(entries, key=lambda e: (task_order.get(e.programme.task, 9), e.programme.name, e.pk))
    ido = ido_entry(entries)
    return layout.layout(
        [(e.pk, short_name(e.programme.name)) for e in ordered],
        [(c.source_id, c.target_id) for c in connections],
        centre=ido.pk if ido else None,
    )


def short_name(name: str) -> str:
    """ "IDO (Informatiepunt Digitale Overheid)" → "IDO": the map has little room."""
    return name.split(" (")[0] if not name.startswith("(") else name


def map_svg(entries, connections, *, title="", width=640, height=380, uid="emb") -> str:
    """The map as SVG, drawn on the server (for the story page and its PDF), at most `width`
    by `height` px (the drawing keeps its proportions)."""
    plan = map_layout(entries, connections)
    scale = min(width / plan.width, height / plan.height, 1.4)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {plan.width:.0f} {plan.height:.0f}" '
        f'width="{plan.width * scale:.0f}" height="{plan.height * scale:.0f}" role="img" '
        f'aria-labelledby="{uid}-title">',
        f'<title id="{uid}-title">{escape(title)}</title>',
    ]
    for kind, colour in KIND_COLOURS.items():
        parts.append(
            f'<marker id="{uid}-arrow-{kind}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
            f'markerUnits="userSpaceOnUse" '
            f'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="{colour}"/></marker>'
        )
    for c, line in zip(connections, plan.lines, strict=True):
        dash = ' stroke-dasharray="5 4"' if c.strength == Strength.NONE else ""
        parts.append(
            f'<path d="M {line.x1:.1f} {line.y1:.1f} L {line.x2:.1f} {line.y2:.1f}" fill="none" '
            f'stroke="{KIND_COLOURS[ConnectionKind(c.kind)]}" stroke-width="{1 + 1.5 * c.strength_rank}"{dash} '
            f'marker-end="url(#{uid}-arrow-{c.kind})"/>'
        )
    entries_by_pk = {e.pk: e for e in entries}
    for node in plan.nodes.values():
        programme = entries_by_pk[node.key].programme
        parts.append(
            f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{node.r}" fill="{programme.colour}" '
            f'stroke="#fff" stroke-width="2"/>'
        )
    for node in plan.nodes.values():
        label = node.label
        colour = ' fill="#ffffff" font-weight="bold"' if node.inside else ' fill="#001a40"'
        for i, text in enumerate(label.lines):
            parts.append(
                f'<text x="{label.x:.1f}" y="{label.y + i * layout.LINE:.1f}" text-anchor="{label.anchor}" '
                f'font-size="{layout.FONT}" font-family="DejaVu Sans, sans-serif"{colour}>{escape(text)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def legend() -> dict:
    return {
        "tasks": [(SocietalTask(t).label, c) for t, c in TASK_COLOURS.items()],
        "kinds": [(ConnectionKind(k).label, c) for k, c in KIND_COLOURS.items()],
    }


# --- the local EMB story -------------------------------------------------------------------


@dataclass
class TaskSection:
    label: str
    colour: str
    entries: list = field(default_factory=list)


@dataclass
class Story:
    library: Organisation
    sections: list
    entries: list
    connections: list
    strongest: list
    actions: list
    svg: str


def story_for(*, library, show_actions: bool) -> Story:
    entries = list(portfolio_for(library=library))
    connections = list(connections_for(library=library))
    sections = {t: TaskSection(SocietalTask(t).label, TASK_COLOURS[t]) for t in SocietalTask}
    for entry in entries:
        sections[SocietalTask(entry.programme.task)].entries.append(entry)
    strongest = sorted(
        (c for c in connections if c.strength != Strength.NONE),
        key=lambda c: (-c.strength_rank, c.source.programme.name, c.target.programme.name),
    )[:5]
    actions = []
    if show_actions:
        actions = list(
            Action.objects.filter(library=library, status__in=OPEN_STATUSES)
            .select_related("owner")
            .order_by("due_date", "pk")[:5]
        )
    svg = map_svg(entries, connections, title=_("EMB map of %(library)s") % {"library": library.name}, height=330)
    return Story(library, list(sections.values()), entries, connections, strongest, actions, svg)


# --- a theme group side by side --------------------------------------------------------------


@dataclass
class GroupLibrary:
    library: Organisation
    entries: list
    connections: list
    svg: str


@dataclass
class PairCount:
    source: str
    target: str
    kind: str
    count: int


def group_comparison(*, group):
    """The portfolios and maps of a group's active member libraries, and how often each
    connection (programme pair + kind) occurs across them."""
    library_ids = access.group_member_library_ids([group.pk])
    libraries = list(Organisation.objects.filter(pk__in=library_ids).order_by("name"))
    entries = list(PortfolioEntry.objects.filter(library_id__in=library_ids).select_related("programme"))
    connections = list(
        Connection.objects.filter(library_id__in=library_ids).select_related("source__programme", "target__programme")
    )
    rows = []
    for library in libraries:
        own_entries = sorted((e for e in entries if e.library_id == library.pk), key=lambda e: e.programme.name)
        own_connections = [c for c in connections if c.library_id == library.pk]
        svg = map_svg(
            own_entries,
            own_connections,
            title=_("EMB map of %(library)s") % {"library": library.name},
            width=420,
            height=300,
            uid=f"m{library.pk}",
        )
        rows.append(GroupLibrary(library, own_entries, own_connections, svg))
    counter = Counter((c.source.programme.name, c.target.programme.name, c.kind) for c in connections)
    pairs = [
        PairCount(source, target, ConnectionKind(kind).label, count)
        for (source, target, kind), count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    ]
    common = [p for p in pairs if p.count > 1]
    rare = [p for p in pairs if p.count == 1]
    return rows, common, rare


def comparable_groups(*, user):
    """The theme groups whose maps this user may put side by side (facilitators: their POI's)."""
    return access.groups_managed_by(user).select_related("programme_year").order_by("-programme_year__year", "name")


def group_get(*, user, uuid):
    try:
        return comparable_groups(user=user).get(uuid=uuid)
    except (ObjectDoesNotExist, ValueError) as exc:
        raise Http404 from exc
