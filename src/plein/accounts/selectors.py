from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404

from plein.core import rules as plein_rules

from .models import Invitation

User = get_user_model()


def users_visible_to(user) -> QuerySet:
    if plein_rules.is_manager(user):
        return User.objects.all()
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

    return (
        Invitation.objects.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("organisation", "invited_by")
        .order_by("-created_at")
    )
