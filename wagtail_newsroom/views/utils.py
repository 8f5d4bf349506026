from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse


def forbidden_is_403(view):
    """Answer PermissionDenied with a 403 page (Wagtail's admin would redirect to the dashboard,
    which hides from tests and scripts that the URL is refused)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return TemplateResponse(
                request, "wagtail_newsroom/admin/forbidden.html", {}, status=403
            )

    return wrapper
