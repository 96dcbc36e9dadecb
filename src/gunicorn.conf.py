"""Gunicorn settings for Plein in production (`gunicorn plein.wsgi --config gunicorn.conf.py`,
run from src/; the README, bench/ and tools/lighthouse.py use this same file).

Threaded workers (gthread): one process per core and one more (as many as the three sync
workers the README named before, on two cores), each with a few threads that keep their
database connection open between requests, so one slow page (a five-year dashboard, an
export) does not make every desk behind it wait, as it does with a few single-threaded (sync)
workers. `bench/registration.py --compare-sync` measures both in one run (figures in the
README). Override with WEB_CONCURRENCY (processes) and PLEIN_THREADS (threads per process).
"""

import multiprocessing
import os

bind = os.environ.get("PLEIN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("PLEIN_THREADS", "4"))
timeout = 60
# On SIGTERM (a pod stopped, a rolling update) gunicorn stops accepting connections and gives
# the requests in flight this many seconds to finish (keep terminationGracePeriodSeconds above).
graceful_timeout = int(os.environ.get("PLEIN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# A worker is replaced after this many requests (plus a random part, so they do not all restart
# at once): guards against slow memory growth in long-running processes.
max_requests = 5000
max_requests_jitter = 500
accesslog = os.environ.get("PLEIN_ACCESS_LOG")  # e.g. "-" for stdout; None: no access log
# The access log without the keys in secret addresses (shared reports, calendar feeds, invitations).
logger_class = "plein.common.gunicorn_logging.RedactingLogger"
# In a container: the workers' heartbeat files in memory rather than on a slow or read-only disk.
worker_tmp_dir = os.environ.get("PLEIN_WORKER_TMP_DIR") or None
