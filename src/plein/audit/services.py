"""Who did it: every service runs its writes inside `acting_as(user)`, so django-auditlog
records the person, also outside a web request (management commands, tasks)."""

from contextlib import contextmanager

from auditlog.context import set_actor


@contextmanager
def acting_as(user):
    if user is None or not getattr(user, "is_authenticated", False):
        yield
        return
    with set_actor(user):
        yield
