import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from plein.audit.security import log_event
from plein.common.views_base import PleinPermissionMixin

from . import charts, periods, selectors, services
from .choices import CategoryKind, ImportPhase, ImportStatus, Metric
from .forms import BranchForm, FiguresForm, ImportForm, QuestionFormSet, VisitForm


def _bucket_days(bucket, unit) -> str:
    """The days of a week or month bucket ("1 dec – 7 dec 2026"); nothing for a day."""
    if unit == "day":
        return ""
    return f"{formats.date_format(bucket.start, 'j b')} – {formats.date_format(bucket.end, 'j b Y')}"


def _signed(n) -> str:
    return f"+{n}" if n > 0 else str(n)


def _total(label, total) -> dict:
    change = total.change_percent
    return {
        "label": label,
        "count": total.count,
        "previous": total.previous,
        "difference": _signed(total.difference),
        "percent": None if change is None else f"{_signed(change)}%",
    }


class FiguresView(PleinPermissionMixin, View):
    """/cijfers/ (or /cijfers/<scope>/): the IDO figures of one scope and period, from the
    rollup table only. A scope the user may not see is 404."""

    permission_required = "registration.view_figures"

    def get(self, request, scope=None):
        choices = selectors.scope_choices(user=request.user)
        key = request.GET.get("bereik") or scope
        current = choices.get(key) if key else choices.default
        found = choices.search(request.GET.get("zoek", "")[:100]) if choices.searchable else []
        if len(found) == 1:  # the one scope with this name: its figures, at a plain address
            return redirect(self.scope_url(found[0][0], request.GET))
        data = request.GET.copy()
        if current is not None:
            data["bereik"] = current.key
        form = FiguresForm(data, scope_choices=choices, current=current)
        if request.GET.get("zoek", "").strip() and not found and "zoek" in form.fields and form.is_valid():
            form.add_error("zoek", _("No municipality, library or branch has this in its name."))
        context = {
            "form": form,
            "scope": current,
            "found": [
                {"label": label, "group": str(group), "url": self.scope_url(key, request.GET)}
                for key, label, group in found[: selectors.SEARCH_LIMIT]
            ],
            "found_more": len(found) > selectors.SEARCH_LIMIT,
            "page_title": _("IDO figures"),
            "breadcrumbs": [(_("IDO figures"), None)],
        }
        if current is not None and form.is_valid():
            figures = selectors.figures(scope=current, period=form.cleaned_data["period"])
            sections = []
            # Every summary, label and spec is made once here; the template only places them.
            for breakdown in figures.breakdowns:
                summary = charts.breakdown_summary(breakdown)
                sections.append(
                    {
                        "id": f"fig-{breakdown.kind}",
                        "spec_id": f"fig-{breakdown.kind}-spec",
                        "kind_label": breakdown.kind.label,
                        "share_label": _("Share of all questions")
                        if breakdown.metric == Metric.QUESTIONS_BY
                        else _("Share of all visits"),
                        "title": charts.TITLES[breakdown.kind],
                        "summary": summary,
                        "spec": charts.breakdown_spec(breakdown, summary) if breakdown.rows else None,
                        "referral": breakdown.kind == CategoryKind.REFERRAL,
                        # the table's cells as text, made here once (cheaper than in the template)
                        "rows": [
                            (r.label, r.group, str(r.count), str(r.share), str(r.previous)) for r in breakdown.rows
                        ],
                    }
                )
            labels = [charts.bucket_label(b, figures.unit) for b in figures.series]
            series_summary = charts.series_summary(figures)
            series_rows = [
                (label, _bucket_days(b, figures.unit), str(b.visits), str(b.questions), b.running)
                for label, b in zip(labels, figures.series, strict=True)
            ]
            context.update(
                figures=figures,
                totals=[_total(_("Visits"), figures.visits), _total(_("Questions"), figures.questions)],
                sections=sections,
                period_text=periods.describe(figures.period, today=timezone.localdate(), default=form.default_period),
                previous_heading=periods.comparison_heading(figures.period),
                series_note=periods.series_note(figures.period, figures.unit),
                series_summary=series_summary,
                series_spec=charts.series_spec(figures, series_summary, labels),
                series_rows=series_rows,
                page_title=_("IDO figures: %(scope)s") % {"scope": current.label},
            )
        return render(request, "registration/figures.html", context)

    @staticmethod
    def scope_url(key, query) -> str:
        """The figures of this scope for the period asked for."""
        query = query.copy()
        for name in ("bereik", "zoek"):
            query.pop(name, None)
        url = reverse("registration:figures_scope", kwargs={"scope": key})
        return f"{url}?{query.urlencode()}" if query else url


class ExportView(PleinPermissionMixin, View):
    """/cijfers/export/: the registrations of the chosen scope and period, one row per question,
    in the national registration's column layout (CSV streamed, or Excel); with inhoud=cijfers
    the figures of the dashboard instead (totals, breakdowns with the previous period, series).
    Not for desk workers: a spreadsheet leaves Plein."""

    permission_required = "registration.export_figures"

    def get(self, request):
        from .exports import FIGURE_COLUMNS, csv_response, figure_rows, question_rows, xlsx_response

        choices = selectors.scope_choices(user=request.user)
        current = choices.get(request.GET.get("bereik", "")) if request.GET.get("bereik") else choices.default
        if current is None:
            raise Http404
        data = request.GET.copy()
        data["bereik"] = current.key
        form = FiguresForm(data, scope_choices=choices)
        if not form.is_valid():
            raise Http404
        period = form.cleaned_data["period"]
        dates = f"{period.start.isoformat()}-{period.end.isoformat()}"
        excel = request.GET.get("formaat") == "xlsx"
        log_event(
            "export",
            actor=request.user,
            obj=f"registration:{'figures' if request.GET.get('inhoud') == 'cijfers' else 'questions'}",
            request=request,
            scope=current.key,
            period=dates,
            format="xlsx" if excel else "csv",
        )
        if request.GET.get("inhoud") == "cijfers":
            rows = figure_rows(selectors.figures(scope=current, period=period))
            filename = f"ido-cijfers-{dates}"
            if excel:
                return xlsx_response(rows, filename, FIGURE_COLUMNS, title="IDO-cijfers")
            return csv_response(rows, filename, FIGURE_COLUMNS)
        rows = question_rows(scope=current, period=period)
        filename = f"ido-registraties-{dates}"
        if excel:
            return xlsx_response(rows, filename)
        return csv_response(rows, filename)


class ImportView(PleinPermissionMixin, View):
    """/registreren/importeren/: historic registrations from a CSV or Excel file in the export's
    columns, for the library's own IDO branches. The file is checked and imported in the
    background (imports.py); the import's own page follows it."""

    permission_required = "registration.import_visits"

    def get(self, request):
        return self.render(ImportForm())

    def post(self, request):
        from .imports import FileProblem, start_import

        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                job = start_import(uploaded=form.cleaned_data["file"], acting_user=request.user)
            except FileProblem as problem:
                form.add_error("file", str(problem))
            else:
                return redirect("registration:import_job", job=job.uuid)
        return self.render(form)

    def render(self, form):
        title = _("Import registrations")
        return render(
            self.request,
            "registration/import.html",
            {
                "form": form,
                "imports": selectors.recent_imports(user=self.request.user),
                "page_title": title,
                "breadcrumbs": [(title, None)],
            },
        )


def _job_status(job) -> dict:
    return {
        "status": job.status,
        "finished": job.finished,
        "label": str(job.get_status_display()),
        "phase": str(job.get_phase_display()) if job.phase else "",
        "rows_checked": job.rows_checked,
        "rows_written": job.rows_written,
        "rows_published": job.rows_published,
        "rows_done": _rows_done(job),
        "rows_total": job.rows_total,
        "progress": _progress_text(job),
    }


def _rows_done(job) -> int:
    """Progress for the bar: rows saved, then rows added to the figures (each half the way)."""
    if job.phase == ImportPhase.PUBLISHING:
        return (job.rows_total + job.rows_published) // 2
    return job.rows_written // 2


def _progress_text(job) -> str:
    if job.status == ImportStatus.QUEUED:
        return _("The import is waiting to start.")
    if job.status == ImportStatus.RUNNING and job.phase == ImportPhase.PUBLISHING:
        return _("Adding to the figures: row %(done)s of %(total)s.") % {
            "done": formats.number_format(job.rows_published, force_grouping=True),
            "total": formats.number_format(job.rows_total, force_grouping=True),
        }
    if job.status == ImportStatus.RUNNING and job.phase == ImportPhase.WRITING:
        return _("Saving: row %(done)s of %(total)s.") % {
            "done": formats.number_format(job.rows_written, force_grouping=True),
            "total": formats.number_format(job.rows_total, force_grouping=True),
        }
    if job.status == ImportStatus.RUNNING:
        return _("Checking the rows: %(done)s done.") % {
            "done": formats.number_format(job.rows_checked, force_grouping=True)
        }
    return str(job.get_status_display())


class ImportJobView(PleinPermissionMixin, View):
    """/registreren/importeren/<uuid>/: the status of one import, its progress while it runs
    (a small script asks the status URL; without script the page has a link to look again),
    and what was wrong when nothing was imported."""

    permission_required = "registration.import_visits"

    def get(self, request, job):
        job = selectors.import_job(user=request.user, uuid=job)
        title = _("Import of %(file)s") % {"file": job.filename}
        back = _("Import registrations")
        return render(
            request,
            "registration/import_job.html",
            {
                "job": job,
                "status": _job_status(job),
                "rows_done": _rows_done(job),
                "page_title": title,
                "breadcrumbs": [(back, reverse("registration:import")), (title, None)],
            },
        )


class ImportStatusView(PleinPermissionMixin, View):
    """/registreren/importeren/<uuid>/status/: the same status as JSON, for the page's script."""

    permission_required = "registration.import_visits"

    def get(self, request, job):
        return JsonResponse(_job_status(selectors.import_job(user=request.user, uuid=job)))


class ImportErrorsView(PleinPermissionMixin, View):
    """/registreren/importeren/<uuid>/fouten.csv: every bad row of an import, as a CSV file."""

    permission_required = "registration.import_visits"

    def get(self, request, job):
        from django.http import FileResponse

        job = selectors.import_job(user=request.user, uuid=job)
        if not job.errors_file:
            raise Http404
        return FileResponse(
            job.errors_file.open("rb"),
            as_attachment=True,
            filename=f"importfouten-{job.created_at:%Y-%m-%d}.csv",
            content_type="text/csv; charset=utf-8",
        )


# --- the desk: registering visits --------------------------------------------------------

SESSION_BRANCH = "registration_branch"
QUESTIONS_PREFIX = "vraag"


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _desk_location(request):
    """The IDO branch chosen at this desk (kept in the session), or None."""
    key = request.session.get(SESSION_BRANCH)
    if not key:
        return None
    return selectors.desk_locations(request.user).filter(uuid=key).first()


def _new_key() -> str:
    return uuid.uuid4().hex


def _unbound_copy(visit_form, formset, categories, add=0):
    """The forms again, filled with what was posted but without error messages (after
    "add another question"), with `add` empty question blocks more."""
    initial = {name: visit_form[name].value() for name in visit_form.fields}
    blocks = [
        {name: form[name].value() for name in form.fields}
        for form in formset.forms
        if any(form[name].value() for name in form.fields)
    ] or [{}]
    form_class = QuestionFormSet
    new_visit_form = VisitForm(initial=initial, categories=categories)
    new_formset = form_class(initial=blocks, prefix=QUESTIONS_PREFIX, form_kwargs={"categories": categories})
    new_formset.extra = add
    return new_visit_form, new_formset


class DeskView(PleinPermissionMixin, View):
    """/registreren/: register one visit (with its questions) in one request, see and undo the
    last few registrations. Without a chosen branch it asks for the branch first."""

    permission_required = "registration.register_visits"

    def _render(self, request, location, visit_form, formset, status=200):
        context = {
            "location": location,
            "form": visit_form,
            "formset": formset,
            "recent": [
                (visit, services.can_undo(visit, request.user))
                for visit in selectors.recent_visits(user=request.user, location=location)
            ],
            "undo_minutes": services.UNDO_MINUTES,
            "page_title": _("Register a visit"),
            "breadcrumbs": [(_("Register a visit"), None)],
        }
        return render(request, "registration/desk.html", context, status=status)

    def _branch_page(self, request):
        return BranchView.render_choice(request, BranchForm(locations=selectors.desk_locations(request.user)))

    def get(self, request):
        location = _desk_location(request)
        if location is None:
            return self._branch_page(request)
        categories = selectors.categories_by_kind(retired=False)
        visit_form = VisitForm(initial={"idempotency_key": _new_key()}, categories=categories)
        formset = QuestionFormSet(prefix=QUESTIONS_PREFIX, form_kwargs={"categories": categories})
        return self._render(request, location, visit_form, formset)

    def post(self, request):
        location = _desk_location(request)
        if location is None and "vestiging" in request.POST:  # the branch choice shown at /registreren/
            return BranchView.as_view()(request)
        if location is None:
            if _wants_json(request):
                return JsonResponse(
                    {"ok": False, "errors": {"location": [_("Choose the branch where you work.")]}}, status=400
                )
            return self._branch_page(request)
        if not request.user.has_perm("registration.register_at_location", location):
            return self.handle_no_permission()
        categories = selectors.categories_by_kind(retired=False)
        visit_form = VisitForm(request.POST, categories=categories)
        formset = QuestionFormSet(request.POST, prefix=QUESTIONS_PREFIX, form_kwargs={"categories": categories})
        if "add_question" in request.POST:
            visit_form, formset = _unbound_copy(visit_form, formset, categories, add=1)
            return self._render(request, location, visit_form, formset)
        if visit_form.is_valid() and formset.is_valid():
            questions = [form.cleaned_data for form in formset.forms if form.has_changed() or not form.empty_permitted]
            try:
                visit, created = services.visit_register(
                    acting_user=request.user,
                    location=location,
                    channel=visit_form.cleaned_data["channel"],
                    duration=visit_form.cleaned_data["duration"],
                    questions=questions,
                    idempotency_key=visit_form.cleaned_data["idempotency_key"],
                )
            except ValidationError as error:
                self._add_service_errors(visit_form, formset, error)
            else:
                count = visit.questions.count()
                message = ngettext(
                    "Visit registered: %(count)s question", "Visit registered: %(count)s questions", count
                ) % {"count": count}
                if _wants_json(request):
                    if "X-Plein-Queued" not in request.headers:
                        messages.success(request, message)  # shown on the page the script loads next
                    return JsonResponse(
                        {"ok": True, "created": created, "visit": str(visit.uuid), "message": message},
                        status=201 if created else 200,
                    )
                messages.success(request, message)
                return redirect("registration:desk")
        if _wants_json(request):
            return JsonResponse({"ok": False, "errors": self._errors(visit_form, formset)}, status=400)
        return self._render(request, location, visit_form, formset)

    @staticmethod
    def _add_service_errors(visit_form, formset, error):
        for key, errors in error.message_dict.items():
            if key.startswith("question_"):
                _, number, field = key.split("_", 2)
                index = int(number) - 1
                if index < len(formset.forms) and field in formset.forms[index].fields:
                    formset.forms[index].add_error(field, errors)
                    continue
            visit_form.add_error(key if key in visit_form.fields else None, errors)

    @staticmethod
    def _errors(visit_form, formset) -> dict:
        errors = {key: list(messages_) for key, messages_ in visit_form.errors.items()}
        for index, form in enumerate(formset.forms):
            for key, messages_ in form.errors.items():
                errors[f"{formset.prefix}-{index}-{key}"] = list(messages_)
        if formset.non_form_errors():
            errors["questions"] = list(formset.non_form_errors())
        return errors


class BranchView(PleinPermissionMixin, View):
    """/registreren/vestiging/: choose (or change) the IDO branch of this desk; remembered in
    the session. A branch of another library is 404."""

    permission_required = "registration.register_visits"

    @staticmethod
    def render_choice(request, form, status=200):
        context = {
            "form": form,
            "page_title": _("Choose your IDO branch"),
            "breadcrumbs": [(_("Register a visit"), reverse("registration:desk")), (_("Choose your IDO branch"), None)],
            "no_branches": not form.fields["vestiging"].choices,
        }
        return render(request, "registration/desk_branch.html", context, status=status)

    def get(self, request):
        current = _desk_location(request)
        form = BranchForm(
            initial={"vestiging": str(current.uuid) if current else None},
            locations=selectors.desk_locations(request.user),
        )
        return self.render_choice(request, form)

    def post(self, request):
        key = request.POST.get("vestiging")
        if not key:
            form = BranchForm(request.POST, locations=selectors.desk_locations(request.user))
            form.is_valid()
            return self.render_choice(request, form)
        try:
            uuid.UUID(key)
        except ValueError:
            raise Http404 from None
        location = get_object_or_404(selectors.desk_locations(request.user), uuid=key)
        if not request.user.has_perm("registration.register_at_location", location):
            return self.handle_no_permission()
        request.session[SESSION_BRANCH] = str(location.uuid)
        messages.success(request, _("You register visits at %(branch)s.") % {"branch": location.name})
        return redirect("registration:desk")


class UndoView(PleinPermissionMixin, View):
    """POST /registreren/<visit>/ongedaan-maken/: undo one's own registration, shortly after."""

    permission_required = "registration.undo_visit"

    def get_permission_object(self):
        return selectors.own_visit(user=self.request.user, uuid=self.kwargs["visit"])

    def post(self, request, visit):
        services.visit_delete(visit=self.get_permission_object(), acting_user=request.user)
        messages.success(request, _("The registration has been undone."))
        return redirect("registration:desk")
