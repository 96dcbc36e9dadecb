"""Every permission in Plein, in one module.

Views check these through `rules` (PermissionRequiredMixin / `user.has_perm`). Visibility (can
this user see the library, branch, theme group or municipality at all?) is decided once, by the
querysets of `plein.access.selectors`: selectors filter through them (404), and the visibility
predicates below are derived from them (`access.can_see_library(...)` is "the queryset holds
it"), so a 403 and a 404 can never disagree. The other rules decide what a user may *do* with
what they can see (403). This module imports no feature app: what it needs of the theme groups
(the coaching relation) and of the EMB (sharing) it reads through `plein.access`.
"""

import rules

from plein.accounts.choices import Role

from . import selectors as access
from .purposes import Purpose

# --- predicates ---------------------------------------------------------------------------


@rules.predicate
def is_administrator(user):
    return user.is_authenticated and user.role == Role.ADMINISTRATOR


@rules.predicate
def is_facilitator(user):
    return user.is_authenticated and user.role == Role.FACILITATOR


@rules.predicate
def is_coordinator(user):
    return user.is_authenticated and user.role == Role.COORDINATOR


@rules.predicate
def is_desk_worker(user):
    return user.is_authenticated and user.role == Role.DESK_WORKER


@rules.predicate
def is_municipality(user):
    return user.is_authenticated and user.role == Role.MUNICIPALITY


@rules.predicate
def is_member_of_organisation(user, organisation):
    return (
        user.is_authenticated
        and organisation is not None
        and user.organisation_id is not None
        and user.organisation_id == organisation.pk
    )


@rules.predicate
def target_is_library_or_municipality_staff(user, target):
    """Facilitators look after the people of libraries and municipalities, not other POI staff."""
    return target is not None and target.role in {Role.COORDINATOR, Role.DESK_WORKER, Role.MUNICIPALITY}


@rules.predicate
def is_self(user, target):
    return target is not None and user.is_authenticated and target.pk == user.pk


is_manager = is_administrator | is_facilitator  # runs organisations, users and theme groups


# --- visibility, derived from the access querysets ---------------------------------------


@rules.predicate
def sees_plan(user, library):
    """`access.libraries_visible_to(user, Purpose.PLAN)` holds the library: the action plan, the
    EMB workspace and the guide of administrators, coaching facilitators and its coordinator."""
    return access.can_see_library(user, library, Purpose.PLAN)


@rules.predicate
def sees_portfolio(user, library):
    """The plan's libraries plus, for a coordinator, those that share their EMB with their groups."""
    return access.can_see_library(user, library, Purpose.PLAN, shared="emb")


@rules.predicate
def sees_location_figures(user, location):
    return access.can_see_location(user, location, Purpose.FIGURES)


@rules.predicate
def registers_at_location(user, location):
    return access.can_see_location(user, location, Purpose.REGISTER)


@rules.predicate
def sees_municipality_figures(user, municipality):
    return access.can_see_municipality(user, municipality, Purpose.FIGURES)


@rules.predicate
def sees_group(user, group):
    """`access.groups_visible_to(user)` holds the group."""
    return access.can_see_group(user, group)


@rules.predicate
def manages_group(user, group):
    """`access.groups_managed_by(user)` holds the group: administrators, and the facilitators of
    the support organisation that runs the group's programme year."""
    return access.manages_group(user, group)


facilitates_group = is_facilitator & manages_group


@rules.predicate
def is_group_member(user, group):
    """Staff of a library that takes part in the group (libraries are members, people inherit)."""
    return access.is_member_of_group(user, group)


is_library_staff = is_coordinator | is_desk_worker


@rules.predicate
def manages_organisation(user, organisation):
    """`access.organisations_managed_by(user)` holds the organisation: an administrator, or a
    facilitator for the organisations of the libraries their support organisation coaches."""
    return access.manages_organisation(user, organisation)


@rules.predicate
def manages_target_organisation(user, target):
    """The person works at an organisation this user manages."""
    if target is None or target.organisation_id is None:
        return False
    return manages_organisation.test(user, target.organisation_id)


# --- organisations ------------------------------------------------------------------------

rules.add_perm("organisations.list_organisations", is_manager)
rules.add_perm("organisations.create_organisation", is_manager)
rules.add_perm("organisations.view_organisation", manages_organisation | is_member_of_organisation)
rules.add_perm("organisations.change_organisation", manages_organisation)
rules.add_perm("organisations.manage_locations", manages_organisation | (is_coordinator & is_member_of_organisation))
# Inviting someone to this organisation (the object); without an object: may invite at all.
rules.add_perm("organisations.invite_to_organisation", manages_organisation)
rules.add_perm("organisations.manage_municipalities", is_manager)

# --- accounts -----------------------------------------------------------------------------

rules.add_perm("accounts.use_own_account", rules.is_authenticated)
rules.add_perm("organisations.view_own_organisation", rules.is_authenticated)
rules.add_perm("accounts.list_users", is_manager)
rules.add_perm("accounts.invite_user", is_manager)
# Only administrators hand out the administrator and facilitator roles.
rules.add_perm("accounts.grant_any_role", is_administrator)
rules.add_perm(
    "accounts.change_user",
    (is_administrator | (is_facilitator & target_is_library_or_municipality_staff & manages_target_organisation))
    & ~is_self,
)

# --- theme groups -------------------------------------------------------------------------

rules.add_perm("themegroups.list_groups", rules.is_authenticated)
rules.add_perm("themegroups.manage_programme", is_manager)  # years and groups of one's own POI
rules.add_perm("themegroups.view_group", sees_group)
rules.add_perm("themegroups.manage_group", manages_group)  # sign-ups, meetings, minutes
rules.add_perm("themegroups.take_part", is_library_staff & is_group_member)  # attendance, cases, replies

# --- action plans -------------------------------------------------------------------------

rules.add_perm("actions.view_plan", sees_plan)
rules.add_perm("actions.change_plan", is_administrator | (is_coordinator & is_member_of_organisation))
rules.add_perm("actions.view_overview", is_manager)

# --- resources ----------------------------------------------------------------------------
# A resource ("hulpmiddel") without a theme group is for everyone who can log in. One with
# groups is for the staff of the libraries in those groups, the groups' facilitators and
# administrators (`resources.selectors.resources_visible_to` filters the same way: 404).
# Facilitators and administrators add, change and remove resources. A library coordinator
# whose library takes part in a group may share a resource with (one of) their own groups,
# and change or remove what they added themselves; desk workers and municipalities only read.


def _resource_groups(resource):
    return list(resource.groups.all()) if resource is not None and resource.pk else []


@rules.predicate
def resource_is_open(user, resource):
    return resource is not None and not _resource_groups(resource)


@rules.predicate
def facilitates_resource_group(user, resource):
    return any(facilitates_group.test(user, group) for group in _resource_groups(resource))


@rules.predicate
def is_resource_group_member(user, resource):
    """`is_group_member` for any of the resource's groups, in one query instead of one per group."""
    groups = _resource_groups(resource)
    if not groups or not user.is_authenticated or user.organisation_id is None:
        return False
    members = access.group_member_library_ids([group.pk for group in groups])
    return members.filter(library_id=user.organisation_id).exists()


@rules.predicate
def added_resource(user, resource):
    return resource is not None and user.is_authenticated and resource.created_by_id == user.pk


@rules.predicate
def takes_part_in_a_group(user):
    return access.takes_part_in_a_group(user)


@rules.predicate
def added_by_own_poi(user, resource):
    """A resource shared with everyone belongs to the support organisation that added it (the
    seeded tools, added by nobody, belong to the administrators)."""
    creator = getattr(resource, "created_by", None)
    return creator is not None and user.organisation_id is not None and creator.organisation_id == user.organisation_id


@rules.predicate
def is_unclaimed_placeholder(user, resource):
    return resource is not None and resource.is_placeholder and resource.created_by_id is None


can_change_resource = (
    is_administrator
    | (is_facilitator & resource_is_open & (added_by_own_poi | is_unclaimed_placeholder))
    | facilitates_resource_group
    | (is_coordinator & added_resource & is_resource_group_member)
)
rules.add_perm("resources.list_resources", rules.is_authenticated)
rules.add_perm(
    "resources.view_resource",
    is_administrator
    | (rules.is_authenticated & resource_is_open)
    | facilitates_resource_group
    | is_resource_group_member,
)
rules.add_perm("resources.add_resource", is_manager | (is_coordinator & takes_part_in_a_group))
rules.add_perm("resources.share_with_everyone", is_manager)  # a resource without a theme group
rules.add_perm("resources.change_resource", can_change_resource)
rules.add_perm("resources.delete_resource", can_change_resource)

# --- practice cases -----------------------------------------------------------------------
# The object is the theme group (for a case: the case's group), except for changing a case.


@rules.predicate
def is_case_author(user, case):
    return user.is_authenticated and case is not None and case.author_id == user.pk


@rules.predicate
def facilitates_case_group(user, case):
    return case is not None and facilitates_group.test(user, case.group)


# Reading a group's cases is reading the group.
rules.add_perm("practicecases.view_cases", sees_group)
# Bringing in a case or replying: staff of a member library (themegroups.take_part) or a facilitator.
rules.add_perm("practicecases.contribute", (is_library_staff & is_group_member) | facilitates_group)
rules.add_perm("practicecases.change_case", is_case_author | facilitates_case_group)

# --- EMB ---
# The object is the library (for the group comparison: the theme group). A portfolio, its map
# and its story are for the library's coordinator, the facilitators who coach it and
# administrators (the plan's libraries); when the library shares them, also for the
# coordinators of the other libraries in its theme groups (`access.libraries_visible_to(user,
# Purpose.PLAN, shared="emb")`; emb registers which libraries share). Not for desk workers.

rules.add_perm("emb.view_portfolio", sees_portfolio)
rules.add_perm("emb.change_portfolio", is_administrator | (is_coordinator & is_member_of_organisation))
rules.add_perm("emb.view_catalogue", rules.is_authenticated)
rules.add_perm("emb.manage_catalogue", is_manager)  # the national programmes
rules.add_perm("emb.compare_group", manages_group)

# --- Ontwikkelplein guide -----------------------------------------------------------------
# The object is the library (a route, partner or answer: the route's library). Reading a route
# is reading the action plan (not for desk workers); the coordinator keeps the route as they
# keep the plan. The guide's content (versions, drafts, publishing) is managed by facilitators
# and administrators.

rules.add_perm("guide.view_route", sees_plan)
rules.add_perm("guide.change_route", is_administrator | (is_coordinator & is_member_of_organisation))
rules.add_perm("guide.view_overview", is_manager)
rules.add_perm("guide.edit_guide", is_manager)

# --- IDO registration ---
# Figures: the object is a branch (Location) or a municipality. Library staff (desk workers
# too) see their own library's branches, facilitators those of the libraries they coach, the
# municipality role the branches in its own municipalities, administrators all
# (`access.locations_visible_to(user, Purpose.FIGURES)`: a scope outside it is 404).


@rules.predicate
def has_organisation(user):
    return user.is_authenticated and user.organisation_id is not None


rules.add_perm(
    "registration.view_figures",
    is_administrator | ((is_facilitator | is_library_staff | is_municipality) & has_organisation),
)
rules.add_perm("registration.view_location_figures", sees_location_figures)
rules.add_perm("registration.view_municipality_figures", sees_municipality_figures)
# A spreadsheet of the figures leaves Plein: not for desk workers (often volunteers).
rules.add_perm(
    "registration.export_figures",
    is_administrator | ((is_facilitator | is_coordinator | is_municipality) & has_organisation),
)

# Registering visits at the desk: desk workers and coordinators of a library, at an IDO
# branch of their own library (`access.locations_visible_to(user, Purpose.REGISTER)`); undo
# only one's own registration, shortly after.


@rules.predicate
def may_still_undo(user, visit):
    return visit is not None and user.is_authenticated and visit.may_be_undone_by(user)


rules.add_perm("registration.register_visits", is_library_staff & has_organisation)
rules.add_perm("registration.register_at_location", is_library_staff & registers_at_location)
rules.add_perm("registration.undo_visit", is_library_staff & may_still_undo)
rules.add_perm("registration.import_visits", is_administrator | (is_coordinator & has_organisation))

# --- API keys -----------------------------------------------------------------------------
# The object is the key (ApiToken). Coordinators make and revoke the keys of their own library,
# administrators those of every library (`access.libraries_visible_to(user, Purpose.DATA)`:
# `api.selectors.tokens_visible_to` filters through it, 404). The API checks the key (a key
# acts for its own library only) and, with "api.act_with_token", the person who made it.


@rules.predicate
def sees_token(user, token):
    return token is not None and access.can_see_library(user, token.organisation, Purpose.DATA)


@rules.predicate
def token_of_own_organisation(user, token):
    return token is not None and has_organisation.test(user) and token.organisation_id == user.organisation_id


rules.add_perm("api.manage_tokens", is_administrator | (is_coordinator & has_organisation))
rules.add_perm("api.revoke_token", sees_token)
# A key acts in the name of the person who made it, so it works only while that person could
# still make it: an active account (User.has_perm checks that) of an administrator, or of a
# coordinator who still works at the key's library. The user is the key's maker, not a visitor.
rules.add_perm("api.act_with_token", is_administrator | (is_coordinator & token_of_own_organisation))

# --- borging -----------------------------------------------------------------------------
# A scan (object: the library) is the library's own work, read like the action plan
# (`Purpose.PLAN`: administrators, the facilitators who coach it, its coordinator) and kept by
# its coordinator. An IDO branch's service profile (object: the branch) is read by everyone who
# sees the branch's figures (`Purpose.FIGURES`: also its desk workers and the municipality the
# branch serves) and kept by the coordinator of its library and administrators. The facilitator
# overview compares the scans of the libraries a facilitator coaches.


@rules.predicate
def works_at_location_library(user, location):
    return (
        location is not None
        and user.is_authenticated
        and user.organisation_id is not None
        and location.organisation_id == user.organisation_id
    )


rules.add_perm("borging.use_borging", is_administrator | ((is_facilitator | is_coordinator) & has_organisation))
rules.add_perm("borging.view_scan", sees_plan)
rules.add_perm("borging.change_scan", is_administrator | (is_coordinator & is_member_of_organisation))
rules.add_perm("borging.view_overview", is_administrator | (is_facilitator & has_organisation))
rules.add_perm("borging.view_profile", sees_location_figures)
rules.add_perm("borging.change_profile", is_administrator | (is_coordinator & works_at_location_library))

# --- borging reports ----------------------------------------------------------------------
# The object is the report (duck-typed: `report.library`, `report.municipality`). Its draft and
# preview are the library's own work (`Purpose.PLAN`); a published version is read also by the
# municipality when the library serves it (`Purpose.FIGURES`) and the report is about one of
# its own municipalities. Desk workers read no reports. The coordinator writes and publishes;
# the coordinator and the coaching facilitators share a published version by link.


@rules.predicate
def sees_report_draft(user, report):
    return report is not None and access.can_see_library(user, report.library, Purpose.PLAN)


@rules.predicate
def sees_published_report(user, report):
    if report is None:
        return False
    if access.can_see_library(user, report.library, Purpose.PLAN):
        return True
    return access.can_see_library(user, report.library, Purpose.FIGURES) and access.can_see_municipality(
        user, report.municipality, Purpose.FIGURES
    )


@rules.predicate
def works_at_report_library(user, report):
    return report is not None and is_member_of_organisation(user, report.library)


rules.add_perm("reports.view_reports", is_manager | is_coordinator | is_municipality)
rules.add_perm("reports.create_report", is_coordinator & has_organisation)  # for their own library
rules.add_perm("reports.view_draft", sees_report_draft)
rules.add_perm("reports.view_published", sees_published_report)
rules.add_perm("reports.change_report", is_administrator | (is_coordinator & works_at_report_library))
rules.add_perm(
    "reports.share_report",
    is_administrator | (is_coordinator & works_at_report_library) | (is_facilitator & sees_report_draft),
)

# --- the public offer (managing) -----------------------------------------------------------
# The object is the library. Its offer, drafts included, is the library's own work
# (`Purpose.PLAN`): administrators, the facilitators who coach it (read only) and its
# coordinator; desk workers and municipalities get 404, as do other libraries. The coordinator
# and administrators keep it (create, change, publish, withdraw, delete a draft). What is
# published is for everyone through `Purpose.PUBLISHED` (the public pages).

keeps_offer = sees_plan & (is_administrator | is_coordinator)

rules.add_perm("offers.use_offers", is_administrator | ((is_facilitator | is_coordinator) & has_organisation))
rules.add_perm("offers.keep_own_offer", is_coordinator & has_organisation)  # the menu's "Our offer"
rules.add_perm("offers.view_offer", sees_plan)
rules.add_perm("offers.change_offer", keeps_offer)

# --- audit --------------------------------------------------------------------------------

rules.add_perm("audit.view_history", is_manager)

# --- technical admin ----------------------------------------------------------------------

rules.add_perm("core.use_admin", is_administrator)
