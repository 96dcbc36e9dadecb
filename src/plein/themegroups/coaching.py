"""The coaching relation, as `plein.access` reads it (registered in `ThemeGroupsConfig.ready`):
a facilitator's support organisation runs programme years, whose theme groups libraries take
part in. Only access calls this; every other app asks access."""

from .models import GroupMembership, ProgrammeYear, ThemeGroup


def _active():
    return GroupMembership.objects.filter(left_at__isnull=True)


class Coaching:
    def coached_library_ids(self, poi_id):
        return _active().filter(group__programme_year__poi_id=poi_id).values("library_id")

    def member_library_ids(self, group_ids):
        return _active().filter(group_id__in=group_ids).values("library_id")

    def group_ids_of_library(self, library_id):
        return _active().filter(library_id=library_id).values("group_id")

    def groups(self):
        return ThemeGroup.objects.all()

    def groups_run_by(self, poi_id):
        return ThemeGroup.objects.filter(programme_year__poi_id=poi_id)

    def poi_id_of_group(self, group):
        return group.programme_year.poi_id

    def programme_years(self):
        return ProgrammeYear.objects.select_related("poi").all()

    def programme_years_run_by(self, poi_id):
        return ProgrammeYear.objects.select_related("poi").filter(poi_id=poi_id)
