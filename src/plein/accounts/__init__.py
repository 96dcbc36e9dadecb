"""People and their roles: users, invitations, login with two steps (allauth), lockout (axes), the
language a person reads in. Layer: organisations/accounts/audit, below access; imports no feature."""
