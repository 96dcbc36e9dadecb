"""The embeddable listing (/aanbod/<library>/inbedden/): a standalone page for an iframe on a
municipal or library website. Its own frame-ancestors (PLEIN_EMBED_FRAME_ANCESTORS), no
X-Frame-Options DENY on this page only, no cookies, cacheable; links open the offer's page in
a new tab; optional filters by theme and branch; drafts absent; colours as CSS variables."""

import pytest
import time_machine
from django.urls import reverse

from plein.site.tests.queries import count_queries

from .factories import OfferFactory, OfferHoursFactory, OfferThemeFactory
from .open_support import NOW, published_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world):
    with time_machine.travel(NOW, tick=False):
        yield published_world(world)


def embed_url(world, query=""):
    return reverse("offers:embed", args=[world.library.slug]) + query


def test_the_listing_may_be_framed_by_the_setting_only(client, data, world, settings):
    settings.PLEIN_EMBED_FRAME_ANCESTORS = ["https://www.gemeente.example", "https://www.bieb.example"]
    response = client.get(embed_url(world))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors https://www.gemeente.example https://www.bieb.example" in csp
    assert "'none'" not in csp.split("frame-ancestors")[1].split(";")[0]
    assert "script-src 'self'" in csp  # the rest of the policy stays
    assert "X-Frame-Options" not in response
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    # Every other page still refuses to be framed.
    other = client.get(reverse("offers:library", args=[world.library.slug]))
    assert other["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in other["Content-Security-Policy"]


def test_the_listing_shows_the_published_offer_with_links_in_a_new_tab(client, data, world):
    html = client.get(embed_url(world)).content.decode()
    assert "Hulp bij DigiD" in html and "Klik &amp; Tik" in html
    assert "Geheim concept" not in html and "Taalhuis" not in html
    offer_link = f'/aanbod/{world.library.slug}/hulp-bij-digid/" target="_blank" rel="noopener"'
    assert offer_link in html
    assert "(opent in een nieuw tabblad)" in html
    assert 'lang="nl"' in html and "<script" not in html and "style=" not in html
    assert 'datetime="2026-12-08T10:00:00+01:00"' in html  # the next time


def test_filters_by_theme_and_branch(client, data, world):
    html = client.get(embed_url(world, "?thema=overheidszaken")).content.decode()
    assert "Hulp bij DigiD" in html and "Klik &amp; Tik" not in html
    other = reverse("offers:embed", args=[world.other_library.slug]) + f"?vestiging={world.other_location.uuid}"
    assert "Taalhuis spreekuur" in client.get(other).content.decode()
    for query in ["?thema=sport", f"?vestiging={world.other_location.uuid}", "?vestiging=geen-id"]:
        assert client.get(embed_url(world, query)).status_code == 404, query


def test_colours_become_css_variables(client, data, world):
    html = client.get(embed_url(world, "?kleur=AA0000&achtergrond=fff&vlak=eeeeee")).content.decode()
    style_url = reverse("offers:embed_style", args=[world.library.slug]) + "?kleur=AA0000&amp;vlak=eeeeee"
    assert f'<link rel="stylesheet" href="{style_url}">' in html  # "fff" is no six-digit colour: left out
    css = client.get(reverse("offers:embed_style", args=[world.library.slug]), {"kleur": "AA0000", "rand": "x;}"})
    assert css["Content-Type"] == "text/css; charset=utf-8"
    assert css.content.decode() == ":root {\n  --plein-embed-link-color: #aa0000;\n}\n"
    plain = client.get(embed_url(world)).content.decode()
    assert "stijl.css" not in plain


def test_a_library_without_a_published_offer_has_no_listing(client, world):
    assert client.get(embed_url(world)).status_code == 404


def test_the_listing_takes_a_fixed_number_of_queries(client, world):
    def add(n):
        for _i in range(n):
            offer = OfferFactory(location=world.location)
            OfferHoursFactory(offer=offer)
            OfferThemeFactory(offer=offer)

    add(2)
    few = count_queries(client, embed_url(world, "?thema=digitaal"))
    add(6)
    assert count_queries(client, embed_url(world, "?thema=digitaal")) == few
