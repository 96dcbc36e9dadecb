from django.contrib import admin

from .models import Action


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "library", "status", "owner", "due_date", "origin"]
    list_filter = ["status", "origin"]
    search_fields = ["title", "library__name"]
    list_select_related = ["library", "owner"]
    raw_id_fields = ["owner"]
    autocomplete_fields = ["library"]
    # The status only moves through the state machine (services.action_transition).
    readonly_fields = ["uuid", "status", "created_at", "updated_at", "completed_at"]
    date_hierarchy = "due_date"
