"""A URL configuration for the open data tests while the public pages (wt-public's
`urls_public.py`) are not there yet: it adds stand-ins for `offers:library` and `offers:offer`,
which the feeds, the API and the listing link to. `open_support.public_urls` switches to it
only when those names do not resolve."""

from django.http import HttpResponse
from django.urls import include, path

from plein import urls as root
from plein.offers.urls_open import urlpatterns as open_patterns


def _stand_in(request, **kwargs):
    return HttpResponse("stand-in")


stand_ins = [
    path("aanbod/<slug:library_slug>/", _stand_in, name="library"),
    path("aanbod/<slug:library_slug>/<slug:offer_slug>/", _stand_in, name="offer"),
]
urlpatterns = [path("", include((open_patterns + stand_ins, "offers"))), *root.urlpatterns]

handler400, handler403 = root.handler400, root.handler403
handler404, handler500 = root.handler404, root.handler500
