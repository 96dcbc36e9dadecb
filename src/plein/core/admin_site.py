def require_administrator(site):
    """Only users with the administrator role get into Django's technical admin,
    whatever their is_staff flag says: the rules module decides."""
    original = site.has_permission

    def has_permission(request):
        return original(request) and request.user.has_perm("core.use_admin")

    site.has_permission = has_permission
