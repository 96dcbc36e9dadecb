import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plein.organisations.models import Location, Organisation

from .choices import STRENGTH_ORDER, TASK_COLOURS, ConnectionKind, SocietalTask, Strength, TargetGroup


class Programme(models.Model):
    """An EMB programme. National ones (library empty) are the catalogue facilitators keep;
    a library may add a local programme of its own (library set)."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    key = models.SlugField(_("key"), max_length=40, blank=True, help_text=_("Fixed key of a national programme."))
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    tasks = models.JSONField(_("societal tasks"), default=list, blank=True)
    library = models.ForeignKey(
        Organisation,
        verbose_name=_("local programme of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="local_programmes",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint("key", condition=~Q(key=""), name="emb_programme_unique_key"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        tasks = list(dict.fromkeys(self.tasks or []))
        if not tasks:
            raise ValidationError({"tasks": gettext("Choose at least one societal task.")})
        if any(t not in SocietalTask.values for t in tasks):
            raise ValidationError({"tasks": gettext("Choose societal tasks from the list.")})
        self.tasks = tasks

    @property
    def task(self) -> str:
        """The main societal task: the first one (the map colours by it)."""
        return self.tasks[0] if self.tasks else SocietalTask.LITERACY

    @property
    def task_labels(self) -> list:
        return [SocietalTask(t).label for t in self.tasks if t in SocietalTask.values]

    @property
    def task_items(self) -> list:
        return [(t, SocietalTask(t).label) for t in self.tasks if t in SocietalTask.values]

    @property
    def colour(self) -> str:
        return TASK_COLOURS[SocietalTask(self.task)]

    @property
    def is_local(self) -> bool:
        return self.library_id is not None

    def get_additional_data(self):
        return {"organisation_id": self.library_id} if self.library_id else None


class EmbSettings(models.Model):
    """Per library: whether its portfolio and map are shared with its theme groups."""

    library = models.OneToOneField(
        Organisation, verbose_name=_("library"), on_delete=models.CASCADE, related_name="emb_settings"
    )
    shared_with_groups = models.BooleanField(
        _("share with my theme groups"),
        default=False,
        help_text=_("The other libraries in your theme groups can then see your programmes and map."),
    )

    class Meta:
        verbose_name = _("EMB setting")
        verbose_name_plural = _("EMB settings")

    def __str__(self):
        return str(self.library)

    def get_additional_data(self):
        return {"organisation_id": self.library_id}


class PortfolioEntry(models.Model):
    """A programme a library runs: where, for whom, with whom, since when, who is responsible."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    library = models.ForeignKey(
        Organisation, verbose_name=_("library"), on_delete=models.CASCADE, related_name="emb_portfolio"
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="portfolio_entries"
    )
    locations = models.ManyToManyField(Location, verbose_name=_("locations"), blank=True, related_name="+")
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partner organisations"), blank=True, related_name="+"
    )
    other_partners = models.CharField(
        _("other partners"),
        max_length=300,
        blank=True,
        help_text=_("Partners that are not in Plein yet, separated by commas."),
    )
    since = models.PositiveSmallIntegerField(_("since (year)"), null=True, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("programme in the portfolio")
        verbose_name_plural = _("programmes in the portfolio")
        ordering = ["programme__name", "pk"]
        constraints = [
            models.UniqueConstraint("library", "programme", name="emb_one_entry_per_programme"),
        ]

    def __str__(self):
        return self.programme.name

    @property
    def target_group_labels(self) -> list:
        return [TargetGroup(t).label for t in self.target_groups if t in TargetGroup.values]

    @property
    def other_partner_list(self) -> list:
        return [p.strip() for p in self.other_partners.split(",") if p.strip()]

    def clean(self):
        errors = {}
        if self.programme_id and self.programme.library_id not in (None, self.library_id):
            errors["programme"] = gettext("This is a local programme of another library.")
        if any(t not in TargetGroup.values for t in self.target_groups or []):
            errors["target_groups"] = gettext("Choose target groups from the list.")
        if self.since is not None and not 1900 <= self.since <= timezone.localdate().year:
            errors["since"] = gettext("Give a year between 1900 and this year.")
        if errors:
            raise ValidationError(errors)

    def get_additional_data(self):
        return {"organisation_id": self.library_id}


class Connection(models.Model):
    """A connection from one programme of a portfolio to another, as the format
    "De educatief maatschappelijke bibliotheek in verbinding" asks for it."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    library = models.ForeignKey(
        Organisation, verbose_name=_("library"), on_delete=models.CASCADE, related_name="emb_connections"
    )
    source = models.ForeignKey(
        PortfolioEntry, verbose_name=_("from programme"), on_delete=models.CASCADE, related_name="outgoing"
    )
    target = models.ForeignKey(
        PortfolioEntry, verbose_name=_("to programme"), on_delete=models.CASCADE, related_name="incoming"
    )
    kind = models.CharField(_("kind of connection"), max_length=20, choices=ConnectionKind.choices)
    strength = models.CharField(_("strength now"), max_length=20, choices=Strength.choices, default=Strength.NONE)
    opportunities = models.TextField(_("opportunities"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("connection")
        verbose_name_plural = _("connections")
        ordering = ["source__programme__name", "target__programme__name", "kind", "pk"]
        constraints = [
            models.UniqueConstraint("source", "target", "kind", name="emb_one_connection_per_kind"),
            models.CheckConstraint(condition=~Q(source=models.F("target")), name="emb_connection_not_to_itself"),
        ]

    def __str__(self):
        return f"{self.source} → {self.target}"

    @property
    def strength_rank(self) -> int:
        return STRENGTH_ORDER[Strength(self.strength)]

    def clean(self):
        errors = {}
        if self.source_id and self.source.library_id != self.library_id:
            errors["source"] = gettext("Your library does not run this programme. Add it to the portfolio first.")
        if self.target_id and self.target.library_id != self.library_id:
            errors["target"] = gettext("Your library does not run this programme. Add it to the portfolio first.")
        if not errors and self.source_id and self.source_id == self.target_id:
            errors["target"] = gettext("A programme cannot be connected to itself. Choose another programme.")
        if not errors and self.source_id and self.target_id and self.kind:
            duplicate = Connection.objects.filter(source_id=self.source_id, target_id=self.target_id, kind=self.kind)
            if duplicate.exclude(pk=self.pk).exists():
                errors["kind"] = gettext(
                    "This connection already exists: same programmes, same kind. Change the existing one instead."
                )
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        # clean() gives the Dutch messages for these constraints.
        pass

    def get_additional_data(self):
        return {"organisation_id": self.library_id}


class ConnectionAction(models.Model):
    """An action in the library's action plan that follows from a connection (both ways)."""

    connection = models.ForeignKey(
        Connection, verbose_name=_("connection"), on_delete=models.CASCADE, related_name="action_links"
    )
    action = models.OneToOneField(
        "actions.Action", verbose_name=_("action"), on_delete=models.CASCADE, related_name="emb_link"
    )

    class Meta:
        verbose_name = _("action from a connection")
        verbose_name_plural = _("actions from connections")

    def __str__(self):
        return str(self.action)

    def get_additional_data(self):
        return {"organisation_id": self.connection.library_id}
