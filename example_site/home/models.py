from wagtail.models import Page

from wagtail_newsroom.models import ArticlePage


class HomePage(Page):
    subpage_types = ["wagtail_newsroom.NewsIndexPage", "wagtail_newsroom.PersonIndexPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The indexes set up under home (News, People), whatever their titles and slugs.
        context["sections"] = self.get_children().live().public()
        context["latest"] = (
            ArticlePage.objects.live().descendant_of(self).order_by("-published_at")[:10]
        )
        return context
