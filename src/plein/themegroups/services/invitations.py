"""Inviting the contact person of a placed library as its coordinator, and who the
coordinators of a library are."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from plein.accounts.choices import Role

from ..choices import EnrollmentStatus
from ..models import Enrollment

User = get_user_model()


def library_coordinators(library):
    """The active coordinators of a library: they decide who of their library gets access."""
    return User.objects.filter(organisation=library, role=Role.COORDINATOR, is_active=True).order_by("name")


def contact_needs_invitation(enrollment) -> bool:
    from plein.accounts.models import Invitation

    email = enrollment.contact_email
    if User.objects.filter(email__iexact=email).exists():
        return False
    return not any(inv.is_open for inv in Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True))


def invite_contact_if_needed(*, enrollment, acting_user) -> bool:
    """Invite the contact person of a placed library as its coordinator, unless they have an
    account or an open invitation already (a second invitation would void the first link)."""
    if enrollment.status != EnrollmentStatus.PLACED or not contact_needs_invitation(enrollment):
        return False
    from plein.accounts.services import invitation_create

    invitation_create(
        acting_user=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        email=enrollment.contact_email,
        name=enrollment.contact_name,
        role=Role.COORDINATOR,
        organisation=enrollment.library,
    )
    return True


@transaction.atomic
def enrollment_invite_contact(*, enrollment, acting_user, confirmed=False) -> bool:
    """The facilitator invites the contact person of a placed library as its coordinator.

    Only for a library without a coordinator (one that has one decides itself who gets access),
    and only after the facilitator confirmed they know this person works there: the sign-up
    form is public, and a coordinator sees and changes everything of their library."""
    enrollment = Enrollment.objects.select_related("library").get(pk=enrollment.pk)
    if enrollment.library_id and library_coordinators(enrollment.library).exists():
        raise ValidationError(
            _(
                "%(library)s already has a coordinator in Plein. The coordinator decides who of the library "
                "gets access; ask them."
            )
            % {"library": enrollment.library.name}
        )
    if not confirmed:
        raise ValidationError(
            _("Tick the box to confirm that you know %(name)s works at %(library)s.")
            % {"name": enrollment.contact_name, "library": enrollment.library_name}
        )
    if not invite_contact_if_needed(enrollment=enrollment, acting_user=acting_user):
        raise ValidationError(_("This person already has an account or an open invitation."))
    return True
