from django.urls import path

from . import views

app_name = "registration"

urlpatterns = [
    path("cijfers/", views.FiguresView.as_view(), name="figures"),
    path("cijfers/export/", views.ExportView.as_view(), name="export"),
    path("cijfers/<str:scope>/", views.FiguresView.as_view(), name="figures_scope"),
    path("registreren/", views.DeskView.as_view(), name="desk"),
    path("registreren/vestiging/", views.BranchView.as_view(), name="desk_branch"),
    path("registreren/importeren/", views.ImportView.as_view(), name="import"),
    path("registreren/importeren/<uuid:job>/", views.ImportJobView.as_view(), name="import_job"),
    path("registreren/importeren/<uuid:job>/status/", views.ImportStatusView.as_view(), name="import_status"),
    path("registreren/importeren/<uuid:job>/fouten.csv", views.ImportErrorsView.as_view(), name="import_errors"),
    path("registreren/<uuid:visit>/ongedaan-maken/", views.UndoView.as_view(), name="desk_undo"),
]
