import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded files land in this test's own folder (settings.MEDIA_ROOT = tmp_path)."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
