"""Locust load for bench/ops_drill.py: the desks of bench/locust_desks.py, with the desk page's
own rule for a visit that did not go through: keep it and send it again, with the same
idempotency key, before the next new visit (as the page's offline queue does). Every attempt is
written as one JSON line to PLEIN_DRILL_LOG: when, how long, the answer (status or the error),
the idempotency key and, when Plein acknowledged the visit (201, or 200 for a repeat), the id it
answered with. bench/ops_drill.py compares those lines with what the database holds.
"""

import json
import os
import sys
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import locust_desks  # noqa: E402  (imported as a module: its Desk must not run beside DrillDesk)

LOG = open(os.environ["PLEIN_DRILL_LOG"], "a", buffering=1)  # noqa: SIM115  one line per attempt


class DrillDesk(locust_desks.Desk):
    def on_start(self):
        super().on_start()
        self.pending = []  # visits not yet acknowledged: sent again, same key, before a new one

    def _new_visit(self):
        questions = 1 if self.rng.random() < 0.7 else 2
        data = {
            "channel": self.rng.choice(self.options["kanaal"]),
            "duration": self.rng.choice(self.options["duur"]),
            "idempotency_key": uuid.uuid4().hex,
            "vraag-TOTAL_FORMS": str(questions),
            "vraag-INITIAL_FORMS": "0",
            "vraag-MIN_NUM_FORMS": "1",
            "vraag-MAX_NUM_FORMS": "20",
        }
        for number in range(questions):
            data.update(self._question(number))
        return data

    def register_visit(self):
        data = self.pending.pop(0) if self.pending else self._new_visit()
        headers = {"X-CSRFToken": self.csrf, "Accept": "application/json", "X-Plein-Queued": "1"}
        started = time.time()
        record = {"t": started, "key": data["idempotency_key"]}
        try:
            with self.client.post(
                "/registreren/", data=data, headers=headers, name="register", catch_response=True
            ) as r:
                record["ms"] = (time.time() - started) * 1000
                record["status"] = r.status_code
                record["server"] = r.headers.get("X-Plein-Server", "")
                body = {}
                try:
                    body = r.json() if r.content else {}
                except ValueError:
                    pass
                if r.status_code in (200, 201) and body.get("ok") and body.get("visit"):
                    record["visit"] = body["visit"]
                    record["created"] = body.get("created")
                    r.success()
                else:
                    reason = f"{r.status_code}" if r.status_code else f"no answer: {r.error!r}"[:200]
                    if r.status_code and r.text:
                        reason += f" {r.text[:80]!r}"
                    record["failure"] = reason
                    r.failure(reason)
                    self.pending.append(data)
        except Exception as error:  # the connection itself broke
            record["ms"] = (time.time() - started) * 1000
            record["status"] = 0
            record["failure"] = f"no answer: {error!r}"[:200]
            self.pending.append(data)
        LOG.write(json.dumps(record) + "\n")

    tasks = [register_visit]

    def on_stop(self):
        for data in self.pending:  # not acknowledged when the load stopped (the desk would send it later)
            LOG.write(json.dumps({"t": time.time(), "key": data["idempotency_key"], "pending": True}) + "\n")
