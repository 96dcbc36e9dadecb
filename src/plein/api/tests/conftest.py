import pytest
from django.core.cache import caches

from plein.api.endpoints import RATE_CACHE


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """Every test starts with empty request counts."""
    caches[RATE_CACHE].clear()
    yield
    caches[RATE_CACHE].clear()
