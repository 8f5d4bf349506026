"""Why a line was not kept: the one closed vocabulary of ``dropped[].rule``.

Every dropped line names exactly one of these (the README lists them, with what each means).
Built-in rules are named for their reason; a site's own rules pick the reason that fits and
keep their own name as ``dropped[].detail``.
"""

from enum import StrEnum


class Reason(StrEnum):
    # Where the line sits: before the headline, after the article, or between them.
    NAVIGATION = "navigation"  # above the headline, not part of the article's header
    AFTER_ARTICLE = "after-article"  # after the article's end marker or its last paragraph
    RELATED_STORIES = "related-stories"  # a run of signed, dated story cards ending the article
    HEADER = "header"  # a short line among the byline and dates that is none of them
    FIELD = "field"  # a labelled field of a database export ("LENGTH: 612 words")
    AUTHOR_NAME = "author-name"  # a lone name by the byline that the byline does not need
    AUTHOR_PHOTO_LABEL = "author-photo-label"  # a byline name repeated under its photo
    # Line shape inside the article.
    TEASER = "teaser"  # a blurb packed between labels: another story's teaser
    SUMMARY = "summary"  # key points packed above the article, repeating it
    # A line the article already has (headline shown twice), or a short block the page shows
    # twice beside boilerplate: a subscription offer.
    REPEATED = "repeated"
    PULL_QUOTE = "pull-quote"  # a short excerpt repeating a paragraph's words
    LINK_LIST = "link-list"  # a run of short lines or links: a menu or a story list
    SHORT_LINE = "short-line"  # a lone label that is neither a sentence nor a heading
    PHOTO_CAPTION = "photo-caption"  # a caption found by its place (kept as the caption)
    # Boilerplate found by a rule (rules.py), by what the line says.
    SKIP_LINK = "skip-link"
    TIMESTAMPED_TEASER = "timestamped-teaser"
    RANKED_TEASERS = "ranked-teasers"
    NEWSLETTER = "newsletter"
    NEWSLETTER_PITCH = "newsletter-pitch"
    SHARE = "share"
    SHARE_ROW = "share-row"
    APPEAL = "appeal"
    READER_APPEAL = "reader-appeal"
    CALL_TO_ACTION = "call-to-action"
    AD_PLACEHOLDER = "ad-placeholder"
    ADVERTISEMENT = "advertisement"
    AFFILIATE_DISCLOSURE = "affiliate-disclosure"
    CONTRIBUTORS = "contributors"
    VIDEO_DURATION = "video-duration"
    COOKIE = "cookie"
    COOKIE_TABLE = "cookie-table"
    COPYRIGHT = "copyright"
    READ_MORE = "read-more"
    READ_MORE_LINK = "read-more-link"
    PHOTO_CREDIT = "photo-credit"
    PHOTO_DESCRIPTION = "photo-description"
    AUTHOR_BOX = "author-box"
    AUTHOR_BIO = "author-bio"
    COMMENT = "comment"
    COMMENTS_PLACEHOLDER = "comments-placeholder"
    EDITION = "edition"
    END_OF_ARTICLE = "end-of-article"
    POPULAR_BOX = "popular-box"
    MENU_LABEL = "menu-label"
    # HTML elements removed as page furniture (segment.py), by the element or its class.
    FOOTER = "footer"
    ASIDE = "aside"
    FORM = "form"
    BUTTON = "button"
    COMMENTS = "comments"
    RELATED = "related"
