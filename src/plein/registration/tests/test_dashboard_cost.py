"""The figures page costs what its figures cost: its scope picker does not list every branch
of the country, and every summary and chart is made once. (bench/dashboards.py measures the
time at national scale; these tests hold the shape that makes it fast.)"""

import re

import pytest
from django.urls import reverse

from plein.organisations.tests.factories import LocationFactory, OrganisationFactory
from plein.registration import charts, selectors

pytestmark = pytest.mark.django_db

URL = reverse("registration:figures")


def _libraries(n, prefix="Schaal"):
    for i in range(n):
        library = OrganisationFactory(name=f"{prefix}bibliotheek {i:03}")
        for j in range(3):
            LocationFactory(organisation=library, name=f"{prefix}vestiging {i:03}-{j}")


def _options(html):
    """The options of the scope list."""
    scope_list = html.split('name="bereik"')[1].split("</select>")[0]
    return re.findall(r"<option ", scope_list)


def test_the_administrators_page_does_not_grow_with_the_number_of_branches(client, world):
    """Before: every municipality, library and branch was an <option> (1,303 at national
    scale, 226 kB): the page grew with every branch. Now the list holds the country, the
    provinces and what lies around the chosen scope; the size stays the same."""
    client.force_login(world.users["administrator"])
    _libraries(15)  # 45 branches, 45 municipalities, 15 libraries: past the limit of one list
    small = client.get(URL, {"periode": "jaar"}).content.decode()
    _libraries(40, prefix="Extra")
    large = client.get(URL, {"periode": "jaar"}).content.decode()
    assert len(_options(large)) == len(_options(small)) <= 1 + 12 + 1
    assert abs(len(large) - len(small)) < 200  # only numbers differ, not the list
    assert 'name="zoek"' in large and "Schaalvestiging" not in large


def test_a_short_list_is_shown_whole_without_a_search_field(client, world):
    client.force_login(world.users["coordinator"])
    for j in range(3):
        LocationFactory(organisation=world.library, name=f"Eigen filiaal {j}")
    html = client.get(URL).content.decode()
    assert len(_options(html)) == 1 + 4  # the library and its four branches
    assert 'name="zoek"' not in html


def test_the_list_holds_the_scopes_around_the_chosen_library(client, world):
    client.force_login(world.users["administrator"])
    _libraries(20)
    library = OrganisationFactory(name="Bibliotheek Midden")
    branches = [LocationFactory(organisation=library, name=f"Midden {j}") for j in range(3)]
    url = reverse("registration:figures_scope", kwargs={"scope": selectors.library_key(library)})
    html = client.get(url).content.decode()
    for branch in branches:
        assert f'value="{selectors.branch_key(branch)}"' in html
        assert f'value="gemeente-{branch.municipality.uuid}"' in html
    assert f'value="{selectors.library_key(library)}" selected' in html
    assert "Schaalvestiging 001-1" not in html


def test_searching_a_name_opens_the_one_scope_or_lists_the_matches(client, world):
    client.force_login(world.users["administrator"])
    _libraries(20)
    one = client.get(URL, {"zoek": "schaalVESTIGING 007-2", "periode": "jaar"})
    assert one.status_code == 302
    assert re.fullmatch(r"/cijfers/vestiging-[0-9a-f-]{36}/\?periode=jaar", one.url), one.url
    assert client.get(one.url).context["figures"].scope.label.startswith("Schaalvestiging 007-2")

    many = client.get(URL, {"zoek": "bibliotheek 01", "periode": "jaar"})
    html = many.content.decode()
    assert many.status_code == 200
    assert "Schaalbibliotheek 010</a>" in html and "Schaalbibliotheek 019</a>" in html
    assert "Schaalvestiging 012-1 (Schaalbibliotheek 012)</a>" in html  # branches name their library
    assert len(many.context["found"]) == selectors.SEARCH_LIMIT and many.context["found_more"]

    none = client.get(URL, {"zoek": "Atlantis"})
    assert "Geen gemeente, bibliotheek of vestiging heeft dit in de naam." in none.content.decode()
    assert 'id="id_zoek_error"' in none.content.decode()


def test_the_search_keeps_to_what_the_user_may_see(client, world):
    _libraries(20)
    client.force_login(world.users["facilitator"])  # coaches Eigen and Ander only: a short list
    html = client.get(URL, {"zoek": "Schaal"}).content.decode()
    assert "Schaal" not in html.split("</form>")[1]
    assert selectors.scope_choices(user=world.users["facilitator"]).search("Schaal") == []


def test_every_summary_and_chart_is_made_once_per_page(client, world, monkeypatch):
    """Before: each summary was made twice (for the page and again inside its chart), and the
    specs went through altair (some 15 ms each)."""
    from .test_views import _register

    _register(world, 3)
    calls = {"breakdown": 0, "series": 0}
    breakdown_summary, series_summary = charts.breakdown_summary, charts.series_summary

    def count_breakdown(breakdown):
        calls["breakdown"] += 1
        return breakdown_summary(breakdown)

    def count_series(figures):
        calls["series"] += 1
        return series_summary(figures)

    monkeypatch.setattr(charts, "breakdown_summary", count_breakdown)
    monkeypatch.setattr(charts, "series_summary", count_series)
    client.force_login(world.users["coordinator"])
    response = client.get(URL, {"periode": "maand"})
    assert response.status_code == 200
    assert calls == {"breakdown": len(selectors.BREAKDOWNS), "series": 1}
    assert not hasattr(charts, "alt")  # specs are plain dicts; the tests validate them with altair
