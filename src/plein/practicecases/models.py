import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plein.organisations.models import Organisation
from plein.themegroups.models import Meeting, ThemeGroup


class PracticeCase(models.Model):
    """A local situation a library brings to its theme group ("praktijkcasus"), in a fixed
    structure, for the group to reflect on in a thread of replies."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(
        ThemeGroup, verbose_name=_("theme group"), on_delete=models.CASCADE, related_name="practice_cases"
    )
    library = models.ForeignKey(
        Organisation,
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="practice_cases",
        help_text=_("The library that brings in the case."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_cases",
    )
    title = models.CharField(_("title"), max_length=200)
    context = models.TextField(
        _("context"), help_text=_("The local situation: your library, the place, the people involved.")
    )
    question = models.TextField(_("question"), help_text=_("What would you like the group to think about?"))
    tried = models.TextField(_("what has been tried"), blank=True, help_text=_("What did you already do or try?"))
    result = models.TextField(_("result"), blank=True, help_text=_("What came of it, so far?"))
    tips = models.TextField(_("tips"), blank=True, help_text=_("What would you tell another library?"))
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_cases",
        help_text=_("The meeting of the group where you want to discuss the case, if any."),
    )
    created_at = models.DateTimeField(_("brought in at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("practice case")
        verbose_name_plural = _("practice cases")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["group", "-created_at"], name="practicecase_group_created")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.meeting_id is not None and self.group_id is not None and self.meeting.group_id != self.group_id:
            raise ValidationError({"meeting": _("Choose a meeting of this theme group.")})

    def get_additional_data(self):
        return {"group_id": self.group_id}


class CaseReply(models.Model):
    case = models.ForeignKey(
        PracticeCase, verbose_name=_("practice case"), on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_replies",
    )
    body = models.TextField(_("reply"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]

    def get_additional_data(self):
        return {"case_id": self.case_id, "group_id": self.case.group_id}


class DigestLog(models.Model):
    """When a person last got the weekly digest, so running the job twice never mails the
    same news twice."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="case_digest_log"
    )
    last_sent_at = models.DateTimeField(_("last sent at"))

    class Meta:
        verbose_name = _("weekly digest sent")
        verbose_name_plural = _("weekly digests sent")

    def __str__(self):
        return str(self.user)
