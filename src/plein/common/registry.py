"""Registries through which features plug into the site without the floor knowing them.

Each feature app registers, in its `AppConfig.ready()` (through its `entries.py`), the header
navigation entries, the links on the start page and the demo loader it brings. `plein.site`
(the roof) reads the registries; `plein.common` (the floor) never imports a feature. The same
pattern as open-forms' plugin registries (`openforms.registrations.registry`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    """An item of the header navigation. It shows when the user has `permission` (None: every
    logged-in user) and `condition(user)` holds, so the menu never offers a page that answers 403."""

    order: int
    label: str
    url_name: str
    permission: str | None = None
    section: str = ""  # URL prefix that marks the item as current
    condition: Callable | None = None

    def url(self):
        return reverse(self.url_name)

    def shows_for(self, user) -> bool:
        if self.permission and not user.has_perm(self.permission):
            return False
        return not (self.condition and not self.condition(user))


@dataclass(frozen=True)
class StartLink:
    """A link in the start-page section of the user's role (`roles`: role values). With
    `count(user)`, the link shows only when the count is not 0, and its label (with
    "%(count)s") says the number, e.g. "Check the offer (3)"."""

    order: int
    label: str
    url_name: str
    roles: frozenset
    permission: str | None = None
    condition: Callable | None = None
    count: Callable | None = None

    def url(self):
        return reverse(self.url_name)

    def shows_for(self, user) -> bool:
        if user.role not in self.roles:
            return False
        if self.permission and not user.has_perm(self.permission):
            return False
        return not (self.condition and not self.condition(user))

    def link_for(self, user) -> tuple[str, str] | None:
        """(label, url) as this user sees the link, or None when it does not show."""
        if not self.shows_for(user):
            return None
        if self.count is None:
            return (self.label, self.url())
        number = self.count(user)
        return (str(self.label) % {"count": number}, self.url()) if number else None


@dataclass(frozen=True)
class DemoLoader:
    """Fills a feature's demo data; `load(context)` runs after the organisations and people
    exist (`context` carries them, e.g. `context.poi`). Lower `order` runs first."""

    order: int
    name: str
    load: Callable


@dataclass
class Registry:
    name: str
    _entries: list = field(default_factory=list)

    def register(self, *entries):
        for entry in entries:
            key = self._key(entry)
            if not any(self._key(existing) == key for existing in self._entries):
                self._entries.append(entry)  # registering twice (ready() in tests) adds nothing

    @staticmethod
    def _key(entry):
        name = getattr(entry, "url_name", None) or getattr(entry, "name", None)
        return (type(entry).__name__, entry.order, name, getattr(entry, "roles", None))

    def __iter__(self):
        return iter(sorted(self._entries, key=lambda entry: entry.order))

    def __len__(self):
        return len(self._entries)


navigation = Registry("navigation")
start_links = Registry("start_links")
demo_loaders = Registry("demo_loaders")
