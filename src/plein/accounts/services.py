"""Writes for accounts: invitations and role changes. E-mail goes out on commit, so nothing
is mailed for a change that rolled back."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from plein.audit.security import log_event
from plein.audit.services import acting_as
from plein.common.mail import send_mail_on_commit
from plein.common.utils import absolute_url, secret_hash

from .choices import ROLE_ORGANISATION_TYPES, Role, grantable_roles
from .models import Invitation

User = get_user_model()


def check_role_fits_organisation(*, role, organisation):
    if organisation is None:
        if role != Role.ADMINISTRATOR:
            raise ValidationError({"organisation": _("Choose the organisation this person works for.")})
        return
    if organisation.type not in ROLE_ORGANISATION_TYPES[Role(role)]:
        raise ValidationError(
            {
                "role": _("The role “%(role)s” does not fit an organisation of the type “%(type)s”.")
                % {"role": Role(role).label, "type": organisation.get_type_display()}
            }
        )


def _check_may_grant(acting_user, role):
    # The rules module decides; forms only offer what is allowed, this holds for every caller.
    if acting_user is not None and Role(role) not in grantable_roles(acting_user):
        raise ValidationError({"role": _("You may not give the role “%(role)s”.") % {"role": Role(role).label}})


def _check_may_manage(acting_user, organisation):
    """A facilitator invites and moves people only within the organisations they manage."""
    if acting_user is None or organisation is None:
        return
    if not acting_user.has_perm("organisations.invite_to_organisation", organisation):
        raise ValidationError(
            {"organisation": _("You may not add people to “%(name)s”.") % {"name": organisation.name}}
        )


def _apply_role_flags(user):
    # Only administrators may use Django's technical admin.
    user.is_staff = user.role == Role.ADMINISTRATOR
    user.is_superuser = user.role == Role.ADMINISTRATOR


@transaction.atomic
def invitation_create(*, acting_user, email, name, role, organisation=None) -> tuple[Invitation, str]:
    """Invite a person by e-mail. Returns the invitation and the one-time token (only its
    hash is stored)."""
    email = email.strip().lower()
    _check_may_grant(acting_user, role)
    _check_may_manage(acting_user, organisation)
    check_role_fits_organisation(role=role, organisation=organisation)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("There is already an account with this e-mail address.")})
    with acting_as(acting_user):
        # A new invitation replaces any open one for the same address.
        Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True).update(expires_at=timezone.now())
        token = secrets.token_urlsafe(32)
        invitation = Invitation(
            email=email,
            name=name.strip(),
            role=role,
            organisation=organisation,
            token_hash=secret_hash(token),
            invited_by=acting_user,
            expires_at=timezone.now() + timedelta(days=settings.PLEIN_INVITATION_DAYS),
        )
        invitation.full_clean()
        invitation.save()
    log_event(
        "invitation", actor=acting_user, obj=invitation, role=role, organisation=getattr(organisation, "pk", None)
    )
    send_mail_on_commit(
        to=invitation.email,  # nobody's yet, so in Dutch
        subject=lambda: _("[Plein] You are invited to Plein"),
        template="accounts/email/invitation.txt",
        context={
            "invitation": invitation,
            "url": absolute_url(reverse("accounts:accept_invitation", args=[token])),
            "days": settings.PLEIN_INVITATION_DAYS,
        },
    )
    return invitation, token


def invitation_for_token(token: str) -> Invitation | None:
    invitation = Invitation.objects.select_related("organisation").filter(token_hash=secret_hash(token)).first()
    if invitation is None or not invitation.is_open:
        return None
    return invitation


@transaction.atomic
def invitation_accept(*, invitation, name, password, language=None) -> User:
    """The invited person chooses a password; the account keeps the language they read Plein
    in while accepting (`language`, default Dutch)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation has already been used or has expired."))
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("There is already an account with this e-mail address."))
    user = User(email=invitation.email, name=name.strip(), role=invitation.role, organisation=invitation.organisation)
    if language in dict(settings.LANGUAGES):
        user.language = language
    _apply_role_flags(user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    with acting_as(user):
        user.save()
        invitation.accepted_at = timezone.now()
        invitation.user = user
        invitation.save(update_fields=["accepted_at", "user"])
    return user


@transaction.atomic
def user_update(*, user, acting_user, name, role, organisation, is_active) -> User:
    if user.pk == acting_user.pk:
        raise ValidationError(_("You cannot change your own role, organisation or account here."))
    if not acting_user.has_perm("accounts.change_user", user):
        raise ValidationError(_("You may not change this person."))
    _check_may_grant(acting_user, role)
    if organisation is not None and organisation.pk != user.organisation_id:
        _check_may_manage(acting_user, organisation)
    check_role_fits_organisation(role=role, organisation=organisation)
    before = (user.role, user.organisation_id, user.is_active)
    with acting_as(acting_user):
        user.name = name.strip()
        user.role = role
        user.organisation = organisation
        user.is_active = is_active
        _apply_role_flags(user)
        user.full_clean(exclude=["password"])
        user.save()
    after = (user.role, user.organisation_id, user.is_active)
    if after != before:
        log_event(
            "role_change",
            actor=acting_user,
            obj=user,
            role=f"{before[0]}->{after[0]}",
            organisation=f"{before[1]}->{after[1]}",
            active=f"{before[2]}->{after[2]}",
        )
    return user


@transaction.atomic
def profile_update(*, user, name) -> User:
    with acting_as(user):
        user.name = name.strip()
        user.full_clean(exclude=["password"])
        user.save(update_fields=["name"])
    return user


@transaction.atomic
def user_language_update(*, user, language) -> User:
    """A person chose the language Plein speaks to them in (the language switch); their
    e-mails follow it, and logging in elsewhere brings it back."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages Plein speaks.")})
    if user.language == language:
        return user
    with acting_as(user):
        user.language = language
        user.full_clean(exclude=["password"])
        user.save(update_fields=["language"])
    return user
