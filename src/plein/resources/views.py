from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from plein.common.forms import add_service_errors
from plein.common.views_base import PleinPermissionMixin

from . import selectors, services
from .forms import ResourceFilterForm, ResourceForm
from .models import Resource


def _list_crumb():
    return (_("Resources"), reverse("resources:list"))


def _resource_crumbs(resource, *extra):
    return [_list_crumb(), (resource.title, reverse("resources:detail", args=[resource.uuid])), *extra]


class ResourceListView(PleinPermissionMixin, View):
    permission_required = "resources.list_resources"

    def get(self, request):
        form = ResourceFilterForm(request.GET or None, user=request.user)
        filters = form.filters() if form.is_bound else {}
        resources = selectors.resource_list(user=request.user, **filters)
        page = Paginator(resources, 50).get_page(request.GET.get("pagina"))
        group = filters.get("group")
        return render(
            request,
            "resources/resource_list.html",
            {
                "page": page,
                "form": form,
                "group": group,
                "is_filtered": any(filters.values()),
                "can_add": request.user.has_perm("resources.add_resource"),
                "page_title": _("Resources"),
                "breadcrumbs": [(_("Resources"), None)],
            },
        )


class ResourceCreateView(PleinPermissionMixin, View):
    permission_required = "resources.add_resource"

    def get(self, request):
        initial = {}
        group = ResourceFilterForm(request.GET, user=request.user).filters().get("group")
        if group is not None:
            initial["groups"] = [group.pk]  # coming from a group's page: that group is ticked
        return self.render(ResourceForm(user=request.user, initial=initial))

    def post(self, request):
        form = ResourceForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                resource = services.resource_create(acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The resource “%(title)s” has been added.") % {"title": resource.title})
                return redirect("resources:detail", resource.uuid)
        return self.render(form)

    def render(self, form):
        title = _("Add a resource")
        return render(
            self.request,
            "resources/form.html",
            {
                "form": form,
                "page_title": title,
                "submit_label": _("Add resource"),
                "cancel_url": reverse("resources:list"),
                "breadcrumbs": [_list_crumb(), (title, None)],
            },
        )


class ResourceObjectMixin(PleinPermissionMixin):
    @cached_property
    def resource(self) -> Resource:
        return selectors.resource_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.resource


class ResourceDetailView(ResourceObjectMixin, View):
    permission_required = "resources.view_resource"

    def get(self, request, uuid):
        resource = self.resource
        return render(
            request,
            "resources/resource_detail.html",
            {
                "resource": resource,
                "tool_link": resource.tool.interactive_link(request.user) if resource.tool else None,
                "can_change": request.user.has_perm("resources.change_resource", resource),
                "can_delete": request.user.has_perm("resources.delete_resource", resource),
                "page_title": resource.title,
                "breadcrumbs": [_list_crumb(), (resource.title, None)],
            },
        )


class ResourceDownloadView(ResourceObjectMixin, View):
    """The only way a file leaves Plein: after the permission check, as an attachment, with the
    content type found when it was uploaded and a cleaned-up file name."""

    permission_required = "resources.view_resource"

    def get(self, request, uuid):
        resource = self.resource
        if not resource.has_file:
            raise Http404
        try:
            handle = resource.file.storage.open(resource.file.name, "rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=resource.download_filename,
            content_type=resource.content_type or "application/octet-stream",
        )
        patch_cache_control(response, private=True, no_store=True)
        return response


class WorksheetView(ResourceObjectMixin, View):
    """The printable worksheet of one of the article's tools, made now from Plein's content."""

    permission_required = "resources.view_resource"

    def get(self, request, uuid):
        from .tools import worksheet_pdf

        tool = self.resource.tool
        if tool is None:
            raise Http404
        response = HttpResponse(worksheet_pdf(tool, title=self.resource.title), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{tool.filename}.pdf"'
        patch_cache_control(response, private=True, no_store=True)
        return response


class ResourceUpdateView(ResourceObjectMixin, View):
    permission_required = "resources.change_resource"

    def get(self, request, uuid):
        return self.render(ResourceForm(user=request.user, resource=self.resource))

    def post(self, request, uuid):
        form = ResourceForm(request.POST, request.FILES, user=request.user, resource=self.resource)
        if form.is_valid():
            try:
                services.resource_update(resource=self.resource, acting_user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect("resources:detail", self.resource.uuid)
        return self.render(form)

    def render(self, form):
        title = _("Change resource")
        return render(
            self.request,
            "resources/form.html",
            {
                "form": form,
                "resource": self.resource,
                "page_title": title,
                "cancel_url": reverse("resources:detail", args=[self.resource.uuid]),
                "breadcrumbs": _resource_crumbs(self.resource, (title, None)),
            },
        )


class ResourceDeleteView(ResourceObjectMixin, View):
    permission_required = "resources.delete_resource"

    def get(self, request, uuid):
        title = _("Remove resource “%(title)s”") % {"title": self.resource.title}
        return render(
            request,
            "resources/resource_confirm_delete.html",
            {
                "resource": self.resource,
                "page_title": title,
                "breadcrumbs": _resource_crumbs(self.resource, (title, None)),
            },
        )

    def post(self, request, uuid):
        title = self.resource.title
        services.resource_delete(resource=self.resource, acting_user=request.user)
        messages.success(request, _("The resource “%(title)s” has been removed.") % {"title": title})
        return redirect("resources:list")
