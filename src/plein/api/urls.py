from django.urls import include, path

from . import views
from .endpoints import api

app_name = "api"

urlpatterns = [
    path("api-sleutels/", views.TokenListView.as_view(), name="tokens"),
    path("api-sleutels/nieuw/", views.TokenCreateView.as_view(), name="token_create"),
    path("api-sleutels/<uuid:uuid>/intrekken/", views.TokenRevokeView.as_view(), name="token_revoke"),
    # The API itself (django-ninja) in the same "api" namespace, so its own reverse() of
    # "api:openapi-json" works and the permission matrix lists its URLs too.
    path("api/", include(api.urls[0])),
]
