import uuid

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.themegroups.choices import Topic
from plein.themegroups.models import ThemeGroup

from .choices import ResourceKind
from .files import LABELS


def resource_upload_to(instance, filename):
    # Never the person's own file name on disk: an unguessable name with the checked extension.
    # The person's name is kept in `original_filename` for the download.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"resources/{timezone.now():%Y}/{uuid.uuid4().hex}.{extension}"


class Resource(models.Model):
    """A tool or document ("hulpmiddel") libraries share: a checked file or a link, tagged by
    theme group and topic. Files are only handed out by the permission-checked download view."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices, default=ResourceKind.FILE)
    file = models.FileField(_("file"), upload_to=resource_upload_to, max_length=255, blank=True)
    original_filename = models.CharField(_("file name"), max_length=255, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])])
    content_type = models.CharField(
        _("type of file"), max_length=100, blank=True, help_text=_("Found from the bytes of the file itself.")
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    groups = models.ManyToManyField(
        ThemeGroup,
        verbose_name=_("theme groups"),
        blank=True,
        related_name="resources",
        help_text=_("Without a theme group, everyone who can log in to Plein sees it."),
    )
    is_placeholder = models.BooleanField(
        _("example"),
        default=False,
        help_text=_("An example without a file yet; the support organisation replaces it with its own file."),
    )
    seed_key = models.SlugField(
        _("seed key"), max_length=50, blank=True, editable=False, help_text="Set by the seed, so it runs only once."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=ResourceKind.FILE, url="") | Q(kind=ResourceKind.LINK, file=""),
                name="resource_file_xor_link",
                violation_error_message=_("Upload a file or give a link, not both."),
            ),
            models.CheckConstraint(
                condition=Q(is_placeholder=True) | ~Q(file="") | ~Q(url=""),
                name="resource_has_file_or_link",
                violation_error_message=_("Upload a file or give a link."),
            ),
            models.UniqueConstraint("seed_key", condition=~Q(seed_key=""), name="resource_seed_key_unique"),
        ]

    def __str__(self):
        return self.title

    @property
    def has_file(self) -> bool:
        return self.kind == ResourceKind.FILE and bool(self.file)

    @property
    def type_label(self) -> str:
        if self.kind == ResourceKind.LINK:
            return str(_("Link"))
        return LABELS.get(self.content_type, str(_("File")))

    @property
    def topic_labels(self) -> list[str]:
        """In the order of the Topic choices; uses the prefetched rows."""
        chosen = {row.topic for row in self.topic_rows.all()}
        return [label for value, label in Topic.choices if value in chosen]

    @property
    def tool(self):
        """One of the article's tools that Plein has built in (`tools.py`), or None."""
        from .tools import tool_for

        return tool_for(self)

    @property
    def download_filename(self) -> str:
        extension = self.file.name.rsplit(".", 1)[-1] if self.file else ""
        return self.original_filename or f"hulpmiddel.{extension}"


class ResourceTopic(models.Model):
    """One topic of a resource. A row per topic (not a JSON list) so the list can filter on it
    with an index, the same way on SQLite and PostgreSQL."""

    resource = models.ForeignKey(
        Resource, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="topic_rows"
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["topic"]
        constraints = [models.UniqueConstraint("resource", "topic", name="resource_topic_once")]
        indexes = [models.Index(fields=["topic", "resource"], name="resource_topic_idx")]

    def __str__(self):
        return self.get_topic_display()

    def get_additional_data(self):
        return {"resource_id": self.resource_id}
