from django.urls import path

from . import views

app_name = "themegroups"

urlpatterns = [
    path("themagroepen/", views.GroupListView.as_view(), name="list"),
    path("themagroepen/jaren/nieuw/", views.ProgrammeYearCreateView.as_view(), name="year_create"),
    path("themagroepen/jaren/<uuid:year_uuid>/groep/nieuw/", views.GroupCreateView.as_view(), name="group_create"),
    path(
        "themagroepen/jaren/<uuid:year_uuid>/aanmeldingen/export/",
        views.EnrollmentExportView.as_view(),
        name="enrollments_export",
    ),
    path("themagroepen/<uuid:uuid>/", views.GroupDetailView.as_view(), name="group_detail"),
    path("themagroepen/<uuid:uuid>/bewerken/", views.GroupUpdateView.as_view(), name="group_update"),
    path("themagroepen/<uuid:uuid>/aanmeldingen/", views.EnrollmentListView.as_view(), name="enrollments"),
    path("themagroepen/<uuid:uuid>/geschiedenis/", views.GroupHistoryView.as_view(), name="group_history"),
    path("themagroepen/<uuid:uuid>/bijeenkomsten/nieuw/", views.MeetingCreateView.as_view(), name="meeting_create"),
    path("themagroepen/<uuid:uuid>/terugblik/", views.RetrospectiveEditView.as_view(), name="retrospective"),
    path("themagroepen/<uuid:uuid>/terugblik.pdf", views.RetrospectivePdfView.as_view(), name="retrospective_pdf"),
    path("aanmeldingen/<uuid:uuid>/<str:action>/", views.EnrollmentActionView.as_view(), name="enrollment_action"),
    path("bijeenkomsten/<uuid:uuid>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("bijeenkomsten/<uuid:uuid>/bewerken/", views.MeetingUpdateView.as_view(), name="meeting_update"),
    path("bijeenkomsten/<uuid:uuid>/annuleren/", views.MeetingDeleteView.as_view(), name="meeting_delete"),
    path("bijeenkomsten/<uuid:uuid>/agenda.ics", views.MeetingIcsView.as_view(), name="meeting_ics"),
    path("bijeenkomsten/<uuid:uuid>/aanwezigheid/", views.AttendanceView.as_view(), name="attendance"),
    path(
        "bijeenkomsten/<uuid:uuid>/aanwezigheid/bevestigen/",
        views.AttendanceConfirmView.as_view(),
        name="attendance_confirm",
    ),
    path("bijeenkomsten/<uuid:uuid>/verslag/", views.MinutesView.as_view(), name="minutes"),
    path("agenda/", views.CalendarLinksView.as_view(), name="calendar_links"),
    path("agenda/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("agenda/<str:token>/<uuid:group_uuid>.ics", views.group_feed, name="group_feed"),
    path("aanmelden/", views.signup_index, name="signup_index"),
    path("aanmelden/<uuid:year_uuid>/", views.SignupView.as_view(), name="signup"),
    path("aanmelden/<uuid:year_uuid>/bedankt/", views.signup_done, name="signup_done"),
    path("terugblik/<uuid:uuid>/", views.retrospective_public, name="retrospective_public"),
]
