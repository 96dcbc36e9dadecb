from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "plein.registration"
    verbose_name = _("IDO registration")

    def ready(self):
        from auditlog.registry import auditlog
        from django.db.models.signals import pre_delete

        from plein.offers import referrals
        from plein.offers.models import Offer
        from plein.organisations.signals import location_moved

        from . import (
            entries,  # noqa: F401 (navigation, start page, demo: plein.common.registry)
            rollups,
            selectors,
        )
        from .models import Category, ImportJob, Visit

        # A branch moved to another library or province: its figures move along.
        location_moved.connect(rollups.location_moved_receiver, dispatch_uid="registration.location_moved")
        # The desk refers residents to offers: the offer's page reads its count from here, and a
        # deleted offer's referrals leave the figures.
        referrals.register_counter(selectors.referrals_per_offer)
        pre_delete.connect(rollups.offer_deleted_receiver, sender=Offer, dispatch_uid="registration.offer_deleted")

        auditlog.register(Category)
        auditlog.register(Visit)
        # The import itself is in the history (who, when, which file); its visits are written
        # in bulk, without an entry each.
        auditlog.register(ImportJob, include_fields=["filename", "status", "visits", "questions", "error_count"])
