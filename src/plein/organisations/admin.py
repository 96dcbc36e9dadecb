from django.contrib import admin

from .models import Location, Municipality, Organisation


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0
    autocomplete_fields = ["municipality"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "province", "is_demo"]
    list_filter = ["type", "province", "is_demo"]
    search_fields = ["name"]
    autocomplete_fields = ["municipalities"]
    inlines = [LocationInline]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "province", "cbs_code"]
    list_filter = ["province"]
    search_fields = ["name", "cbs_code"]
