"""Reads for resources. Visibility (the same rule as `resources.view_resource` in
`plein.access.rules`): resources without a theme group for every logged-in user; the others for
whoever sees one of their groups (`plein.access.groups_visible_to`: the staff of member
libraries, the groups' facilitators, administrators). Anything else is 404.
Every selector runs a fixed number of queries, whatever the number of rows."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from plein.access import selectors as access
from plein.themegroups.models import ThemeGroup

from .models import Resource

ResourceGroup = Resource.groups.through


def resources_visible_to(user) -> QuerySet[Resource]:
    if not user.is_authenticated:
        return Resource.objects.none()
    tagged = ResourceGroup.objects.filter(resource_id=OuterRef("pk"))
    return Resource.objects.filter(
        ~Exists(tagged) | Exists(tagged.filter(themegroup_id__in=access.groups_visible_to(user).values("pk")))
    )


def _with_tags(qs: QuerySet[Resource]) -> QuerySet[Resource]:
    return qs.select_related("created_by").prefetch_related(
        Prefetch("groups", queryset=ThemeGroup.objects.select_related("programme_year").order_by("name")),
        "topic_rows",
    )


def resource_list(*, user, group: ThemeGroup | None = None, topic: str = "", search: str = "") -> QuerySet[Resource]:
    qs = resources_visible_to(user)
    if group is not None:
        qs = qs.filter(Exists(ResourceGroup.objects.filter(resource_id=OuterRef("pk"), themegroup_id=group.pk)))
    if topic:
        qs = qs.filter(topic_rows__topic=topic)
    if search:
        term = search.strip()
        qs = qs.filter(Q(title__icontains=term) | Q(description__icontains=term))
    return _with_tags(qs).order_by("title", "pk")


def resource_get(*, user, uuid) -> Resource:
    """The resource, if this user may see it; otherwise 404 (we do not reveal it exists)."""
    try:
        return _with_tags(resources_visible_to(user)).get(uuid=uuid)
    except (Resource.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def groups_for_filter(*, user) -> QuerySet[ThemeGroup]:
    """The theme groups this user can filter on and tag with: the groups they can see."""
    return access.groups_visible_to(user).select_related("programme_year").order_by("-programme_year__year", "name")
