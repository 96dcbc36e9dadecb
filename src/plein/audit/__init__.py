"""The history of every change (django-auditlog), read through selectors and the history pages.
Layer: organisations/accounts/audit; imports no feature."""
