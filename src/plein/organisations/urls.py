from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("organisaties/", views.OrganisationListView.as_view(), name="list"),
    path("organisaties/nieuw/", views.OrganisationCreateView.as_view(), name="create"),
    path("organisaties/gemeenten/", views.MunicipalityListView.as_view(), name="municipalities"),
    path("organisaties/<uuid:uuid>/", views.OrganisationDetailView.as_view(), name="detail"),
    path("organisaties/<uuid:uuid>/bewerken/", views.OrganisationUpdateView.as_view(), name="update"),
    path("organisaties/<uuid:uuid>/geschiedenis/", views.OrganisationHistoryView.as_view(), name="history"),
    path("organisaties/<uuid:uuid>/vestigingen/nieuw/", views.LocationCreateView.as_view(), name="location_create"),
    path(
        "organisaties/<uuid:uuid>/vestigingen/<uuid:location_uuid>/bewerken/",
        views.LocationUpdateView.as_view(),
        name="location_update",
    ),
    path(
        "organisaties/<uuid:uuid>/vestigingen/<uuid:location_uuid>/verwijderen/",
        views.LocationDeleteView.as_view(),
        name="location_delete",
    ),
    path("mijn-organisatie/", views.MyOrganisationView.as_view(), name="mine"),
]
