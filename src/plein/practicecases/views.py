from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from plein.accounts.choices import Role
from plein.common.forms import add_service_errors
from plein.common.views_base import PleinPermissionMixin
from plein.themegroups.selectors import group_get

from . import selectors, services
from .forms import NotificationForm, PracticeCaseForm, ReplyForm
from .models import PracticeCase


def _reverse_or_none(name, **kwargs):
    # The theme group pages belong to another app; link to them only when they exist.
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _group_crumbs(group, *extra):
    crumbs = []
    groups_url = _reverse_or_none("themegroups:list")
    if groups_url:
        crumbs.append((_("Theme groups"), groups_url))
    crumbs.append((str(group), _reverse_or_none("themegroups:group_detail", uuid=group.uuid)))
    crumbs.append((_("Practice cases"), reverse("practicecases:case_list", kwargs={"group_uuid": group.uuid})))
    return crumbs + list(extra)


def _chooses_library(user) -> bool:
    """Library staff bring a case in for their own library; a facilitator picks one."""
    return user.role not in (Role.COORDINATOR, Role.DESK_WORKER)


class GroupMixin(PleinPermissionMixin):
    @cached_property
    def group(self):
        return group_get(user=self.request.user, uuid=self.kwargs["group_uuid"])

    def get_permission_object(self):
        return self.group


class CaseListView(GroupMixin, View):
    permission_required = "practicecases.view_cases"

    def get(self, request, group_uuid):
        group = self.group
        page = Paginator(selectors.case_list(group=group), 50).get_page(request.GET.get("pagina"))
        crumbs = _group_crumbs(group)
        crumbs[-1] = (crumbs[-1][0], None)
        return render(
            request,
            "practicecases/case_list.html",
            {
                "group": group,
                "page": page,
                "group_url": _reverse_or_none("themegroups:group_detail", uuid=group.uuid),
                "can_contribute": request.user.has_perm("practicecases.contribute", group),
                "page_title": _("Practice cases of %(group)s") % {"group": group.name},
                "breadcrumbs": crumbs,
            },
        )


class CaseCreateView(GroupMixin, View):
    permission_required = "practicecases.contribute"

    def get(self, request, group_uuid):
        return self.render(self.make_form())

    def post(self, request, group_uuid):
        form = self.make_form(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            library = data.pop("library", None) or request.user.organisation
            try:
                case = services.case_create(acting_user=request.user, group=self.group, library=library, **data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Your practice case “%(title)s” is now in the group.") % {"title": case.title}
                )
                return redirect("practicecases:case_detail", uuid=case.uuid)
        return self.render(form)

    def make_form(self, data=None):
        return PracticeCaseForm(data, group=self.group, choose_library=_chooses_library(self.request.user))

    def render(self, form):
        title = _("Bring in a practice case")
        return render(
            self.request,
            "practicecases/case_form.html",
            {
                "form": form,
                "group": self.group,
                "page_title": title,
                "intro": _(
                    "Describe a situation from your library. The other libraries and the facilitator read it "
                    "and reply. Write it so that someone from another library understands it."
                ),
                "submit_label": _("Bring in the case"),
                "cancel_url": reverse("practicecases:case_list", kwargs={"group_uuid": self.group.uuid}),
                "breadcrumbs": _group_crumbs(self.group, (title, None)),
            },
        )


class CaseMixin(PleinPermissionMixin):
    @cached_property
    def case(self) -> PracticeCase:
        return selectors.case_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.case.group


class CaseDetailView(CaseMixin, View):
    permission_required = "practicecases.view_cases"

    def get(self, request, uuid):
        return render_case(request, self.case, ReplyForm())


def render_case(request, case, reply_form, status=200):
    user = request.user
    can_contribute = user.has_perm("practicecases.contribute", case.group)
    return render(
        request,
        "practicecases/case_detail.html",
        {
            "case": case,
            "group": case.group,
            "replies": case.replies.all(),
            "reply_form": reply_form if can_contribute else None,
            "can_change": user.has_perm("practicecases.change_case", case),
            "meeting_url": _reverse_or_none("themegroups:meeting_detail", uuid=case.meeting.uuid)
            if case.meeting_id
            else None,
            "page_title": case.title,
            "breadcrumbs": _group_crumbs(case.group, (case.title, None)),
        },
        status=status,
    )


class CaseUpdateView(CaseMixin, View):
    permission_required = "practicecases.change_case"

    def get_permission_object(self):
        return self.case

    def get(self, request, uuid):
        return self.render(PracticeCaseForm(instance=self.case, group=self.case.group))

    def post(self, request, uuid):
        form = PracticeCaseForm(request.POST, instance=PracticeCase.objects.get(pk=self.case.pk), group=self.case.group)
        if form.is_valid():
            try:
                services.case_update(acting_user=request.user, case=self.case, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect("practicecases:case_detail", uuid=self.case.uuid)
        return self.render(form)

    def render(self, form):
        title = _("Change practice case")
        case_url = reverse("practicecases:case_detail", kwargs={"uuid": self.case.uuid})
        return render(
            self.request,
            "practicecases/case_form.html",
            {
                "form": form,
                "group": self.case.group,
                "page_title": title,
                "cancel_url": case_url,
                "breadcrumbs": _group_crumbs(self.case.group, (self.case.title, case_url), (title, None)),
            },
        )


class ReplyCreateView(CaseMixin, View):
    permission_required = "practicecases.contribute"

    def get(self, request, uuid):
        # The reply form lives on the case page, below the discussion.
        return redirect(reverse("practicecases:case_detail", kwargs={"uuid": uuid}) + "#reageren")

    def post(self, request, uuid):
        form = ReplyForm(request.POST)
        if form.is_valid():
            try:
                reply = services.reply_create(acting_user=request.user, case=self.case, body=form.cleaned_data["body"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your reply has been placed."))
                return redirect(reverse("practicecases:case_detail", kwargs={"uuid": uuid}) + f"#reactie-{reply.pk}")
        return render_case(request, self.case, form)


class NotificationSettingsView(PleinPermissionMixin, View):
    permission_required = "accounts.use_own_account"

    def get(self, request):
        return self.render(NotificationForm(initial={"notification_frequency": request.user.notification_frequency}))

    def post(self, request):
        form = NotificationForm(request.POST)
        if form.is_valid():
            services.notification_frequency_update(
                user=request.user, notification_frequency=form.cleaned_data["notification_frequency"]
            )
            messages.success(request, _("Your choice has been saved."))
            return redirect("accounts:profile")
        return self.render(form)

    def render(self, form):
        title = _("E-mail about practice cases")
        return render(
            self.request,
            "practicecases/notifications.html",
            {
                "form": form,
                "page_title": title,
                "cancel_url": reverse("accounts:profile"),
                "breadcrumbs": [(_("My account"), reverse("accounts:profile")), (title, None)],
            },
        )
