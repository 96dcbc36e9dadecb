"""Who may see and manage which library, branch, theme group and municipality: one queryset per kind.
Stands above organisations/accounts/audit and below every feature; the rules in `rules.py` derive from it."""
