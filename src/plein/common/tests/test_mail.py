"""One way to mail: in each recipient's own language, only after the commit."""

import copy

import pytest
from django.core import mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plein.accounts.tests.factories import UserFactory
from plein.common.mail import send_mail_now, send_mail_on_commit

pytestmark = pytest.mark.django_db

BODY = '{% load i18n %}{% translate "Users" %}: {{ recipient.name|default:"-" }} / {{ thing }}'


@pytest.fixture
def template(settings, tmp_path):
    (tmp_path / "mail.txt").write_text(BODY, encoding="utf-8")
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates
    return "mail.txt"


def _by_address():
    return {message.to[0]: message for message in mail.outbox}


def test_each_recipient_reads_the_mail_in_their_own_language(template, django_capture_on_commit_callbacks):
    english = UserFactory(language="en", name="Anne")
    dutch = UserFactory(language="nl", name="Bert")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):  # the sender reads English
        send_mail_on_commit(
            to=[english, dutch, "buiten@plein.example"],
            subject=lambda: _("Dutch"),
            template=template,
            context={"thing": "x"},
        )
    sent = _by_address()
    assert all(len(message.to) == 1 for message in mail.outbox)
    assert sent[english.email].subject == "Dutch" and sent[english.email].body == "Users: Anne / x"
    assert sent[dutch.email].subject == "Nederlands" and sent[dutch.email].body == "Gebruikers: Bert / x"
    # An address of nobody in Plein: Dutch.
    assert sent["buiten@plein.example"].body == "Gebruikers: - / x"


def test_an_address_of_a_user_gets_that_users_language(template, django_capture_on_commit_callbacks):
    english = UserFactory(language="en", email="anne@plein.example")
    with django_capture_on_commit_callbacks(execute=True):
        send_mail_on_commit(to="Anne@Plein.example", subject=gettext_lazy("Dutch"), template=template)
    assert [(m.to, m.subject) for m in mail.outbox] == [(["Anne@Plein.example"], "Dutch")]
    assert english.name in mail.outbox[0].body


def test_nothing_is_sent_before_the_commit_nor_after_a_rollback(template, django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                send_mail_on_commit(to=user, subject="x", template=template)
                raise RuntimeError("the write fails")
        except RuntimeError:
            pass
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_mail_on_commit(to=user, subject="x", template=template)
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1


def test_send_now_sends_at_once_and_counts(template):
    users = [UserFactory(language="en"), UserFactory()]
    assert send_mail_now(to=users, subject="x", template=template) == 2
    assert send_mail_now(to=[], subject="x", template=template) == 0
    assert len(mail.outbox) == 2
