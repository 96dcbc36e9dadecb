from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "plein.offers"
    verbose_name = _("Help and learning offer")

    def ready(self):
        from auditlog.registry import auditlog

        from plein.access import relations

        from . import (
            api,  # noqa: F401 (the open data API answers its errors as problem+json: plein.common.errors)
            entries,  # noqa: F401 (navigation, start page, demo: plein.common.registry)
            selectors,
        )
        from .models import Offer, OfferClosure, OfferHours, OfferTheme, Session

        for model in (Offer, OfferTheme, OfferHours, OfferClosure, Session):
            auditlog.register(model)
        # Anonymous visitors see what libraries published: access reads it from here.
        relations.register_published(selectors.published_ids)
