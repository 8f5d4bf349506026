from wagtail.models import Page

from wagtail_newsroom.models.pages import NEWEST_FIRST, newest_first, public_articles


class HomePage(Page):
    subpage_types = ["wagtail_newsroom.NewsIndexPage", "wagtail_newsroom.PersonIndexPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The indexes set up under home (News, People), whatever their titles and slugs.
        context["sections"] = self.get_children().live().public()
        # Every article type the site lists, as its indexes and feeds do, and none a view
        # restriction keeps from the public.
        querysets = [
            articles.descendant_of(self).defer_streamfields().order_by(*NEWEST_FIRST)
            for articles in public_articles()
        ]
        context["latest"] = newest_first(querysets, 10)
        return context
