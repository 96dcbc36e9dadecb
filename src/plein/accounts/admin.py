from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Invitation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "role", "organisation", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Plein", {"fields": ["name", "role", "organisation", "language"]}),
        ("Status", {"fields": ["is_active", "is_staff", "is_superuser", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "role", "organisation", "password1", "password2"]})
    ]
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = []

    ACCESS_FIELDS = ("role", "organisation_id", "is_active", "is_staff", "is_superuser")

    def save_model(self, request, obj, form, change):
        """A role, organisation or rights changed here is a security event too (as in
        accounts.services.user_update)."""
        before = None
        if change and obj.pk:
            before = type(obj).objects.filter(pk=obj.pk).values(*self.ACCESS_FIELDS).first()
        super().save_model(request, obj, form, change)
        after = {field: getattr(obj, field) for field in self.ACCESS_FIELDS}
        if before is not None and before != after:
            from plein.audit.security import log_event

            log_event(
                "role_change",
                actor=request.user,
                obj=obj,
                request=request,
                via="admin",
                **{
                    field.removesuffix("_id"): f"{before[field]}->{after[field]}"
                    for field in self.ACCESS_FIELDS
                    if before[field] != after[field]
                },
            )


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "role", "organisation", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["token_hash", "created_at", "accepted_at", "user", "invited_by"]
