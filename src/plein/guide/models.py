"""The Ontwikkelplein guide ("handreiking"): versioned content (phases → steps → questions and
checklist items) and each library's route through it (trajectories with answers, ticks, step
states, partners and links to actions).

Content is versioned: libraries see the one published version; facilitators edit a draft copy
and publish it. Everything a library records carries the stable `key` of the step or item it
belongs to, besides the row of the version it was given in, so it carries over to a new version.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.organisations.models import Location, Organisation

from .choices import AgreementStatus, ItemKind, PartnerRole, PartnerTheme, VersionStatus


class GuideVersion(models.Model):
    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    number = models.PositiveIntegerField(_("version number"), unique=True)
    status = models.CharField(_("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("guide version")
        verbose_name_plural = _("guide versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"], condition=Q(status="gepubliceerd"), name="one_published_guide_version"
            ),
            models.UniqueConstraint(fields=["status"], condition=Q(status="concept"), name="one_draft_guide_version"),
        ]

    def __str__(self):
        return f"{self.number} ({self.get_status_display()})"


class Phase(models.Model):
    version = models.ForeignKey(
        GuideVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="phases"
    )
    key = models.SlugField(_("key"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="unique_phase_key_per_version")]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"guide_version_id": self.version_id}


class Step(models.Model):
    version = models.ForeignKey(GuideVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="steps")
    phase = models.ForeignKey(Phase, verbose_name=_("phase"), on_delete=models.CASCADE, related_name="steps")
    key = models.SlugField(_("key"), max_length=60, help_text=_("Stays the same in every version."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    explanation = models.TextField(_("explanation"), blank=True)
    tips = models.TextField(_("handy tips"), blank=True, help_text=_("One tip per line."))
    aspects = models.JSONField(_("aspects"), default=list, blank=True)
    resources = models.ManyToManyField(
        "resources.Resource", verbose_name=_("resources"), blank=True, related_name="guide_steps"
    )

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["phase__order", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="unique_step_key_per_version")]

    def __str__(self):
        return self.title

    @property
    def aspect_labels(self):
        from plein.themegroups.choices import Topic

        return [str(Topic(a).label) for a in self.aspects if a in Topic.values]

    @property
    def tip_list(self):
        return [line.strip() for line in self.tips.splitlines() if line.strip()]

    def get_additional_data(self):
        return {"guide_version_id": self.version_id}


class StepItem(models.Model):
    """A question to answer or a checklist item to tick: the practical handles of a step."""

    step = models.ForeignKey(Step, verbose_name=_("step"), on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(_("key"), max_length=80, help_text=_("Stays the same in every version."))
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("text"), max_length=300)

    class Meta:
        verbose_name = _("question or checklist item")
        verbose_name_plural = _("questions and checklist items")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["step", "key"], name="unique_item_key_per_step")]

    def __str__(self):
        return self.text

    def get_additional_data(self):
        return {"step_id": self.step_id}


class Trajectory(models.Model):
    """One library's route through the guide, e.g. for one location."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    library = models.ForeignKey(
        Organisation, verbose_name=_("library"), on_delete=models.CASCADE, related_name="guide_trajectories"
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("For example: Ontwikkelplein in the central library.")
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guide_trajectories",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now)

    class Meta:
        verbose_name = _("Ontwikkelplein route")
        verbose_name_plural = _("Ontwikkelplein routes")
        ordering = ["library__name", "name", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.location_id and self.library_id and self.location.organisation_id != self.library_id:
            raise ValidationError({"location": _("Choose a location of this library.")})

    def get_additional_data(self):
        return {"organisation_id": self.library_id}


class Answer(models.Model):
    """The answer to a question, given in one version; `item_key` carries it to the next."""

    trajectory = models.ForeignKey(
        Trajectory, verbose_name=_("route"), on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(StepItem, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers")
    item_key = models.SlugField(_("question key"), max_length=80)
    step_key = models.SlugField(_("step key"), max_length=60)
    text = models.TextField(_("answer"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["updated_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["trajectory", "item"], name="one_answer_per_question")]

    def __str__(self):
        return self.text[:60]

    def get_additional_data(self):
        return {"organisation_id": self.trajectory.library_id}


class Tick(models.Model):
    """A ticked checklist item (no row: not ticked)."""

    trajectory = models.ForeignKey(Trajectory, verbose_name=_("route"), on_delete=models.CASCADE, related_name="ticks")
    item = models.ForeignKey(StepItem, verbose_name=_("checklist item"), on_delete=models.PROTECT, related_name="ticks")
    item_key = models.SlugField(_("checklist item key"), max_length=80)
    step_key = models.SlugField(_("step key"), max_length=60)
    ticked_at = models.DateTimeField(_("ticked at"), default=timezone.now)

    class Meta:
        verbose_name = _("ticked checklist item")
        verbose_name_plural = _("ticked checklist items")
        constraints = [models.UniqueConstraint(fields=["trajectory", "item"], name="one_tick_per_item")]

    def __str__(self):
        return self.item_key

    def get_additional_data(self):
        return {"organisation_id": self.trajectory.library_id}


class StepState(models.Model):
    """When a route started a step (first answer or tick) and when it was marked done."""

    trajectory = models.ForeignKey(
        Trajectory, verbose_name=_("route"), on_delete=models.CASCADE, related_name="step_states"
    )
    step = models.ForeignKey(Step, verbose_name=_("step"), on_delete=models.PROTECT, related_name="states")
    step_key = models.SlugField(_("step key"), max_length=60)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("step of a route")
        verbose_name_plural = _("steps of routes")
        ordering = ["started_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["trajectory", "step"], name="one_state_per_step")]

    def __str__(self):
        return self.step_key

    def get_additional_data(self):
        return {"organisation_id": self.trajectory.library_id}


class Partner(models.Model):
    """An organisation that takes part in the Ontwikkelplein of one route."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    trajectory = models.ForeignKey(
        Trajectory, verbose_name=_("route"), on_delete=models.CASCADE, related_name="partners"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation in Plein"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guide_partnerships",
    )
    name = models.CharField(_("name"), max_length=200)
    roles = models.JSONField(_("role"), default=list, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    agreement = models.CharField(
        _("agreement"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.NONE
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def role_labels(self) -> str:
        return ", ".join(str(PartnerRole(r).label) for r in self.roles if r in PartnerRole.values)

    @property
    def theme_labels(self) -> str:
        return ", ".join(str(PartnerTheme(t).label) for t in self.themes if t in PartnerTheme.values)

    def get_additional_data(self):
        return {"organisation_id": self.trajectory.library_id}


class GuideActionLink(models.Model):
    """An action in the library's action plan that was made from an answer in the guide."""

    action = models.OneToOneField(
        "actions.Action", verbose_name=_("action"), on_delete=models.CASCADE, related_name="guide_link"
    )
    trajectory = models.ForeignKey(
        Trajectory, verbose_name=_("route"), on_delete=models.CASCADE, related_name="action_links"
    )
    answer = models.ForeignKey(
        Answer, verbose_name=_("answer"), on_delete=models.SET_NULL, null=True, blank=True, related_name="action_links"
    )
    step_key = models.SlugField(_("step key"), max_length=60)
    item_key = models.SlugField(_("question key"), max_length=80)

    class Meta:
        verbose_name = _("action from the guide")
        verbose_name_plural = _("actions from the guide")

    def __str__(self):
        return f"{self.step_key}/{self.item_key}"

    def get_additional_data(self):
        return {"organisation_id": self.trajectory.library_id}
