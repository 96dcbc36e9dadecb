"""gunicorn's access log without secret addresses (src/gunicorn.conf.py: logger_class).

The request line, the path and the Referer of a calendar feed, a shared report, an invitation
or a password reset carry their key; the access log gets "[redacted]" in its place
(plein.common.logging.redact_secrets)."""

from gunicorn.glogging import Logger

from .logging import redact_secrets


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f", "{referer}i"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact_secrets(atoms[key])
        return atoms
