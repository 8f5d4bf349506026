from ..conf import newsroom_settings


class NewsroomPageMixin:
    """Gives newsroom page templates the site's base template to extend."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["newsroom_base_template"] = newsroom_settings.BASE_TEMPLATE
        return context
