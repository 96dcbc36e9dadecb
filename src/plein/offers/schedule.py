"""When an offer takes place: its weekly hours (without the closed periods) or its dated
sessions (without the cancelled ones), as occurrences between two dates. Reads only what
`selectors.with_schedule` prefetched, so a list of offers costs no query per offer."""

import datetime
import zoneinfo
from dataclasses import dataclass

from .choices import Schedule

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class Occurrence:
    offer: object
    starts_at: datetime.datetime  # aware, Europe/Amsterdam
    ends_at: datetime.datetime
    session: object = None  # the Session, for an offer with dated sessions

    @property
    def uid(self) -> str:
        """Stable per occurrence, for calendars: the session's id, or the offer's id and day."""
        if self.session is not None:
            return f"{self.session.uuid}@plein"
        return f"{self.offer.uuid}-{self.starts_at:%Y%m%dT%H%M}@plein"


def occurrences(offer, start: datetime.date, end: datetime.date) -> list[Occurrence]:
    """The occurrences of `offer` from `start` up to and including `end`, in time order."""
    found = []
    if offer.schedule == Schedule.SESSIONS:
        for session in offer.sessions.all():
            day = session.starts_at.astimezone(AMSTERDAM).date()
            if not session.cancelled and start <= day <= end:
                found.append(
                    Occurrence(
                        offer, session.starts_at.astimezone(AMSTERDAM), session.ends_at.astimezone(AMSTERDAM), session
                    )
                )
    else:
        hours = list(offer.hours.all())
        closures = list(offer.closures.all())
        day = start
        while day <= end:
            if not any(closure.covers(day) for closure in closures):
                for block in hours:
                    if block.weekday == day.weekday():
                        found.append(
                            Occurrence(
                                offer,
                                datetime.datetime.combine(day, block.opens, tzinfo=AMSTERDAM),
                                datetime.datetime.combine(day, block.closes, tzinfo=AMSTERDAM),
                            )
                        )
            day += datetime.timedelta(days=1)
    return sorted(found, key=lambda o: o.starts_at)


def next_occurrence(offer, now: datetime.datetime, *, within_days: int = 366) -> Occurrence | None:
    """The first occurrence that has not ended yet, or None. Looks two weeks ahead first (where
    it nearly always is: a list page asks it for every offer), then further."""
    today = now.astimezone(AMSTERDAM).date()
    start = today
    for span in (14, within_days):
        end = today + datetime.timedelta(days=min(span, within_days))
        for occurrence in occurrences(offer, start, end):
            if occurrence.ends_at > now:
                return occurrence
        start = end + datetime.timedelta(days=1)
    return None


def closed_now(offer, day: datetime.date):
    """The closed period that covers `day` (to say "closed until ... : Christmas"), or None."""
    return next((closure for closure in offer.closures.all() if closure.covers(day)), None)
