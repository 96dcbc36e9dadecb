import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """Every test starts with empty request counts."""
    cache.clear()
    yield
    cache.clear()
