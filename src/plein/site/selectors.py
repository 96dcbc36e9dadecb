"""What the start page offers each role: a short explanation and the pages to go to."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from plein.accounts.choices import Role
from plein.common.registry import start_links

LIBRARY_ROLES = {Role.COORDINATOR, Role.DESK_WORKER}


@dataclass
class StartSection:
    title: str
    text: str
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class OpenSignup:
    """A public sign-up that is open today, for the start page (anonymous or logged in)."""

    text: str
    url: str
    label: str


def open_signup(today=None) -> OpenSignup | None:
    from plein.themegroups.selectors import signups_open_now

    years = list(signups_open_now(today))
    if not years:
        return None
    closes = min(year.signup_closes for year in years)
    names = sorted({f"{year.poi.name} {year.year}" for year in years})
    return OpenSignup(
        text=ngettext(
            "Libraries can now sign up for the theme groups of %(names)s, until %(date)s.",
            "Libraries can now sign up for the theme groups of %(names)s, the first closes on %(date)s.",
            len(years),
        )
        % {"names": ", ".join(names), "date": date_format(closes, "j F Y")},
        url=reverse("themegroups:signup_index"),
        label=str(_("Sign up for a theme group")),
    )


# What each role is, in two sentences; the links under it come from the features
# (`plein.common.registry.start_links`, registered in each app's `entries.py`).
ROLE_INTROS = {
    Role.ADMINISTRATOR: (
        _("You are an administrator"),
        _("You manage the users, organisations and settings of Plein. You can see the history of every change."),
    ),
    Role.FACILITATOR: (
        _("You are a facilitator"),
        _(
            "You coach libraries in theme groups. You add libraries and invite their staff. "
            "You can see how each library is doing."
        ),
    ),
    Role.COORDINATOR: (
        _("You are the coordinator of your library"),
        _(
            "You take part in theme groups for your library, keep its action plan and share practice "
            "cases. You also keep the details of your library up to date, such as where the IDO is."
        ),
    ),
    Role.DESK_WORKER: (
        _("You work at the desk"),
        _(
            "You help residents at the Informatiepunt Digitale Overheid (IDO). You register their "
            "visits and see the figures of your library, its theme groups and its branches."
        ),
    ),
    Role.MUNICIPALITY: (
        _("You work for a municipality"),
        _(
            "You can read how the IDO in your municipality is doing: how many residents came with "
            "which questions, and how they were helped. You cannot change anything."
        ),
    ),
}


def start_page_sections(*, user, signup: OpenSignup | None = None) -> list[StartSection]:
    if not user.is_authenticated:
        return []
    sections = []
    if user.role in ROLE_INTROS:
        title, text = ROLE_INTROS[user.role]
        links = [entry for link in start_links if (entry := link.link_for(user)) is not None]
        sections.append(StartSection(title, text, links))
    if signup is not None:
        # Everyone may pass the news on; only a library signs itself up.
        sections.append(
            StartSection(
                _("Sign-up for the theme groups is open"),
                signup.text,
                [
                    (
                        _("See the groups and sign up") if user.role in LIBRARY_ROLES else _("See the sign-up page"),
                        signup.url,
                    )
                ],
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
