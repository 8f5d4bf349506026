"""Opt-in rule packs: boilerplate too particular for the defaults, grouped by kind of source.

The default rules (``rules.DEFAULT_RULES``) describe shapes of line that many outlets share. A
pack holds wordings that only some sources have, which are safe to drop where they occur but
not worth matching everywhere. Each pack is a module with a ``RULES`` list, loaded by dotted
path like any site's rules::

    WAGTAILNEWSROOM_IMPORTER_RULES = ["wagtail_newsroom.importer.rulepacks.browser_copy_extras"]

or ``import_articles --rules wagtail_newsroom.importer.rulepacks.browser_copy_extras``.

Packs:

``browser_copy_extras``
    Pages copied from a browser (select all, copy): the words of a site's buttons, image
    viewer, pop-ups and link labels as some large news sites word them.
``blog_extras``
    Blogs and small sites whose writers sign off to their readers ("Happy reading!").

Packs are named for a kind of source, never for an outlet.
"""
