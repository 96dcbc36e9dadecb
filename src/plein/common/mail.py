"""E-mail from Plein, one rule for all: each person gets the mail in the language they chose
with the language switch (`User.language`); an address that belongs to nobody in Plein gets
Dutch (settings.LANGUAGE_CODE). Mail goes out only when the transaction commits, so nothing is
mailed for a change that rolled back, and each recipient gets a message of their own (people
never see each other's addresses).

    send_mail_on_commit(
        to=[coordinator, "contact@example.org"],
        subject=lambda: _("[Plein] New practice case"),   # or gettext_lazy(...)
        template="practicecases/email/case_new.txt",
        context={"case": case},
    )

The subject is a callable or a lazy string, so it is translated per recipient too; the
template gets the context plus `recipient` (the User, or None for a bare address)."""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def recipient_language(recipient) -> str:
    """The language a recipient reads Plein in: a user's own choice, Dutch for anyone else."""
    supported = {code for code, _label in settings.LANGUAGES}
    language = getattr(recipient, "language", None)
    return language if language in supported else settings.LANGUAGE_CODE


def _recipients(to) -> list[tuple[str, object]]:
    """(address, user or None) for every recipient, in the given order, each address once.
    Addresses given as text are matched to active users (one query), so they get their own
    language too."""
    if isinstance(to, str) or not isinstance(to, Iterable):
        to = [to]
    given = [item for item in to if item]
    addresses = [item.strip().lower() for item in given if isinstance(item, str)]
    users = {}
    if addresses:
        User = get_user_model()  # noqa: N806
        users = {
            user.email.lower(): user
            for user in User.objects.filter(email__in=addresses, is_active=True).only("pk", "email", "language")
        }
    result, seen = [], set()
    for item in given:
        user = users.get(item.strip().lower()) if isinstance(item, str) else item
        address = item.strip() if isinstance(item, str) else item.email
        if address.lower() not in seen:
            seen.add(address.lower())
            result.append((address, user))
    return result


def _messages(recipients, *, subject, template, context, from_email) -> list[EmailMessage]:
    messages = []
    for address, user in recipients:
        with translation.override(recipient_language(user)):
            text = " ".join(str(subject() if callable(subject) else subject).split())
            body = render_to_string(template, {**(context or {}), "recipient": user})
        messages.append(EmailMessage(subject=text, body=body, from_email=from_email, to=[address]))
    return messages


def personal_messages(
    *, to, subject: str | Callable[[], str], template: str, context: dict | None = None, from_email=None
) -> list[EmailMessage]:
    """The messages `send_mail_now` would send (one per recipient, each in their language),
    not sent: for a caller that sends them one by one and records each one sent (reminders)."""
    return _messages(_recipients(to), subject=subject, template=template, context=context, from_email=from_email)


def _send(recipients, *, subject, template, context, from_email) -> int:
    messages = _messages(recipients, subject=subject, template=template, context=context, from_email=from_email)
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0


def send_mail_now(
    *, to, subject: str | Callable[[], str], template: str, context: dict | None = None, from_email=None
) -> int:
    """Render and send at once, each in its recipient's language; the number sent. For a caller
    that must know the outcome inside its transaction (e.g. a digest log); otherwise use
    `send_mail_on_commit`."""
    return _send(_recipients(to), subject=subject, template=template, context=context, from_email=from_email)


def send_mail_on_commit(
    *, to, subject: str | Callable[[], str], template: str, context: dict | None = None, from_email=None
) -> None:
    """Send when the current transaction commits (at once outside a transaction), each
    recipient in their own language. `to`: users and/or addresses, or one of them."""
    recipients = _recipients(to)
    if recipients:
        transaction.on_commit(
            lambda: _send(recipients, subject=subject, template=template, context=context, from_email=from_email)
        )
