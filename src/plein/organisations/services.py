"""Writes for organisations, branches and municipalities. Every write is atomic, validated
with full_clean() and recorded in the audit log under the acting person."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from plein.audit.services import acting_as

from .choices import OrganisationType
from .models import Location, Municipality, Organisation
from .signals import location_moved

ORGANISATION_FIELDS = ("name", "type", "province", "website")
LOCATION_FIELDS = ("name", "street", "postcode", "city", "municipality", "has_ido")


@transaction.atomic
def organisation_create(*, acting_user, name, type, province="", website="", municipalities=()) -> Organisation:
    with acting_as(acting_user):
        organisation = Organisation(name=name.strip(), type=type, province=province, website=website)
        organisation.full_clean()
        organisation.save()
        organisation.municipalities.set(municipalities)
    return organisation


@transaction.atomic
def library_get_or_create(*, acting_user, name, province="", municipality_name="") -> tuple[Organisation, bool]:
    """The library called `name`, or a new one, and whether it was created now (a theme-group
    sign-up for a library not in Plein yet, placed by the facilitator). Names are unique in any
    case, so an organisation with this name is the one meant. A new library serves the
    municipality called `municipality_name` when Plein knows it; recorded as any other
    organisation created by `acting_user`."""
    name = name.strip()
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing, False
    municipality = (
        Municipality.objects.filter(name__iexact=municipality_name.strip()).first()
        if municipality_name.strip()
        else None
    )
    library = organisation_create(
        acting_user=acting_user,
        name=name,
        type=OrganisationType.LIBRARY,
        province=province,
        municipalities=[municipality] if municipality else [],
    )
    return library, True


def _check_type_fits_people(organisation, new_type):
    """An organisation cannot change type while its people have roles that need the old one."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from plein.accounts.choices import ROLE_ORGANISATION_TYPES, Role

    roles = set(organisation.users.filter(is_active=True).values_list("role", flat=True))
    roles |= set(organisation.invitations.filter(accepted_at__isnull=True).values_list("role", flat=True))
    misfits = sorted(str(Role(r).label) for r in roles if new_type not in ROLE_ORGANISATION_TYPES[Role(r)])
    if misfits:
        raise ValidationError(
            {
                "type": _("People of this organisation have roles that do not fit this type: %(roles)s.")
                % {"roles": ", ".join(misfits)}
            }
        )


@transaction.atomic
def organisation_update(*, organisation, acting_user, municipalities=None, **fields) -> Organisation:
    if "type" in fields and fields["type"] != Organisation.objects.get(pk=organisation.pk).type:
        _check_type_fits_people(organisation, fields["type"])
    with acting_as(acting_user):
        for name in ORGANISATION_FIELDS:
            if name in fields:
                setattr(organisation, name, fields[name].strip() if name == "name" else fields[name])
        organisation.full_clean()
        organisation.save()
        if municipalities is not None:
            organisation.municipalities.set(municipalities)
    return organisation


@transaction.atomic
def location_create(*, organisation, acting_user, **fields) -> Location:
    with acting_as(acting_user):
        location = Location(organisation=organisation, **{k: v for k, v in fields.items() if k in LOCATION_FIELDS})
        location.full_clean()
        location.save()
    return location


@transaction.atomic
def location_update(*, location, acting_user, **fields) -> Location:
    """Change a branch; `organisation` moves it to another library (not on the form, for the
    shell and data repairs)."""
    before = Location.objects.filter(pk=location.pk).values_list(
        "organisation_id", "municipality_id", "municipality__province"
    )[0]  # from the database: a form may already have changed `location` in memory
    with acting_as(acting_user):
        for name in (*LOCATION_FIELDS, "organisation"):
            if name in fields:
                setattr(location, name, fields[name])
        location.full_clean()
        location.save()
    old_organisation_id, old_municipality_id, old_province = before
    if (location.organisation_id, location.municipality_id) != (old_organisation_id, old_municipality_id):
        # A branch of another library or in another municipality: e.g. its IDO figures move with it.
        location_moved.send(
            sender=Location,
            location=location,
            old_organisation_id=old_organisation_id,
            old_municipality_id=old_municipality_id,
            old_province=old_province,
        )
    return location


@transaction.atomic
def location_delete(*, location, acting_user) -> None:
    """Remove a branch. A branch where IDO visits were registered stays: the figures need those
    registrations (Visit.location is PROTECT); it can be marked as no longer having an IDO."""
    try:
        with acting_as(acting_user):
            location.delete()
    except ProtectedError:  # raised before anything is deleted
        raise ValidationError(
            _(
                "The branch “%(name)s” cannot be removed, because IDO visits have been registered there and "
                "the figures need them. Does this branch no longer have an IDO? Then change the branch and "
                "untick “has an IDO”."
            )
            % {"name": location.name}
        )


@transaction.atomic
def municipality_create(*, acting_user, name, province, cbs_code="") -> Municipality:
    with acting_as(acting_user):
        municipality = Municipality(name=name.strip(), province=province, cbs_code=cbs_code.strip().upper())
        municipality.full_clean()
        municipality.save()
    return municipality
