from django.urls import path

from . import views

app_name = "guide"

urlpatterns = [
    path("ontwikkelplein/", views.GuideIndexView.as_view(), name="index"),
    path("ontwikkelplein/overzicht/", views.OverviewView.as_view(), name="overview"),
    path("ontwikkelplein/handreiking/", views.ManageView.as_view(), name="manage"),
    path("ontwikkelplein/handreiking/concept/", views.DraftCreateView.as_view(), name="draft_create"),
    path("ontwikkelplein/handreiking/<uuid:uuid>/publiceren/", views.VersionPublishView.as_view(), name="publish"),
    path("ontwikkelplein/handreiking/<uuid:uuid>/stap/<slug:key>/", views.StepEditView.as_view(), name="step_edit"),
    path("ontwikkelplein/bibliotheek/<uuid:uuid>/", views.LibraryView.as_view(), name="library"),
    path("ontwikkelplein/bibliotheek/<uuid:uuid>/starten/", views.TrajectoryCreateView.as_view(), name="start"),
    path("ontwikkelplein/route/<uuid:uuid>/", views.TrajectoryView.as_view(), name="trajectory"),
    path("ontwikkelplein/route/<uuid:uuid>/stap/<slug:key>/", views.StepView.as_view(), name="step"),
    path(
        "ontwikkelplein/route/<uuid:uuid>/stap/<slug:key>/opslaan/",
        views.StepAutosaveView.as_view(),
        name="autosave",
    ),
    path(
        "ontwikkelplein/route/<uuid:uuid>/stap/<slug:key>/actie/",
        views.AnswerActionView.as_view(),
        name="answer_action",
    ),
    path("ontwikkelplein/route/<uuid:uuid>/partners/nieuw/", views.PartnerCreateView.as_view(), name="partner_create"),
    path("ontwikkelplein/partner/<uuid:uuid>/bewerken/", views.PartnerUpdateView.as_view(), name="partner_update"),
    path("ontwikkelplein/partner/<uuid:uuid>/verwijderen/", views.PartnerDeleteView.as_view(), name="partner_delete"),
    path("ontwikkelplein/route/<uuid:uuid>/projectplan.docx", views.PlanDocumentView.as_view(), name="plan_docx"),
    path(
        "ontwikkelplein/route/<uuid:uuid>/projectplan.pdf",
        views.PlanDocumentView.as_view(kind="pdf"),
        name="plan_pdf",
    ),
]
