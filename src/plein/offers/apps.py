from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "plein.offers"
    verbose_name = _("Help and learning offer")

    def ready(self):
        from auditlog.registry import auditlog

        from plein.access import relations
        from plein.organisations.signals import location_moved

        from . import (
            api,  # noqa: F401 (the open data API answers its errors as problem+json: plein.common.errors)
            entries,  # noqa: F401 (navigation, start page, demo: plein.common.registry)
            selectors,
            services,
        )
        from .models import Offer, OfferClosure, OfferHours, OfferTheme, Session

        for model in (Offer, OfferTheme, OfferHours, OfferClosure, Session):
            auditlog.register(model)
        # Anonymous visitors see what libraries published: access reads it from here.
        relations.register_published(selectors.published_ids)
        # A branch moved to another library: the offers of its old library there are withdrawn.
        location_moved.connect(services.location_moved_receiver, dispatch_uid="offers.location_moved")
