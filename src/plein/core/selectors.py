"""What the start page offers each role: a short explanation and the pages to go to."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plein.accounts.choices import Role


@dataclass
class StartSection:
    title: str
    text: str
    links: list[tuple[str, str]] = field(default_factory=list)


def start_page_sections(*, user) -> list[StartSection]:
    if not user.is_authenticated:
        return []
    sections = []
    org_links = (
        [(_("See your organisation and its branches"), reverse("organisations:mine"))] if user.organisation_id else []
    )
    if user.role == Role.ADMINISTRATOR:
        sections.append(
            StartSection(
                _("You are an administrator"),
                _(
                    "You manage the users, organisations and settings of Plein. "
                    "You can see the history of every change."
                ),
                [
                    (_("Manage organisations"), reverse("organisations:list")),
                    (_("Invite and manage users"), reverse("accounts:user_list")),
                    (_("Open the technical admin"), reverse("admin:index")),
                ],
            )
        )
    elif user.role == Role.FACILITATOR:
        sections.append(
            StartSection(
                _("You are a facilitator"),
                _(
                    "You coach libraries in theme groups. You add libraries and invite their staff. "
                    "You can see how each library is doing."
                ),
                [
                    (_("Your theme groups, sign-ups and meetings"), reverse("themegroups:list")),
                    (_("The actions of the libraries you coach"), reverse("actions:overview")),
                    (_("See all organisations"), reverse("organisations:list")),
                    (_("Invite a coordinator or desk worker"), reverse("accounts:invite")),
                ],
            )
        )
    elif user.role == Role.COORDINATOR:
        sections.append(
            StartSection(
                _("You are the coordinator of your library"),
                _(
                    "You take part in theme groups for your library, keep its action plan and share practice "
                    "cases. You also keep the details of your library up to date, such as where the IDO is."
                ),
                [
                    (_("Your theme groups and meetings"), reverse("themegroups:list")),
                    (_("Your library's action plan"), reverse("actions:index")),
                    (_("Resources"), reverse("resources:list")),
                    *org_links,
                ],
            )
        )
    elif user.role == Role.DESK_WORKER:
        sections.append(
            StartSection(
                _("You work at the desk"),
                _(
                    "You help residents at the Informatiepunt Digitale Overheid (IDO). You can see the theme "
                    "groups and the action plan of your library, and the branches."
                ),
                [
                    (_("Your theme groups and meetings"), reverse("themegroups:list")),
                    (_("Your library's action plan"), reverse("actions:index")),
                    *org_links,
                ],
            )
        )
    elif user.role == Role.MUNICIPALITY:
        sections.append(
            StartSection(
                _("You work for a municipality"),
                _(
                    "You can read how the IDO in your municipality is doing. You cannot change anything. "
                    "Reports for your municipality will come here."
                ),
                org_links,
            )
        )
    sections.append(
        StartSection(
            _("Your account"),
            _("Change your password or turn on two-step login for extra security."),
            [(_("Go to my account"), reverse("accounts:profile"))],
        )
    )
    return sections
