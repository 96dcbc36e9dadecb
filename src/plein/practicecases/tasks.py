from django_tasks import task


@task()
def send_case_digest() -> int:
    """The weekly digest of practice cases, as a task (queue it once a week; a second run in the
    same week sends nothing)."""
    from .services import send_case_digests_once

    return send_case_digests_once() or 0
