from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import NotificationFrequency

from . import selectors
from .models import CaseReply, PracticeCase


class NoInvalidLookForm:
    """The Utrecht CSS paints every empty `required` textarea red (`:invalid`) before anyone has
    typed. Leave the HTML attribute out and tell screen readers with aria-required instead;
    the forms are `novalidate` anyway, the server checks."""

    use_required_attribute = False

    def mark_required(self):
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["aria-required"] = "true"


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        return f"{meeting.title} ({formats.date_format(meeting.starts_at, 'j F Y')})"


class PracticeCaseForm(NoInvalidLookForm, forms.ModelForm):
    """The fixed structure of a case. A facilitator also chooses the library it comes from;
    library staff bring it in for their own library."""

    class Meta:
        model = PracticeCase
        fields = ["title", "context", "question", "tried", "result", "tips", "meeting"]
        labels = {"tried": _("What have you tried?")}
        field_classes = {"meeting": MeetingChoiceField}
        widgets = {
            name: forms.Textarea(attrs={"rows": 4}) for name in ["context", "question", "tried", "result", "tips"]
        }

    def __init__(self, *args, group, choose_library=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        self.instance.group = group
        self.fields["meeting"].queryset = group.meetings.order_by("starts_at")
        self.fields["meeting"].empty_label = _("No meeting")
        if choose_library:
            self.fields = {
                "library": forms.ModelChoiceField(
                    label=_("Library"),
                    queryset=selectors.member_libraries(group=group),
                    empty_label=_("Choose a library"),
                    help_text=_("The library that brings in the case."),
                ),
                **self.fields,
            }
        self.mark_required()

    def _post_clean(self):
        if "library" in self.cleaned_data:
            self.instance.library = self.cleaned_data["library"]
        super()._post_clean()


class ReplyForm(NoInvalidLookForm, forms.ModelForm):
    class Meta:
        model = CaseReply
        fields = ["body"]
        labels = {"body": _("Your reply")}
        help_texts = {"body": _("Share what you know or what worked for your library.")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mark_required()


class NotificationForm(forms.Form):
    notification_frequency = forms.ChoiceField(
        label=_("E-mail about practice cases"),
        choices=NotificationFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_("New practice cases and replies in your theme groups. You never get an e-mail about your own."),
    )
