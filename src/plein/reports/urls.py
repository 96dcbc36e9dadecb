from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("rapportages/", views.ListView.as_view(), name="list"),
    path("rapportages/nieuw/", views.CreateView.as_view(), name="create"),
    path("rapportages/<uuid:uuid>/", views.DetailView.as_view(), name="detail"),
    path("rapportages/<uuid:uuid>/bewerken/", views.EditView.as_view(), name="edit"),
    path("rapportages/<uuid:uuid>/voorbeeld/", views.PreviewView.as_view(), name="preview"),
    path("rapportages/<uuid:uuid>/publiceren/", views.PublishView.as_view(), name="publish"),
    path("rapportages/<uuid:uuid>/versie/<int:number>/", views.VersionView.as_view(), name="version"),
    path("rapportages/<uuid:uuid>/versie/<int:number>/pdf/", views.VersionPdfView.as_view(), name="version_pdf"),
    path("rapportages/<uuid:uuid>/versie/<int:number>/csv/", views.VersionCsvView.as_view(), name="version_csv"),
    path("rapportages/<uuid:uuid>/versie/<int:number>/delen/", views.ShareCreateView.as_view(), name="share_create"),
    path("rapportages/deellink/<uuid:uuid>/intrekken/", views.ShareRevokeView.as_view(), name="share_revoke"),
    path("gedeeld/rapport/<str:token>/", views.shared, name="shared"),
    path("gedeeld/rapport/<str:token>/pdf/", views.shared_pdf, name="shared_pdf"),
]
