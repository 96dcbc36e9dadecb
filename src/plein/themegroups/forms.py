from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from plein.accounts.choices import Role
from plein.common.forms import DateInput
from plein.organisations.choices import OrganisationType, Province
from plein.organisations.models import Organisation

from .choices import MeetingKind, Topic
from .models import ProgrammeYear, ThemeGroup

User = get_user_model()


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class ProgrammeYearForm(forms.ModelForm):
    class Meta:
        model = ProgrammeYear
        fields = ["year", "signup_opens", "signup_closes", "contact_email", "intro"]
        widgets = {
            "signup_opens": DateInput(),
            "signup_closes": DateInput(),
            "intro": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, poi, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.poi = poi

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2015 <= year <= 2100:
            raise forms.ValidationError(_("Enter a year such as 2022."))
        return year

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("signup_opens"), cleaned.get("signup_closes")
        if opens and closes and closes < opens:
            self.add_error("signup_closes", _("Sign-up cannot close before it opens."))
        return cleaned

    def validate_constraints(self, exclude=None):
        # The year must be unique per POI: say so next to the field.
        if (
            ProgrammeYear.objects.filter(poi=self.instance.poi, year=self.cleaned_data.get("year"))
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("year", _("This year already exists."))
            return
        super().validate_constraints(exclude=exclude)


class ThemeGroupForm(forms.ModelForm):
    facilitators = forms.ModelMultipleChoiceField(
        label=_("Facilitators"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = ThemeGroup
        fields = ["name", "description", "capacity", "expected_meetings", "facilitators"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"capacity": _("How many libraries can take part. New sign-ups go on the waiting list when full.")}

    def __init__(self, *args, programme_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme_year = programme_year
        self.instance.programme_year = programme_year
        self.fields["facilitators"].queryset = User.objects.filter(
            role=Role.FACILITATOR, organisation=programme_year.poi, is_active=True
        ).order_by("name")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = ThemeGroup.objects.filter(programme_year=self.programme_year, name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError(_("This year already has a theme group with this name."))
        return name

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity < 1:
            raise forms.ValidationError(_("A group needs at least one place."))
        if self.instance.pk and capacity < self.instance.memberships.filter(left_at__isnull=True).count():
            raise forms.ValidationError(_("More libraries already take part than this number of places."))
        return capacity


class SignupForm(forms.Form):
    library = forms.ModelChoiceField(
        label=_("Your library"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("My library is not in the list"),
    )
    new_library_name = forms.CharField(
        label=_("Name of your library"), required=False, help_text=_("Only if your library is not in the list.")
    )
    new_library_municipality = forms.CharField(label=_("Municipality"), required=False)
    new_library_province = forms.ChoiceField(
        label=_("Province"), required=False, choices=[("", _("Choose a province")), *Province.choices]
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("Theme groups"), queryset=ThemeGroup.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    contact_email = forms.EmailField(label=_("Your e-mail address"), help_text=_("We send the confirmation here."))
    contact_role = forms.CharField(
        label=_("Your role in the library"),
        max_length=200,
        help_text=_("For example: IDO coordinator, programme lead."),
    )
    motivation = forms.CharField(
        label=_("Why do you want to take part?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What do you want to learn or achieve? A few sentences are enough."),
    )
    privacy = forms.BooleanField(
        label=_("I agree that Plein keeps these details to handle the sign-up."),
        error_messages={"required": _("Tick this box to sign up.")},
    )

    def __init__(self, *args, programme_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = Organisation.objects.filter(type=OrganisationType.LIBRARY).order_by("name")
        self.fields["groups"].queryset = programme_year.groups.order_by("name")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("library") and not cleaned.get("new_library_name", "").strip():
            self.add_error("library", _("Choose your library, or give the name of a new one."))
        if not cleaned.get("library") and cleaned.get("new_library_name", "").strip():
            if not cleaned.get("new_library_province"):
                self.add_error("new_library_province", _("Choose the province of your library."))
        return cleaned


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The library gets this in the e-mail."),
    )


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices, widget=forms.RadioSelect)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeInput())
    meeting_url = forms.URLField(label=_("Meeting link"), required=False, assume_scheme="https", max_length=200)
    address = forms.CharField(label=_("Address"), required=False, max_length=300)
    host_library = forms.ModelChoiceField(
        label=_("Host library"),
        queryset=Organisation.objects.filter(type=OrganisationType.LIBRARY).order_by("name"),
        required=False,
        empty_label=_("No host library"),
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def _plausible(self, name):
        value = self.cleaned_data.get(name)
        if value and not 2000 <= value.year <= 2100:
            raise forms.ValidationError(_("Enter a date between 2000 and 2100."))
        return value

    def clean_starts_at(self):
        return self._plausible("starts_at")

    def clean_ends_at(self):
        return self._plausible("ends_at")

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        kind = cleaned.get("kind")
        if kind == MeetingKind.ONLINE and not cleaned.get("meeting_url"):
            self.add_error("meeting_url", _("An online meeting needs a meeting link."))
        if kind == MeetingKind.PHYSICAL and not cleaned.get("address"):
            self.add_error("address", _("A meeting in person needs an address."))
        if kind == MeetingKind.VISIT and not cleaned.get("host_library"):
            self.add_error("host_library", _("Choose the library you visit."))
        return cleaned


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Subject"), max_length=200, required=False)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices, initial=Topic.OTHER)
    presenter = forms.CharField(label=_("Presenter"), max_length=200, required=False)
    duration_minutes = forms.IntegerField(label=_("Duration in minutes"), min_value=1, max_value=480, required=False)
    # Kept as it was (set by the app that put the item on the agenda, e.g. the borging overview).
    link = forms.RegexField(regex=r"^/[^\s]*$", max_length=300, required=False, widget=forms.HiddenInput)


AgendaFormSet = forms.formset_factory(AgendaItemForm, extra=3, max_num=20)


class AttendanceForm(forms.Form):
    registered = forms.TypedChoiceField(
        label=_("Will your library be there?"),
        choices=[("1", _("Yes, we will be there")), ("0", _("No, we cannot come"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    people = forms.IntegerField(label=_("With how many people?"), min_value=1, max_value=20, initial=1)


class AttendanceConfirmForm(forms.Form):
    attended = forms.ModelMultipleChoiceField(
        label=_("Libraries that were there"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, libraries, replies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].queryset = libraries
        if replies is not None:
            # The reply beforehand stays visible next to each box: it is a separate fact.
            self.fields["attended"].label_from_instance = lambda library: (
                _("%(library)s (reply: %(reply)s)")
                % {
                    "library": library.name,
                    "reply": reply_text(replies.get(library.pk)),
                }
            )


def reply_text(attendance) -> str:
    """A library's reply beforehand in words; None (or no row) is "no answer"."""
    if attendance is None or attendance.registered is None:
        return _("no answer")
    if attendance.registered:
        return ngettext("will come, %(count)s person", "will come, %(count)s people", attendance.people) % {
            "count": attendance.people
        }
    return _("cannot come")


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 10}), required=False)
    decisions = forms.CharField(
        label=_("Decisions"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One decision per line."),
    )


class ActionItemForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=200, required=False)
    description = forms.CharField(label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    due_date = forms.DateField(label=_("Ready by"), required=False, widget=DateInput())
    libraries = forms.ModelMultipleChoiceField(
        label=_("For libraries"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    lead = forms.ChoiceField(
        label=_("Who takes the lead"),
        required=False,
        help_text=_(
            "A library, or a person at a library. Their library gets the action too; the person is its owner there."
        ),
    )

    def __init__(self, *args, libraries, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["libraries"].queryset = libraries
        self._libraries = {lib.pk: lib for lib in libraries}
        self._people = {person.pk: person for person in people}
        self.fields["lead"].choices = [
            ("", "—"),
            (_("Library"), [(f"bieb-{lib.pk}", lib.name) for lib in libraries]),
            (
                _("Person"),
                [(f"persoon-{p.pk}", f"{p.name or p.email} ({p.organisation.name})") for p in self._people.values()],
            ),
        ]

    def clean_lead(self):
        value = self.cleaned_data.get("lead") or ""
        self.cleaned_data["owner"] = self.cleaned_data["owner_library"] = None
        kind, _sep, pk = value.partition("-")
        if kind == "persoon" and pk.isdigit() and int(pk) in self._people:
            person = self._people[int(pk)]
            self.cleaned_data["owner"] = person
            self.cleaned_data["owner_library"] = self._libraries.get(person.organisation_id)
        elif kind == "bieb" and pk.isdigit() and int(pk) in self._libraries:
            self.cleaned_data["owner_library"] = self._libraries[int(pk)]
        return value

    def clean(self):
        cleaned = super().clean()
        lead = cleaned.get("owner_library")
        if cleaned.get("title") and not lead:
            self.add_error("lead", _("Choose who takes the lead: a library or a person."))
        if lead and cleaned.get("libraries") is not None and lead not in cleaned["libraries"]:
            cleaned["libraries"] = [*cleaned["libraries"], lead]
        if cleaned.get("title") and not cleaned.get("libraries"):
            self.add_error("libraries", _("Choose the libraries this action is for."))
        if cleaned.get("libraries") and not cleaned.get("title"):
            self.add_error("title", _("Describe the action."))
        due = cleaned.get("due_date")
        if due and due < timezone.localdate() - timezone.timedelta(days=365):
            self.add_error("due_date", _("This date is more than a year ago."))
        return cleaned


ActionItemFormSet = forms.formset_factory(ActionItemForm, extra=2, max_num=20)


class RetrospectiveForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(label=_("Introduction"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("Plain text. A line that starts with ## becomes a heading; a line that starts with - a list item."),
    )
