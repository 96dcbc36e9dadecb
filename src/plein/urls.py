from django.contrib import admin
from django.urls import include, path

from plein.accounts.views import set_language
from plein.common.admin_site import require_administrator
from plein.site.views import error_404

admin.site.site_header = "Plein – technisch beheer"
admin.site.site_title = "Plein"
require_administrator(admin.site)

urlpatterns = [
    path("", include("plein.site.urls")),
    path("", include("plein.accounts.urls")),
    # Changing the login e-mail would bypass the invitation; an administrator does it.
    path("account/email/", error_404, name="account_email"),
    path("account/", include("allauth.urls")),
    path("", include("plein.organisations.urls")),
    path("", include("plein.themegroups.urls")),
    path("", include("plein.actions.urls")),
    path("", include("plein.practicecases.urls")),
    path("", include("plein.resources.urls")),
    path("", include("plein.guide.urls")),
    path("", include("plein.emb.urls")),
    path("", include("plein.registration.urls")),
    path("", include("plein.api.urls")),  # /api-sleutels/ and the API at /api/
    path("", include("plein.borging.urls")),
    path("", include("plein.reports.urls")),
    path("", include("plein.offers.urls")),
    path("taal/", set_language, name="set_language"),
    path("beheer/", admin.site.urls),
]

handler400 = "plein.site.views.error_400"
handler403 = "plein.site.views.error_403"
handler404 = "plein.site.views.error_404"
handler500 = "plein.site.views.error_500"
