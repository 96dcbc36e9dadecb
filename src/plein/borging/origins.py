"""What the action plans show for an action made from a criterion of the borging scan: "From the
borging scan: <criterion>", linked to the scan. Registered with `plein.actions.origins` in `apps.py`."""

from django.urls import reverse
from django.utils.translation import gettext as _

from plein.actions.choices import ActionOrigin
from plein.actions.origins import Origin

# Read with the actions, through `AssessmentAction` (its `related_name` on the action).
RELATED = ("borging_link__assessment__scan__library",)


def assessment_origin(action) -> Origin | None:
    link = getattr(action, "borging_link", None)
    if link is None or action.origin != ActionOrigin.BORGING:
        return None
    assessment = link.assessment
    scan_url = reverse("borging:scan", args=[assessment.scan.library.uuid, assessment.scan.year])
    return Origin(
        prefix=_("From the borging scan:"),
        label=str(assessment.definition.title),
        url=f"{scan_url}#criterium-{assessment.criterion}",
    )
