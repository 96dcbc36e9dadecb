"""Who sees and manages which organisation and person is decided by `plein.access`, which stands
above this app (and accounts). Access registers itself here at start-up (`AccessConfig.ready`),
so the selectors of organisations and accounts filter through it without importing it."""

_access = None


def register(access) -> None:
    """`access`: an object (the module `plein.access.selectors`) with `organisations_managed_by`,
    `organisations_visible_to`, `people_managed_by` and `manages_everything`."""
    global _access
    _access = access


def _get():
    if _access is None:
        raise LookupError("plein.access is not installed: nobody decides who sees which organisation")
    return _access


def organisations_managed_by(user):
    return _get().organisations_managed_by(user)


def organisations_visible_to(user):
    return _get().organisations_visible_to(user)


def people_managed_by(user):
    return _get().people_managed_by(user)


def manages_everything(user) -> bool:
    return _get().manages_everything(user)
