"""Issue 14 (logs for operators): no log line carries an address that is itself a key (a
shared report, a calendar feed, an invitation, a password reset): not Django's, not gunicorn's
access log."""

import datetime
import logging
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from plein.common.gunicorn_logging import RedactingLogger
from plein.common.logging import RedactSecretPaths, redact_secrets

SECRET = "Xk2_vQ9-sEcReT"


@pytest.mark.parametrize(
    "path",
    [
        f"/gedeeld/rapport/{SECRET}/",
        f"/gedeeld/rapport/{SECRET}/pdf/",
        f"/agenda/{SECRET}.ics",
        f"/agenda/{SECRET}/1b4e28ba-2fa1-11d2-883f-0016d3cca427.ics",
        f"/uitnodiging/{SECRET}/",
        f"/account/password/reset/key/3-{SECRET}/",
    ],
)
def test_secret_addresses_are_redacted(path):
    assert SECRET not in redact_secrets(f"GET https://plein.example.nl{path}?x=1 HTTP/1.1")
    assert "[redacted]" in redact_secrets(path)


def test_other_addresses_stay_as_they_are():
    for text in ("/gezondheid/", "/registreren/", "/agenda/", "/aanbod/bibliotheek-x/agenda.ics"):
        assert redact_secrets(text) == text


def test_the_access_log_and_djangos_request_log_leave_the_key_out():
    """Failed before: gunicorn's access line and django.request's 'Not Found: /gedeeld/rapport/<key>/'
    (an unknown or revoked link) carried the key."""
    logger = RedactingLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/gedeeld/rapport/{SECRET}/",
        "PATH_INFO": f"/gedeeld/rapport/{SECRET}/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://plein.example.nl/gedeeld/rapport/{SECRET}/",
        "REMOTE_ADDR": "192.0.2.1",
    }
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = logger.atoms(response, request, environ, datetime.timedelta(seconds=1))
    line = logger.cfg.access_log_format % atoms
    assert SECRET not in line and "/gedeeld/rapport/[redacted]/" in line

    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (environ["PATH_INFO"],), None
    )
    RedactSecretPaths().filter(record)
    assert record.getMessage() == "Not Found: /gedeeld/rapport/[redacted]/"
    from django.conf import settings

    assert "redact_secret_paths" in settings.LOGGING["handlers"]["console"]["filters"]


def test_gunicorns_lines_are_json_with_production_settings(monkeypatch, capsys):
    """Failed before: with PLEIN_LOG_FORMAT=json Django wrote JSON but gunicorn's access and
    error lines in the same stream stayed plain text."""
    import json

    from plein.common.gunicorn_logging import json_wanted

    assert json_wanted({}) and json_wanted({"DJANGO_SETTINGS_MODULE": "plein.conf.production"})
    assert not json_wanted({"DJANGO_SETTINGS_MODULE": "plein.conf.dev"})
    assert not json_wanted({"PLEIN_LOG_FORMAT": "text"})

    monkeypatch.setenv("PLEIN_LOG_FORMAT", "json")
    config = Config()
    config.set("accesslog", "-")
    logger = RedactingLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/agenda/{SECRET}.ics",
        "PATH_INFO": f"/agenda/{SECRET}.ics",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.9",
    }
    request = SimpleNamespace(headers=[("X-FORWARDED-FOR", "192.0.2.8")])
    response = SimpleNamespace(status="200 OK", sent=512, headers=[])
    logger.access(response, request, environ, datetime.timedelta(milliseconds=42))
    logger.error("Worker timeout")
    captured = capsys.readouterr()
    access, error = (json.loads(line) for line in (captured.out + captured.err).strip().splitlines())
    assert {
        "logger": "gunicorn.access",
        "method": "GET",
        "path": "/agenda/[redacted].ics",
        "status": 200,
        "duration_ms": 42,
        "remote_addr": "10.0.0.9",
        "forwarded_for": "192.0.2.8",
    }.items() <= access.items()
    assert SECRET not in json.dumps(access)
    assert (error["logger"], error["level"], error["message"]) == ("gunicorn.error", "ERROR", "Worker timeout")


def test_the_filter_leaves_a_malformed_log_call_to_the_handler():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "%s and %s", ("one",), None)
    assert RedactSecretPaths().filter(record) is True  # failed before: TypeError out of the filter
