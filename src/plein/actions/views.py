from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from plein.common.forms import add_service_errors
from plein.common.views_base import PleinPermissionMixin

from . import origins, selectors, services
from .choices import ActionStatus
from .forms import ActionForm, OverviewFilterForm
from .models import Action


def _plan_url(library) -> str:
    return reverse("actions:plan", kwargs={"uuid": library.uuid})


def _plan_title(library) -> str:
    return _("Action plan of %(library)s") % {"library": library.name}


def _plan_crumbs(request, library, *extra):
    crumbs = []
    if request.user.has_perm("actions.view_overview"):
        crumbs.append((_("Actions of the libraries"), reverse("actions:overview")))
    crumbs.append((_plan_title(library), _plan_url(library)))
    return crumbs + list(extra)


def _decorate(actions):
    """Add what the templates show next to each action: where it came from (told by the app that
    made it, see `origins`; the selectors read it with the actions), its next steps."""
    origins.attach(actions)
    for action in actions:
        action.next_statuses = selectors.next_statuses(action.status)
    return actions


class ActionIndexView(LoginRequiredMixin, View):
    """/acties/: managers go to the overview, library staff to their own library's plan."""

    def get(self, request):
        user = request.user
        if user.has_perm("actions.view_overview"):
            return redirect("actions:overview")
        if user.organisation_id and user.has_perm("actions.view_plan", user.organisation):
            return redirect("actions:plan", uuid=user.organisation.uuid)
        raise PermissionDenied


class LibraryMixin(PleinPermissionMixin):
    @cached_property
    def library(self):
        return selectors.library_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.library


class PlanView(LibraryMixin, View):
    permission_required = "actions.view_plan"

    def get(self, request, uuid):
        library = self.library
        actions = _decorate(list(selectors.plan_for(library=library)))
        return render(
            request,
            "actions/plan.html",
            {
                "library": library,
                "sections": selectors.plan_sections(actions),
                "action_count": len(actions),
                "overdue_count": sum(1 for a in actions if a.is_overdue),
                "can_change": request.user.has_perm("actions.change_plan", library),
                "page_title": _plan_title(library),
                "breadcrumbs": _plan_crumbs(request, library),
            },
        )


class ActionFormMixin:
    template_name = "actions/form.html"

    def render_form(self, form, title, library):
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "library": library,
                "page_title": title,
                "cancel_url": _plan_url(library),
                "breadcrumbs": _plan_crumbs(self.request, library, (title, None)),
            },
        )


class ActionCreateView(LibraryMixin, ActionFormMixin, View):
    permission_required = "actions.change_plan"

    def get(self, request, uuid):
        return self.render(ActionForm(library=self.library))

    def post(self, request, uuid):
        form = ActionForm(request.POST, library=self.library)
        if form.is_valid():
            try:
                action = services.action_create(library=self.library, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The action “%(title)s” has been added.") % {"title": action.title})
                return redirect(_plan_url(self.library) + f"#actie-{action.uuid}")
        return self.render(form)

    def render(self, form):
        return self.render_form(form, _("Add an action"), self.library)


class ActionObjectMixin(PleinPermissionMixin):
    @cached_property
    def action(self) -> Action:
        return selectors.action_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.action.library


class ActionUpdateView(ActionObjectMixin, ActionFormMixin, View):
    permission_required = "actions.change_plan"

    def get(self, request, uuid):
        return self.render(ActionForm(instance=self.action, library=self.action.library))

    def post(self, request, uuid):
        action = self.action
        title = action.title  # the form changes the instance; the page keeps the saved title
        form = ActionForm(request.POST, instance=action, library=action.library)
        if form.is_valid():
            try:
                services.action_update(action=action, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect(_plan_url(action.library) + f"#actie-{action.uuid}")
        return self.render(form, title)

    def render(self, form, title=None):
        page_title = _("Change action “%(title)s”") % {"title": title or self.action.title}
        return self.render_form(form, page_title, self.action.library)


class ActionDeleteView(ActionObjectMixin, View):
    permission_required = "actions.change_plan"

    def get(self, request, uuid):
        action = self.action
        title = _("Remove action “%(title)s”") % {"title": action.title}
        return render(
            request,
            "actions/action_confirm_delete.html",
            {
                "action": action,
                "page_title": title,
                "cancel_url": _plan_url(action.library),
                "breadcrumbs": _plan_crumbs(request, action.library, (title, None)),
            },
        )

    def post(self, request, uuid):
        action = self.action
        library, title = action.library, action.title
        services.action_delete(action=action, acting_user=request.user)
        messages.success(request, _("The action “%(title)s” has been removed.") % {"title": title})
        return redirect(_plan_url(library))


class ActionTransitionView(ActionObjectMixin, View):
    """POST: move an action to another status. The service refuses a step that is not allowed."""

    permission_required = "actions.change_plan"

    def get(self, request, uuid):
        return redirect(_plan_url(self.action.library))

    def post(self, request, uuid):
        action = self.action
        new_status = request.POST.get("status", "")
        if new_status not in ActionStatus.values:
            messages.error(request, _("Choose one of the steps shown next to the action. Nothing has been changed."))
        else:
            try:
                action = services.action_transition(action=action, new_status=new_status, acting_user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join([*error.messages, _("Nothing has been changed.")]))
            else:
                messages.success(
                    request,
                    _("“%(title)s” is now “%(status)s”.")
                    % {"title": action.title, "status": ActionStatus(action.status).label},
                )
        return redirect(_plan_url(action.library) + f"#actie-{action.uuid}")


class OverviewView(PleinPermissionMixin, View):
    permission_required = "actions.view_overview"

    def get(self, request):
        form = OverviewFilterForm(request.GET or None, user=request.user)
        filters = {}
        if form.is_bound:
            form.is_valid()  # a filter with a bad value is left out, the others still apply
            filters = {name: value for name, value in form.cleaned_data.items() if value}
        overview = selectors.action_overview(user=request.user, **filters)
        page = Paginator(overview.actions, 50).get_page(request.GET.get("pagina"))
        page.object_list = _decorate(list(page.object_list))
        title = _("Actions of the libraries")
        return render(
            request,
            "actions/overview.html",
            {
                "form": form,
                "libraries": overview.libraries,
                "totals": overview.totals,
                "statuses": ActionStatus,
                "page": page,
                "page_title": title,
                "breadcrumbs": [(title, None)],
            },
        )
