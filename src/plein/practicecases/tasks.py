from django_tasks import task


@task()
def send_case_digest() -> int:
    """The weekly digest of practice cases, as a task (queue it once a week)."""
    from .services import send_case_digests

    return send_case_digests()
