"""What the theme-group pages share: breadcrumbs and the mixins that fetch the group or
programme year (404 when the user may not see it)."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from plein.common.views_base import PleinPermissionMixin

from .. import selectors
from ..models import ProgrammeYear


def groups_crumb():
    return (_("Theme groups"), reverse("themegroups:list"))


def group_crumbs(group, *extra):
    return [groups_crumb(), (str(group), reverse("themegroups:group_detail", args=[group.uuid])), *extra]


class ProgrammeYearMixin(PleinPermissionMixin):
    permission_required = "themegroups.manage_programme"

    @cached_property
    def programme_year(self) -> ProgrammeYear:
        return selectors.programme_year_get(user=self.request.user, uuid=self.kwargs["year_uuid"])

    def get_permission_object(self):
        return None


class GroupObjectMixin(PleinPermissionMixin):
    permission_required = "themegroups.view_group"

    @cached_property
    def group(self):
        return selectors.group_get(user=self.request.user, uuid=self.kwargs["uuid"])

    def get_permission_object(self):
        return self.group
