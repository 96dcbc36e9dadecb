import uuid

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .choices import OrganisationType, Province


class Municipality(models.Model):
    """A Dutch municipality (gemeente): what a library serves and what funds its IDO."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=100)
    province = models.CharField(_("province"), max_length=2, choices=Province.choices)
    cbs_code = models.CharField(
        _("CBS code"),
        max_length=6,
        blank=True,
        help_text=_("Municipality code of Statistics Netherlands, e.g. GM0505."),
    )
    slug = models.SlugField(
        _("web address"), max_length=120, blank=True, help_text=_("The readable part of the public page's address.")
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="municipality_name_unique",
                violation_error_message=_("There is already a municipality with this name."),
            ),
            models.UniqueConstraint("slug", condition=~Q(slug=""), name="municipality_slug_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Municipality, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)


def unique_slug(model, name: str, *, exclude_pk=None, max_length: int = 120) -> str:
    """A readable, unique address part for a public page: "bibliotheek-aanzet", then "-2", "-3"."""
    base = (slugify(name) or "plein")[: max_length - 4]
    taken = set(model.objects.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


class Organisation(models.Model):
    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    province = models.CharField(_("province"), max_length=2, choices=Province.choices, blank=True)
    website = models.URLField(_("website"), blank=True)
    slug = models.SlugField(
        _("web address"), max_length=120, blank=True, help_text=_("The readable part of the public page's address.")
    )
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("municipalities served"),
        blank=True,
        related_name="organisations",
        help_text=_("For a library: the municipalities it works for. For a municipality: itself."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="organisation_name_unique",
                violation_error_message=_("There is already an organisation with this name."),
            ),
            models.UniqueConstraint("slug", condition=~Q(slug=""), name="organisation_slug_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Organisation, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @property
    def is_library(self) -> bool:
        return self.type == OrganisationType.LIBRARY


class Location(models.Model):
    """A branch (vestiging) of an organisation, possibly with an IDO."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("place"), max_length=100, blank=True)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="locations"
    )
    has_ido = models.BooleanField(
        _("has an IDO"), default=False, help_text=_("Is there an Informatiepunt Digitale Overheid at this branch?")
    )
    accessibility = models.CharField(
        _("accessibility"),
        max_length=300,
        blank=True,
        help_text=_("Shown to residents, for example: entrance without steps, lift, accessible toilet."),
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "organisation",
                Lower("name"),
                name="location_name_unique_per_organisation",
                violation_error_message=_("This organisation already has a branch with this name."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def address(self) -> str:
        return ", ".join(p for p in [self.street, " ".join(p for p in [self.postcode, self.city] if p)] if p)

    def get_additional_data(self):
        # Stored with each audit record, so the organisation's history finds its branches,
        # also after a branch was deleted.
        return {"organisation_id": self.organisation_id}
