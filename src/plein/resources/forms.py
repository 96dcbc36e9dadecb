from django import forms
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from plein.themegroups.choices import Topic

from . import selectors
from .files import ACCEPT, FORMATS, inspect_upload, max_bytes


class GroupChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.programme_year.year})"


class ResourceForm(forms.Form):
    """Add or change a resource: a file or a link (one of the two), theme groups and topics."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What is it, and what do you use it for? Write it so that a colleague understands it at once."),
    )
    file = forms.FileField(label=_("File"), required=False, widget=forms.FileInput(attrs={"accept": ACCEPT}))
    url = forms.URLField(
        label=_("Or a link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("A web page instead of a file. Start with https://"),
    )
    groups = GroupChoiceField(
        label=_("Theme groups"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=Topic.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, user, resource=None, **kwargs):
        if resource is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": resource.title,
                    "description": resource.description,
                    "url": resource.url,
                    "groups": [g.pk for g in resource.groups.all()],
                    "topics": [row.topic for row in resource.topic_rows.all()],
                },
            )
        super().__init__(*args, **kwargs)
        self.resource = resource
        selectable = selectors.groups_for_filter(user=user)
        self.fields["groups"].queryset = selectable
        self.kept_groups = []
        if resource is not None:
            # Groups the person cannot choose (another POI's) stay on the resource when they save.
            selectable_ids = set(selectable.values_list("pk", flat=True))
            self.kept_groups = [g for g in resource.groups.all() if g.pk not in selectable_ids]
        self.group_required = not user.has_perm("resources.share_with_everyone")
        if self.group_required:
            self.fields["groups"].help_text = _("Choose at least one of your theme groups.")
        else:
            self.fields["groups"].help_text = _(
                "Only the libraries in these groups see it. Choose none, and everyone who can log in sees it."
            )
        kinds = ", ".join(sorted({f.label for f in FORMATS.values()}))
        limit = filesizeformat(max_bytes())
        if resource is not None and resource.has_file:
            self.fields["file"].help_text = _(
                "Now: %(name)s. Only choose a file if you want to replace it. %(kinds)s; at most %(limit)s."
            ) % {"name": resource.download_filename, "kinds": kinds, "limit": limit}
        else:
            self.fields["file"].help_text = _("%(kinds)s; at most %(limit)s.") % {"kinds": kinds, "limit": limit}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            inspect_upload(upload)  # raises a Dutch message about size, extension or content
        return upload

    def clean(self):
        cleaned = super().clean()
        upload, url = cleaned.get("file"), cleaned.get("url")
        if upload and url:
            self.add_error(
                "url", _("Upload a file or give a link, not both. Leave this field empty when you upload a file.")
            )
        elif not upload and not url and "file" not in self.errors and "url" not in self.errors:
            resource = self.resource
            keeps_content = resource is not None and (resource.has_file or resource.is_placeholder)
            if not keeps_content:
                self.add_error("file", _("Upload a file or give a link."))
        if "groups" in cleaned:
            cleaned["groups"] = [*cleaned["groups"], *self.kept_groups]
            if self.group_required and not cleaned["groups"]:
                self.add_error("groups", _("Choose at least one of your theme groups."))
        return cleaned


class ResourceFilterForm(forms.Form):
    groep = forms.ModelChoiceField(
        label=_("Theme group"), queryset=None, required=False, to_field_name="uuid", empty_label=_("All theme groups")
    )
    thema = forms.ChoiceField(label=_("Topic"), required=False, choices=[("", _("All topics")), *Topic.choices])
    zoek = forms.CharField(label=_("Title or description contains"), required=False, max_length=100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groep"].queryset = selectors.groups_for_filter(user=user)
        self.fields["groep"].label_from_instance = lambda g: f"{g.name} ({g.programme_year.year})"

    def filters(self) -> dict:
        """The valid part of the filter; a group the person may not see is simply ignored."""
        self.is_valid()
        data = self.cleaned_data
        return {"group": data.get("groep"), "topic": data.get("thema") or "", "search": data.get("zoek") or ""}
