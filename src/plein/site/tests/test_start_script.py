"""Issue 14: bin/docker-start.sh migrates an empty database, starts gunicorn whose /readyz
answers 200, and stops cleanly (exit 0) on SIGTERM."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_start_script_migrates_serves_probes_and_stops_on_sigterm(tmp_path):
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PLEIN_", "DATABASE_URL", "CACHE_URL"))},
        "DJANGO_SETTINGS_MODULE": "plein.conf.dev",
        "VAR_DIR": str(tmp_path),
        "PLEIN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "PLEIN_THREADS": "2",
        "PLEIN_GRACEFUL_TIMEOUT": "5",
        "PYTHON": sys.executable,
        "DB_WAIT_SECONDS": "5",
    }
    server = subprocess.Popen(  # noqa: S603
        ["sh", str(ROOT / "bin" / "docker-start.sh")],  # noqa: S607
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:  # noqa: S310
                    body = json.loads(response.read())
                break
            except OSError:
                time.sleep(0.5)
        assert body == {"status": "ok", "checks": {"database": "ok", "migrations": "ok", "storage": "ok"}}
        assert (tmp_path / "plein.sqlite3").exists()
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    output = server.stdout.read()
    assert "Handling signal: term" in output and "Shutting down: Master" in output
