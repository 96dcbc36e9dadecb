from django_tasks import task


@task()
def run_import(job_id: int) -> str:
    """An import of historic registrations (see imports.py), queued by the import page."""
    from .imports import run

    return run(job_id)
