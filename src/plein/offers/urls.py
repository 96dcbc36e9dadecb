"""The offer's addresses: what the library manages (/beheer/aanbod/...), the public pages for
residents (/aanbod/...) and the open data (feeds, the embeddable listing; the JSON API is in
`api.py`). Each part keeps its own list, so they can grow apart."""

from .urls_manage import urlpatterns as manage_patterns
from .urls_open import urlpatterns as open_patterns
from .urls_public import urlpatterns as public_patterns

app_name = "offers"

# The open data before the public pages: /aanbod/<library>/<offer>/ would otherwise catch them.
urlpatterns = manage_patterns + open_patterns + public_patterns
