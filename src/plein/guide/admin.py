from django.contrib import admin

from .models import GuideVersion, Partner, Step, Trajectory


@admin.register(GuideVersion)
class GuideVersionAdmin(admin.ModelAdmin):
    list_display = ["number", "status", "published_at", "note"]
    # Publishing goes through the interface (services.version_publish), so exactly one is published.
    readonly_fields = ["uuid", "status", "published_at", "created_at"]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "phase", "version"]
    list_filter = ["version"]
    list_select_related = ["phase", "version"]


@admin.register(Trajectory)
class TrajectoryAdmin(admin.ModelAdmin):
    list_display = ["name", "library", "location", "created_at"]
    list_select_related = ["library", "location"]
    search_fields = ["name", "library__name"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "trajectory", "agreement"]
    list_select_related = ["trajectory"]
