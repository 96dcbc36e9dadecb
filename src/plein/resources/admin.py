from django.contrib import admin

from .models import Resource, ResourceTopic


class TopicInline(admin.TabularInline):
    model = ResourceTopic
    extra = 0


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "content_type", "is_placeholder", "created_at"]
    list_filter = ["kind", "is_placeholder", "groups__programme_year__year"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["groups"]
    inlines = [TopicInline]
    # Files are uploaded in Plein itself, where their size and content are checked; the admin
    # only shows them, so nothing unchecked ends up behind the download link.
    exclude = ["file"]
    readonly_fields = ["uuid", "original_filename", "content_type", "size", "created_by", "created_at"]
