"""Why a user looks at a library: the same person may see a library's figures but not its plan."""

import enum


class Purpose(enum.Enum):
    # The library's private work: the action plan, the EMB workspace, the Ontwikkelplein guide.
    # Administrators, the facilitators who coach the library, its coordinator. Not its desk
    # workers, not a municipality, never anonymous.
    PLAN = "plan"
    # Registration figures (and, later, reports): also the desk workers of the library and the
    # municipality the library's branches serve.
    FIGURES = "figures"
    # Registering visits at the desk: the coordinator and desk workers of the library, at its
    # IDO branches.
    REGISTER = "register"
    # The library's data links: API keys and imports. Administrators and its coordinator.
    DATA = "data"
    # What a library has published for residents (plein.offers): the libraries, branches and
    # municipalities with at least one published offer. The same for everyone, anonymous too.
    PUBLISHED = "published"
