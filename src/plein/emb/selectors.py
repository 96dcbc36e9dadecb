"""Reads for the EMB in connection. Visibility lives here (404 for what a user may not see);
every selector does a fixed number of queries, whatever the size of the portfolio."""

import math
from collections import Counter
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import networkx as nx
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from plein.accounts.choices import Role
from plein.actions import selectors as action_selectors
from plein.actions.choices import OPEN_STATUSES
from plein.actions.models import Action
from plein.organisations.models import Location, Organisation
from plein.themegroups.models import GroupMembership, ThemeGroup

from .choices import KIND_COLOURS, TASK_COLOURS, ConnectionKind, SocietalTask, Strength
from .models import Connection, ConnectionAction, EmbSettings, PortfolioEntry, Programme
from .seed import IDO


def libraries_visible_to(user) -> QuerySet[Organisation]:
    """Libraries whose EMB portfolio this user may see: those of the action plans (own library,
    coached libraries, all for administrators) plus, for library staff, the libraries in their
    theme groups that share their portfolio."""
    visible = action_selectors.libraries_visible_to(user)
    if user.is_authenticated and user.role in (Role.COORDINATOR, Role.DESK_WORKER) and user.organisation_id:
        my_groups = GroupMembership.objects.filter(library_id=user.organisation_id, left_at__isnull=True).values(
            "group_id"
        )
        shared = GroupMembership.objects.filter(
            group_id__in=my_groups, left_at__isnull=True, library__emb_settings__shared_with_groups=True
        ).values("library_id")
        visible = Organisation.objects.filter(Q(pk__in=visible.values("pk")) | Q(pk__in=shared))
    return visible


def library_get(*, user, uuid) -> Organisation:
    try:
        return libraries_visible_to(user).get(uuid=uuid)
    except (Organisation.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


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
        return (
            PortfolioEntry.objects.filter(library__in=libraries_visible_to(user))
            .select_related("library", "programme")
            .get(uuid=uuid)
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
        return (
            Connection.objects.filter(library__in=libraries_visible_to(user))
            .select_related("library", "source__programme", "target__programme")
            .prefetch_related(_links())
            .get(uuid=uuid)
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
    """What the interactive map draws (passed to the page with json_script)."""
    nodes = [
        {
            "data": {
                "id": f"p{e.pk}",
                "label": short_name(e.programme.name),
                "name": e.programme.name,
                "task": e.programme.task,
                "taskLabel": ", ".join(str(t) for t in e.programme.task_labels),
                "colour": e.programme.colour,
                "detail": f"row-entry-{e.uuid}",
            }
        }
        for e in entries
    ]
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


def graph_for(entries, connections) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for e in entries:
        graph.add_node(e.pk, entry=e)
    for c in connections:
        graph.add_edge(c.source_id, c.target_id, connection=c)
    return graph


def shell_layout(graph) -> dict:
    """The best-connected programme in the middle, the others on a circle grouped by societal
    task (networkx ranks them; no numpy needed)."""
    if not graph.number_of_nodes():
        return {}
    centrality = nx.degree_centrality(nx.Graph(graph)) if graph.number_of_nodes() > 1 else {}
    order = sorted(graph.nodes, key=lambda n: (-centrality.get(n, 0), graph.nodes[n]["entry"].programme.name))
    centre, rest = order[0], order[1:]
    task_order = {t: i for i, t in enumerate(SocietalTask.values)}
    rest.sort(
        key=lambda n: (
            task_order.get(graph.nodes[n]["entry"].programme.task, 9),
            graph.nodes[n]["entry"].programme.name,
        )
    )
    positions = {centre: (0.0, 0.0)}
    for i, node in enumerate(rest):
        angle = -math.pi / 2 + 2 * math.pi * i / len(rest)
        positions[node] = (math.cos(angle), math.sin(angle))
    return positions


def short_name(name: str) -> str:
    """ "IDO (Informatiepunt Digitale Overheid)" → "IDO": the map has little room."""
    return name.split(" (")[0] if not name.startswith("(") else name


def _wrap(text, width=16) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines[:3]


def map_svg(entries, connections, *, title="", width=640, height=380, uid="emb") -> str:
    """The map as SVG, drawn on the server (for the story page and its PDF)."""
    graph = graph_for(entries, connections)
    positions = shell_layout(graph)
    cx, cy, rx, ry = width / 2, height / 2, width / 2 - 80, height / 2 - 40
    point = {n: (cx + x * rx, cy + y * ry) for n, (x, y) in positions.items()}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{uid}-title">',
        f'<title id="{uid}-title">{escape(title)}</title>',
    ]
    for kind, colour in KIND_COLOURS.items():
        parts.append(
            f'<marker id="{uid}-arrow-{kind}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
            f'markerUnits="userSpaceOnUse" '
            f'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="{colour}"/></marker>'
        )
    seen = Counter()
    for source, target, data in graph.edges(data=True):
        c = data["connection"]
        (x1, y1), (x2, y2) = point[source], point[target]
        pair = frozenset((source, target))
        bend = 18 * seen[pair] * (1 if source < target else -1)
        seen[pair] += 1
        length = math.hypot(x2 - x1, y2 - y1) or 1
        # Stop short of the node's circle so the arrow stays visible.
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        sx, sy, ex, ey = x1 + ux * 24, y1 + uy * 24, x2 - ux * 26, y2 - uy * 26
        mx, my = (sx + ex) / 2 - uy * bend, (sy + ey) / 2 + ux * bend
        dash = ' stroke-dasharray="5 4"' if c.strength == Strength.NONE else ""
        parts.append(
            f'<path d="M {sx:.1f} {sy:.1f} Q {mx:.1f} {my:.1f} {ex:.1f} {ey:.1f}" fill="none" '
            f'stroke="{KIND_COLOURS[ConnectionKind(c.kind)]}" stroke-width="{1 + 1.5 * c.strength_rank}"{dash} '
            f'marker-end="url(#{uid}-arrow-{c.kind})"/>'
        )
    for node, (x, y) in point.items():
        programme = graph.nodes[node]["entry"].programme
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="22" fill="{programme.colour}" stroke="#fff" stroke-width="2"/>'
        )
        lines = _wrap(short_name(programme.name))
        top = y + 34
        for i, line in enumerate(lines):
            parts.append(
                f'<text x="{x:.1f}" y="{top + i * 12:.1f}" text-anchor="middle" font-size="10.5" '
                f'font-family="DejaVu Sans, sans-serif" fill="#001a40">{escape(line)}</text>'
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


def group_comparison(*, group: ThemeGroup):
    """The portfolios and maps of a group's active member libraries, and how often each
    connection (programme pair + kind) occurs across them."""
    library_ids = GroupMembership.objects.filter(group=group, left_at__isnull=True).values("library_id")
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


def comparable_groups(*, user) -> QuerySet[ThemeGroup]:
    """The theme groups whose maps this user may put side by side (facilitators: their POI's)."""
    return action_selectors.overview_groups(user=user)


def group_get(*, user, uuid) -> ThemeGroup:
    try:
        return comparable_groups(user=user).get(uuid=uuid)
    except (ThemeGroup.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
