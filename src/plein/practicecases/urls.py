from django.urls import path

from . import views

app_name = "practicecases"

urlpatterns = [
    path("themagroepen/<uuid:group_uuid>/casussen/", views.CaseListView.as_view(), name="case_list"),
    path("themagroepen/<uuid:group_uuid>/casussen/nieuw/", views.CaseCreateView.as_view(), name="case_create"),
    path("casussen/<uuid:uuid>/", views.CaseDetailView.as_view(), name="case_detail"),
    path("casussen/<uuid:uuid>/bewerken/", views.CaseUpdateView.as_view(), name="case_update"),
    path("casussen/<uuid:uuid>/reageren/", views.ReplyCreateView.as_view(), name="reply_create"),
    path("account/meldingen/", views.NotificationSettingsView.as_view(), name="notifications"),
]
