"""Locust load for bench/registration.py: IDO desks registering visits on the running server.

Each simulated desk is a logged-in desk worker at their own IDO branch (a session made by the
benchmark) and posts visits to /registreren/ exactly as the desk page's script does: one
request with the visit and its questions, an idempotency key, `Accept: application/json`.
Between two visits a desk waits 0.5-1.5 s — a real desk registers a visit every few minutes,
so this is many times the busiest real load. Not run by the tests; bench/registration.py
starts it.
"""

import itertools
import json
import os
import random
import time
import uuid

from locust import HttpUser, between, task

DESKS = json.loads(open(os.environ["PLEIN_BENCH_DESKS"]).read())  # noqa: SIM115
_next_desk = itertools.count()


class Desk(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        desk = DESKS["desks"][next(_next_desk) % len(DESKS["desks"])]
        self.client.cookies.set("sessionid", desk["session"])
        self.client.cookies.set("csrftoken", desk["csrf"])
        self.csrf = desk["csrf"]
        self.options = DESKS["options"]
        self.rng = random.Random(desk["session"])
        # Desks do not all press "save" in the same millisecond when the test starts: each
        # starts somewhere in its first pause (gevent makes this sleep cooperative).
        time.sleep(self.rng.uniform(0, 1.5))

    def _question(self, number):
        pick = self.rng.choice
        fields = {
            f"vraag-{number}-domain": pick(self.options["domein"]),
            f"vraag-{number}-topic": pick(self.options["onderwerp"]),
            f"vraag-{number}-help": pick(self.options["hulp"]),
            f"vraag-{number}-organisation": pick(self.options["organisatie"] + [""]),
            f"vraag-{number}-digid_follow_up": "",
            f"vraag-{number}-referral": pick(self.options["doorverwijzing"]) if self.rng.random() < 0.15 else "",
        }
        return fields

    @task
    def register_visit(self):
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
        headers = {"X-CSRFToken": self.csrf, "Accept": "application/json", "X-Plein-Queued": "1"}
        with self.client.post("/registreren/", data=data, headers=headers, name="register", catch_response=True) as r:
            if r.status_code != 201:
                r.failure(f"{r.status_code}: {r.text[:200]}")
