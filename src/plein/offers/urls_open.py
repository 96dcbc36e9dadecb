"""The open data of the offer: calendar feeds per library, branch and theme, the embeddable
listing, and the JSON API (a NinjaAPI of its own at /api/aanbod/v1/, `api.py`)."""

from django.urls import include, path

from . import open_views
from .api import api

urlpatterns = [
    path("aanbod/<slug:library_slug>/agenda.ics", open_views.feed_library, name="feed_library"),
    path(
        "aanbod/<slug:library_slug>/vestiging/<uuid:location_uuid>/agenda.ics",
        open_views.feed_location,
        name="feed_location",
    ),
    path("aanbod/<slug:library_slug>/thema/<slug:theme>/agenda.ics", open_views.feed_theme, name="feed_theme"),
    path("aanbod/<slug:library_slug>/inbedden/", open_views.embed, name="embed"),
    path("aanbod/<slug:library_slug>/inbedden/stijl.css", open_views.embed_style, name="embed_style"),
    # The API's own names (api_offers, openapi-json, ...) in the "offers" namespace.
    path("api/aanbod/v1/", include(api.urls[0])),
]
