from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View

from plein.common.pdf import content_disposition, pdf_response
from plein.common.views_base import PleinPermissionMixin

from . import documents, selectors, services
from .forms import PartnerForm, PublishForm, StepEditForm, StepForm, TrajectoryForm


def _add_service_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            name = field if field in form.fields else f"q-{field}"
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _library_url(library):
    return reverse("guide:library", kwargs={"uuid": library.uuid})


def _route_url(trajectory):
    return reverse("guide:trajectory", kwargs={"uuid": trajectory.uuid})


def _step_url(trajectory, step):
    return reverse("guide:step", kwargs={"uuid": trajectory.uuid, "key": step.key})


def _library_title(library):
    return _("Ontwikkelplein of %(library)s") % {"library": library.name}


def _crumbs(request, library, *extra):
    crumbs = []
    if request.user.has_perm("guide.view_overview"):
        crumbs.append((_("Ontwikkelplein: the libraries"), reverse("guide:overview")))
    crumbs.append((_library_title(library), _library_url(library)))
    return crumbs + list(extra)


class GuideIndexView(LoginRequiredMixin, View):
    """/ontwikkelplein/: managers go to the overview, library staff to their own library."""

    def get(self, request):
        user = request.user
        if user.has_perm("guide.view_overview"):
            return redirect("guide:overview")
        if user.organisation_id and user.has_perm("guide.view_route", user.organisation):
            return redirect("guide:library", uuid=user.organisation.uuid)
        raise PermissionDenied


class LibraryMixin(PleinPermissionMixin):
    @cached_property
    def library(self):
        return selectors.library_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.library


class LibraryView(LibraryMixin, View):
    """The library's routes, and a form to start one."""

    permission_required = "guide.view_route"

    def get(self, request, uuid):
        library = self.library
        trajectories = list(selectors.trajectories_for(library=library))
        version = selectors.published_version()
        phases = selectors.structure(version)
        from .models import StepState

        done = {}
        for state in StepState.objects.filter(trajectory__in=trajectories, done_at__isnull=False):
            done.setdefault(state.trajectory_id, set()).add(state.step_key)
        for t in trajectories:
            t.per_phase, _aspects = selectors.progress(phases, done.get(t.pk, set()))
        return render(
            request,
            "guide/library.html",
            {
                "library": library,
                "trajectories": trajectories,
                "version": version,
                "phases": phases,
                "can_change": request.user.has_perm("guide.change_route", library),
                "page_title": _library_title(library),
                "breadcrumbs": _crumbs(request, library),
            },
        )


class TrajectoryCreateView(LibraryMixin, View):
    permission_required = "guide.change_route"

    def get(self, request, uuid):
        return self.render(TrajectoryForm(library=self.library, initial={"name": _("Our Ontwikkelplein")}))

    def post(self, request, uuid):
        form = TrajectoryForm(request.POST, library=self.library)
        if form.is_valid():
            try:
                trajectory = services.trajectory_create(
                    library=self.library, acting_user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                messages.success(request, _("The route “%(name)s” has started.") % {"name": trajectory.name})
                return redirect(_route_url(trajectory))
        return self.render(form)

    def render(self, form):
        title = _("Start an Ontwikkelplein route")
        return render(
            self.request,
            "guide/form.html",
            {
                "form": form,
                "page_title": title,
                "submit_label": _("Start"),
                "cancel_url": _library_url(self.library),
                "breadcrumbs": _crumbs(self.request, self.library, (title, None)),
            },
        )


class TrajectoryMixin(PleinPermissionMixin):
    @cached_property
    def trajectory(self):
        return selectors.trajectory_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.trajectory.library

    def crumbs(self, *extra):
        t = self.trajectory
        return _crumbs(self.request, t.library, (t.name, _route_url(t)), *extra)


class TrajectoryView(TrajectoryMixin, View):
    permission_required = "guide.view_route"

    def get(self, request, uuid):
        trajectory = self.trajectory
        route = selectors.route(trajectory=trajectory)
        return render(
            request,
            "guide/trajectory.html",
            {
                "trajectory": trajectory,
                "route": route,
                "partners": selectors.partners_for(trajectory=trajectory),
                "links": selectors.guide_actions_for(trajectory=trajectory),
                "can_change": request.user.has_perm("guide.change_route", trajectory.library),
                "page_title": trajectory.name,
                "breadcrumbs": self.crumbs(),
            },
        )


class StepMixin(TrajectoryMixin):
    @cached_property
    def version(self):
        version = selectors.published_version()
        if version is None:
            from django.http import Http404

            raise Http404
        return version

    @cached_property
    def step(self):
        return selectors.step_get(version=self.version, key=self.kwargs["key"])

    def bound_form(self):
        return StepForm(self.request.POST, step=self.step)

    def save(self, form):
        """Save every valid field of the form, also when another field has an error."""
        form.is_valid()
        answers, ticked, done = form.saved_data()
        if form.errors:
            done = None  # a step with an error is not marked done
        try:
            services.step_save(
                trajectory=self.trajectory,
                step=self.step,
                acting_user=self.request.user,
                answers=answers,
                ticked=ticked,
                done=done,
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        return not form.errors


class StepView(StepMixin, View):
    permission_required = "guide.view_route"

    def get(self, request, uuid, key):
        route = selectors.route(trajectory=self.trajectory, version=self.version)
        step = self.step
        initial = {}
        for item in step.items.all():
            if item.kind == "vraag":
                initial[f"q-{item.key}"] = route.answers.get(item.key, "")
            else:
                initial[f"c-{item.key}"] = item.key in route.ticked
        state = route.states.get(step.key)
        initial["done"] = bool(state and state.done_at)
        return self.render(StepForm(initial=initial, step=step), route)

    def post(self, request, uuid, key):
        if not request.user.has_perm("guide.change_route", self.trajectory.library):
            raise PermissionDenied
        form = self.bound_form()
        if self.save(form):
            messages.success(request, _("Your answers have been saved."))
            route = selectors.route(trajectory=self.trajectory, version=self.version)
            next_step = _neighbours(route, self.step)[1]
            if "verder" in request.POST and next_step is not None:
                return redirect(_step_url(self.trajectory, next_step))
            return redirect(_step_url(self.trajectory, self.step))
        return self.render(form, selectors.route(trajectory=self.trajectory, version=self.version), status=200)

    def render(self, form, route, status=200):
        step, trajectory = self.step, self.trajectory
        previous_step, next_step = _neighbours(route, step)
        return render(
            self.request,
            "guide/step.html",
            {
                "trajectory": trajectory,
                "step": step,
                "phase": step.phase,
                "form": form,
                "route": route,
                "previous_step": previous_step,
                "next_step": next_step,
                "can_change": self.request.user.has_perm("guide.change_route", trajectory.library),
                "page_title": step.title,
                "breadcrumbs": self.crumbs((step.title, None)),
            },
            status=status,
        )


def _neighbours(route, step):
    steps = [s for phase in route.phases for s in phase.steps.all()]
    keys = [s.key for s in steps]
    i = keys.index(step.key) if step.key in keys else -1
    previous_step = steps[i - 1] if i > 0 else None
    next_step = steps[i + 1] if 0 <= i < len(steps) - 1 else None
    return previous_step, next_step


class StepAutosaveView(StepMixin, View):
    """POST from guide-autosave.js: save in the background and answer in JSON."""

    permission_required = "guide.change_route"

    def get(self, request, uuid, key):
        return redirect(_step_url(self.trajectory, self.step))

    def post(self, request, uuid, key):
        form = self.bound_form()
        ok = self.save(form)
        now = formats.time_format(timezone.localtime(), "H:i")
        if ok:
            return JsonResponse({"saved": True, "message": _("Saved at %(time)s") % {"time": now}})
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return JsonResponse(
            {
                "saved": False,
                "message": _("Not everything has been saved. Check the fields marked below."),
                "errors": errors,
            },
            status=400,
        )


class AnswerActionView(StepMixin, View):
    """POST (a button in the step form): save the form, then turn one answer into an action."""

    permission_required = "guide.change_route"

    def get(self, request, uuid, key):
        return redirect(_step_url(self.trajectory, self.step))

    def post(self, request, uuid, key):
        form = self.bound_form()
        self.save(form)
        try:
            action = services.answer_to_action(
                trajectory=self.trajectory,
                step=self.step,
                item_key=request.POST.get("vraag", ""),
                acting_user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The action “%(title)s” is now in your action plan.") % {"title": action.title},
            )
        return redirect(_step_url(self.trajectory, self.step))


class PartnerCreateView(TrajectoryMixin, View):
    permission_required = "guide.change_route"

    def get(self, request, uuid):
        return self.render(PartnerForm())

    def post(self, request, uuid):
        form = PartnerForm(request.POST)
        if form.is_valid():
            try:
                partner = services.partner_save(
                    trajectory=self.trajectory, acting_user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                messages.success(request, _("The partner “%(name)s” has been added.") % {"name": partner.name})
                return redirect(_route_url(self.trajectory) + "#partners")
        return self.render(form)

    def render(self, form, title=None):
        title = title or _("Add a partner")
        return render(
            self.request,
            "guide/form.html",
            {
                "form": form,
                "page_title": title,
                "cancel_url": _route_url(self.trajectory) + "#partners",
                "breadcrumbs": self.crumbs((title, None)),
            },
        )


class PartnerMixin(PleinPermissionMixin):
    permission_required = "guide.change_route"

    @cached_property
    def partner(self):
        return selectors.partner_get(user=self.request.user, uuid=self.kwargs["uuid"])

    @cached_property
    def trajectory(self):
        return self.partner.trajectory

    def get_permission_object(self):
        return self.partner.trajectory.library

    crumbs = TrajectoryMixin.crumbs


class PartnerUpdateView(PartnerMixin, View):
    def initial(self):
        p = self.partner
        return {
            "organisation": p.organisation.uuid if p.organisation else None,
            "name": p.name,
            "roles": p.roles,
            "themes": p.themes,
            "agreement": p.agreement,
            "notes": p.notes,
        }

    def get(self, request, uuid):
        return self.render(PartnerForm(initial=self.initial()))

    def post(self, request, uuid):
        form = PartnerForm(request.POST, initial=self.initial())
        if form.is_valid():
            try:
                services.partner_save(
                    trajectory=self.trajectory, partner=self.partner, acting_user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect(_route_url(self.trajectory) + "#partners")
        return self.render(form)

    def render(self, form):
        return PartnerCreateView.render(self, form, _("Change partner “%(name)s”") % {"name": self.partner.name})


class PartnerDeleteView(PartnerMixin, View):
    def get(self, request, uuid):
        title = _("Remove partner “%(name)s”") % {"name": self.partner.name}
        return render(
            request,
            "guide/partner_confirm_delete.html",
            {
                "partner": self.partner,
                "page_title": title,
                "cancel_url": _route_url(self.trajectory) + "#partners",
                "breadcrumbs": self.crumbs((title, None)),
            },
        )

    def post(self, request, uuid):
        trajectory, name = self.trajectory, self.partner.name
        services.partner_delete(partner=self.partner, acting_user=request.user)
        messages.success(request, _("The partner “%(name)s” has been removed.") % {"name": name})
        return redirect(_route_url(trajectory) + "#partners")


class PlanDocumentView(TrajectoryMixin, View):
    permission_required = "guide.view_route"
    kind = "docx"

    def get(self, request, uuid):
        plan = documents.plan_data(self.trajectory)
        name = slugify(f"projectplan-{self.trajectory.library.name}-{self.trajectory.name}")[:80]
        if self.kind == "pdf":
            return pdf_response(documents.plan_pdf(plan), filename=f"{name}.pdf")
        response = HttpResponse(documents.plan_docx(plan), content_type=documents.DOCX_TYPE)
        response["Content-Disposition"] = content_disposition(f"{name}.docx")
        return response


# --- facilitators -------------------------------------------------------------------------


class OverviewView(PleinPermissionMixin, View):
    permission_required = "guide.view_overview"

    def get(self, request):
        title = _("Ontwikkelplein: the libraries")
        return render(
            request,
            "guide/overview.html",
            {
                "overview": selectors.overview(user=request.user),
                "can_edit": request.user.has_perm("guide.edit_guide"),
                "page_title": title,
                "breadcrumbs": [(title, None)],
            },
        )


def _manage_crumbs(*extra):
    return [
        (_("Ontwikkelplein: the libraries"), reverse("guide:overview")),
        (_("The guide"), reverse("guide:manage")),
        *extra,
    ]


class ManageView(PleinPermissionMixin, View):
    """The versions of the guide; start a draft, open it, publish it."""

    permission_required = "guide.edit_guide"

    def get(self, request):
        draft = selectors.draft_version()
        return render(
            request,
            "guide/manage.html",
            {
                "versions": selectors.versions(),
                "published": selectors.published_version(),
                "draft": draft,
                "draft_phases": selectors.structure(draft),
                "publish_form": PublishForm(),
                "page_title": _("The guide"),
                "breadcrumbs": _manage_crumbs()[:1] + [(_("The guide"), None)],
            },
        )


class DraftCreateView(PleinPermissionMixin, View):
    permission_required = "guide.edit_guide"

    def get(self, request):
        return redirect("guide:manage")

    def post(self, request):
        try:
            services.draft_create(acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("A draft is ready. Libraries keep seeing the published version."))
        return redirect("guide:manage")


class VersionPublishView(PleinPermissionMixin, View):
    permission_required = "guide.edit_guide"

    def get(self, request, uuid):
        selectors.version_get(uuid=uuid)
        return redirect("guide:manage")

    def post(self, request, uuid):
        version = selectors.version_get(uuid=uuid)
        form = PublishForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        try:
            services.version_publish(version=version, acting_user=request.user, note=note)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Version %(number)s is published. Libraries see it now.") % {"number": version.number}
            )
        return redirect("guide:manage")


class StepEditView(PleinPermissionMixin, View):
    """Change one step of the draft (a published version is never changed: 404)."""

    permission_required = "guide.edit_guide"

    @cached_property
    def step(self):
        draft = selectors.draft_version()
        if draft is None or str(draft.uuid) != str(self.kwargs["uuid"]):
            from django.http import Http404

            raise Http404
        return selectors.step_get(version=draft, key=self.kwargs["key"])

    def get(self, request, uuid, key):
        return self.render(StepEditForm(step=self.step))

    def post(self, request, uuid, key):
        form = StepEditForm(request.POST, step=self.step)
        if form.is_valid():
            try:
                services.step_update(step=self.step, acting_user=request.user, **form.service_kwargs())
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The step “%(title)s” has been saved in the draft.") % {"title": self.step.title}
                )
                return redirect(reverse("guide:manage") + f"#stap-{self.step.key}")
        return self.render(form)

    def render(self, form):
        title = _("Change step “%(title)s” (draft)") % {"title": self.step.title}
        return render(
            self.request,
            "guide/form.html",
            {
                "form": form,
                "page_title": title,
                "cancel_url": reverse("guide:manage"),
                "breadcrumbs": _manage_crumbs((title, None)),
            },
        )
