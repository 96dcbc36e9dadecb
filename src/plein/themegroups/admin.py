from django.contrib import admin

from . import models


class GroupInline(admin.TabularInline):
    model = models.ThemeGroup
    extra = 0
    fields = ["name", "capacity", "expected_meetings"]


@admin.register(models.ProgrammeYear)
class ProgrammeYearAdmin(admin.ModelAdmin):
    list_display = ["year", "poi", "signup_opens", "signup_closes"]
    inlines = [GroupInline]


@admin.register(models.ThemeGroup)
class ThemeGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "programme_year", "capacity"]
    filter_horizontal = ["facilitators"]


@admin.register(models.Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["library_name", "group", "status", "submitted_at"]
    list_filter = ["status", "group__programme_year"]
    search_fields = ["new_library_name", "library__name", "contact_email"]


class AgendaInline(admin.TabularInline):
    model = models.AgendaItem
    extra = 0


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "kind", "starts_at"]
    list_filter = ["kind", "group"]
    inlines = [AgendaInline]


admin.site.register(models.GroupMembership)
admin.site.register(models.Retrospective)
