"""The JSON API (django-ninja, OpenAPI): keys per library, visits, categories and figures. A feature."""
