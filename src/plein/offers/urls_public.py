"""The public pages for residents (no login): /aanbod/... (views in `public_views.py`)."""

from django.urls import path, re_path

from . import public_views as views

urlpatterns = [
    path("aanbod/", views.index, name="index"),
    path("aanbod/over-het-aanbod/", views.about, name="about"),
    path("aanbod/gemeente/<slug:municipality_slug>/", views.municipality, name="municipality"),
    path("aanbod/<slug:library_slug>/", views.library, name="library"),
    path("aanbod/<slug:library_slug>/hulp/<slug:need>/", views.need, name="need"),
    path("aanbod/<slug:library_slug>/overzicht/", views.offer_list, name="list"),
    path("aanbod/<slug:library_slug>/deze-week/", views.week, name="week"),
    path("aanbod/<slug:library_slug>/<slug:offer_slug>/", views.offer_detail, name="offer"),
    path("aanbod/<slug:library_slug>/<slug:offer_slug>/afdrukken/", views.offer_print, name="offer_print"),
    re_path(
        r"^aanbod/(?P<library_slug>[-\w]+)/(?P<offer_slug>[-\w]+)/in-mijn-agenda/(?P<when>\d{8}T\d{4})\.ics$",
        views.occurrence_ics,
        name="occurrence_ics",
    ),
]
