"""The borging criteria, as content: grouped as the sources group them (DOMAIN.md §9).

A criterion is one row of the scan. `kind` says where its status comes from:
- "assessed": the coordinator chooses the status and gives evidence;
- "profiles": Plein proposes a status from the branches' service profiles (`borging.services`
  `profile_hints`); the coordinator confirms or overrides it;
- "derived": Plein derives it from live data (`borging.derived.derived_criteria`); the
  coordinator confirms or overrides it with a note.
`value` names the structured value a criterion holds besides its status: "amount" (euros) or
"until" (a date). Keys are stable: they are stored in `Assessment.criterion`.

The rule for "trained staff" (people): a branch counts as trained when at least one person did
each of the three basic trainings (IDO e-learning, conversation skills, privacy in het IDO) and
everyone who works at the IDO did the e-learning. All IDO branches trained: in order; at least one
trained or any training done anywhere: partly; none: not yet.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

ASSESSED = "assessed"
PROFILES = "profiles"
DERIVED = "derived"


@dataclass(frozen=True)
class Group:
    key: str
    title: str


@dataclass(frozen=True)
class Criterion:
    key: str
    group: str
    title: str
    help: str = ""
    kind: str = ASSESSED
    value: str = ""  # "", "amount" or "until"
    value_label: str = ""


GROUPS = [
    Group("agreements", _("Agreements with the municipality")),
    Group("functions", _("The five Spuk functions")),
    Group("people", _("People")),
    Group("partners", _("Partner network")),
    Group("visibility", _("Visibility")),
    Group("registration", _("Registration")),
    Group("emb", _("Connection with the EMB")),
    Group("ontwikkelplein", _("Ontwikkelplein")),
]

CRITERIA = [
    Criterion(
        "spuk_amount",
        "agreements",
        _("Spuk money received from the municipality"),
        _("The amount of the Spuk IDO the municipality passed on to the library this year."),
        value="amount",
        value_label=_("Amount received (euros)"),
    ),
    Criterion(
        "agreement",
        "agreements",
        _("Written agreement with the municipality"),
        _("An agreement about the IDO is in place, and until when it runs."),
        value="until",
        value_label=_("Agreement runs until"),
    ),
    Criterion(
        "cofinancing",
        "agreements",
        _("Co-financing by the library"),
        _("What the library pays for the IDO on top of the Spuk."),
        value="amount",
        value_label=_("Co-financing (euros)"),
    ),
    Criterion("function_a", "functions", _("a. Help with digital dealings with public and private service providers")),
    Criterion("function_b", "functions", _("b. Courses in digital skills, and guidance towards them")),
    Criterion("function_c", "functions", _("c. Information about the digital society")),
    Criterion("function_d", "functions", _("d. General information about public and private service providers")),
    Criterion("function_e", "functions", _("e. Referral to the right service provider or a professional helper")),
    Criterion(
        "trained_staff",
        "people",
        _("Trained staff at every IDO branch"),
        _("Per branch: the IDO e-learning, conversation skills and privacy in het IDO done."),
        kind=PROFILES,
    ),
    Criterion(
        "partner_network",
        "partners",
        _("Working agreements with referral partners"),
        _("From the guide's partners and the EMB portfolio."),
        kind=DERIVED,
    ),
    Criterion(
        "promotion",
        "visibility",
        _("Promotion and signage in the IDO house style"),
        _("House-style signage at every branch and a promotion activity this year."),
        kind=PROFILES,
    ),
    Criterion(
        "gids",
        "visibility",
        _("IDO offer up to date in G!DS"),
        _("The G!DS entry of every branch checked this year."),
        kind=PROFILES,
    ),
    Criterion(
        "registration_discipline",
        "registration",
        _("Questions are registered"),
        _("Branches and weeks without any registration, and the share of questions with a referral."),
        kind=DERIVED,
    ),
    Criterion(
        "emb_connection",
        "emb",
        _("The IDO is connected with the library's educational programmes"),
        _("Connections from and to the IDO in the EMB, and actions done."),
        kind=DERIVED,
    ),
    Criterion(
        "ontwikkelplein",
        "ontwikkelplein",
        _("Progress on the Ontwikkelplein route"),
        _("How far the library is in the guide's route."),
        kind=DERIVED,
    ),
]

BY_KEY = {c.key: c for c in CRITERIA}
GROUP_TITLES = {g.key: g.title for g in GROUPS}
CHOICES = [(c.key, c.title) for c in CRITERIA]


def grouped():
    """[(group, [criteria])] in the order of the sources."""
    return [(g, [c for c in CRITERIA if c.group == g.key]) for g in GROUPS]
