"""Managing the offer: under /ons-aanbod/ (the library's own pages, behind a login)."""

from django.urls import path

from . import views

urlpatterns = [
    path("ons-aanbod/", views.IndexView.as_view(), name="manage_list"),
    path("ons-aanbod/bibliotheek/<uuid:uuid>/", views.LibraryView.as_view(), name="manage_library"),
    path("ons-aanbod/bibliotheek/<uuid:uuid>/nieuw/", views.CreateView.as_view(), name="manage_create"),
    path("ons-aanbod/uit-portfolio/<uuid:uuid>/", views.FromProgrammeView.as_view(), name="manage_from_programme"),
    path("ons-aanbod/uit-ido-profiel/<uuid:uuid>/", views.FromIdoProfileView.as_view(), name="manage_from_ido"),
    path("ons-aanbod/bijeenkomst/<uuid:uuid>/", views.SessionEditView.as_view(), name="manage_session_edit"),
    path(
        "ons-aanbod/bijeenkomst/<uuid:uuid>/afzeggen/",
        views.SessionCancelView.as_view(),
        name="manage_session_cancel",
    ),
    path(
        "ons-aanbod/bijeenkomst/<uuid:uuid>/verwijderen/",
        views.SessionDeleteView.as_view(),
        name="manage_session_delete",
    ),
    path("ons-aanbod/<uuid:uuid>/", views.DetailView.as_view(), name="manage_detail"),
    path("ons-aanbod/<uuid:uuid>/bewerken/", views.EditView.as_view(), name="manage_edit"),
    path("ons-aanbod/<uuid:uuid>/publiceren/", views.PublishView.as_view(), name="manage_publish"),
    path("ons-aanbod/<uuid:uuid>/terugtrekken/", views.UnpublishView.as_view(), name="manage_unpublish"),
    path("ons-aanbod/<uuid:uuid>/gecontroleerd/", views.ReviewedView.as_view(), name="manage_reviewed"),
    path("ons-aanbod/<uuid:uuid>/verwijderen/", views.DeleteView.as_view(), name="manage_delete"),
    path("ons-aanbod/<uuid:uuid>/tijden/", views.HoursView.as_view(), name="manage_hours"),
    path("ons-aanbod/<uuid:uuid>/bijeenkomsten/nieuw/", views.SessionAddView.as_view(), name="manage_session_add"),
]
