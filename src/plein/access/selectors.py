"""Who may see which library, branch, theme group and municipality, and who may manage which
organisation: one queryset function per kind, for every role. This is the only place in Plein
that turns a role into visibility; every selector filters through these functions (404), and
the predicates in `plein.access.rules` are derived from them (403), so the two always agree.

Roles: an administrator sees everything; a facilitator the libraries in the theme groups their
support organisation runs (the coaching relation, read through `relations.coaching()`); a
coordinator their own library; a desk worker their own library only to register and for its
figures; a municipality the libraries and branches that serve its municipalities, only for
figures; everyone, an anonymous visitor too, what is published (`Purpose.PUBLISHED`: the
libraries, branches and municipalities with a published offer, read from plein.offers).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet
from django.http import Http404

from plein.accounts.choices import Role
from plein.accounts.selectors import works_at_library
from plein.organisations.choices import OrganisationType
from plein.organisations.models import Location, Municipality, Organisation

from . import relations
from .purposes import Purpose

# Which purposes each role may look at a library (or its branches) for.
PURPOSES = {
    Role.ADMINISTRATOR: {Purpose.PLAN, Purpose.FIGURES, Purpose.DATA},
    Role.FACILITATOR: {Purpose.PLAN, Purpose.FIGURES},
    Role.COORDINATOR: {Purpose.PLAN, Purpose.FIGURES, Purpose.REGISTER, Purpose.DATA},
    Role.DESK_WORKER: {Purpose.FIGURES, Purpose.REGISTER},
    Role.MUNICIPALITY: {Purpose.FIGURES},
}


def _role(user):
    return user.role if user is not None and user.is_authenticated else None


def allows(user, purpose: Purpose) -> bool:
    """May this user look at any library for this purpose at all (no query)?"""
    return purpose == Purpose.PUBLISHED or purpose in PURPOSES.get(_role(user), set())


def is_administrator(user) -> bool:
    return _role(user) == Role.ADMINISTRATOR


def is_facilitator(user) -> bool:
    return _role(user) == Role.FACILITATOR


# --- a memo, so a rule checked on an object a selector just returned costs no query ------------


def remember(obj, user, kind, purpose=None):
    """Mark `obj` as returned by a visibility queryset of `kind` for this user, so the rule
    asked about it next answers without a query (the same answer the queryset gave)."""
    return _remember(obj, user, kind, purpose)


def remember_library(library, user, purpose: Purpose, *, shared: str = ""):
    """A library a feature's selector reached through `libraries_visible_to(user, purpose)`
    (e.g. the library of an action it fetched with `library__in=...`)."""
    return _remember(library, user, "library", (purpose, shared))


def _remember(obj, user, kind, purpose=None):
    if obj is not None:
        obj.__dict__.setdefault("_access_seen", set()).add((user.pk, kind, purpose))
    return obj


def _remembered(obj, user, kind, purpose=None) -> bool:
    return (getattr(user, "pk", None), kind, purpose) in getattr(obj, "__dict__", {}).get("_access_seen", ())


def _pk(obj):
    return getattr(obj, "pk", obj)


# --- libraries ---------------------------------------------------------------------------


def libraries() -> QuerySet[Organisation]:
    return Organisation.objects.filter(type=OrganisationType.LIBRARY)


def libraries_visible_to(user, purpose: Purpose, *, shared: str = "") -> QuerySet[Organisation]:
    """The libraries this user may look at for `purpose` (a `Purpose`). `shared="emb"`: for
    PLAN, also the libraries that share that part of their work with the user's library
    (`libraries_sharing_with`)."""
    visible = _libraries_visible_to(user, purpose)
    if shared and purpose == Purpose.PLAN and _role(user) == Role.COORDINATOR:
        sharing = libraries_sharing_with(user, shared)
        return libraries().filter(Q(pk__in=visible.values("pk")) | Q(pk__in=sharing.values("pk")))
    return visible


def _libraries_visible_to(user, purpose: Purpose) -> QuerySet[Organisation]:
    return _by_role(
        user,
        purpose,
        libraries(),
        field="pk",
        municipal=lambda org_id: Q(pk__in=_locations_of_own_municipalities(org_id).values("organisation_id")),
    )


def _by_role(user, purpose: Purpose, qs: QuerySet, *, field: str, municipal) -> QuerySet:
    """The one role ladder: `qs` (libraries, or branches with `field="organisation_id"`) as far
    as this user may look at them for `purpose`."""
    role = _role(user)
    if not allows(user, purpose):
        return qs.none()
    if purpose == Purpose.PUBLISHED:
        return qs.filter(pk__in=relations.published_ids("location" if field == "organisation_id" else "library"))
    if role == Role.ADMINISTRATOR:
        return qs
    if user.organisation_id is None:
        return qs.none()
    if role == Role.FACILITATOR:
        # A subquery, not a join: a library in two groups must not count its rows twice.
        return qs.filter(**{f"{field}__in": relations.coaching().coached_library_ids(user.organisation_id)})
    if role in (Role.COORDINATOR, Role.DESK_WORKER):
        return qs.filter(**{field: user.organisation_id})
    if role == Role.MUNICIPALITY:
        return qs.filter(municipal(user.organisation_id))
    return qs.none()


def can_see_library(user, library, purpose: Purpose, *, shared: str = "") -> bool:
    """`libraries_visible_to(user, purpose, shared=...)` holds this library (the rules' answer)."""
    if library is None or not allows(user, purpose):
        return False
    if _remembered(library, user, "library", (purpose, shared)):
        return True
    return libraries_visible_to(user, purpose, shared=shared).filter(pk=_pk(library)).exists()


def library_get(*, user, uuid, purpose: Purpose, shared: str = "") -> Organisation:
    """The library, if this user may see it for `purpose`; otherwise 404 (we do not reveal it exists)."""
    try:
        library = libraries_visible_to(user, purpose, shared=shared).get(uuid=uuid)
    except (Organisation.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    return _remember(library, user, "library", (purpose, shared))


def libraries_in_groups_with(library_id) -> QuerySet:
    """The libraries that take part now in one of the theme groups this library takes part in
    (itself included): a one-column subquery."""
    coaching = relations.coaching()
    return coaching.member_library_ids(coaching.group_ids_of_library(library_id))


def libraries_sharing_with(user, topic: str) -> QuerySet[Organisation]:
    """The libraries that share `topic` (e.g. "emb", registered by that feature) with the
    libraries in their theme groups, as far as this user's library is one of them and the
    user may do the private work of their own library (a coordinator; not a desk worker)."""
    qs = libraries()
    if _role(user) != Role.COORDINATOR or user.organisation_id is None:
        return qs.none()
    return qs.filter(pk__in=libraries_in_groups_with(user.organisation_id)).filter(
        pk__in=relations.shared_library_ids(topic)
    )


def sees_shared(user, library, topic: str) -> bool:
    if library is None or _role(user) != Role.COORDINATOR:
        return False
    return libraries_sharing_with(user, topic).filter(pk=_pk(library)).exists()


# --- locations (branches) ----------------------------------------------------------------


def _locations_of_own_municipalities(organisation_id) -> QuerySet[Location]:
    return Location.objects.filter(municipality__organisations=organisation_id)


def locations_visible_to(user, purpose: Purpose) -> QuerySet[Location]:
    """The branches this user may look at for `purpose`: those of the libraries they may see,
    for a municipality those in its own municipalities, and to register only IDO branches."""
    qs = _by_role(
        user,
        purpose,
        Location.objects.all(),
        field="organisation_id",
        municipal=lambda org_id: Q(municipality__organisations=org_id),
    )
    return qs.filter(has_ido=True) if purpose == Purpose.REGISTER else qs


def can_see_location(user, location, purpose: Purpose) -> bool:
    if location is None or not allows(user, purpose):
        return False
    if _remembered(location, user, "location", purpose):
        return True
    return locations_visible_to(user, purpose).filter(pk=_pk(location)).exists()


# --- municipalities ----------------------------------------------------------------------


def municipalities_visible_to(user, purpose: Purpose) -> QuerySet[Municipality]:
    """Municipalities as a whole (their figures, later their reports): administrators all, a
    municipality its own. Others see the branches of their libraries, not whole municipalities."""
    role, qs = _role(user), Municipality.objects.all()
    if purpose == Purpose.PUBLISHED:
        return qs.filter(pk__in=relations.published_ids("municipality"))
    if purpose != Purpose.FIGURES:
        return qs.none()
    if role == Role.ADMINISTRATOR:
        return qs
    if role == Role.MUNICIPALITY and user.organisation_id is not None:
        return qs.filter(organisations=user.organisation_id)
    return qs.none()


def can_see_municipality(user, municipality, purpose: Purpose) -> bool:
    if municipality is None:
        return False
    return municipalities_visible_to(user, purpose).filter(pk=_pk(municipality)).exists()


@dataclass(frozen=True)
class FigureLevels:
    """Which kinds of scope the figures picker offers this user (no query)."""

    national: bool = False  # the country and its provinces
    municipalities: bool = False  # whole municipalities
    libraries: bool = True  # whole libraries
    together: str = ""  # "coached" (a facilitator's libraries) or "municipalities" (all of its own)
    own_library: bool = False  # branch names without their library's name


def figure_levels(user) -> FigureLevels:
    role = _role(user)
    if role == Role.ADMINISTRATOR:
        return FigureLevels(national=True, municipalities=True)
    if role == Role.FACILITATOR:
        return FigureLevels(together="coached")
    if role == Role.MUNICIPALITY:
        return FigureLevels(municipalities=True, libraries=False, together="municipalities")
    if role in (Role.COORDINATOR, Role.DESK_WORKER):
        return FigureLevels(own_library=True)
    return FigureLevels(libraries=False)


# --- theme groups ------------------------------------------------------------------------


def groups_visible_to(user) -> QuerySet:
    """Administrators: every group; facilitators: the groups their support organisation runs;
    library staff: the groups their library takes part in now; nobody else any."""
    role = _role(user)
    coaching = relations.coaching()
    if role is None:
        return coaching.groups().none()
    if role == Role.ADMINISTRATOR:
        return coaching.groups()
    if user.organisation_id is None:
        return coaching.groups().none()
    if role == Role.FACILITATOR:
        return coaching.groups_run_by(user.organisation_id)
    if role in (Role.COORDINATOR, Role.DESK_WORKER):
        return coaching.groups().filter(pk__in=coaching.group_ids_of_library(user.organisation_id))
    return coaching.groups().none()


def can_see_group(user, group) -> bool:
    if group is None or _role(user) is None:
        return False
    if _role(user) == Role.ADMINISTRATOR or _remembered(group, user, "group"):
        return True
    if _role(user) == Role.FACILITATOR:
        return manages_group(user, group)
    return groups_visible_to(user).filter(pk=_pk(group)).exists()


def group_get(*, user, uuid):
    """A theme group this user may see; otherwise 404."""
    try:
        return _remember(groups_visible_to(user).get(uuid=uuid), user, "group")
    except (ObjectDoesNotExist, ValueError) as exc:
        raise Http404 from exc


def remember_group(group, user):
    """A group a feature's selector reached through `groups_visible_to(user)`."""
    return _remember(group, user, "group")


def groups_managed_by(user) -> QuerySet:
    """The groups whose sign-ups, meetings and comparisons this user runs: administrators all,
    facilitators those of their own support organisation."""
    role = _role(user)
    coaching = relations.coaching()
    if role == Role.ADMINISTRATOR:
        return coaching.groups()
    if role == Role.FACILITATOR and user.organisation_id is not None:
        return coaching.groups_run_by(user.organisation_id)
    return coaching.groups().none()


def manages_group(user, group) -> bool:
    """`groups_managed_by(user)` holds the group, answered from the group's programme year
    (no query when the page loaded it, as every group page does)."""
    role = _role(user)
    if group is None or role not in (Role.ADMINISTRATOR, Role.FACILITATOR):
        return False
    if role == Role.ADMINISTRATOR:
        return True
    return user.organisation_id is not None and relations.coaching().poi_id_of_group(group) == user.organisation_id


def is_member_of_group(user, group) -> bool:
    """The user's library takes part in the group now (libraries are members, people inherit)."""
    if group is None or _role(user) is None or user.organisation_id is None:
        return False
    return relations.coaching().member_library_ids([_pk(group)]).filter(library_id=user.organisation_id).exists()


def takes_part_in_a_group(user) -> bool:
    if _role(user) is None or user.organisation_id is None:
        return False
    return relations.coaching().group_ids_of_library(user.organisation_id).exists()


def group_ids_of_library(library_id) -> QuerySet:
    """The groups this library takes part in now: a one-column subquery."""
    return relations.coaching().group_ids_of_library(library_id)


def group_member_library_ids(group_ids) -> QuerySet:
    """The libraries taking part now in these groups: a one-column subquery."""
    return relations.coaching().member_library_ids(group_ids)


def programme_years_managed_by(user) -> QuerySet:
    """The programme years this user may add groups to: their own POI's; administrators all."""
    role = _role(user)
    coaching = relations.coaching()
    if role == Role.ADMINISTRATOR:
        return coaching.programme_years()
    if role == Role.FACILITATOR and user.organisation_id is not None:
        return coaching.programme_years_run_by(user.organisation_id)
    return coaching.programme_years().none()


# --- managing organisations and people ------------------------------------------------------


def organisations_managed_by(user) -> QuerySet[Organisation]:
    """The organisations whose details, people and history this user manages.

    An administrator: every organisation. A facilitator: their own support organisation, the
    libraries it coaches (member of one of its theme groups now), the municipalities those
    libraries work for, and the organisations someone of their support organisation added
    (so a library they just added is theirs until it joins a group). Nobody else."""
    role = _role(user)
    if role == Role.ADMINISTRATOR:
        return Organisation.objects.all()
    if role != Role.FACILITATOR or user.organisation_id is None:
        return Organisation.objects.none()
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    poi_id = user.organisation_id
    coached = relations.coaching().coached_library_ids(poi_id)
    towns = Organisation.municipalities.through.objects.filter(organisation_id__in=coached).values("municipality_id")
    municipalities = Organisation.objects.filter(type=OrganisationType.MUNICIPALITY, municipalities__in=towns)
    added = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation),
        action=LogEntry.Action.CREATE,
        actor__organisation_id=poi_id,
        actor__role=Role.FACILITATOR,
    ).values("object_id")
    return Organisation.objects.filter(
        Q(pk=poi_id) | Q(pk__in=coached) | Q(pk__in=municipalities.values("pk")) | Q(pk__in=added)
    )


def libraries_managed_by(user) -> QuerySet[Organisation]:
    return organisations_managed_by(user).filter(type=OrganisationType.LIBRARY)


def manages_organisation(user, organisation) -> bool:
    if organisation is None or _role(user) not in (Role.ADMINISTRATOR, Role.FACILITATOR):
        return False
    if _role(user) == Role.ADMINISTRATOR:
        return True
    return organisations_managed_by(user).filter(pk=_pk(organisation)).exists()


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """Managers: the organisations they manage; anyone else logged in: their own."""
    role = _role(user)
    if role is None:
        return Organisation.objects.none()
    if role in (Role.ADMINISTRATOR, Role.FACILITATOR):
        return organisations_managed_by(user)
    return Organisation.objects.filter(pk=user.organisation_id)


def manages_everything(user) -> bool:
    return is_administrator(user)


def people_managed_by(user) -> QuerySet:
    """Administrators: everyone; a facilitator: the people of the organisations they manage."""
    User = get_user_model()
    role = _role(user)
    if role == Role.ADMINISTRATOR:
        return User.objects.all()
    if role == Role.FACILITATOR:
        return User.objects.filter(organisation__in=organisations_managed_by(user).values("pk"))
    return User.objects.none()


def keeps_library_plan(user) -> bool:
    """Library staff who may open their library's plan, EMB workspace and guide: not desk
    workers (for the menu; no query)."""
    return works_at_library(user) and allows(user, Purpose.PLAN)
