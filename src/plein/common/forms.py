from django import forms
from django.forms.renderers import TemplatesSetting


class PleinFormRenderer(TemplatesSetting):
    """Renders every Django form with NL Design System (Utrecht) form fields: label,
    description and error message tied to the input with aria-describedby."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"


def add_service_errors(form, error):
    """Show a ValidationError raised by a service next to the form fields it names (or at the
    top of the form), so the person sees why nothing was saved and keeps their input."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class DateInput(forms.DateInput):
    """The browser's own date picker; the value in ISO form so it shows in every language."""

    input_type = "date"

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(**kwargs)


class TimeInput(forms.TimeInput):
    """The browser's own time field, the value as 14:30."""

    input_type = "time"

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%H:%M")
        super().__init__(**kwargs)
