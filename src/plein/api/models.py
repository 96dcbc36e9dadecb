"""API keys: with one, another system of a library (its own registration app, a kiosk, a
dashboard) uses the Plein API for that library, and for nothing else.

Only a SHA-256 hash of the secret is stored; the secret itself is shown once, right after the
key is made. The first characters stay visible so people can tell their keys apart."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.organisations.models import Organisation

PREFIX_LENGTH = 8


class ApiToken(models.Model):
    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        _("used by"),
        max_length=100,
        help_text=_("Which system uses this key, for example “registration app of the Central Library”."),
    )
    prefix = models.CharField(_("starts with"), max_length=PREFIX_LENGTH, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("made by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("made on"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def get_additional_data(self):
        return {"organisation_id": self.organisation_id}


class RateCount(models.Model):
    """How many requests one API key made in one window of the rate limit (plein.api.endpoints).

    Every worker process and every server counts in this one table, with one atomic statement
    per request (INSERT … ON CONFLICT DO UPDATE … RETURNING), so parallel requests cannot slip
    through between a read and a write. A key keeps the row of its current window only."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    length = models.PositiveIntegerField()  # seconds in a window (from PLEIN_API_RATE)
    slot = models.BigIntegerField()  # which window: Unix time // length
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["token", "length", "slot"], name="api_ratecount_one_per_window")]

    def __str__(self):
        return f"{self.token_id} {self.length}s #{self.slot}: {self.requests}"
