from django.contrib import admin

from . import models


class ReplyInline(admin.TabularInline):
    model = models.CaseReply
    extra = 0
    fields = ["author", "body", "created_at"]
    raw_id_fields = ["author"]


@admin.register(models.PracticeCase)
class PracticeCaseAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "library", "author", "created_at"]
    list_filter = ["group__programme_year__year"]
    list_select_related = ["group__programme_year", "library", "author"]
    search_fields = ["title", "library__name", "group__name"]
    autocomplete_fields = ["group", "library"]
    raw_id_fields = ["author", "meeting"]
    inlines = [ReplyInline]


@admin.register(models.DigestLog)
class DigestLogAdmin(admin.ModelAdmin):
    list_display = ["user", "last_sent_at"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
