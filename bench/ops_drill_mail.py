"""The mail server of bench/ops_drill.py: EMAIL_BACKEND = "ops_drill_mail.DrillMailBackend".

Each message delivered is one JSON line (recipient, subject, process) appended to the file
PLEIN_DRILL_MAIL, after PLEIN_DRILL_MAIL_DELAY seconds (default 0.01: an SMTP relay on the same
network), so a reminder run takes long enough to kill the worker in the middle of it. A line is
written in one append (shorter than PIPE_BUF), so processes writing at once never mix lines.
"""

import json
import os
import time

from django.core.mail.backends.base import BaseEmailBackend


class DrillMailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        delay = float(os.environ.get("PLEIN_DRILL_MAIL_DELAY", "0.01"))
        sent = 0
        with open(os.environ["PLEIN_DRILL_MAIL"], "a") as mailbox:
            for message in email_messages:
                time.sleep(delay)
                for recipient in message.recipients():
                    line = {"to": recipient, "subject": message.subject, "pid": os.getpid(), "t": time.time()}
                    mailbox.write(json.dumps(line) + "\n")
                    mailbox.flush()
                sent += 1
        return sent
