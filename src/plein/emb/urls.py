from django.urls import path

from . import views

app_name = "emb"

urlpatterns = [
    path("emb/", views.IndexView.as_view(), name="index"),
    path("emb/programmas/", views.CatalogueView.as_view(), name="catalogue"),
    path("emb/programmas/nieuw/", views.ProgrammeCreateView.as_view(), name="programme_create"),
    path("emb/programmas/<uuid:uuid>/bewerken/", views.ProgrammeUpdateView.as_view(), name="programme_update"),
    path("emb/bibliotheek/<uuid:uuid>/", views.PortfolioView.as_view(), name="portfolio"),
    path("emb/bibliotheek/<uuid:uuid>/delen/", views.SharingView.as_view(), name="sharing"),
    path("emb/bibliotheek/<uuid:uuid>/programma/", views.EntryCreateView.as_view(), name="entry_create"),
    path(
        "emb/bibliotheek/<uuid:uuid>/eigen-programma/",
        views.LocalProgrammeCreateView.as_view(),
        name="local_programme_create",
    ),
    path("emb/bibliotheek/<uuid:uuid>/verbinding/", views.ConnectionCreateView.as_view(), name="connection_create"),
    path("emb/bibliotheek/<uuid:uuid>/gesprek/", views.ConversationView.as_view(), name="conversation"),
    path("emb/bibliotheek/<uuid:uuid>/kaart/", views.MapView.as_view(), name="map"),
    path("emb/bibliotheek/<uuid:uuid>/verhaal/", views.StoryView.as_view(), name="story"),
    path("emb/bibliotheek/<uuid:uuid>/verhaal.pdf", views.StoryPdfView.as_view(), name="story_pdf"),
    path("emb/portfolio/<uuid:uuid>/bewerken/", views.EntryUpdateView.as_view(), name="entry_update"),
    path("emb/portfolio/<uuid:uuid>/verwijderen/", views.EntryDeleteView.as_view(), name="entry_delete"),
    path("emb/verbinding/<uuid:uuid>/", views.ConnectionDetailView.as_view(), name="connection_detail"),
    path("emb/verbinding/<uuid:uuid>/bewerken/", views.ConnectionUpdateView.as_view(), name="connection_update"),
    path("emb/verbinding/<uuid:uuid>/verwijderen/", views.ConnectionDeleteView.as_view(), name="connection_delete"),
    path("emb/verbinding/<uuid:uuid>/actie/", views.ConnectionActionCreateView.as_view(), name="connection_action"),
    path("emb/themagroep/<uuid:uuid>/", views.GroupCompareView.as_view(), name="group_compare"),
]
