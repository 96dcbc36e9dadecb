"""The public pages for residents: per library and per municipality, without logging in.

A resident starts at the library ("Waar wilt u hulp bij?"), picks a need, then a theme, and
gets the list; or searches and filters the list; or looks at what is on today and this week.
Only published offers exist here (`selectors.published_offers`, `plein.access` Purpose.PUBLISHED):
a draft is 404 like an address that does not exist.

These pages set no cookie and read no session: they are rendered without the request's
context processors (no user, no messages, no CSRF token, no menu) in Dutch, so a browser or a
proxy may keep them (`Cache-Control: public`) and ask again with the ETag (304)."""

import datetime
import hashlib
from collections import defaultdict
from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from plein.access.purposes import Purpose
from plein.access.selectors import libraries_visible_to, municipalities_visible_to
from plein.borging.choices import Weekday

from . import ical, schedule, selectors
from .choices import Access, Bring, Facility, Need, OfferKind, Schedule, Theme
from .models import OfferClosure, OfferHours, OfferTheme, Session

MAX_AGE = 300  # seconds a browser or proxy may keep a public page without asking
PAGE_SIZE = 20
WEEK_DAYS = 7

# What each need means, in the resident's words (the library's start page).
NEED_HINTS = {
    Need.INFORMATION: gettext_lazy("You have a question and want to know where you stand."),
    Need.PRACTICAL: gettext_lazy("Someone helps you with a form, an app or a letter."),
    Need.LEARNING: gettext_lazy("You want to learn it yourself, for example in a course."),
}


# --- the frame every public page shares -------------------------------------------------------


def public_page(view):
    """GET and HEAD only, in Dutch, and cacheable: `Cache-Control: public, max-age`, an ETag
    from the page itself, 304 when the browser already has it. A logged-in person's response
    still gets no-store from PrivacyHeadersMiddleware (it wins over `public`)."""

    @require_safe
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            response = view(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["ETag"] = etag
        return get_conditional_response(request, etag=etag, response=response)

    return wrapped


def not_found(request, exception=None):
    """404 for an address under /aanbod/ (an unknown library, a draft, a typo): the public frame,
    in Dutch, rendered without the request, so it sets no cookie either (`site.views.error_404`
    hands these over; the site's own 404 page has forms that need a CSRF cookie)."""
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("offers/public/not_found.html", {"page_title": _("This page does not exist")})
    return HttpResponse(html, status=404)


def _page(template, context, *, content_type="text/html; charset=utf-8"):
    """Render without the request: no context processor may touch the user or the session."""
    return HttpResponse(render_to_string(f"offers/public/{template}", context), content_type=content_type)


def _published_libraries():
    return libraries_visible_to(None, Purpose.PUBLISHED)


def _library(slug):
    return get_object_or_404(_published_libraries(), slug=slug)


def _crumbs(*items):
    return [(str(label), url) for label, url in items]


def _library_crumbs(library, *items):
    return _crumbs((_("Help and learning"), reverse("offers:index")), (library.name, _library_url(library)), *items)


def _library_url(library):
    return reverse("offers:library", args=[library.slug])


# --- the start: choose your library or municipality ---------------------------------------------


@public_page
def index(request):
    # Hundreds of links: the address is put together once, not reversed for every link.
    library_url = reverse("offers:library", args=["-"]).removesuffix("-/")
    municipality_url = reverse("offers:municipality", args=["-"]).removesuffix("-/")
    libraries = [
        (name, f"{library_url}{slug}/")
        for name, slug in _published_libraries().order_by("name").values_list("name", "slug")
    ]
    municipalities = [
        (name, f"{municipality_url}{slug}/")
        for name, slug in municipalities_visible_to(None, Purpose.PUBLISHED)
        .order_by("name")
        .values_list("name", "slug")
    ]
    return _page(
        "index.html",
        {
            "page_title": _("Help and learning in the library"),
            "libraries": libraries,
            "municipalities": municipalities,
        },
    )


@public_page
def about(request):
    """What these pages publish, and what not."""
    return _page(
        "about.html",
        {
            "page_title": _("What we publish"),
            "breadcrumbs": _crumbs((_("Help and learning"), reverse("offers:index")), (_("What we publish"), "")),
        },
    )


# --- the need path: one question per screen -----------------------------------------------------


@public_page
def library(request, library_slug):
    library = _library(library_slug)
    counts = dict(
        selectors.find_offers(selectors.OfferFilters(library_id=library.pk))
        .order_by()
        .values_list("need")
        .annotate(n=Count("pk"))
    )
    needs = [
        {
            "label": label,
            "hint": NEED_HINTS[value],
            "count": counts[value],
            "url": reverse("offers:need", args=[library.slug, value]),
        }
        for value, label in Need.choices
        if counts.get(value)
    ]
    return _page(
        "library.html",
        {
            "page_title": _("Where would you like help with?"),
            "library": library,
            "needs": needs,
            "breadcrumbs": _crumbs((_("Help and learning"), reverse("offers:index")), (library.name, "")),
        },
    )


@public_page
def need(request, library_slug, need):
    library = _library(library_slug)
    if need not in Need.values:
        raise Http404
    offers = selectors.find_offers(selectors.OfferFilters(library_id=library.pk, needs=(need,)))
    counts = dict(
        OfferTheme.objects.filter(offer__in=offers.order_by().values("pk"))
        .order_by()
        .values_list("theme")
        .annotate(n=Count("pk"))
    )
    list_url = reverse("offers:list", args=[library.slug])
    themes = [
        {"label": label, "count": counts[value], "url": f"{list_url}?{urlencode({'hulp': need, 'thema': value})}"}
        for value, label in Theme.choices
        if counts.get(value)
    ]
    need_label = Need(need).label
    return _page(
        "need.html",
        {
            "page_title": _("What is it about?"),
            "library": library,
            "need_label": need_label,
            "themes": themes,
            "all_url": f"{list_url}?{urlencode({'hulp': need})}",
            "breadcrumbs": _library_crumbs(library, (need_label, "")),
        },
    )


# --- the list: filters, search, pages -------------------------------------------------------------


class ListFilterForm(forms.Form):
    """The list's filters, as GET parameters with Dutch names. Wrong values filter nothing."""

    q = forms.CharField(required=False, max_length=200)
    hulp = forms.ChoiceField(required=False, choices=[("", "")] + Need.choices)
    thema = forms.ChoiceField(required=False, choices=[("", "")] + Theme.choices)
    soort = forms.ChoiceField(required=False, choices=[("", "")] + OfferKind.choices)
    dag = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, choices=[("", "")] + Weekday.choices)
    inloop = forms.BooleanField(required=False)
    plaats = forms.CharField(required=False, max_length=100)

    def filters(self, **scope) -> selectors.OfferFilters:
        self.is_valid()
        data = self.cleaned_data  # only the fields that are right: a wrong value filters nothing
        return selectors.OfferFilters(
            q=data.get("q") or "",
            needs=(data["hulp"],) if data.get("hulp") else (),
            themes=(data["thema"],) if data.get("thema") else (),
            kinds=(data["soort"],) if data.get("soort") else (),
            weekday=data.get("dag"),
            walk_in=True if data.get("inloop") else None,
            place=data.get("plaats") or "",
            **scope,
        )


CARD_FIELDS = (
    "uuid", "library__name", "library__slug", "location__name", "location__city", "slug", "title", "summary",
    "access", "free", "cost", "schedule",
)  # fmt: skip


def _cards(qs) -> list:
    """What a card in a list or a line of the week shows, and what `schedule` reads: the hours
    and closed periods of a weekly offer, the sessions of one with dates. Three queries
    whatever the number of offers, like prefetch_related, but filled in directly (the ORM's
    prefetch costs more than the queries on a page of twenty cards)."""
    offers = list(qs.select_related("library", "location").only(*CARD_FIELDS))
    weekly = [o.pk for o in offers if o.schedule == Schedule.WEEKLY]
    dated = [o.pk for o in offers if o.schedule != Schedule.WEEKLY]
    found = {name: defaultdict(list) for name in ("hours", "closures", "sessions")}
    for name, model, ids in (
        ("hours", OfferHours, weekly),
        ("closures", OfferClosure, weekly),
        ("sessions", Session, dated),
    ):
        for row in model.objects.filter(offer_id__in=ids):
            found[name][row.offer_id].append(row)
    for offer in offers:
        # What `offer.hours.all()` returns once prefetched (schedule.py reads these).
        offer._prefetched_objects_cache = {name: found[name][offer.pk] for name in found}
    return offers


def _page_number(request):
    try:
        return max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        return 1


def _listing(request, *, scope, places, base_url, title, breadcrumbs, library=None, municipality=None):
    form = ListFilterForm(request.GET)
    filters = form.filters(**scope)
    offers = selectors.find_offers(filters)
    paginator = Paginator(offers, PAGE_SIZE)
    number = min(_page_number(request), paginator.num_pages)
    page = paginator.page(number)
    page.object_list = _cards(page.object_list)
    kept = [(k, v) for k, v in request.GET.items() if k != "pagina" and v]

    def page_url(n):
        return "?" + urlencode([*kept, ("pagina", n)])

    now = timezone.now()
    offer_url = reverse("offers:offer", args=["-", "-"]).removesuffix("-/-/")
    walk_in, sign_up = _("walk in"), _("sign up first")
    items = [
        {
            "offer": offer,
            "url": f"{offer_url}{offer.library.slug}/{offer.slug}/",
            "where": ", ".join(p for p in [f"{offer.library.name} {offer.location.name}", offer.location.city] if p),
            "how": walk_in if offer.access == Access.WALK_IN else sign_up,
            "next": schedule.next_occurrence(offer, now),
        }
        for offer in page.object_list
    ]
    return _page(
        "list.html",
        {
            "page_title": title,
            "library": library,
            "municipality": municipality,
            "items": items,
            "next_label": _("Next time:"),
            "page": page,
            "count": paginator.count,
            "previous_url": page_url(page.previous_page_number()) if page.has_previous() else "",
            "next_url": page_url(page.next_page_number()) if page.has_next() else "",
            "base_url": base_url,
            "values": {k: request.GET.get(k, "") for k in ListFilterForm.base_fields},
            "filtered": bool(kept),
            "themes": Theme.choices,
            "kinds": OfferKind.choices,
            "days": Weekday.choices,
            "needs": Need.choices,
            "places": places,
            "breadcrumbs": breadcrumbs,
        },
    )


def _places(offers):
    """The places of the branches with a published offer in scope (from the offers: an index
    on status and library, not every published offer)."""
    return sorted(offers.exclude(location__city="").order_by().values_list("location__city", flat=True).distinct())


@public_page
def offer_list(request, library_slug):
    library = _library(library_slug)
    places = _places(selectors.published_offers().filter(library=library))
    return _listing(
        request,
        scope={"library_id": library.pk},
        places=places,
        base_url=reverse("offers:list", args=[library.slug]),
        title=_("All help and courses"),
        breadcrumbs=_library_crumbs(library, (_("All help and courses"), "")),
        library=library,
    )


@public_page
def municipality(request, municipality_slug):
    municipality = get_object_or_404(municipalities_visible_to(None, Purpose.PUBLISHED), slug=municipality_slug)
    places = _places(selectors.published_offers().filter(location__municipality=municipality))
    title = _("Help and learning in %(name)s") % {"name": municipality.name}
    return _listing(
        request,
        scope={"municipality_id": municipality.pk},
        places=places,
        base_url=reverse("offers:municipality", args=[municipality.slug]),
        title=title,
        breadcrumbs=_crumbs((_("Help and learning"), reverse("offers:index")), (municipality.name, "")),
        municipality=municipality,
    )


# --- today and this week ---------------------------------------------------------------------------


@public_page
def week(request, library_slug):
    """What is on one day (today unless `dag` names one of the coming six), with links to the
    other days of the week: one day at a time keeps the page short for a large library."""
    library = _library(library_slug)
    now = timezone.now()
    today = timezone.localdate(now, schedule.AMSTERDAM)
    days = [today + datetime.timedelta(days=i) for i in range(WEEK_DAYS)]
    try:
        chosen = datetime.date.fromisoformat(request.GET.get("dag", ""))
    except ValueError:
        chosen = today
    if chosen not in days:
        chosen = today
    starts = datetime.datetime.combine(chosen, datetime.time(), tzinfo=schedule.AMSTERDAM)
    ends = datetime.datetime.combine(chosen + datetime.timedelta(days=1), datetime.time(), tzinfo=schedule.AMSTERDAM)
    weekly = Q(
        schedule=Schedule.WEEKLY, pk__in=OfferHours.objects.filter(weekday=chosen.weekday()).values("offer_id")
    ) & ~Q(pk__in=OfferClosure.objects.filter(starts_on__lte=chosen, ends_on__gte=chosen).values("offer_id"))
    dated = Q(
        schedule=Schedule.SESSIONS,
        pk__in=Session.objects.filter(cancelled=False, starts_at__gte=starts, starts_at__lt=ends).values("offer_id"),
    )
    offers = _cards(selectors.find_offers(selectors.OfferFilters(library_id=library.pk)).filter(weekly | dated))
    found = [o for offer in offers for o in schedule.occurrences(offer, chosen, chosen) if o.ends_at > now]
    week_url = reverse("offers:week", args=[library.slug])
    offer_base = reverse("offers:library", args=[library.slug])
    walk_in, sign_up = _("walk in"), _("sign up first")
    return _page(
        "week.html",
        {
            "page_title": _("Today and this week"),
            "library": library,
            "chosen": chosen,
            "chosen_is_today": chosen == today,
            "days": [
                {"day": day, "today": day == today, "current": day == chosen, "url": f"{week_url}?dag={day}"}
                for day in days
            ],
            "occurrences": [
                {
                    "o": o,
                    "url": f"{offer_base}{o.offer.slug}/",
                    "how": walk_in if o.offer.access == Access.WALK_IN else sign_up,
                }
                for o in sorted(found, key=lambda o: (o.starts_at, o.offer.title))
            ],
            "breadcrumbs": _library_crumbs(library, (_("Today and this week"), "")),
        },
    )


# --- one offer ---------------------------------------------------------------------------------------


def _offer(library_slug, offer_slug):
    library = _library(library_slug)
    qs = selectors.with_schedule(selectors.published_offers().filter(library=library))
    offer = get_object_or_404(qs.select_related("partner"), slug=offer_slug)
    return library, offer


def _when_key(occurrence) -> str:
    return f"{occurrence.starts_at:%Y%m%dT%H%M}"


def _offer_context(library, offer):
    now = timezone.now()
    today = timezone.localdate(now, schedule.AMSTERDAM)
    coming = [
        o
        for o in schedule.occurrences(offer, today, today + datetime.timedelta(days=366))
        if o.ends_at > now and offer.schedule == Schedule.SESSIONS
    ]
    next_one = schedule.next_occurrence(offer, now)

    def ics_url(occurrence):
        return reverse("offers:occurrence_ics", args=[library.slug, offer.slug, _when_key(occurrence)])

    bring = [str(Bring(code).label) for code in offer.bring if code in Bring.values]
    if offer.bring_other:
        bring.append(offer.bring_other)
    return {
        "page_title": offer.title,
        "meta_description": offer.summary,
        "library": library,
        "offer": offer,
        "location": offer.location,
        "themes": [t.get_theme_display() for t in offer.themes.all()],
        "hours": list(offer.hours.all()),
        "closures": [c for c in offer.closures.all() if c.ends_on >= today],
        "closed_now": schedule.closed_now(offer, today),
        "sessions": [{"occurrence": o, "ics_url": ics_url(o)} for o in coming],
        "next": next_one,
        "next_ics_url": ics_url(next_one) if next_one else "",
        "bring": bring,
        "facilities": [str(Facility(code).label) for code in offer.facilities if code in Facility.values],
        "provider": offer.partner.name if offer.partner_id and not offer.provider_name else offer.provider,
        "is_weekly": offer.schedule == Schedule.WEEKLY,
        "print_url": reverse("offers:offer_print", args=[library.slug, offer.slug]),
        "offer_url": reverse("offers:offer", args=[library.slug, offer.slug]),
        "site_url": settings.PLEIN_SITE_URL.rstrip("/"),
        "breadcrumbs": _library_crumbs(library, (offer.title, "")),
    }


@public_page
def offer_detail(request, library_slug, offer_slug):
    library, offer = _offer(library_slug, offer_slug)
    return _page("offer.html", _offer_context(library, offer))


@public_page
def offer_print(request, library_slug, offer_slug):
    library, offer = _offer(library_slug, offer_slug)
    return _page("offer_print.html", _offer_context(library, offer))


@public_page
def occurrence_ics(request, library_slug, offer_slug, when):
    """One occurrence ("zet in mijn agenda") as an .ics file: a session, or one weekly hour."""
    library, offer = _offer(library_slug, offer_slug)
    try:
        starts = datetime.datetime.strptime(when, "%Y%m%dT%H%M").replace(tzinfo=schedule.AMSTERDAM)
    except ValueError as exc:
        raise Http404 from exc
    found = [o for o in schedule.occurrences(offer, starts.date(), starts.date()) if o.starts_at == starts]
    if not found:
        raise Http404
    body = ical.build_calendar(found[:1], name=offer.title, site_url=settings.PLEIN_SITE_URL)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{offer.slug}-{when}.ics"'
    return response
