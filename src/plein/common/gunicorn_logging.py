"""gunicorn's own log lines as Plein's (src/gunicorn.conf.py: logger_class).

- No secret addresses: the request line, the path and the Referer of a calendar feed, a shared
  report, an invitation or a password reset carry their key; the access log gets "[redacted]"
  in its place (plein.common.logging.redact_secrets).
- With JSON logs (PLEIN_LOG_FORMAT=json, the default with plein.conf.production) gunicorn's
  access and error lines are JSON objects too, in the shape of Django's (time, level, logger,
  message), each request with method, path, status, bytes, duration_ms, remote_addr,
  forwarded_for and user_agent as fields, so the log platform gets one format from the whole
  container.
"""

import os

from gunicorn.glogging import Logger

from .logging import JsonFormatter, redact_secrets


def json_wanted(environ=os.environ) -> bool:
    settings_module = environ.get("DJANGO_SETTINGS_MODULE", "plein.conf.production")
    default = "json" if settings_module == "plein.conf.production" else "text"
    return environ.get("PLEIN_LOG_FORMAT", default) == "json"


class RedactingLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        self.json = json_wanted()
        if self.json:
            formatter = JsonFormatter()
            for log in (self.error_log, self.access_log):
                for handler in log.handlers:
                    handler.setFormatter(formatter)

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f", "{referer}i"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact_secrets(atoms[key])
        return atoms

    def access(self, resp, req, environ, request_time):
        if not getattr(self, "json", False):
            return super().access(resp, req, environ, request_time)
        if not self.access_log_enabled:
            return None
        atoms = self.atoms(resp, req, environ, request_time)
        fields = {
            "event": "access",
            "method": atoms["m"],
            "path": atoms["U"],
            "status": int(atoms["s"]) if str(atoms["s"]).isdigit() else atoms["s"],
            "bytes": atoms["B"],
            "duration_ms": atoms["M"],
            "remote_addr": atoms["h"],
            "forwarded_for": atoms.get("{x-forwarded-for}i", "-"),
            "user_agent": atoms["a"],
        }
        self.access_log.info(self.cfg.access_log_format, self.atoms_wrapper_class(atoms), extra=fields)
        return None
