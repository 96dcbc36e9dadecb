import uuid

from plein.organisations.tests.factories import LocationFactory
from plein.registration.models import Category


def category(kind, code):
    return Category.objects.get(kind=kind, code=code)


def question(**overrides):
    values = {
        "domain": category("domein", "digitale-overheid"),
        "topic": category("onderwerp", "digid"),
        "help": category("hulp", "praktische-hulp"),
    }
    values.update(overrides)
    return values


def visit_data(location=None, **overrides):
    data = {
        "location": location or LocationFactory(has_ido=True),
        "channel": category("kanaal", "inloop"),
        "duration": category("duur", "10-30"),
        "questions": [question()],
        "idempotency_key": uuid.uuid4().hex,
    }
    data.update(overrides)
    return data
