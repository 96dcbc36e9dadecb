"""{% offer_json_ld offer %}: the offer's schema.org JSON-LD as a <script type="application/ld+json">
(see `offers.structured_data`), for the head of the offer's public page."""

from django import template
from django.conf import settings
from django.utils import timezone

from ..structured_data import json_ld_script, offer_json_ld

register = template.Library()


@register.simple_tag
def offer_json_ld_script(offer):
    return json_ld_script(offer_json_ld(offer, settings.PLEIN_SITE_URL, timezone.now()))
