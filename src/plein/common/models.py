from django.db import models


class ScheduledRun(models.Model):
    """One run of a scheduled job (reminders, the weekly digest, retention) for one period.

    The unique (job, period) pair is the claim: every instance that starts the job inserts the
    row, the database lets exactly one insert through, the others find it taken and do
    nothing (plein.common.scheduling.run_once). A run that failed removes its row, so the next
    try may claim the period again."""

    job = models.CharField(max_length=50)
    period = models.CharField(max_length=40)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    host = models.CharField(max_length=100, blank=True)
    result = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="scheduled_run_once_per_period")]
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.job} {self.period}"
