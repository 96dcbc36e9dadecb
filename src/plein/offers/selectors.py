"""Reads of the offer. Outside the library only published offers exist: every public page, the
open data, the feeds and the desk's referral list start from `published_offers()`."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet

from plein.organisations.models import Location, Municipality, Organisation

from .choices import Access, OfferStatus, Schedule, Theme
from .models import Offer, OfferHours, OfferTheme, Session


def published_offers() -> QuerySet[Offer]:
    """Every published offer, whoever asks (the Purpose.PUBLISHED of plein.access). Only at a
    branch of its own library: data written around the services (a branch moved in the admin)
    never shows one library's offer under another library's branch."""
    return Offer.objects.filter(status=OfferStatus.PUBLISHED, location__organisation_id=F("library_id"))


def with_schedule(qs: QuerySet[Offer]) -> QuerySet[Offer]:
    """What a list of offers shows (library, branch and its municipality, themes, hours, closed
    periods and sessions) in a fixed number of queries, whatever the number of offers."""
    return qs.select_related("library", "location", "location__municipality").prefetch_related(
        "themes", "hours", "closures", "sessions"
    )


def published_ids(kind: str) -> QuerySet:
    """For plein.access: the libraries, branches or municipalities with a published offer, as a
    one-column subquery."""
    published = published_offers()
    if kind == "library":
        return Organisation.objects.filter(pk__in=published.values("library_id")).values("pk")
    if kind == "location":
        return Location.objects.filter(pk__in=published.values("location_id")).values("pk")
    if kind == "municipality":
        return Municipality.objects.filter(pk__in=published.values("location__municipality_id")).values("pk")
    raise ValueError(kind)


@dataclass(frozen=True)
class OfferFilters:
    """What a resident (or an API client) narrows the published offer down with. Empty values
    filter nothing. `weekday` is 0 (Monday) to 6; `place` is a place name of a branch."""

    q: str = ""
    themes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    weekday: int | None = None
    walk_in: bool | None = None
    place: str = ""
    library_id: int | None = None
    location_id: int | None = None
    municipality_id: int | None = None


def find_offers(filters: OfferFilters, *, qs: QuerySet[Offer] | None = None) -> QuerySet[Offer]:
    """Published offers matching `filters`, best match first when searching, else by title.
    Subqueries, never joins that multiply rows, so a count and a page stay exact."""
    qs = published_offers() if qs is None else qs
    if filters.library_id is not None:
        qs = qs.filter(library_id=filters.library_id)
    if filters.location_id is not None:
        qs = qs.filter(location_id=filters.location_id)
    if filters.municipality_id is not None:
        qs = qs.filter(location__municipality_id=filters.municipality_id)
    if filters.themes:
        qs = qs.filter(pk__in=OfferTheme.objects.filter(theme__in=filters.themes).values("offer_id"))
    if filters.kinds:
        qs = qs.filter(kind__in=filters.kinds)
    if filters.needs:
        qs = qs.filter(need__in=filters.needs)
    if filters.walk_in is not None:
        qs = qs.filter(access=Access.WALK_IN) if filters.walk_in else qs.exclude(access=Access.WALK_IN)
    if filters.place:
        qs = qs.filter(location__city__iexact=filters.place)
    if filters.weekday is not None:
        # Django's week_day: 1 is Sunday ... 7 is Saturday; ours: 0 is Monday.
        django_week_day = (filters.weekday + 1) % 7 + 1
        weekly = Q(
            schedule=Schedule.WEEKLY, pk__in=OfferHours.objects.filter(weekday=filters.weekday).values("offer_id")
        )
        # Correlated (EXISTS per candidate offer), so only the sessions of the offers in scope
        # get their weekday computed (a function per row on SQLite), not every session.
        dated = Q(schedule=Schedule.SESSIONS) & Q(
            Exists(
                Session.objects.filter(offer_id=OuterRef("pk"), cancelled=False, starts_at__week_day=django_week_day)
            )
        )
        qs = qs.filter(weekly | dated)
    if filters.q.strip():
        return search(qs, filters.q)
    return qs.order_by("title", "pk")


def search(qs: QuerySet[Offer], text: str) -> QuerySet[Offer]:
    """Full-text search on `search_text`: PostgreSQL's Dutch text search (stemming: "formulieren"
    finds "formulier"), ranked; on SQLite every word must occur in the text (a working fallback)."""
    text = " ".join(text.split())[:200]
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        query = SearchQuery(text, config="dutch", search_type="plain")
        return (
            qs.annotate(document=dutch_vector())
            .filter(document=query)
            .annotate(rank=SearchRank(dutch_vector(), query))
            .order_by("-rank", "title", "pk")
        )
    for word in text.lower().split():
        qs = qs.filter(search_text__contains=word)
    return qs.order_by("title", "pk")


def dutch_vector():
    """`to_tsvector('dutch', search_text)`, written exactly as the GIN index of migration 0002
    (PostgreSQL only), so the planner can use it. Django's SearchVector would add a COALESCE
    and a cast that the index does not have."""
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models import F, Func

    return Func(
        F("search_text"), template="to_tsvector('dutch'::regconfig, %(expressions)s)", output_field=SearchVectorField()
    )


def search_text_for(offer, theme_codes=()) -> str:
    """The text `search` reads: everything a resident might type, lower case."""
    themes = [str(Theme(code).label) for code in theme_codes if code in Theme.values]
    parts = [
        offer.title,
        offer.summary,
        offer.covered,
        offer.target_group,
        offer.get_kind_display(),
        offer.get_need_display(),
        offer.provider_name,
        offer.languages,
        *themes,
    ]
    if offer.location_id:
        parts += [offer.location.name, offer.location.city]
    return " ".join(p for p in parts if p).lower()
