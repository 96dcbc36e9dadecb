"""Every permission in Plein, in one module.

Views check these through `rules` (PermissionRequiredMixin / `user.has_perm`), selectors use
the same predicates to filter what a user may see. Later domains add their rules here, so
the whole permission model can be read on one page.

Visibility (can this user see the object at all?) is decided by selectors and answers 404;
the rules below decide what a user may *do* with what they can see and answer 403.
"""

import rules

from plein.accounts.choices import Role

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
def target_is_not_administrator(user, target):
    return target is not None and target.role != Role.ADMINISTRATOR


is_manager = is_administrator | is_facilitator  # runs organisations, users and theme groups


@rules.predicate
def facilitates_group(user, group):
    """A facilitator of the support organisation that runs the group's programme year."""
    return (
        user.is_authenticated
        and user.role == Role.FACILITATOR
        and group is not None
        and user.organisation_id is not None
        and group.programme_year.poi_id == user.organisation_id
    )


@rules.predicate
def is_group_member(user, group):
    """Staff of a library that takes part in the group (libraries are members, people inherit)."""
    if not user.is_authenticated or group is None or user.organisation_id is None:
        return False
    return group.memberships.filter(library_id=user.organisation_id, left_at__isnull=True).exists()


@rules.predicate
def coaches_library(user, library):
    """A facilitator whose support organisation runs a group this library takes part in."""
    if not user.is_authenticated or user.role != Role.FACILITATOR or library is None:
        return False
    from plein.themegroups.models import GroupMembership

    return GroupMembership.objects.filter(
        library=library, left_at__isnull=True, group__programme_year__poi_id=user.organisation_id
    ).exists()


is_library_staff = is_coordinator | is_desk_worker

# --- organisations ------------------------------------------------------------------------

rules.add_perm("organisations.list_organisations", is_manager)
rules.add_perm("organisations.create_organisation", is_manager)
rules.add_perm("organisations.view_organisation", is_manager | is_member_of_organisation)
rules.add_perm("organisations.change_organisation", is_manager)
rules.add_perm("organisations.manage_locations", is_manager | (is_coordinator & is_member_of_organisation))
rules.add_perm("organisations.manage_municipalities", is_manager)

# --- accounts -----------------------------------------------------------------------------

rules.add_perm("accounts.use_own_account", rules.is_authenticated)
rules.add_perm("organisations.view_own_organisation", rules.is_authenticated)
rules.add_perm("accounts.list_users", is_manager)
rules.add_perm("accounts.invite_user", is_manager)
rules.add_perm("accounts.invite_administrator", is_administrator)
rules.add_perm("accounts.change_user", is_administrator | (is_facilitator & target_is_not_administrator))

# --- theme groups -------------------------------------------------------------------------

rules.add_perm("themegroups.list_groups", rules.is_authenticated)
rules.add_perm("themegroups.manage_programme", is_manager)  # years and groups of one's own POI
rules.add_perm("themegroups.view_group", is_administrator | facilitates_group | is_group_member)
rules.add_perm("themegroups.manage_group", is_administrator | facilitates_group)  # sign-ups, meetings, minutes
rules.add_perm("themegroups.take_part", is_library_staff & is_group_member)  # attendance, cases, replies

# --- action plans -------------------------------------------------------------------------

rules.add_perm("actions.view_plan", is_administrator | coaches_library | (is_library_staff & is_member_of_organisation))
rules.add_perm("actions.change_plan", is_administrator | (is_coordinator & is_member_of_organisation))
rules.add_perm("actions.view_overview", is_manager)

# --- audit --------------------------------------------------------------------------------

rules.add_perm("audit.view_history", is_manager)

# --- technical admin ----------------------------------------------------------------------

rules.add_perm("core.use_admin", is_administrator)
