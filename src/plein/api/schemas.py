"""What goes in and out of the API. The input models refuse every field they do not name
(`extra="forbid"`): the API is anonymous by design, so there is no field for a name, BSN,
birth date, address, phone number, e-mail address or free-text notes, and a client that sends
one gets a 422 and nothing is stored.

Descriptions stay English in openapi.json; they are marked with gettext_noop so the docs page
(`plein.api.docs`) shows them in Dutch."""

import datetime
import uuid

from django.utils.translation import gettext_noop
from ninja import Schema
from pydantic import ConfigDict, Field


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


# Days the API takes: from 1 January 2000 (the pattern says so to a client's tools: a year
# 2000–2999); the figures also refuse a day more than a year after today, and a period longer
# than ten years (422, on a field the client sent).
DAY_PATTERN = r"^2[0-9]{3}-[0-9]{2}-[0-9]{2}$"
DAY_LIMITS = {"pattern": DAY_PATTERN, "x-earliest": "2000-01-01"}


# A category's code is a slug (registration.Category.code): letters, digits, - and _ (empty: none).
CODE = {"pattern": r"^[-a-zA-Z0-9_]*$", "max_length": 50}


class QuestionIn(Strict):
    # One question of the visitor.

    domain: str = Field(
        description=gettext_noop("Code of a category of the kind `domein`."), **CODE, examples=["digitale-overheid"]
    )
    topic: str = Field(
        description=gettext_noop("Code of a category of the kind `onderwerp`."), **CODE, examples=["digid"]
    )
    organisation: str | None = Field(
        None,
        description=gettext_noop("Code of a category of the kind `organisatie`, if any."),
        **CODE,
        examples=["belastingdienst"],
    )
    help: str = Field(
        description=gettext_noop("Code of a category of the kind `hulp`."), **CODE, examples=["praktische-hulp"]
    )
    digid_follow_up: str | None = Field(
        None, description=gettext_noop("Code of a category of the kind `digid`, if any."), **CODE, examples=[None]
    )
    referral: str | None = Field(
        None,
        description=gettext_noop("Code of a category of the kind `doorverwijzing`, if any."),
        **CODE,
        examples=[None],
    )
    offer: uuid.UUID | None = Field(
        None,
        description=gettext_noop(
            "Id of a published offer of the key's library the visitor was referred to, if any "
            "(the id of the offer in the open data)."
        ),
        examples=[None],
    )


class VisitIn(Strict):
    # One visit to the IDO with its questions, and nothing about the visitor.

    location: uuid.UUID = Field(description=gettext_noop("Id of an IDO branch of the key's library."))
    day: datetime.date | None = Field(
        None,
        description=gettext_noop("Date of the visit, from 2000-01-01, not in the future. Empty: today."),
        json_schema_extra=DAY_LIMITS,
    )
    channel: str = Field(
        description=gettext_noop("Code of a category of the kind `kanaal`."), **CODE, examples=["inloop"]
    )
    duration: str = Field(
        description=gettext_noop("Code of a category of the kind `duur`."), **CODE, examples=["10-30"]
    )
    questions: list[QuestionIn] = Field(
        min_length=1, max_length=20, description=gettext_noop("One to twenty questions.")
    )
    idempotency_key: str = Field(
        min_length=1,
        max_length=64,
        description=gettext_noop(
            "Chosen by the client, unique per visit. The same key again stores nothing new and "
            "answers with the visit stored the first time."
        ),
        examples=["a3f1c2d4-0b6e-4c55-9d1e-2f7a8b9c0d11"],
    )


class FiguresQuery(Schema):
    scope: str | None = Field(None, description=gettext_noop("`bibliotheek-<id>` (the default) or `vestiging-<id>`."))
    start: datetime.date | None = Field(
        None,
        alias="from",
        description=gettext_noop(
            "First day, from 2000-01-01 up to a year after today. Empty: the 1st of the month of `to`."
        ),
        json_schema_extra=DAY_LIMITS,
    )
    end: datetime.date | None = Field(
        None,
        alias="to",
        description=gettext_noop(
            "Last day, included, from 2000-01-01 up to a year after today and at most ten years after "
            "`from`. Empty: today."
        ),
        json_schema_extra=DAY_LIMITS,
    )


class VisitOut(Schema):
    # The stored visit.

    visit: uuid.UUID = Field(description=gettext_noop("Id of the visit in Plein."))
    created: bool = Field(description=gettext_noop("False when this idempotency key was stored before."))
    questions: int = Field(description=gettext_noop("Number of questions stored with the visit."))


class CategoryOut(Schema):
    # One answer option.

    code: str = Field(description=gettext_noop("Stable code: what a visit sends."))
    label: str = Field(description=gettext_noop("Name on the registration form."))
    national_code: str = Field(description=gettext_noop("Value in the national registration's export."))
    active: bool = Field(description=gettext_noop("False: retired, no longer accepted for new visits."))


class KindOut(Schema):
    # The answer options of one question of the registration form.

    kind: str = Field(description=gettext_noop("Kind of category, for example `kanaal`."))
    label: str = Field(description=gettext_noop("Name of the kind."))
    field: str = Field(description=gettext_noop("Field of a visit or question that takes these codes."))
    categories: list[CategoryOut]


class CategoriesOut(Schema):
    # Every category, per kind.

    kinds: list[KindOut]


class ScopeOut(Schema):
    # What the figures are of.

    key: str = Field(description=gettext_noop("`bibliotheek-<id>` or `vestiging-<id>`."))
    label: str = Field(description=gettext_noop("Name of the library or branch."))


class PeriodOut(Schema):
    # A period of days.

    start: datetime.date = Field(description=gettext_noop("First day."))
    end: datetime.date = Field(description=gettext_noop("Last day, included."))


class TotalOut(Schema):
    # A total, now and before.

    count: int = Field(description=gettext_noop("In the period."))
    previous: int = Field(description=gettext_noop("In the same period a year earlier (previous_period)."))


class RowOut(Schema):
    # The count of one category.

    code: str = Field(description=gettext_noop("Code of the category."))
    label: str = Field(description=gettext_noop("Name of the category."))
    count: int = Field(description=gettext_noop("In the period."))
    previous: int = Field(description=gettext_noop("In the same period a year earlier (previous_period)."))


class BreakdownOut(Schema):
    # The counts of one kind of category; only categories with a count now or before.

    kind: str = Field(description=gettext_noop("Kind of category, for example `onderwerp`."))
    label: str = Field(description=gettext_noop("Name of the kind."))
    counts: str = Field(
        description=gettext_noop("What is counted: `vragen_per` (questions) or `bezoeken_per` (visits).")
    )
    total: int = Field(description=gettext_noop("All questions or visits in the period."))
    rows: list[RowOut]


class BucketOut(Schema):
    # One step of the series.

    start: datetime.date = Field(description=gettext_noop("First day."))
    end: datetime.date = Field(description=gettext_noop("Last day, included."))
    visits: int = Field(description=gettext_noop("Visits."))
    questions: int = Field(description=gettext_noop("Questions."))


class FiguresOut(Schema):
    # The figures of one scope and period.

    scope: ScopeOut
    scopes: list[ScopeOut] = Field(description=gettext_noop("Every scope this key may ask for."))
    period: PeriodOut
    previous_period: PeriodOut
    visits: TotalOut
    questions: TotalOut
    breakdowns: list[BreakdownOut]
    unit: str = Field(description=gettext_noop("Length of one step of the series: `day`, `week` or `month`."))
    series: list[BucketOut]


class ErrorOut(Schema):
    # Every error has this shape.

    detail: str = Field(description=gettext_noop("What went wrong, in one sentence (Dutch by default)."))
    errors: dict[str, list[str]] = Field(
        description=gettext_noop("Messages per field, by its path in the request, such as `questions.0.topic`.")
    )
