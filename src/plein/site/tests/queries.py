from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url) -> int:
    """How many database queries a page takes; the page must answer 200."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return len(ctx.captured_queries)
