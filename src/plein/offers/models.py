"""The help and learning offer of a library, as residents find it on the public pages, in the
open data and at the IDO desk (a referral names an offer). One offer is one thing a resident can
go to: a walk-in hour, a course, an information meeting, at one branch. It is described once,
in the fields of the national G!DS offer types (`choices.py`).

An offer is a draft until the library publishes it (`services.publish`); only published offers
are ever shown outside the library (`selectors.published_offers`, `plein.access` Purpose.PUBLISHED).
A published offer has a review date: after it, the coordinator is asked to check it."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.borging.choices import Weekday
from plein.organisations.models import Location, Organisation

from .choices import Access, Helper, Need, OfferKind, OfferSource, OfferStatus, Schedule, Theme


class Offer(models.Model):
    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    library = models.ForeignKey(
        Organisation, verbose_name=_("library"), on_delete=models.CASCADE, related_name="offers"
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("branch"),
        on_delete=models.PROTECT,
        related_name="offers",
        help_text=_("Where residents go for it."),
    )
    slug = models.SlugField(_("web address"), max_length=120, help_text=_("The readable part of the page's address."))
    title = models.CharField(_("title"), max_length=120, help_text=_("For example: Digisterker, DigiD aanvragen."))
    summary = models.CharField(
        _("in one sentence"), max_length=300, help_text=_("What a resident gets here, in plain words.")
    )
    covered = models.TextField(_("what we help with"), blank=True)
    not_covered = models.TextField(
        _("what we do not do"), blank=True, help_text=_("For example: we do not fill in your tax return for you.")
    )
    kind = models.CharField(_("kind of offer"), max_length=30, choices=OfferKind.choices)
    need = models.CharField(_("what the resident comes for"), max_length=30, choices=Need.choices)
    helper = models.CharField(_("who helps"), max_length=20, choices=Helper.choices, default=Helper.PROFESSIONAL)
    target_group = models.CharField(
        _("for whom"), max_length=300, blank=True, help_text=_("For example: adults who find the computer hard.")
    )
    access = models.CharField(_("walk in or sign up"), max_length=20, choices=Access.choices, default=Access.WALK_IN)
    signup_phone = models.CharField(_("sign up by phone"), max_length=30, blank=True)
    signup_email = models.EmailField(_("sign up by e-mail"), blank=True)
    signup_url = models.URLField(_("sign up on the web"), blank=True)
    bring = models.JSONField(_("what to bring"), default=list, blank=True)
    bring_other = models.CharField(_("also bring"), max_length=200, blank=True)
    facilities = models.JSONField(_("facilities"), default=list, blank=True)
    free = models.BooleanField(_("free of charge"), default=True)
    cost = models.CharField(_("cost"), max_length=100, blank=True, help_text=_("Only when it is not free."))
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        default="Nederlands",
        help_text=_("For example: Nederlands, Engels."),
    )
    provider_name = models.CharField(
        _("offered by"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty when the library offers it itself; otherwise the partner organisation."),
    )
    partner = models.ForeignKey(
        "guide.Partner",
        verbose_name=_("partner in the Ontwikkelplein"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
    )
    programme = models.ForeignKey(
        "emb.Programme",
        verbose_name=_("EMB programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
    )
    source = models.CharField(_("made from"), max_length=20, choices=OfferSource.choices, default=OfferSource.MANUAL)
    schedule = models.CharField(_("when"), max_length=20, choices=Schedule.choices, default=Schedule.WEEKLY)
    status = models.CharField(_("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    review_on = models.DateField(
        _("check again on"), null=True, blank=True, help_text=_("After this date we ask you to check the offer.")
    )
    # Everything a resident might search for, in one text (kept by the services): what the
    # full-text search reads (PostgreSQL's Dutch text search; a plain match on SQLite).
    search_text = models.TextField(default="", blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint("library", "slug", name="offer_slug_unique_per_library"),
        ]
        indexes = [
            models.Index(fields=["status", "library"], name="offer_status_library"),
            models.Index(fields=["status", "location"], name="offer_status_location"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == OfferStatus.PUBLISHED

    @property
    def provider(self) -> str:
        return self.provider_name or self.library.name

    def review_due(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_published and self.review_on is not None and self.review_on < today

    def clean(self):
        errors = {}
        if self.location_id and self.library_id and self.location.organisation_id != self.library_id:
            errors["location"] = _("Choose a branch of your own library.")
        if not self.free and not self.cost:
            errors["cost"] = _("Say what it costs, or tick free of charge.")
        if self.access == Access.SIGN_UP and not (self.signup_phone or self.signup_email or self.signup_url):
            errors["signup_phone"] = _("Give at least one way to sign up: phone, e-mail or a web address.")
        if errors:
            raise ValidationError(errors)

    def get_additional_data(self):
        return {"organisation_id": self.library_id}


class OfferTheme(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["theme"]
        constraints = [models.UniqueConstraint("offer", "theme", name="offer_theme_unique")]
        indexes = [models.Index(fields=["theme", "offer"], name="offer_theme_by_theme")]

    def __str__(self):
        return self.get_theme_display()

    def get_additional_data(self):
        return {"organisation_id": self.offer.library_id}


class OfferHours(models.Model):
    """A weekly block: on a weekday, from opens to closes (for an offer with weekly hours)."""

    offer = models.ForeignKey(Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("from"))
    closes = models.TimeField(_("until"))

    class Meta:
        verbose_name = _("hours")
        verbose_name_plural = _("hours")
        ordering = ["weekday", "opens"]
        indexes = [models.Index(fields=["weekday", "offer"], name="offer_hours_by_weekday")]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": _("The end time must be later than the start time.")})

    def get_additional_data(self):
        return {"organisation_id": self.offer.library_id}


class OfferClosure(models.Model):
    """Days on which weekly hours do not take place, for example a school holiday."""

    offer = models.ForeignKey(Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="closures")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until and including"))
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("For example: Christmas holiday."))

    class Meta:
        verbose_name = _("closed period")
        verbose_name_plural = _("closed periods")
        ordering = ["starts_on", "pk"]

    def __str__(self):
        return f"{self.starts_on}–{self.ends_on}"

    def covers(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})

    def get_additional_data(self):
        return {"organisation_id": self.offer.library_id}


class Session(models.Model):
    """One dated meeting of a course or information meeting."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    offer = models.ForeignKey(Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("For example: lesson 1 of 4."))
    cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at", "offer"], name="offer_session_by_start")]

    def __str__(self):
        return f"{self.offer_id} {self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end time must be later than the start time.")})

    def get_additional_data(self):
        return {"organisation_id": self.offer.library_id}
