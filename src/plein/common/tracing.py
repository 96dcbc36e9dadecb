"""OpenTelemetry tracing, switched on by the environment: OTEL_EXPORTER_OTLP_ENDPOINT set (the
collector, e.g. http://otel-collector:4318) or PLEIN_OTEL=1. Off by default; when off, nothing
of OpenTelemetry is imported (the imports are inside `setup`). The standard OTEL_* variables
apply (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER, ...).

Traces every request (opentelemetry-instrumentation-django) and sends the spans in batches over
OTLP/HTTP. With PLEIN_OTEL=1 but no endpoint, spans are written to standard output (trying it
out)."""

import logging
import os

logger = logging.getLogger("plein.ops")
_done = False


def setup() -> bool:
    global _done
    if _done:
        return True
    try:
        from opentelemetry import trace
        from opentelemetry.instrumentation.django import DjangoInstrumentor
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter
    except ImportError:
        logger.warning("OpenTelemetry is switched on but its packages are not installed: no tracing")
        return False
    provider = TracerProvider(resource=Resource.create({"service.name": os.environ.get("OTEL_SERVICE_NAME", "plein")}))
    if os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter()
    else:
        exporter = ConsoleSpanExporter()
    provider.add_span_processor(BatchSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    DjangoInstrumentor().instrument()
    _done = True
    return True
