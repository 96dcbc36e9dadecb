"""Pages of the borging report: the list, a new report, the report's own page (status,
versions, share links), the texts and money, the live preview, publishing, a published version
as HTML, PDF and CSV, and the share link an official opens without an account."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View

from plein.audit.security import REFUSED, log_event
from plein.common.forms import add_service_errors
from plein.common.pdf import pdf_response, render_pdf
from plein.common.spreadsheets import csv_response
from plein.common.views_base import PleinPermissionMixin, render_form_page

from . import selectors, services
from .choices import ReportStatus
from .forms import ReportCreateForm, ReportForm, ShareLinkForm


def _list_crumb():
    return (_("Reports"), reverse("reports:list"))


class ListView(PleinPermissionMixin, View):
    permission_required = "reports.view_reports"

    def get(self, request):
        return render(
            request,
            "reports/list.html",
            {
                "page_title": _("Borging reports"),
                "reports": selectors.report_list(request.user),
                "can_create": request.user.has_perm("reports.create_report"),
            },
        )


class CreateView(PleinPermissionMixin, View):
    permission_required = "reports.create_report"

    def form(self, data=None):
        library = self.request.user.organisation
        return ReportCreateForm(
            data, municipalities=selectors.municipalities_for_new_report(self.request.user, library)
        )

    def page(self, form, status=200):
        return render_form_page(
            self.request,
            form=form,
            title=_("New borging report"),
            breadcrumbs=[_list_crumb(), (_("New borging report"), None)],
            cancel_url=reverse("reports:list"),
            submit_label=_("Make the report"),
            status=status,
        )

    def get(self, request):
        return self.page(self.form())

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                report = services.report_create(
                    acting_user=request.user,
                    library=request.user.organisation,
                    municipality=form.cleaned_data["municipality"],
                    year=form.cleaned_data["year"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("reports:detail", uuid=report.uuid)
        return self.page(form, status=400)


class ReportMixin(PleinPermissionMixin):
    permission_required = "reports.view_draft"

    @cached_property
    def report(self):
        return selectors.report_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.report

    def crumbs(self, *extra):
        return [_list_crumb(), (self.report.title, reverse("reports:detail", args=[self.report.uuid])), *extra]


class DetailView(ReportMixin, View):
    def get(self, request, uuid):
        report, user = self.report, request.user
        return render(
            request,
            "reports/detail.html",
            {
                "page_title": report.title,
                "breadcrumbs": [_list_crumb(), (report.title, None)],
                "report": report,
                "versions": selectors.versions_of(report),
                "links": selectors.share_links_of(report),
                "can_change": user.has_perm("reports.change_report", report),
                "can_share": user.has_perm("reports.share_report", report),
                "share_form": ShareLinkForm(),
                "today": timezone.localdate(),
                "new_link": request.session.pop("reports_new_link", None),
            },
        )


class EditView(ReportMixin, View):
    permission_required = "reports.change_report"

    def page(self, form, status=200):
        title = _("Foreword, stories and money")
        return render_form_page(
            self.request,
            form=form,
            title=title,
            breadcrumbs=self.crumbs((title, None)),
            cancel_url=reverse("reports:detail", args=[self.report.uuid]),
            template="reports/edit.html",
            status=status,
            report=self.report,
        )

    def get(self, request, uuid):
        return self.page(ReportForm(instance=self.report))

    def post(self, request, uuid):
        form = ReportForm(request.POST, instance=self.report)
        if form.is_valid():
            try:
                services.report_update(acting_user=request.user, report=self.report, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved. Look at the preview before you publish."))
                return redirect("reports:detail", uuid=self.report.uuid)
        return self.page(form, status=400)


class PreviewView(ReportMixin, View):
    def get(self, request, uuid):
        title = _("Preview")
        snapshot = selectors.build_snapshot(self.report)
        return render(
            request,
            "reports/report_page.html",
            {
                "page_title": self.report.title,
                "breadcrumbs": self.crumbs((title, None)),
                "s": snapshot,
                "p": selectors.present(snapshot),
                "report": self.report,
                "preview": True,
                "can_publish": request.user.has_perm("reports.change_report", self.report)
                and self.report.status != ReportStatus.PUBLISHED,
            },
        )


class PublishView(ReportMixin, View):
    permission_required = "reports.change_report"

    def post(self, request, uuid):
        try:
            version = services.report_publish(acting_user=request.user, report=self.report)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("reports:detail", uuid=self.report.uuid)
        messages.success(
            request, _("Published as version %(n)s. The municipality can read it now.") % {"n": version.number}
        )
        return redirect("reports:version", uuid=self.report.uuid, number=version.number)


class VersionMixin(PleinPermissionMixin):
    permission_required = "reports.view_published"

    @cached_property
    def version(self):
        return selectors.version_get(user=self.request.user, uuid=self.kwargs["uuid"], number=self.kwargs["number"])

    def get_permission_object(self):
        return self.version.report


def version_context(version, **extra) -> dict:
    return {
        "page_title": version.snapshot["title"],
        "s": version.snapshot,
        "p": selectors.present(version.snapshot),
        "version": version,
        "changes": version.changes,
        **extra,
    }


class VersionView(VersionMixin, View):
    def get(self, request, uuid, number):
        version, report = self.version, self.version.report
        crumbs = [_list_crumb(), (version.snapshot["title"], None)]
        if request.user.has_perm("reports.view_draft", report):
            crumbs = [
                _list_crumb(),
                (report.title, reverse("reports:detail", args=[report.uuid])),
                (_("Version %(n)s") % {"n": version.number}, None),
            ]
        context = version_context(
            version,
            breadcrumbs=crumbs,
            pdf_url=reverse("reports:version_pdf", args=[report.uuid, version.number]),
            csv_url=reverse("reports:version_csv", args=[report.uuid, version.number]),
            newer=report.versions.filter(number__gt=version.number)
            .order_by("-number")
            .values_list("number", flat=True)
            .first(),
            report=report,
        )
        return render(request, "reports/report_page.html", context)


def _filename(version, extension):
    s = version.snapshot
    return f"borgingsrapport-ido-{slugify(s['municipality'])}-{s['year']}-versie-{version.number}.{extension}"


def version_pdf(version) -> bytes:
    return render_pdf("reports/report_pdf.html", version_context(version, pdf=True))


class VersionPdfView(VersionMixin, View):
    def get(self, request, uuid, number):
        log_event("export", actor=request.user, obj=self.version, request=request, format="pdf")
        return pdf_response(version_pdf(self.version), filename=_filename(self.version, "pdf"))


class VersionCsvView(VersionMixin, View):
    def get(self, request, uuid, number):
        log_event("export", actor=request.user, obj=self.version, request=request, format="csv")
        rows = selectors.snapshot_rows(self.version.snapshot)
        return csv_response(rows[0], rows[1:], _filename(self.version, "csv").removesuffix(".csv"))


class ShareCreateView(VersionMixin, View):
    permission_required = "reports.share_report"

    def post(self, request, uuid, number):
        form = ShareLinkForm(request.POST)
        detail = reverse("reports:detail", args=[uuid])
        if not form.is_valid():
            messages.error(request, _("Choose the date until which the link works."))
            return redirect(detail)
        try:
            link, token = services.share_link_create(
                acting_user=request.user, version=self.version, expires_on=form.cleaned_data["expires_on"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(detail)
        # Shown once on the next page, never stored in the clear.
        request.session["reports_new_link"] = request.build_absolute_uri(reverse("reports:shared", args=[token]))
        return redirect(detail + "#deellinks")


class ShareRevokeView(PleinPermissionMixin, View):
    permission_required = "reports.share_report"

    @cached_property
    def link(self):
        return selectors.share_link_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.link.version.report

    def post(self, request, uuid):
        services.share_link_revoke(acting_user=request.user, link=self.link)
        messages.success(request, _("The link no longer works."))
        return redirect(reverse("reports:detail", args=[self.link.version.report.uuid]) + "#deellinks")


SHARE_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "Cache-Control": "private, no-store",
}


def _shared(response):
    for name, value in SHARE_HEADERS.items():
        response[name] = value
    return response


def _open_link(request, token):
    link = selectors.share_link_by_token(token)
    if link is None:
        log_event("report_share_opened", actor="anonymous", obj="reports.sharelink:unknown", result=REFUSED)
        raise Http404
    if not link.is_active():
        log_event("report_share_opened", actor="anonymous", obj=link, result=REFUSED)
        gone = link.revoked_at is not None
        return link, _shared(
            render(
                request,
                "reports/shared_gone.html",
                {"page_title": _("This link no longer works"), "revoked": gone},
                status=410,
            )
        )
    services.share_link_used(link=link)
    log_event("report_share_opened", actor="anonymous", obj=link, version=link.version_id)
    return link, None


def shared(request, token):
    link, gone = _open_link(request, token)
    if gone:
        return gone
    version = link.version
    context = version_context(version, shared=True, pdf_url=reverse("reports:shared_pdf", args=[token]))
    return _shared(render(request, "reports/report_page.html", context))


def shared_pdf(request, token):
    link, gone = _open_link(request, token)
    if gone:
        return gone
    return _shared(pdf_response(version_pdf(link.version), filename=_filename(link.version, "pdf")))
