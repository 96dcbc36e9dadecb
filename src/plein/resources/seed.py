"""The two tools the article in shared/seed names, as resources without an uploaded file.

Plein has both built in (`tools.py`): each resource page leads to the interactive version
(the EMB conversation, the Ontwikkelplein guide) and offers a worksheet that Plein prints from
its own content when it is downloaded. A facilitator can still add the POI's own file. Running
this again changes nothing, except that it tags the tools with the theme groups of the same
name once such groups exist (until then everyone who can log in sees them)."""

from plein.themegroups.models import ThemeGroup

from . import services
from .models import Resource

ARTICLE_TOOLS = [
    {
        "seed_key": "emb-in-verbinding",
        "title": "De educatief maatschappelijke bibliotheek in verbinding",
        "group": "IDO en de EMB",
        "description": (
            "Een format om in uw bibliotheek het gesprek aan te gaan met collega's. "
            "U praat samen over de kansen en de uitdagingen om het IDO te verbinden met de andere "
            "programma's van de educatief maatschappelijke bibliotheek (EMB).\n\n"
            "Bij het format hoort een toelichting. "
            "De themagroep 'IDO en de EMB' werkte met dit format."
        ),
    },
    {
        "seed_key": "handreiking-ontwikkelplein",
        "title": "Handreiking voor het werken met een Ontwikkelplein",
        "group": "Het Ontwikkelplein",
        "description": (
            "Een handreiking voor bibliotheken die werken met een Ontwikkelplein. "
            "Voor elke fase geeft de handreiking handige tips en praktische handvatten.\n\n"
            "Een Ontwikkelplein is één plek in de bibliotheek waar maatschappelijke hulp en "
            "non-formeel leeraanbod bij elkaar komen. "
            "De handreiking hoort bij de themagroep 'Het Ontwikkelplein'."
        ),
    },
]


def seed_article_tools(acting_user=None) -> list[Resource]:
    resources = []
    for tool in ARTICLE_TOOLS:
        resource = Resource.objects.filter(seed_key=tool["seed_key"]).first()
        if resource is None:
            resource = services.resource_create(
                acting_user=acting_user,
                title=tool["title"],
                description=tool["description"],
                is_placeholder=True,
                seed_key=tool["seed_key"],
            )
        groups = ThemeGroup.objects.filter(name__iexact=tool["group"]).exclude(resources=resource)
        if groups:
            services.resource_add_groups(resource=resource, groups=list(groups), acting_user=acting_user)
        resources.append(resource)
    return resources
