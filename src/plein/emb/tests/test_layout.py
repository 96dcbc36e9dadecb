"""The EMB map's layout: no label covers another label or a programme, and no line runs
through a programme it does not connect, for every demo portfolio and for twelve programmes;
the one-page story stays one page with twelve programmes.

Before: labels under each circle collided, lines ran through the IDO and other circles (the
article's IDO → dBos line was unreadable), and the story ran to two pages at twelve programmes."""

import io

import pytest
from django.urls import reverse

from plein.emb import layout, selectors
from plein.emb.demo import ARTICLE, MORE, PORTFOLIOS
from plein.emb.seed import CATALOGUE, programme

from .factories import ConnectionFactory, PortfolioEntryFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

# The whole catalogue (eleven) and a programme of the library's own: twelve.
TWELVE = [key for key, *_ in CATALOGUE] + ["schrijfcafe"]


def _programme(key):
    if key == "schrijfcafe":
        return ProgrammeFactory(name="Schrijfcafé voor senioren en mantelzorgers")
    return programme(key)


def _portfolio(library, keys, extra=()):
    entries = {key: PortfolioEntryFactory(library=library, programme=_programme(key)) for key in keys}
    pairs = [(s, t, k, st) for s, t, k, st, *_ in [*ARTICLE, *MORE] if s in entries and t in entries]
    pairs += [(s, t, k, st) for s, t, k, st in extra if s in entries and t in entries]
    made = set()
    for source, target, kind, strength in pairs:
        if (source, target, kind) in made:  # one connection per pair and kind
            continue
        made.add((source, target, kind))
        ConnectionFactory(library=library, source=entries[source], target=entries[target], kind=kind, strength=strength)
    return list(selectors.portfolio_for(library=library)), list(selectors.connections_for(library=library))


def _assert_readable(entries, connections):
    plan = selectors.map_layout(entries, connections)
    assert layout.label_problems(plan) == []
    assert layout.line_problems(plan) == []
    ido = selectors.ido_entry(entries)
    if ido:
        centre = plan.nodes[ido.pk]
        assert (centre.r, centre.inside) == (layout.CENTRE_R, True)
        assert all(plan.nodes[e.pk].r == layout.NODE_R for e in entries if e.pk != ido.pk)
    return plan


@pytest.mark.parametrize("name", sorted(PORTFOLIOS))
def test_every_demo_map_is_readable(world, name):
    assert len(TWELVE) == 12
    entries, connections = _portfolio(world.library, PORTFOLIOS[name])
    _assert_readable(entries, connections)


def test_twelve_programmes_with_many_connections_are_readable(world):
    from plein.emb.choices import ConnectionKind as K
    from plein.emb.choices import Strength as S

    extra = [("ido", key, K.REFERRAL, S.AD_HOC) for key in TWELVE if key != "ido"]
    extra += [("taalhuis", "digisterker", K.REFERRAL, S.STRUCTURAL)]
    extra += [("boekstart", "voorleesexpress", K.PROMOTION, S.NONE)]
    extra += [("dbos", "ido", K.PROMOTION, S.AD_HOC)]  # a second line between the IDO and dBos
    entries, connections = _portfolio(world.library, TWELVE, extra)
    assert len(entries) == 12 and len(connections) >= 14
    plan = _assert_readable(entries, connections)
    svg = selectors.map_svg(entries, connections, title="Kaart")
    assert svg.count("<circle") == 12 and svg.count('fill="none"') == len(connections)
    assert len(plan.lines) == len(connections)


def test_the_layout_is_the_same_every_time(world):
    entries, connections = _portfolio(world.library, PORTFOLIOS["Kennemerduin"])
    assert selectors.map_svg(entries, connections) == selectors.map_svg(entries, connections)


def test_a_line_ends_at_the_border_of_both_circles():
    plan = layout.layout([("a", "IDO"), ("b", "Taalhuis"), ("c", "Digisterker")], [("a", "b"), ("b", "a")], centre="a")
    for line in plan.lines:
        for key, x, y in ((line.source, line.x1, line.y1), (line.target, line.x2, line.y2)):
            node = plan.nodes[key]
            assert abs(((x - node.x) ** 2 + (y - node.y) ** 2) ** 0.5 - node.r) < 0.01
    first, second = plan.lines
    assert (round(first.x1), round(first.y1)) != (round(second.x2), round(second.y2))  # side by side


def test_the_story_of_twelve_programmes_is_one_page(client, world):
    """Twelve programmes, each with target groups and branches, five strong connections with
    their opportunities and five running actions: still one A4 page (two pages before)."""
    import pikepdf

    from plein.actions.tests.factories import ActionFactory
    from plein.emb.choices import ConnectionKind as K
    from plein.emb.choices import Strength as S
    from plein.emb.choices import TargetGroup
    from plein.emb.models import Connection, PortfolioEntry
    from plein.organisations.tests.factories import LocationFactory

    extra = [("ido", key, K.REFERRAL, S.STRUCTURAL) for key in TWELVE if key != "ido"]
    _portfolio(world.library, TWELVE, extra)
    branches = [world.location] + [LocationFactory(organisation=world.library, name=f"Filiaal {n}") for n in range(2)]
    for entry in PortfolioEntry.objects.filter(library=world.library):
        entry.target_groups = list(TargetGroup.values)[:3]
        entry.save()
        entry.locations.set(branches)
    Connection.objects.filter(library=world.library).update(
        opportunities="Wie bij het IDO vaker hulp nodig heeft, kan hier verder leren en krijgt daar ook hulp bij."
    )
    for n in range(5):
        ActionFactory(library=world.library, title=f"Een afspraak maken met de partner over doorverwijzen, deel {n}")
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("emb:story_pdf", args=[world.library.uuid]))
    assert response.status_code == 200
    with pikepdf.open(io.BytesIO(response.content)) as pdf:
        assert len(pdf.pages) == 1
