from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View

from plein.actions.forms import ActionForm
from plein.common.forms import add_service_errors
from plein.common.pdf import pdf_response, render_pdf
from plein.common.views_base import PleinPermissionMixin, render_form_page

from . import selectors, services
from .forms import (
    ConnectionFieldsForm,
    ConnectionForm,
    EntryCreateForm,
    EntryUpdateForm,
    LocalProgrammeForm,
    ProgrammeForm,
)


def _portfolio_url(library) -> str:
    return reverse("emb:portfolio", kwargs={"uuid": library.uuid})


def _portfolio_title(library) -> str:
    return _("EMB in connection: %(library)s") % {"library": library.name}


def _crumbs(library, *extra):
    return [(_portfolio_title(library), _portfolio_url(library)), *extra]


class IndexView(LoginRequiredMixin, View):
    """/emb/: library staff go to their own portfolio, managers to the catalogue."""

    def get(self, request):
        user = request.user
        if user.organisation_id and user.has_perm("emb.view_portfolio", user.organisation):
            if user.organisation.is_library:
                return redirect(_portfolio_url(user.organisation))
        if user.has_perm("emb.manage_catalogue"):
            return redirect("emb:catalogue")
        raise PermissionDenied


class CatalogueView(PleinPermissionMixin, View):
    permission_required = "emb.view_catalogue"

    def get(self, request):
        title = _("EMB programmes")
        return render(
            request,
            "emb/catalogue.html",
            {
                "programmes": selectors.catalogue(),
                "can_manage": request.user.has_perm("emb.manage_catalogue"),
                "groups": selectors.comparable_groups(user=request.user),
                "page_title": title,
                "breadcrumbs": [(title, None)],
            },
        )


def _form_page(request, form, title, crumbs, cancel_url, template="emb/form.html", **extra):
    return render_form_page(
        request, form=form, title=title, breadcrumbs=crumbs, cancel_url=cancel_url, template=template, **extra
    )


class ProgrammeCreateView(PleinPermissionMixin, View):
    permission_required = "emb.manage_catalogue"

    def get(self, request):
        return self.render(ProgrammeForm())

    def post(self, request):
        form = ProgrammeForm(request.POST)
        if form.is_valid():
            try:
                programme = services.programme_create(acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The programme “%(name)s” has been added.") % {"name": programme.name})
                return redirect("emb:catalogue")
        return self.render(form)

    def render(self, form):
        title = _("Add a programme to the catalogue")
        crumbs = [(_("EMB programmes"), reverse("emb:catalogue")), (title, None)]
        return _form_page(self.request, form, title, crumbs, reverse("emb:catalogue"))


class ProgrammeUpdateView(PleinPermissionMixin, View):
    """National programmes: managers. A local programme: as its library's portfolio."""

    @cached_property
    def programme(self):
        return selectors.programme_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_required(self):
        return ["emb.change_portfolio"] if self.programme.is_local else ["emb.manage_catalogue"]

    def get_permission_object(self):
        return self.programme.library

    def get(self, request, uuid):
        p = self.programme
        return self.render(ProgrammeForm(initial={"name": p.name, "description": p.description, "tasks": p.tasks}))

    def post(self, request, uuid):
        form = ProgrammeForm(request.POST)
        if form.is_valid():
            try:
                services.programme_update(programme=self.programme, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect(self.back_url())
        return self.render(form)

    def back_url(self):
        return _portfolio_url(self.programme.library) if self.programme.is_local else reverse("emb:catalogue")

    def render(self, form):
        title = _("Change programme “%(name)s”") % {"name": self.programme.name}
        if self.programme.is_local:
            crumbs = _crumbs(self.programme.library, (title, None))
        else:
            crumbs = [(_("EMB programmes"), reverse("emb:catalogue")), (title, None)]
        return _form_page(self.request, form, title, crumbs, self.back_url())


class LibraryMixin(PleinPermissionMixin):
    permission_required = "emb.view_portfolio"

    @cached_property
    def library(self):
        return selectors.library_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.library

    @cached_property
    def can_change(self):
        return self.request.user.has_perm("emb.change_portfolio", self.library)

    @cached_property
    def show_actions(self):
        return self.request.user.has_perm("actions.view_plan", self.library)


class PortfolioView(LibraryMixin, View):
    def get(self, request, uuid):
        library = self.library
        entries = list(selectors.portfolio_for(library=library))
        connections = list(selectors.connections_for(library=library))
        return render(
            request,
            "emb/portfolio.html",
            {
                "library": library,
                "entries": entries,
                "connections": connections,
                "has_ido": selectors.ido_entry(entries) is not None,
                "shared": selectors.is_shared(library),
                "can_change": self.can_change,
                "show_actions": self.show_actions,
                "page_title": _portfolio_title(library),
                "breadcrumbs": _crumbs(library),
            },
        )


class SharingView(LibraryMixin, View):
    """POST: share the portfolio with the theme groups, or stop sharing."""

    permission_required = "emb.change_portfolio"

    def get(self, request, uuid):
        return redirect(_portfolio_url(self.library))

    def post(self, request, uuid):
        shared = request.POST.get("shared") == "1"
        services.sharing_set(library=self.library, acting_user=request.user, shared=shared)
        if shared:
            messages.success(request, _("The other libraries in your theme groups can now see your EMB overview."))
        else:
            messages.success(request, _("Your EMB overview is now only visible to your own library and your advisers."))
        return redirect(_portfolio_url(self.library))


class EntryCreateView(LibraryMixin, View):
    permission_required = "emb.change_portfolio"

    def get(self, request, uuid):
        return self.render(EntryCreateForm(library=self.library))

    def post(self, request, uuid):
        form = EntryCreateForm(request.POST, library=self.library)
        if form.is_valid():
            try:
                entry = services.entry_create(library=self.library, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("“%(name)s” is now in your portfolio.") % {"name": entry.programme.name})
                return redirect(_portfolio_url(self.library) + f"#row-entry-{entry.uuid}")
        return self.render(form)

    def render(self, form):
        title = _("Add a programme to the portfolio")
        return _form_page(
            self.request,
            form,
            title,
            _crumbs(self.library, (title, None)),
            _portfolio_url(self.library),
            local_url=reverse("emb:local_programme_create", kwargs={"uuid": self.library.uuid}),
        )


class LocalProgrammeCreateView(LibraryMixin, View):
    permission_required = "emb.change_portfolio"

    def get(self, request, uuid):
        return self.render(LocalProgrammeForm(library=self.library))

    def post(self, request, uuid):
        form = LocalProgrammeForm(request.POST, library=self.library)
        if form.is_valid():
            try:
                entry = services.local_programme_add(
                    library=self.library, acting_user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("“%(name)s” is now in your portfolio.") % {"name": entry.programme.name})
                return redirect(_portfolio_url(self.library) + f"#row-entry-{entry.uuid}")
        return self.render(form)

    def render(self, form):
        title = _("Add a programme of your own")
        return _form_page(self.request, form, title, _crumbs(self.library, (title, None)), _portfolio_url(self.library))


class EntryMixin(PleinPermissionMixin):
    permission_required = "emb.change_portfolio"

    @cached_property
    def entry(self):
        return selectors.entry_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.entry.library


class EntryUpdateView(EntryMixin, View):
    def get(self, request, uuid):
        return self.render(EntryUpdateForm(library=self.entry.library, initial=EntryUpdateForm.initial_for(self.entry)))

    def post(self, request, uuid):
        form = EntryUpdateForm(request.POST, library=self.entry.library)
        if form.is_valid():
            try:
                services.entry_update(entry=self.entry, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect(_portfolio_url(self.entry.library) + f"#row-entry-{self.entry.uuid}")
        return self.render(form)

    def render(self, form):
        title = _("Change “%(name)s” in the portfolio") % {"name": self.entry.programme.name}
        library = self.entry.library
        return _form_page(self.request, form, title, _crumbs(library, (title, None)), _portfolio_url(library))


class EntryDeleteView(EntryMixin, View):
    def get(self, request, uuid):
        title = _("Remove “%(name)s” from the portfolio") % {"name": self.entry.programme.name}
        library = self.entry.library
        return render(
            request,
            "emb/confirm_delete.html",
            {
                "page_title": title,
                "message": _("Its connections to other programmes are removed too. Actions stay in the action plan."),
                "cancel_url": _portfolio_url(library),
                "breadcrumbs": _crumbs(library, (title, None)),
            },
        )

    def post(self, request, uuid):
        library, name = self.entry.library, self.entry.programme.name
        services.entry_delete(entry=self.entry, acting_user=request.user)
        messages.success(request, _("“%(name)s” has been removed from your portfolio.") % {"name": name})
        return redirect(_portfolio_url(library))


class ConnectionCreateView(LibraryMixin, View):
    permission_required = "emb.change_portfolio"

    @cached_property
    def entries(self):
        return selectors.portfolio_for(library=self.library)

    def get(self, request, uuid):
        initial = {}
        if request.GET.get("van"):
            initial["source"] = request.GET["van"]
        else:
            ido = selectors.ido_entry(list(self.entries))
            if ido:
                initial["source"] = ido.uuid
        return self.render(ConnectionForm(entries=self.entries, initial=initial))

    def post(self, request, uuid):
        form = ConnectionForm(request.POST, entries=self.entries)
        if form.is_valid():
            try:
                connection = services.connection_create(
                    library=self.library, acting_user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The connection has been saved."))
                return redirect("emb:connection_detail", uuid=connection.uuid)
        return self.render(form)

    def render(self, form):
        title = _("Add a connection")
        return _form_page(self.request, form, title, _crumbs(self.library, (title, None)), _portfolio_url(self.library))


class ConnectionMixin(PleinPermissionMixin):
    @cached_property
    def connection(self):
        return selectors.connection_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.connection.library

    def title(self):
        c = self.connection
        return _("%(source)s → %(target)s") % {"source": c.source.programme.name, "target": c.target.programme.name}


class ConnectionDetailView(ConnectionMixin, View):
    permission_required = "emb.view_portfolio"

    def get(self, request, uuid):
        c = self.connection
        title = _("Connection %(name)s") % {"name": self.title()}
        return render(
            request,
            "emb/connection_detail.html",
            {
                "connection": c,
                "library": c.library,
                "show_actions": request.user.has_perm("actions.view_plan", c.library),
                "can_change": request.user.has_perm("emb.change_portfolio", c.library),
                "page_title": title,
                "breadcrumbs": _crumbs(c.library, (title, None)),
            },
        )


class ConnectionUpdateView(ConnectionMixin, View):
    permission_required = "emb.change_portfolio"

    def get(self, request, uuid):
        c = self.connection
        initial = {name: getattr(c, name) for name in ("kind", "strength", "opportunities", "challenges")}
        return self.render(ConnectionFieldsForm(initial=initial))

    def post(self, request, uuid):
        form = ConnectionFieldsForm(request.POST)
        if form.is_valid():
            try:
                services.connection_update(connection=self.connection, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect("emb:connection_detail", uuid=self.connection.uuid)
        return self.render(form)

    def render(self, form):
        title = _("Change connection %(name)s") % {"name": self.title()}
        c = self.connection
        back = reverse("emb:connection_detail", kwargs={"uuid": c.uuid})
        return _form_page(self.request, form, title, _crumbs(c.library, (title, None)), back)


class ConnectionDeleteView(ConnectionMixin, View):
    permission_required = "emb.change_portfolio"

    def get(self, request, uuid):
        c = self.connection
        title = _("Remove connection %(name)s") % {"name": self.title()}
        return render(
            request,
            "emb/confirm_delete.html",
            {
                "page_title": title,
                "message": _("Actions that came from it stay in the action plan."),
                "cancel_url": reverse("emb:connection_detail", kwargs={"uuid": c.uuid}),
                "breadcrumbs": _crumbs(c.library, (title, None)),
            },
        )

    def post(self, request, uuid):
        library = self.connection.library
        services.connection_delete(connection=self.connection, acting_user=request.user)
        messages.success(request, _("The connection has been removed."))
        return redirect(_portfolio_url(library))


class ConnectionActionCreateView(ConnectionMixin, View):
    permission_required = "actions.change_plan"

    def get(self, request, uuid):
        return self.render(ActionForm(library=self.connection.library))

    def post(self, request, uuid):
        c = self.connection
        form = ActionForm(request.POST, library=c.library)
        if form.is_valid():
            try:
                action = services.connection_action_create(connection=c, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The action “%(title)s” is now in your action plan.") % {"title": action.title},
                )
                return redirect("emb:connection_detail", uuid=c.uuid)
        return self.render(form)

    def render(self, form):
        c = self.connection
        title = _("Add an action for %(name)s") % {"name": self.title()}
        back = reverse("emb:connection_detail", kwargs={"uuid": c.uuid})
        return _form_page(self.request, form, title, _crumbs(c.library, (title, None)), back)


class ConversationView(LibraryMixin, View):
    """The format as a team meeting: the IDO and each other programme, one step at a time."""

    permission_required = "emb.change_portfolio"

    @cached_property
    def steps(self):
        entries = list(selectors.portfolio_for(library=self.library))
        connections = list(selectors.connections_for(library=self.library))
        return selectors.conversation_steps(entries, connections)

    def step(self):
        try:
            number = int(self.request.GET.get("stap", "1"))
        except ValueError:
            number = 1
        return self.steps[max(1, min(number, len(self.steps))) - 1] if self.steps else None

    def get(self, request, uuid):
        return self.render(self.step(), ConnectionFieldsForm())

    def post(self, request, uuid):
        step = self.step()
        if step is None:
            return redirect(_portfolio_url(self.library))
        form = ConnectionFieldsForm(request.POST)
        if form.is_valid():
            try:
                services.connection_create(
                    library=self.library,
                    acting_user=request.user,
                    source=step.ido,
                    target=step.other,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The connection has been saved."))
                url = reverse("emb:conversation", kwargs={"uuid": self.library.uuid})
                return redirect(f"{url}?stap={step.number}")
        return self.render(step, form)

    def render(self, step, form):
        title = _("Conversation: the IDO and the other programmes")
        return render(
            self.request,
            "emb/conversation.html",
            {
                "library": self.library,
                "step": step,
                "form": form,
                "page_title": title,
                "breadcrumbs": _crumbs(self.library, (title, None)),
            },
        )


class MapView(LibraryMixin, View):
    def get(self, request, uuid):
        library = self.library
        entries = list(selectors.portfolio_for(library=library))
        connections = list(selectors.connections_for(library=library))
        title = _("EMB map of %(library)s") % {"library": library.name}
        return render(
            request,
            "emb/map.html",
            {
                "library": library,
                "entries": entries,
                "connections": connections,
                "data": selectors.map_data(entries, connections, show_actions=self.show_actions),
                # drawn at once (the same layout); the interactive map replaces it when used
                "svg": mark_safe(selectors.map_svg(entries, connections, title=title, width=900, height=560)),  # noqa: S308 - built by map_svg with escaped text
                "legend": selectors.legend(),
                "show_actions": self.show_actions,
                "can_change": self.can_change,
                "page_title": title,
                "breadcrumbs": _crumbs(library, (title, None)),
            },
        )


def _story_context(library, show_actions):
    story = selectors.story_for(library=library, show_actions=show_actions)
    return {"story": story, "library": library, "svg": mark_safe(story.svg), "legend": selectors.legend()}  # noqa: S308 - built by map_svg with escaped text


class StoryView(LibraryMixin, View):
    def get(self, request, uuid):
        title = _("Local EMB story of %(library)s") % {"library": self.library.name}
        context = _story_context(self.library, self.show_actions)
        context.update(
            page_title=title,
            breadcrumbs=_crumbs(self.library, (title, None)),
            show_actions=self.show_actions,
            can_change=self.can_change,
        )
        return render(request, "emb/story.html", context)


def story_pdf(library, show_actions) -> bytes:
    return render_pdf(
        "emb/story_pdf.html",
        {**_story_context(library, show_actions), "show_actions": show_actions},
        stylesheets=["plein/emb-print.css"],
    )


class StoryPdfView(LibraryMixin, View):
    def get(self, request, uuid):
        return pdf_response(
            story_pdf(self.library, self.show_actions), filename=f"emb-verhaal-{slugify(self.library.name)}.pdf"
        )


class GroupCompareView(PleinPermissionMixin, View):
    permission_required = "emb.compare_group"

    @cached_property
    def group(self):
        return selectors.group_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.group

    def get(self, request, uuid):
        rows, common, rare = selectors.group_comparison(group=self.group)
        for row in rows:
            row.svg = mark_safe(row.svg)  # noqa: S308 - built by map_svg with escaped text
        title = _("EMB maps of %(group)s") % {"group": self.group.name}
        return render(
            request,
            "emb/group_compare.html",
            {
                "group": self.group,
                "rows": rows,
                "pair_tables": [
                    (_("Common connections: at more than one library"), common, "common-caption"),
                    (_("Rare connections: at one library"), rare, "rare-caption"),
                ],
                "legend": selectors.legend(),
                "page_title": title,
                "breadcrumbs": [(title, None)],
            },
        )
