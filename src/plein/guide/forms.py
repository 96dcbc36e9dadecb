from django import forms
from django.utils.translation import gettext_lazy as _

from plein.organisations.choices import OrganisationType
from plein.organisations.models import Organisation
from plein.resources.models import Resource

from .choices import ASPECTS, AgreementStatus, ItemKind, PartnerRole, PartnerTheme
from .models import Trajectory
from .services import MAX_ANSWER


class TrajectoryForm(forms.ModelForm):
    class Meta:
        model = Trajectory
        fields = ["name", "location"]
        help_texts = {
            "name": _("For example: Ontwikkelplein in the central library."),
            "location": _("Leave empty when the route is for the whole library."),
        }

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library
        self.fields["location"].queryset = library.locations.order_by("name")
        self.fields["location"].empty_label = _("The whole library")

    def _post_clean(self):
        self.instance.library = self.library
        super()._post_clean()


class StepForm(forms.Form):
    """One field per question (q-<key>) and per checklist item (c-<key>), plus "done"."""

    def __init__(self, *args, step, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        for item in step.items.all():
            if item.kind == ItemKind.QUESTION:
                self.fields[f"q-{item.key}"] = forms.CharField(
                    label=item.text,
                    required=False,
                    max_length=MAX_ANSWER,
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
            else:
                self.fields[f"c-{item.key}"] = forms.BooleanField(label=item.text, required=False)
        self.fields["done"] = forms.BooleanField(label=_("This step is done"), required=False)

    def question_fields(self):
        return [self[name] for name in self.fields if name.startswith("q-")]

    def check_fields(self):
        return [self[name] for name in self.fields if name.startswith("c-")]

    def saved_data(self):
        """What can be saved, also when some fields are not valid: the valid ones."""
        data = getattr(self, "cleaned_data", {})
        answers = {name[2:]: value for name, value in data.items() if name.startswith("q-")}
        ticked = {name[2:] for name, value in data.items() if name.startswith("c-") and value}
        return answers, ticked, data.get("done", False)


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation in Plein"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Not in Plein"),
        to_field_name="uuid",
        help_text=_("Choose it if the partner is in Plein; otherwise type its name below."),
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    roles = forms.MultipleChoiceField(
        label=_("Role"), choices=PartnerRole.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=PartnerTheme.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    agreement = forms.ChoiceField(label=_("Agreement"), choices=AgreementStatus.choices)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(
            type__in=[OrganisationType.LIBRARY, OrganisationType.POI]
        ).order_by("name")

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not (data.get("name") or "").strip():
            self.add_error("name", _("Give the partner a name, or choose an organisation."))
        return data


class StepEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    explanation = forms.CharField(label=_("Explanation"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    tips = forms.CharField(
        label=_("Handy tips"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("One tip per line."),
    )
    aspects = forms.MultipleChoiceField(
        label=_("Aspects"),
        choices=[(a.value, a.label) for a in ASPECTS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    resources = forms.ModelMultipleChoiceField(
        label=_("Resources"),
        queryset=Resource.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Resources that help with this step."),
    )
    new_question = forms.CharField(label=_("Add a question"), max_length=300, required=False)
    new_check = forms.CharField(label=_("Add a checklist item"), max_length=300, required=False)

    def __init__(self, *args, step, **kwargs):
        initial = {
            "title": step.title,
            "explanation": step.explanation,
            "tips": step.tips,
            "aspects": step.aspects,
            "resources": list(step.resources.all()),
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.step = step
        self.fields["resources"].queryset = Resource.objects.filter(groups__isnull=True).order_by("title")
        for item in step.items.all():
            label = _("Question") if item.kind == ItemKind.QUESTION else _("Checklist item")
            self.fields[f"item-{item.pk}"] = forms.CharField(
                label=f"{label}: {item.text}",
                initial=item.text,
                max_length=300,
                required=False,
                help_text=_("Empty this field to remove it."),
            )

    def service_kwargs(self):
        data = self.cleaned_data
        return {
            "title": data["title"],
            "explanation": data["explanation"],
            "tips": data["tips"],
            "aspects": data["aspects"],
            "resources": data["resources"],
            "item_texts": {int(n.split("-")[1]): v for n, v in data.items() if n.startswith("item-")},
            "new_items": [(ItemKind.QUESTION, data["new_question"]), (ItemKind.CHECK, data["new_check"])],
        }


class PublishForm(forms.Form):
    note = forms.CharField(
        label=_("What changed"),
        max_length=300,
        required=False,
        help_text=_("A short note for the libraries, for example: New tips about partners."),
    )
