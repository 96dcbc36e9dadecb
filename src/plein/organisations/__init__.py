"""Organisations (support organisations, libraries, municipalities), their branches (with or without
an IDO) and municipalities. Layer: organisations/accounts/audit; announces a moved branch (signals)."""
