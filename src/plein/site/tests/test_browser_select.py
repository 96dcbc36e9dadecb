"""Drop-down lists show their arrow (pytest -m browser): Utrecht's select hides the browser's
own arrow and draws --utrecht-select-background-image, which the theme must define."""

import io
import os

import pytest
from PIL import Image

from .browser import assert_accessible
from .test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_select_shows_its_arrow(browser_page, world):
    page, watch = browser_page
    log_in(page, world.users["facilitator"].email)
    page.goto("/gebruikers/uitnodigen/")
    select = page.get_by_label("Organisatie")
    assert "data:image/svg+xml" in select.evaluate("e => getComputedStyle(e).backgroundImage")
    png = select.screenshot()
    folder = os.environ.get("PLEIN_SCREENSHOTS")  # set it to look at the picture yourself
    if folder:
        with open(os.path.join(folder, "select.png"), "wb") as file:
            file.write(png)
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    # The arrow: dark pixels in the right-hand 3rem, away from the border.
    box = image.crop((width - 48, 4, width - 4, height - 4))
    dark = sum(box.histogram()[:100])
    assert dark > 20, f"no arrow drawn at the right of the select ({dark} dark pixels)"
    assert_accessible(page, "invitation form")
    assert not watch.csp_violations, watch.csp_violations
