from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404

from plein.core import rules as plein_rules

from .models import Invitation

User = get_user_model()


def users_visible_to(user) -> QuerySet:
    """Administrators see everyone; a facilitator the people of the organisations they manage
    (`organisations_managed_by`: their own support organisation and the libraries it coaches)."""
    if plein_rules.is_administrator(user):
        return User.objects.all()
    if plein_rules.is_facilitator(user):
        from plein.organisations.selectors import organisations_managed_by

        return User.objects.filter(organisation__in=organisations_managed_by(user).values("pk"))
    return User.objects.none()


def user_list(*, user, search: str = "", role: str = "") -> QuerySet:
    qs = users_visible_to(user).select_related("organisation")
    if search:
        qs = qs.filter(name__icontains=search) | qs.filter(email__icontains=search)
    if role:
        qs = qs.filter(role=role)
    return qs.order_by("name", "email")


def user_get(*, user, uuid):
    try:
        return users_visible_to(user).select_related("organisation").get(uuid=uuid)
    except (User.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def open_invitations(*, user) -> QuerySet[Invitation]:
    if not plein_rules.is_manager(user):
        return Invitation.objects.none()
    from django.utils import timezone

    invitations = Invitation.objects.all()
    if not plein_rules.is_administrator(user):
        from plein.organisations.selectors import organisations_managed_by

        invitations = invitations.filter(organisation__in=organisations_managed_by(user).values("pk"))
    return (
        invitations.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("organisation", "invited_by")
        .order_by("-created_at")
    )


def works_at_library(user) -> bool:
    """Library staff (coordinator or desk worker of a library organisation)."""
    from plein.accounts.choices import Role
    from plein.organisations.choices import OrganisationType

    return (
        user.is_authenticated
        and user.role in (Role.COORDINATOR, Role.DESK_WORKER)
        and user.organisation_id is not None
        and user.organisation.type == OrganisationType.LIBRARY
    )


def has_organisation(user) -> bool:
    return user.is_authenticated and user.organisation_id is not None
