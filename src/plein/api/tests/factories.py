from plein.api import services


def make_token(organisation, user, name="Registratie-app"):
    """A key and its secret, made the way a coordinator makes one."""
    return services.token_create(acting_user=user, organisation=organisation, name=name)


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def visit_body(location, **overrides):
    body = {
        "location": str(location.uuid),
        "channel": "inloop",
        "duration": "10-30",
        "questions": [{"domain": "digitale-overheid", "topic": "digid", "help": "praktische-hulp"}],
        "idempotency_key": "bezoek-1",
    }
    body.update(overrides)
    return body
