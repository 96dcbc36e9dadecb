from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from plein.core.admin_site import require_administrator

admin.site.site_header = "Plein – technisch beheer"
admin.site.site_title = "Plein"
require_administrator(admin.site)

urlpatterns = [
    path("", include("plein.core.urls")),
    path("", include("plein.accounts.urls")),
    path("account/", include("allauth.urls")),
    path("", include("plein.organisations.urls")),
    path("", include("plein.themegroups.urls")),
    path("taal/", set_language, name="set_language"),
    path("beheer/", admin.site.urls),
]

handler403 = "plein.core.views.error_403"
handler404 = "plein.core.views.error_404"
handler500 = "plein.core.views.error_500"
