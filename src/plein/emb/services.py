"""Writes for the EMB in connection: catalogue, portfolio, connections, sharing.
Actions that follow from a connection go into the action plan through
`plein.actions.services.action_create` and are linked to the connection here."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from plein.actions.choices import ActionOrigin
from plein.actions.services import action_create
from plein.audit.services import acting_as

from .models import Connection, ConnectionAction, EmbSettings, PortfolioEntry, Programme

ENTRY_FIELDS = ("target_groups", "other_partners", "since", "responsible")
CONNECTION_FIELDS = ("kind", "strength", "opportunities", "challenges")


def _check_locations(library, locations):
    if any(location.organisation_id != library.pk for location in locations):
        raise ValidationError({"locations": _("Choose locations of your own library.")})


@transaction.atomic
def programme_create(*, acting_user, name, tasks, description="", library=None, key="") -> Programme:
    with acting_as(acting_user):
        programme = Programme(
            name=name.strip(), description=description.strip(), tasks=list(tasks), library=library, key=key
        )
        programme.full_clean()
        programme.save()
    return programme


@transaction.atomic
def programme_update(*, programme, acting_user, name, tasks, description="") -> Programme:
    with acting_as(acting_user):
        programme.name, programme.description, programme.tasks = name.strip(), description.strip(), list(tasks)
        programme.full_clean()
        programme.save()
    return programme


@transaction.atomic
def entry_create(
    *,
    library,
    acting_user,
    programme,
    locations=(),
    target_groups=(),
    partners=(),
    other_partners="",
    since=None,
    responsible=None,
) -> PortfolioEntry:
    if PortfolioEntry.objects.filter(library=library, programme=programme).exists():
        raise ValidationError({"programme": _("This programme is already in your portfolio.")})
    _check_locations(library, locations)
    with acting_as(acting_user):
        entry = PortfolioEntry(
            library=library,
            programme=programme,
            target_groups=list(target_groups),
            other_partners=other_partners.strip(),
            since=since,
            responsible=responsible,
        )
        entry.full_clean()
        entry.save()
        entry.locations.set(locations)
        entry.partners.set(partners)
    return entry


@transaction.atomic
def entry_update(*, entry, acting_user, locations=None, partners=None, **fields) -> PortfolioEntry:
    if locations is not None:
        _check_locations(entry.library, locations)
    with acting_as(acting_user):
        for name in ENTRY_FIELDS:
            if name in fields:
                value = fields[name]
                setattr(entry, name, list(value) if name == "target_groups" else value)
        entry.full_clean()
        entry.save()
        if locations is not None:
            entry.locations.set(locations)
        if partners is not None:
            entry.partners.set(partners)
    return entry


@transaction.atomic
def entry_delete(*, entry, acting_user) -> None:
    with acting_as(acting_user):
        entry.delete()


@transaction.atomic
def local_programme_add(*, library, acting_user, name, tasks, description="", **entry_fields) -> PortfolioEntry:
    """A programme of the library's own, added to the catalogue and the portfolio at once."""
    programme = programme_create(
        acting_user=acting_user, name=name, tasks=tasks, description=description, library=library
    )
    return entry_create(library=library, acting_user=acting_user, programme=programme, **entry_fields)


@transaction.atomic
def connection_create(
    *, library, acting_user, source, target, kind, strength, opportunities="", challenges=""
) -> Connection:
    with acting_as(acting_user):
        connection = Connection(
            library=library,
            source=source,
            target=target,
            kind=kind,
            strength=strength,
            opportunities=opportunities.strip(),
            challenges=challenges.strip(),
        )
        connection.full_clean()
        connection.save()
    return connection


@transaction.atomic
def connection_update(*, connection, acting_user, **fields) -> Connection:
    with acting_as(acting_user):
        for name in CONNECTION_FIELDS:
            if name in fields:
                value = fields[name]
                setattr(connection, name, value.strip() if name in ("opportunities", "challenges") else value)
        connection.full_clean()
        connection.save()
    return connection


@transaction.atomic
def connection_delete(*, connection, acting_user) -> None:
    with acting_as(acting_user):
        connection.delete()


@transaction.atomic
def connection_action_create(*, connection, acting_user, title, description="", owner=None, due_date=None):
    """An action in the library's plan, linked to the connection it follows from."""
    action = action_create(
        library=connection.library,
        acting_user=acting_user,
        title=title,
        description=description,
        owner=owner,
        due_date=due_date,
        origin=ActionOrigin.CONNECTION,
    )
    with acting_as(acting_user):
        ConnectionAction.objects.create(connection=connection, action=action)
    return action


@transaction.atomic
def sharing_set(*, library, acting_user, shared: bool) -> EmbSettings:
    with acting_as(acting_user):
        settings, _created = EmbSettings.objects.get_or_create(library=library)
        settings.shared_with_groups = bool(shared)
        settings.save()
    return settings
