from django.urls import path

from . import views

app_name = "resources"

urlpatterns = [
    path("hulpmiddelen/", views.ResourceListView.as_view(), name="list"),
    path("hulpmiddelen/nieuw/", views.ResourceCreateView.as_view(), name="create"),
    path("hulpmiddelen/<uuid:uuid>/", views.ResourceDetailView.as_view(), name="detail"),
    path("hulpmiddelen/<uuid:uuid>/download/", views.ResourceDownloadView.as_view(), name="download"),
    path("hulpmiddelen/<uuid:uuid>/werkblad.pdf", views.WorksheetView.as_view(), name="worksheet"),
    path("hulpmiddelen/<uuid:uuid>/bewerken/", views.ResourceUpdateView.as_view(), name="update"),
    path("hulpmiddelen/<uuid:uuid>/verwijderen/", views.ResourceDeleteView.as_view(), name="delete"),
]
