from django.contrib import admin

from .models import Connection, ConnectionAction, EmbSettings, PortfolioEntry, Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "library"]
    list_select_related = ["library"]
    search_fields = ["name"]
    readonly_fields = ["uuid", "created_at"]
    raw_id_fields = ["library"]


@admin.register(PortfolioEntry)
class PortfolioEntryAdmin(admin.ModelAdmin):
    list_display = ["programme", "library", "since"]
    list_select_related = ["programme", "library"]
    raw_id_fields = ["library", "programme", "responsible", "locations", "partners"]
    readonly_fields = ["uuid", "created_at"]


@admin.register(Connection)
class ConnectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "library", "kind", "strength"]
    list_filter = ["kind", "strength"]
    list_select_related = ["library", "source__programme", "target__programme"]
    raw_id_fields = ["library", "source", "target"]
    readonly_fields = ["uuid", "created_at", "updated_at"]


admin.site.register(EmbSettings)
admin.site.register(ConnectionAction, raw_id_fields=["connection", "action"], list_select_related=["action"])
