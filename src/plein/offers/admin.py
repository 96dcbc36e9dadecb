"""The offer in Django's technical admin (/beheer/): to look things up and repair them. Libraries
manage their offer at /ons-aanbod/ (publishing checks completeness there: `services.publish`)."""

from django.contrib import admin

from .models import Offer, OfferClosure, OfferHours, OfferTheme, Session


class OfferThemeInline(admin.TabularInline):
    model = OfferTheme
    extra = 0


class OfferHoursInline(admin.TabularInline):
    model = OfferHours
    extra = 0


class OfferClosureInline(admin.TabularInline):
    model = OfferClosure
    extra = 0


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    readonly_fields = ["uuid"]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "library", "location", "kind", "status", "review_on"]
    list_filter = ["status", "kind", "need", "source"]
    list_select_related = ["library", "location"]
    search_fields = ["title", "slug", "library__name", "location__name"]
    # Pickers that do not list every library, branch, partner or programme on the page.
    raw_id_fields = ["library", "location", "partner", "programme"]
    readonly_fields = ["uuid", "status", "published_at", "search_text", "created_by", "created_at", "updated_at"]
    inlines = [OfferThemeInline, OfferHoursInline, OfferClosureInline, SessionInline]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["offer", "starts_at", "ends_at", "cancelled"]
    list_filter = ["cancelled"]
    list_select_related = ["offer"]
    raw_id_fields = ["offer"]
    readonly_fields = ["uuid"]
