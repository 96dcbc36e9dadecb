"""E-mail of theme groups, sent once the transaction has committed."""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def mail_on_commit(*, to, subject, template, context):
    language = translation.get_language()

    def send():
        with translation.override(language):
            send_mail(
                subject=str(subject) if not callable(subject) else subject(),
                message=render_to_string(template, context),
                from_email=None,
                recipient_list=to if isinstance(to, list) else [to],
            )

    transaction.on_commit(send)
