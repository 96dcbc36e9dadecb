"""gunicorn's settings for the web container: `gunicorn -c src/plein/conf/gunicorn.py plein.wsgi`
(bin/docker-start.sh). Every value can be changed through the environment.

Graceful shutdown: on SIGTERM (Kubernetes stops a pod, a rolling update) gunicorn stops
accepting connections and gives the requests in flight up to GUNICORN_GRACEFUL_TIMEOUT seconds
to finish before it stops the workers. Keep the pod's terminationGracePeriodSeconds above it.
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "25"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# A worker is replaced after this many requests (with some spread), against slow memory growth.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
# The heartbeat files in memory, not on a (possibly read-only or slow) container disk.
SHM = "/dev/shm"  # noqa: S108 (gunicorn's own advice for containers: only the heartbeat files)
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR", SHM if os.path.isdir(SHM) else None)
# The proxy in front (ingress) sets X-Forwarded-Proto; Django reads the client address itself
# (PLEIN_PROXY_COUNT), so gunicorn may trust the header from any address inside the cluster.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "*")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
