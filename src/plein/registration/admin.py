from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    """Administrators keep the options of the registration form in step with the national
    registration: label, order and national code. An option in use is never deleted (the
    registrations refer to it) but retired, which keeps its history and figures."""

    list_display = ["label", "kind", "code", "national_code", "programme", "position", "retired_at"]
    list_select_related = ["programme"]
    list_filter = ["kind", ("retired_at", admin.EmptyFieldListFilter)]
    autocomplete_fields = ["programme"]
    list_editable = ["position"]
    search_fields = ["label", "code", "national_code"]
    readonly_fields = ["retired_at"]
    actions = ["retire", "bring_back"]

    def get_readonly_fields(self, request, obj=None):
        # The code is what exports and the API use: fixed once the option exists.
        return [*self.readonly_fields, "kind", "code"] if obj else self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Retire (no longer offered; history stays)"))
    def retire(self, request, queryset):
        for category in queryset.filter(retired_at__isnull=True):
            services.category_retire(category=category, acting_user=request.user)
        self.message_user(request, _("The chosen options are retired."), messages.SUCCESS)

    @admin.action(description=_("Offer again"))
    def bring_back(self, request, queryset):
        for category in queryset.exclude(retired_at__isnull=True):
            services.category_restore(category=category, acting_user=request.user)
        self.message_user(request, _("The chosen options are offered again."), messages.SUCCESS)
