from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("account/", views.ProfileView.as_view(), name="profile"),
    path("gebruikers/", views.UserListView.as_view(), name="user_list"),
    path("gebruikers/uitnodigen/", views.InviteView.as_view(), name="invite"),
    path("gebruikers/<uuid:uuid>/", views.UserUpdateView.as_view(), name="user_update"),
    path("gebruikers/<uuid:uuid>/geschiedenis/", views.UserHistoryView.as_view(), name="user_history"),
    path("uitnodiging/<str:token>/", views.AcceptInvitationView.as_view(), name="accept_invitation"),
]
