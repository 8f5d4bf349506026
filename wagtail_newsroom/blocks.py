"""StreamField blocks for article bodies."""

from html import unescape

from django.apps import apps
from django.utils.encoding import force_str
from django.utils.functional import Promise, cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .conf import newsroom_settings
from .metadata import page_canonical_url, share_title
from .speaker_links import link_speakers

PREVIEW_TEMPLATE = "wagtail_newsroom/blocks/preview.html"
# Block previews in the admin render outside any page; share links then point here.
PREVIEW_PAGE = ("https://example.com/news/china-reminds-ant-group-whos-boss/", "A sample story")


def shared_page(parent_context):
    """The URL and title that share links in a block point at, and the request."""
    parent_context = parent_context or {}
    page, request = parent_context.get("page"), parent_context.get("request")
    if page is None:
        return (*PREVIEW_PAGE, request)
    # The same URL and title as the page's Open Graph tags.
    return page_canonical_url(page, request), share_title(page), request


def eager(value):
    """A lazily translated value (the blocks' preview values) as text: Wagtail 8's rich text
    blocks force it, 7.0's do not."""
    return force_str(value) if isinstance(value, Promise) else value


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or newsroom_settings.RICH_TEXT_FEATURES, **kwargs)

    def normalize(self, value):
        return super().normalize(eager(value))

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "wagtail_newsroom/blocks/paragraph.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = _(
            "<p>The council agreed on Tuesday to keep the ferry running through the "
            "<b>whole winter</b>.</p>"
        )
        description = _("A paragraph of body text.")


HEADING_LEVELS = [("h2", _("Heading")), ("h3", _("Subheading")), ("h4", _("Minor heading"))]


class HeadingValue(blocks.StructValue):
    @property
    def tag(self):
        """The element to write: the level chosen, if it is one. Stored data the editor did
        not check (the API, the ORM) must not name a tag of its own ("script")."""
        level = self.get("level")
        return level if level in dict(HEADING_LEVELS) else "h2"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(label=_("Level"), choices=HEADING_LEVELS, default="h2")

    class Meta:
        value_class = HeadingValue
        icon = "title"
        label = _("Heading")
        template = "wagtail_newsroom/blocks/heading.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": _("What the new timetable means"), "level": "h2"}
        description = _("A heading that divides the story into parts.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_(
            "Describe the image for people who cannot see it; leave blank to use the image's title."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    credit = blocks.CharBlock(label=_("Credit"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_newsroom/blocks/image.html"
        description = _("An image with its caption and credit.")


class PersonChooserBlock(blocks.ChooserBlock):
    """A profile, chosen with the person chooser, which can also add a new person (the
    block Wagtail's ``ChooserViewSet.get_block_class`` makes, with the model and the widget
    looked up when first used: the models use these blocks)."""

    @cached_property
    def target_model(self):
        return apps.get_model("wagtail_newsroom", "PersonPage")

    @cached_property
    def widget(self):
        from .views.choosers import person_chooser_viewset

        return person_chooser_viewset.widget_class()

    class Meta:
        icon = "user"


def speaker_blocks():
    """The child blocks that say who spoke: a quote block's, and each of a paragraph's
    quotations'."""
    return (
        PersonChooserBlock(
            label=_("Speaker"),
            required=False,
            help_text=_(
                "Choose the person's profile, or add a new person. Leave blank and fill in a "
                "name for someone without one."
            ),
        ),
        blocks.CharBlock(
            label=_("Speaker's name"),
            required=False,
            help_text=_("Used when no profile is chosen."),
        ),
        blocks.CharBlock(
            label=_("Speaker's description"),
            required=False,
            help_text=_('As said in this story, e.g. "China affairs commentator".'),
        ),
        blocks.CharBlock(
            label=_("Attribution in the text"),
            required=False,
            help_text=_('The words in the quote that attribute it, e.g. "Ma said", if any.'),
        ),
    )


class SpokenBlock(blocks.StructBlock):
    """Words someone said, with ``speaker_blocks``: the API gives the speaker as
    ``{id, name, url}`` (the URL only of a live profile)."""

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        speaker = value.get("speaker")
        request = (context or {}).get("request")
        if speaker is not None:
            data["speaker"] = {
                "id": speaker.pk,
                "name": speaker.title,
                "url": speaker.get_full_url(request) if speaker.live else None,
            }
        elif value.get("speaker_name"):
            data["speaker"] = {"id": None, "name": value["speaker_name"], "url": None}
        return data


class QuoteBlock(SpokenBlock):
    text = blocks.RichTextBlock(label=_("Quoted words"), features=["bold", "italic", "link"])
    speaker, speaker_name, speaker_role, attribution = speaker_blocks()

    def normalize(self, value):
        if isinstance(value, dict):
            value = {**value, "text": eager(value.get("text"))}
        return super().normalize(value)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "wagtail_newsroom/blocks/quote.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "text": _("<p>We listened to the passengers, and the ferry stays.</p>"),
            "speaker_name": _("Jane Roe"),
            "speaker_role": _("chair of the transport committee"),
        }
        description = _("Quoted speech set apart from the story, attributed to a person.")


class QuotationBlock(SpokenBlock):
    text = blocks.TextBlock(label=_("Quoted words"))
    speaker, speaker_name, speaker_role, attribution = speaker_blocks()

    class Meta:
        icon = "openquote"
        label = _("Quotation")


class QuotedParagraphBlock(blocks.StructBlock):
    """A paragraph of the story reporting what people said, with who said it as data: it
    reads as the source wrote it, the speakers' names linked to their live profiles."""

    text = ParagraphBlock(label=_("Text"))
    quotations = blocks.ListBlock(
        QuotationBlock(),
        label=_("Quotations"),
        min_num=1,
        help_text=_("Who the paragraph quotes; their names in the text link to their profiles."),
    )

    class Meta:
        icon = "openquote"
        label = _("Paragraph with quotations")
        template = "wagtail_newsroom/blocks/quoted_paragraph.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "text": _("<p>“We will reopen the bridge by spring,” the mayor said.</p>"),
            "quotations": [
                {
                    "text": _("We will reopen the bridge by spring."),
                    "attribution": _("the mayor said"),
                }
            ],
        }
        description = _("A paragraph of body text that quotes people, with who they are.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        speakers = [q.get("speaker") for q in value["quotations"] if q.get("speaker")]
        context["text"] = link_speakers(
            str(value["text"]),
            [(speaker.title, speaker.url) for speaker in speakers if speaker.live],
        )
        return context


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label=_("Excerpt"),
        help_text=_("Words repeated from the story for display. Screen readers skip it."),
    )
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)
    shareable = blocks.BooleanBlock(label=_("Offer a share link"), required=False, default=False)

    class Meta:
        icon = "pick"
        label = _("Pull quote")
        template = "wagtail_newsroom/blocks/pull_quote.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "text": _("The ferry stays."),
            "attribution": _("Jane Roe"),
            "shareable": True,
        }
        description = _("An excerpt repeated in large type.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The template asks the site's settings for the network (newsroom_quote_share_link).
        context["share_url"], _title, _request = shared_page(parent_context)
        return context


class ShareBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, default="")

    class Meta:
        icon = "link"
        label = _("Share links")
        template = "wagtail_newsroom/blocks/share.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"heading": _("Share this story")}
        description = _("Links to share the page on the networks chosen in the site settings.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["share_url"], context["share_title"], _request = shared_page(parent_context)
        return context


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    embed = EmbedBlock(
        label=_("Embed"),
        icon="media",
        help_text=_("A URL of a video, post or other media to embed."),
    )
    quote = QuoteBlock()
    quoted_paragraph = QuotedParagraphBlock()
    pull_quote = PullQuoteBlock()
    share = ShareBlock()

    # The raw text of each block type a reader reads once, for word counts and search.
    TEXT_KEYS = {"paragraph": None, "heading": "text", "quote": "text", "quoted_paragraph": "text"}


def quotations_in(raw_data):
    """``(block id, value)`` for every quotation in a body's raw data: each quote block, and
    each of a quoted paragraph's quotations. ``value`` is the dict in ``raw_data`` itself
    ("speaker", "text", ...), so a caller may change it there."""
    for item in raw_data:
        value = item.get("value")
        if not isinstance(value, dict):
            continue
        if item.get("type") == "quote":
            yield item.get("id") or "", value
        elif item.get("type") == "quoted_paragraph":
            for quotation in value.get("quotations") or []:
                # ListBlock items are {"type": "item", "value": ..., "id": ...}, or bare
                # values in data saved before Wagtail 2.16's format.
                inner = quotation.get("value") if "value" in quotation else quotation
                if isinstance(inner, dict):
                    yield item.get("id") or "", inner


def plain_text(html):
    """What a reader sees of a rich-text fragment: no tags, entities decoded."""
    return unescape(strip_tags(html or ""))


def body_text(stream_value):
    """Plain text of a body's reading blocks, from the raw data (no database queries)."""
    texts = []
    for item in stream_value.raw_data:
        if item["type"] not in ArticleBodyBlock.TEXT_KEYS:
            continue
        key = ArticleBodyBlock.TEXT_KEYS[item["type"]]
        value = item["value"] if key is None else (item["value"] or {}).get(key, "")
        texts.append(plain_text(value))
    return "\n".join(texts)
