from django.conf import settings

from .navigation import nav_for


def plein(request):
    return {
        "nav_items": nav_for(request),
        "plein_demo": settings.PLEIN_DEMO,
    }
