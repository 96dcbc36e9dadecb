"""Where an action comes from, told by the app that made it.

Other apps create actions (theme groups from a meeting's minutes, the EMB workspace from a
connection, the guide from an answer) and keep the link to their own object in a table of their
own that points at the action. The action plans import none of them: each registers a provider
here in its `AppConfig.ready()`:

    from plein.actions import origins
    origins.register(related=("meeting_link__item__meeting",), describe=meeting_origin)

`related` names the rows to read with the actions (`select_related` paths from `Action`, through
the app's link table), so the query that lists the actions reads their origins too: a page keeps
the same number of queries however many actions it shows, and adds none for the origins.
`describe(action)` then says, from those rows and without a query, where that action comes
from (an `Origin`), or None when it is not from this app."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class Origin:
    """What the plan shows under "Comes from": `prefix` then `label`, a link when there is a
    `url`. `lead` names who takes the lead, for an action without an owner of its own (a meeting
    may give the lead to a person or a library)."""

    label: str
    url: str | None = None
    prefix: str = ""
    lead: str = ""


@dataclass(frozen=True)
class Provider:
    related: tuple[str, ...]
    describe: Callable[[object], Origin | None]


_providers: list[Provider] = []


def register(*, related: Iterable[str], describe: Callable[[object], Origin | None]) -> None:
    provider = Provider(tuple(related), describe)
    if provider not in _providers:
        _providers.append(provider)


def registered() -> list[Provider]:
    return list(_providers)


def with_origins(actions: QuerySet) -> QuerySet:
    """The actions with the rows every provider needs to describe them (joins, no extra query)."""
    return actions.select_related(*[path for provider in _providers for path in provider.related])


def attach(actions: Iterable) -> list:
    """Set `action.source` (an `Origin`, or None: the plan then shows the origin's name) on every
    action read through `with_origins`. The first provider that knows an action wins."""
    actions = list(actions)
    for action in actions:
        action.source = None
        for provider in _providers:
            action.source = provider.describe(action)
            if action.source is not None:
                break
    return actions
