from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from plein.audit.selectors import history_for
from plein.common.forms import add_service_errors
from plein.common.views_base import PleinPermissionMixin, render_form_page

from . import selectors, services
from .forms import LocationForm, MunicipalityForm, OrganisationFilterForm, OrganisationForm
from .models import Location, Organisation


def _org_crumbs(request, organisation, *extra):
    crumbs = []
    if request.user.has_perm("organisations.list_organisations"):
        crumbs.append((_("Organisations"), reverse("organisations:list")))
    crumbs.append((organisation.name, reverse("organisations:detail", args=[organisation.uuid])))
    return crumbs + list(extra)


class OrganisationListView(PleinPermissionMixin, View):
    permission_required = "organisations.list_organisations"

    def get(self, request):
        form = OrganisationFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        qs = selectors.organisation_list(user=request.user, **filters)
        page = Paginator(qs, 50).get_page(request.GET.get("pagina"))
        return render(
            request,
            "organisations/organisation_list.html",
            {
                "page": page,
                "form": form,
                "page_title": _("Organisations"),
                "breadcrumbs": [(_("Organisations"), None)],
            },
        )


class OrganisationCreateView(PleinPermissionMixin, View):
    permission_required = "organisations.create_organisation"

    def get(self, request):
        return self.render(OrganisationForm())

    def post(self, request):
        form = OrganisationForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        try:
            organisation = services.organisation_create(acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render(form)
        messages.success(request, _("The organisation “%(name)s” has been added.") % {"name": organisation.name})
        return redirect("organisations:detail", organisation.uuid)

    def render(self, form):
        title = _("Add an organisation")
        return render_form_page(
            self.request,
            form=form,
            title=title,
            cancel_url=reverse("organisations:list"),
            breadcrumbs=[(_("Organisations"), reverse("organisations:list")), (title, None)],
        )


class OrganisationObjectMixin(PleinPermissionMixin):
    @cached_property
    def organisation(self) -> Organisation:
        return selectors.organisation_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.organisation


class OrganisationDetailView(OrganisationObjectMixin, View):
    permission_required = "organisations.view_organisation"

    def get(self, request, uuid):
        organisation = self.organisation
        user = request.user
        return render(
            request,
            "organisations/organisation_detail.html",
            {
                "organisation": organisation,
                "members": selectors.organisation_members(organisation=organisation),
                "can_change": user.has_perm("organisations.change_organisation", organisation),
                "can_manage_locations": user.has_perm("organisations.manage_locations", organisation),
                "can_view_history": user.has_perm("audit.view_history"),
                "can_invite": user.has_perm("accounts.invite_user"),
                "page_title": organisation.name,
                "breadcrumbs": _org_crumbs(request, organisation),
            },
        )


class MyOrganisationView(PleinPermissionMixin, View):
    permission_required = "organisations.view_own_organisation"

    def get(self, request):
        if request.user.organisation_id is None:
            raise Http404
        return redirect("organisations:detail", request.user.organisation.uuid)


class OrganisationUpdateView(OrganisationObjectMixin, View):
    permission_required = "organisations.change_organisation"

    def get(self, request, uuid):
        return self.render(OrganisationForm(instance=self.organisation))

    def post(self, request, uuid):
        form = OrganisationForm(request.POST, instance=self.organisation)
        if not form.is_valid():
            return self.render(form)
        try:
            services.organisation_update(organisation=self.organisation, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render(form)
        messages.success(request, _("The changes have been saved."))
        return redirect("organisations:detail", self.organisation.uuid)

    def render(self, form):
        title = _("Change details")
        return render_form_page(
            self.request,
            form=form,
            title=title,
            cancel_url=reverse("organisations:detail", args=[self.organisation.uuid]),
            breadcrumbs=_org_crumbs(self.request, self.organisation, (title, None)),
        )


class OrganisationHistoryView(OrganisationObjectMixin, View):
    permission_required = "audit.view_history"

    def get(self, request, uuid):
        organisation = self.organisation
        entries = history_for(
            (Organisation, {"object_pk": str(organisation.pk)}),
            (Location, {"additional_data__organisation_id": organisation.pk}),
        )
        title = _("History")
        return render(
            request,
            "audit/history.html",
            {
                "entries": entries,
                "subject": organisation.name,
                "page_title": title,
                "breadcrumbs": _org_crumbs(request, organisation, (title, None)),
            },
        )


class LocationCreateView(OrganisationObjectMixin, View):
    permission_required = "organisations.manage_locations"

    def get(self, request, uuid):
        return self.render(LocationForm(organisation=self.organisation))

    def post(self, request, uuid):
        form = LocationForm(request.POST, organisation=self.organisation)
        if not form.is_valid():
            return self.render(form)
        location = services.location_create(
            organisation=self.organisation, acting_user=request.user, **form.cleaned_data
        )
        messages.success(request, _("The branch “%(name)s” has been added.") % {"name": location.name})
        return redirect("organisations:detail", self.organisation.uuid)

    def render(self, form):
        title = _("Add a branch")
        return render_form_page(
            self.request,
            form=form,
            title=title,
            cancel_url=reverse("organisations:detail", args=[self.organisation.uuid]),
            breadcrumbs=_org_crumbs(self.request, self.organisation, (title, None)),
        )


class LocationObjectMixin(OrganisationObjectMixin):
    @cached_property
    def location(self) -> Location:
        return selectors.location_get(organisation=self.organisation, uuid=self.kwargs["location_uuid"])

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.location  # noqa: B018 - 404 before 403 for a branch that does not exist
        return super().dispatch(request, *args, **kwargs)


class LocationUpdateView(LocationObjectMixin, View):
    permission_required = "organisations.manage_locations"

    def get(self, request, uuid, location_uuid):
        return self.render(LocationForm(instance=self.location, organisation=self.organisation))

    def post(self, request, uuid, location_uuid):
        form = LocationForm(request.POST, instance=self.location, organisation=self.organisation)
        if not form.is_valid():
            return self.render(form)
        try:
            services.location_update(location=self.location, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render(form)
        messages.success(request, _("The changes have been saved."))
        return redirect("organisations:detail", self.organisation.uuid)

    def render(self, form):
        title = _("Change branch “%(name)s”") % {"name": self.location.name}
        return render_form_page(
            self.request,
            form=form,
            title=title,
            cancel_url=reverse("organisations:detail", args=[self.organisation.uuid]),
            breadcrumbs=_org_crumbs(self.request, self.organisation, (title, None)),
        )


class LocationDeleteView(LocationObjectMixin, View):
    permission_required = "organisations.manage_locations"

    def get(self, request, uuid, location_uuid):
        title = _("Remove branch “%(name)s”") % {"name": self.location.name}
        return render(
            request,
            "organisations/location_confirm_delete.html",
            {
                "organisation": self.organisation,
                "location": self.location,
                "page_title": title,
                "breadcrumbs": _org_crumbs(request, self.organisation, (title, None)),
            },
        )

    def post(self, request, uuid, location_uuid):
        name = self.location.name
        try:
            services.location_delete(location=self.location, acting_user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("organisations:detail", self.organisation.uuid)
        messages.success(request, _("The branch “%(name)s” has been removed.") % {"name": name})
        return redirect("organisations:detail", self.organisation.uuid)


class MunicipalityListView(PleinPermissionMixin, View):
    permission_required = "organisations.manage_municipalities"

    def get(self, request):
        return self.render(MunicipalityForm())

    def post(self, request):
        form = MunicipalityForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=200)
        try:
            municipality = services.municipality_create(acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render(form)
        messages.success(request, _("The municipality “%(name)s” has been added.") % {"name": municipality.name})
        return redirect("organisations:municipalities")

    def render(self, form, status=200):
        title = _("Municipalities")
        return render(
            self.request,
            "organisations/municipality_list.html",
            {
                "form": form,
                "municipalities": selectors.municipality_list(),
                "page_title": title,
                "breadcrumbs": [(_("Organisations"), reverse("organisations:list")), (title, None)],
            },
            status=status,
        )
