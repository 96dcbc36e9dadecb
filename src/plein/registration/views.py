from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views import View

from plein.core.views_base import PleinPermissionMixin

from . import charts, selectors
from .choices import Metric
from .forms import FiguresForm


def _period_label(period) -> str:
    return _("%(start)s to %(end)s") % {
        "start": formats.date_format(period.start, "j F Y"),
        "end": formats.date_format(period.end, "j F Y"),
    }


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
        data = request.GET.copy()
        if current is not None:
            data["bereik"] = current.key
        data.setdefault("periode", "maand")
        form = FiguresForm(data, scope_choices=choices)
        context = {
            "form": form,
            "scope": current,
            "page_title": _("IDO figures"),
            "breadcrumbs": [(_("IDO figures"), None)],
        }
        if current is not None and form.is_valid():
            figures = selectors.figures(scope=current, period=form.cleaned_data["period"])
            sections = []
            for breakdown in figures.breakdowns:
                sections.append(
                    {
                        "id": f"fig-{breakdown.kind}",
                        "spec_id": f"fig-{breakdown.kind}-spec",
                        "kind_label": breakdown.kind.label,
                        "share_label": _("Share of all questions")
                        if breakdown.metric == Metric.QUESTIONS_BY
                        else _("Share of all visits"),
                        "title": charts.TITLES[breakdown.kind],
                        "summary": charts.breakdown_summary(breakdown),
                        "spec": charts.breakdown_spec(breakdown) if breakdown.rows else None,
                        "breakdown": breakdown,
                    }
                )
            context.update(
                figures=figures,
                totals=[_total(_("Visits"), figures.visits), _total(_("Questions"), figures.questions)],
                sections=sections,
                period_label=_period_label(figures.period),
                previous_label=_period_label(figures.previous),
                series_summary=charts.series_summary(figures),
                series_spec=charts.series_spec(figures),
                series_rows=[(charts.bucket_label(b, figures.unit), b) for b in figures.series],
                page_title=_("IDO figures: %(scope)s") % {"scope": current.label},
            )
        return render(request, "registration/figures.html", context)
