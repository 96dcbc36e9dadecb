from django import template

register = template.Library()

TEXTBOX_TYPES = {"text", "email", "password", "url", "number", "date", "datetime", "time", "tel", "search"}


@register.filter
def widget_type(bound_field):
    return bound_field.widget_type


def widget_classes(kind: str, invalid: bool) -> str:
    if kind in TEXTBOX_TYPES or kind.endswith("input"):
        base = "utrecht-textbox utrecht-textbox--html-input"
        return base + (" utrecht-textbox--invalid" if invalid else "")
    if kind in {"select", "selectmultiple", "nullbooleanselect"}:
        return "utrecht-select utrecht-select--html-select" + (" utrecht-select--invalid" if invalid else "")
    if kind == "textarea":
        return "utrecht-textarea utrecht-textarea--html-textarea" + (" utrecht-textarea--invalid" if invalid else "")
    if kind == "checkbox":
        return "utrecht-checkbox utrecht-checkbox--html-input" + (" utrecht-checkbox--invalid" if invalid else "")
    return ""


@register.simple_tag
def field_widget(bound_field):
    """Render a field's widget with NL Design System classes, and tie its description and
    error message to it for screen readers."""
    invalid = bool(bound_field.errors)
    describedby = []
    if bound_field.help_text:
        describedby.append(f"{bound_field.auto_id}_help")
    if invalid:
        describedby.append(f"{bound_field.auto_id}_error")
    attrs = {}
    classes = widget_classes(bound_field.widget_type, invalid)
    existing = bound_field.field.widget.attrs.get("class", "")
    if classes or existing:
        attrs["class"] = f"{classes} {existing}".strip()
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if invalid:
        attrs["aria-invalid"] = "true"
    if bound_field.field.required and bound_field.widget_type not in {"checkboxselectmultiple", "radioselect"}:
        attrs["aria-required"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def simple_markup(text):
    """Plain text with '## heading' and '- item' lines to safe HTML (everything else escaped)."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    html, items, paragraph = [], [], []

    def flush():
        if items:
            html.append('<ul class="utrecht-unordered-list">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
            items.clear()
        if paragraph:
            html.append('<p class="utrecht-paragraph">' + " ".join(paragraph) + "</p>")
            paragraph.clear()

    for raw in (text or "").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            flush()
            html.append(f'<h2 class="utrecht-heading-2">{escape(line[3:])}</h2>')
        elif line.startswith("- "):
            if paragraph:
                flush()
            items.append(escape(line[2:]))
        elif not line:
            flush()
        else:
            if items:
                flush()
            paragraph.append(escape(line))
    flush()
    return mark_safe("\n".join(html))  # noqa: S308 - every piece above is escaped


@register.filter
def html_datetime(value):
    """A moment for `<time datetime="...">`: local time, whole seconds, offset with a colon
    (2026-12-03T07:05:09+01:00). Django's `date:"c"` writes microseconds, which HTML does not
    allow (at most three decimals)."""
    import datetime

    from django.utils import timezone

    if not isinstance(value, datetime.datetime):
        return value.isoformat() if isinstance(value, datetime.date) else ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()
