from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    LogEntry.Action.CREATE: _("created"),
    LogEntry.Action.UPDATE: _("changed"),
    LogEntry.Action.DELETE: _("deleted"),
    LogEntry.Action.ACCESS: _("viewed"),
}


@dataclass
class HistoryChange:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    timestamp: object
    actor: str
    action: str
    object_type: str
    object_repr: str
    changes: list[HistoryChange]


def _field_label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a field that no longer exists keeps its technical name
        return name


def history_for(*sources, limit=200) -> list[HistoryEntry]:
    """History of some objects, newest first, in one query whatever their number.

    Each source is (model, filters) where filters select LogEntry rows of that model, e.g.
    `(Organisation, {"object_pk": str(org.pk)})` or, for the branches of an organisation
    including deleted ones, `(Location, {"additional_data__organisation_id": org.pk})`.
    """
    condition = Q()
    models = {}
    for model, filters in sources:
        ct = ContentType.objects.get_for_model(model)
        models[ct.pk] = model
        condition |= Q(content_type=ct, **filters)
    entries = LogEntry.objects.filter(condition).select_related("actor").order_by("-timestamp")[:limit]
    result = []
    for entry in entries:
        model = models[entry.content_type_id]
        changes = []
        for name, values in (entry.changes_dict or {}).items():
            if not _is_shown(model, name):
                continue
            old, new = (list(values) + [None, None])[:2] if isinstance(values, list | tuple) else (None, values)
            changes.append(
                HistoryChange(_field_label(model, name), _display(old, model, name), _display(new, model, name))
            )
        result.append(
            HistoryEntry(
                timestamp=entry.timestamp,
                actor=str(entry.actor) if entry.actor else str(_("the system")),
                action=str(ACTION_LABELS.get(entry.action, entry.action)),
                object_type=str(model._meta.verbose_name),
                object_repr=entry.object_repr,
                changes=changes,
            )
        )
    return result


def _is_shown(model, name) -> bool:
    """Fields a person filled in; not the primary key, the public id or reverse relations."""
    try:
        field = model._meta.get_field(name)
    except Exception:  # a field that no longer exists: still show what changed
        return True
    return (field.concrete or field.many_to_many) and not field.auto_created and name != "uuid"


def _display(value, model=None, name=None):
    if isinstance(value, dict):  # a many-to-many change: {"type": "m2m", "operation": ..., "objects": [...]}
        objects = value.get("objects") or []
        operation = {"add": "+", "delete": "−"}.get(value.get("operation"), "")
        return f"{operation} {', '.join(str(o) for o in objects)}".strip() or "–"
    if value in (None, "None", ""):
        return "–"
    try:
        choices = dict(model._meta.get_field(name).flatchoices) if model is not None else {}
    except Exception:  # a field that no longer exists
        choices = {}
    if isinstance(value, str) and value in choices:
        return str(choices[value])
    if value == "True":
        return str(_("yes"))
    if value == "False":
        return str(_("no"))
    return str(value)
