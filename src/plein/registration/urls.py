from django.urls import path

from . import views

app_name = "registration"

urlpatterns = [
    path("cijfers/", views.FiguresView.as_view(), name="figures"),
    path("cijfers/<str:scope>/", views.FiguresView.as_view(), name="figures_scope"),
]
