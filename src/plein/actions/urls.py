from django.urls import path

from . import views

app_name = "actions"

urlpatterns = [
    path("acties/", views.ActionIndexView.as_view(), name="index"),
    path("acties/overzicht/", views.OverviewView.as_view(), name="overview"),
    path("acties/bibliotheek/<uuid:uuid>/", views.PlanView.as_view(), name="plan"),
    path("acties/bibliotheek/<uuid:uuid>/nieuw/", views.ActionCreateView.as_view(), name="create"),
    path("acties/<uuid:uuid>/bewerken/", views.ActionUpdateView.as_view(), name="update"),
    path("acties/<uuid:uuid>/verwijderen/", views.ActionDeleteView.as_view(), name="delete"),
    path("acties/<uuid:uuid>/status/", views.ActionTransitionView.as_view(), name="transition"),
]
