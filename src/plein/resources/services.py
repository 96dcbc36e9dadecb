"""Writes for resources. Every write is atomic, validated with full_clean() and recorded in the
audit log under the acting person. A file is checked (size, extension, bytes) before anything
is stored; a file that is replaced or removed leaves the disk only once the change is committed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from plein.audit.services import acting_as

from .choices import ResourceKind
from .files import inspect_upload
from .models import Resource, ResourceTopic


def _set_content(resource: Resource, *, file=None, url: str = "") -> None:
    if file and url:
        raise ValidationError(
            {"url": _("Upload a file or give a link, not both. Leave this field empty when you upload a file.")}
        )
    if file:
        try:
            info = inspect_upload(file)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from error
        file.name = f"upload.{info.extension}"  # the name on disk comes from upload_to
        resource.kind = ResourceKind.FILE
        resource.file = file
        resource.url = ""
        resource.content_type = info.content_type
        resource.size = info.size
        resource.original_filename = info.filename
    elif url:
        resource.kind = ResourceKind.LINK
        resource.file = ""
        resource.url = url.strip()
        resource.content_type = ""
        resource.size = None
        resource.original_filename = ""


def _set_topics(resource: Resource, topics) -> None:
    wanted = set(topics)
    current = {row.topic: row for row in resource.topic_rows.all()}
    for topic, row in current.items():
        if topic not in wanted:
            row.delete()
    for topic in sorted(wanted - current.keys()):
        row = ResourceTopic(resource=resource, topic=topic)
        row.full_clean()
        row.save()


def _delete_file_on_commit(storage, name: str) -> None:
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _save_with_file(resource: Resource, finish) -> None:
    """Save, then `finish()` (tags); if anything fails after the file reached the disk, remove it
    again, so an error leaves neither a row nor a file behind."""
    stored_before = resource.file.name if resource.file and resource.file._committed else ""
    try:
        resource.save()
        finish()
    except Exception:
        if resource.file and resource.file.name != stored_before:
            resource.file.storage.delete(resource.file.name)
        raise


@transaction.atomic
def resource_create(
    *,
    acting_user,
    title: str,
    description: str = "",
    file=None,
    url: str = "",
    groups=(),
    topics=(),
    is_placeholder: bool = False,
    seed_key: str = "",
) -> Resource:
    """Share a file or a link. Without groups it is for everyone who can log in."""
    with acting_as(acting_user):
        resource = Resource(
            title=title.strip(),
            description=description.strip(),
            is_placeholder=is_placeholder,
            seed_key=seed_key,
            created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        )
        _set_content(resource, file=file, url=url)
        if not (file or url or is_placeholder):
            raise ValidationError({"file": _("Upload a file or give a link.")})
        resource.full_clean()

        def finish():
            resource.groups.set(groups)
            _set_topics(resource, topics)

        _save_with_file(resource, finish)
    return resource


@transaction.atomic
def resource_update(
    *, resource: Resource, acting_user, title: str, description: str = "", file=None, url: str = "", groups, topics
) -> Resource:
    """Change a resource. A new file or link replaces the old one (and an example becomes real);
    with neither, the current file stays."""
    old_name = resource.file.name if resource.file else ""
    old_storage = resource.file.storage
    with acting_as(acting_user):
        resource.title = title.strip()
        resource.description = description.strip()
        if file or url:
            _set_content(resource, file=file, url=url)
            if resource.is_placeholder and resource.created_by_id is None:
                # A support organisation fills in a seeded placeholder: from now on it is theirs.
                resource.created_by = acting_user
            resource.is_placeholder = False
        resource.full_clean()

        def finish():
            resource.groups.set(groups)
            _set_topics(resource, topics)

        _save_with_file(resource, finish)
    if old_name and (not resource.file or resource.file.name != old_name):
        _delete_file_on_commit(old_storage, old_name)
    return resource


@transaction.atomic
def resource_add_groups(*, resource: Resource, groups, acting_user=None) -> Resource:
    """Tag a resource with more theme groups (keeps the ones it has)."""
    with acting_as(acting_user):
        resource.groups.add(*groups)
    return resource


@transaction.atomic
def resource_delete(*, resource: Resource, acting_user) -> None:
    name = resource.file.name if resource.file else ""
    storage = resource.file.storage
    with acting_as(acting_user):
        resource.delete()
    _delete_file_on_commit(storage, name)
