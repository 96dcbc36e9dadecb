"""Issue 14: OpenTelemetry tracing is off by default (not even imported) and switched on by
the environment (PLEIN_OTEL=1 or OTEL_EXPORTER_OTLP_ENDPOINT)."""

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[3]

SHOW = """
import django, json, sys
django.setup()
from django.test import Client
Client().get("/livez")
loaded = sorted(name for name in sys.modules if name.startswith("opentelemetry"))
provider = None
if "opentelemetry.trace" in sys.modules:
    from opentelemetry import trace
    provider = type(trace.get_tracer_provider()).__module__
print(json.dumps({"loaded": len(loaded), "django": "opentelemetry.instrumentation.django" in loaded,
                  "provider": provider}))
"""


def _run(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PLEIN_OTEL", "OTEL_"))}
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=SRC,
        env={**clean, "DJANGO_SETTINGS_MODULE": "plein.conf.ci", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith('{"loaded"')]
    return json.loads(line)


def test_tracing_is_off_and_not_imported_by_default():
    assert _run() == {"loaded": 0, "django": False, "provider": None}


def test_tracing_is_switched_on_by_the_environment():
    shown = _run(PLEIN_OTEL="1", OTEL_TRACES_EXPORTER="console")
    assert shown["django"] is True
    assert shown["provider"] == "opentelemetry.sdk.trace"
