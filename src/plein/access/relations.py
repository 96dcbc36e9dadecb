"""The relations access reads from features above it, which register them at start-up.

The coaching relation (a facilitator's support organisation runs a programme year whose theme
groups libraries take part in) lives in themegroups; what a library shares with the other
libraries in its groups lives in the feature that keeps it (the EMB portfolio: emb). Access
may not import them, so they register a provider here in their `AppConfig.ready()`, and every
use of these relations goes through `plein.access`. Without a provider (the app is not
installed) nobody coaches, no group has members and nothing is shared."""

from typing import Protocol

from django.db.models import QuerySet


class Coaching(Protocol):
    """What themegroups offers (`plein.themegroups.access.Coaching`). The `*_ids` methods return
    one-column `values()` querysets, to be used as subqueries."""

    def coached_library_ids(self, poi_id) -> QuerySet: ...  # active members of the POI's groups

    def member_library_ids(self, group_ids) -> QuerySet: ...  # active members of these groups

    def group_ids_of_library(self, library_id) -> QuerySet: ...  # groups it takes part in now

    def groups(self) -> QuerySet: ...  # every theme group

    def groups_run_by(self, poi_id) -> QuerySet: ...  # the groups of the POI's programme years

    def poi_id_of_group(self, group) -> int | None: ...  # who runs the group (no query if loaded)

    def programme_years(self) -> QuerySet: ...

    def programme_years_run_by(self, poi_id) -> QuerySet: ...


class _NoCoaching:
    def _none(self):
        from plein.organisations.models import Organisation

        return Organisation.objects.none().values("pk")

    def coached_library_ids(self, poi_id):
        return self._none()

    def member_library_ids(self, group_ids):
        return self._none()

    def group_ids_of_library(self, library_id):
        return self._none()

    def groups(self):
        raise LookupError("no app registered the coaching relation (plein.themegroups)")

    groups_run_by = programme_years = programme_years_run_by = groups

    def poi_id_of_group(self, group):
        return None


_coaching: Coaching = _NoCoaching()
_sharing: dict = {}
_published = None


def register_coaching(provider: Coaching) -> None:
    global _coaching
    _coaching = provider


def coaching() -> Coaching:
    return _coaching


def register_sharing(topic: str, shared_library_ids) -> None:
    """`shared_library_ids()`: a one-column `values()` queryset of the libraries that share
    `topic` (e.g. "emb") with the other libraries in their theme groups."""
    _sharing[topic] = shared_library_ids


def shared_library_ids(topic: str):
    provider = _sharing.get(topic)
    return provider() if provider is not None else _NoCoaching()._none()


def register_published(published_ids) -> None:
    """`published_ids(kind)`, kind "library", "location" or "municipality": a one-column
    `values()` queryset of what has published something for residents (plein.offers)."""
    global _published
    _published = published_ids


def published_ids(kind: str):
    if _published is None:
        return _NoCoaching()._none()
    return _published(kind)
