from django.forms.renderers import TemplatesSetting


class PleinFormRenderer(TemplatesSetting):
    """Renders every Django form with NL Design System (Utrecht) form fields: label,
    description and error message tied to the input with aria-describedby."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
