from django.urls import path

from . import views

app_name = "borging"

urlpatterns = [
    path("borging/", views.IndexView.as_view(), name="index"),
    path("borging/vestiging/<uuid:uuid>/", views.ProfileView.as_view(), name="profile"),
    path("borging/vestiging/<uuid:uuid>/bewerken/", views.ProfileEditView.as_view(), name="profile_edit"),
    path("borging/overzicht/", views.OverviewCurrentView.as_view(), name="overview_current"),
    path("borging/overzicht/<int:year>/", views.OverviewView.as_view(), name="overview"),
    path("borging/overzicht/<int:year>/<slug:criterion>/agenda/", views.AgendaAddView.as_view(), name="agenda_add"),
    path("borging/scan/<uuid:uuid>/<int:year>/", views.ScanView.as_view(), name="scan"),
    path(
        "borging/scan/<uuid:uuid>/<int:year>/<slug:criterion>/",
        views.AssessmentEditView.as_view(),
        name="assessment_edit",
    ),
    path(
        "borging/scan/<uuid:uuid>/<int:year>/<slug:criterion>/bevestigen/",
        views.ProposalConfirmView.as_view(),
        name="proposal_confirm",
    ),
    path(
        "borging/scan/<uuid:uuid>/<int:year>/<slug:criterion>/actie/",
        views.AssessmentActionView.as_view(),
        name="assessment_action",
    ),
    path(
        "borging/scan/<uuid:uuid>/<int:year>/<slug:criterion>/bewijs/",
        views.EvidenceFileView.as_view(),
        name="evidence",
    ),
]
