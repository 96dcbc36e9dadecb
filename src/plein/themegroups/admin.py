from django.contrib import admin

from . import models

# Lists and forms here stay at a fixed number of queries at national size: related rows are
# selected with the list, big foreign keys are autocomplete or raw-id fields (never a <select>
# with every library or group), and list filters filter on plain values, not on related rows.


class GroupInline(admin.TabularInline):
    model = models.ThemeGroup
    extra = 0
    fields = ["name", "capacity", "expected_meetings"]


@admin.register(models.ProgrammeYear)
class ProgrammeYearAdmin(admin.ModelAdmin):
    list_display = ["year", "poi", "signup_opens", "signup_closes"]
    list_select_related = ["poi"]
    search_fields = ["year", "poi__name"]
    autocomplete_fields = ["poi"]
    inlines = [GroupInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("poi")


@admin.register(models.ThemeGroup)
class ThemeGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "programme_year", "capacity"]
    list_select_related = ["programme_year__poi"]
    search_fields = ["name", "programme_year__year"]
    autocomplete_fields = ["programme_year"]
    raw_id_fields = ["facilitators"]

    def get_queryset(self, request):
        # Also what the autocomplete of other admins lists: a group's name shows its year.
        return super().get_queryset(request).select_related("programme_year__poi")


@admin.register(models.Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["library_name", "group", "status", "submitted_at"]
    list_filter = ["status", "group__programme_year__year"]
    list_select_related = ["library", "group__programme_year"]
    search_fields = ["new_library_name", "library__name", "contact_email"]
    autocomplete_fields = ["group", "library"]
    raw_id_fields = ["decided_by", "membership"]


class AgendaInline(admin.TabularInline):
    model = models.AgendaItem
    extra = 0


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "kind", "starts_at"]
    list_filter = ["kind", "group__programme_year__year"]
    list_select_related = ["group__programme_year"]
    search_fields = ["title", "group__name"]
    autocomplete_fields = ["group", "host_library"]
    inlines = [AgendaInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("group__programme_year")


@admin.register(models.GroupMembership)
class GroupMembershipAdmin(admin.ModelAdmin):
    list_display = ["library", "group"]
    list_filter = ["group__programme_year__year"]
    list_select_related = ["library", "group__programme_year"]
    search_fields = ["library__name", "group__name"]
    autocomplete_fields = ["group", "library"]


@admin.register(models.Retrospective)
class RetrospectiveAdmin(admin.ModelAdmin):
    list_display = ["title", "group"]
    list_select_related = ["group__programme_year"]
    autocomplete_fields = ["group"]


admin.site.register(
    models.MeetingActionLink, raw_id_fields=["item", "action", "library"], list_select_related=["action", "item"]
)
