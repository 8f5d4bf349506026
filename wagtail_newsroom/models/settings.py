from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..conf import newsroom_settings
from ..links import is_host_name
from ..share import NETWORK_CHOICES


def default_share_networks():
    return list(newsroom_settings.SHARE_NETWORKS)


def validate_host_name(value):
    if value and not is_host_name(value):
        raise ValidationError(
            _("“%(value)s” is not a host name such as mastodon.social."),
            params={"value": value},
            code="host_name",
        )


class ShareNetworksField(models.JSONField):
    """A list of network keys, edited as checkboxes in the order the networks are offered."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            choices=NETWORK_CHOICES,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )


class NetworkUtmBlock(blocks.StructBlock):
    """How one network's share links are tagged, when the site tags them at all."""

    network = blocks.ChoiceBlock(label=_("Network"), choices=NETWORK_CHOICES)
    enabled = blocks.BooleanBlock(
        label=_("Tag this network's links"),
        required=False,
        default=True,
        help_text=_("Untick to share this network's links without UTM tags."),
    )
    source = blocks.CharBlock(
        label=_("utm_source"),
        required=False,
        max_length=100,
        help_text=_("Leave blank for the network's own name, e.g. facebook."),
    )
    medium = blocks.CharBlock(
        label=_("utm_medium"),
        required=False,
        max_length=100,
        help_text=_("Leave blank for social (email for email links)."),
    )

    class Meta:
        icon = "tag"
        label = _("Network's UTM tags")


class UtmOverridesBlock(blocks.StreamBlock):
    network = NetworkUtmBlock()

    def clean(self, value, *args, **kwargs):
        # Wagtail 7.0 passes ``ignore_required_constraints`` for drafts; 8 does not.
        value = super().clean(value, *args, **kwargs)
        networks = [child.value["network"] for child in value]
        repeated = sorted({key for key in networks if networks.count(key) > 1})
        if repeated:
            raise ValidationError(
                _("Each network can be set once; repeated: %(networks)s.")
                % {"networks": ", ".join(repeated)}
            )
        return value


@register_setting(icon="doc-full")
class NewsroomSettings(BaseSiteSetting):
    # Every page's metadata names the publisher and its logo.
    select_related = ["publisher_logo"]

    publisher_name = models.CharField(
        _("publisher name"),
        max_length=255,
        blank=True,
        help_text=_("The organisation that publishes this site; defaults to the site's name."),
    )
    publisher_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("publisher logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    share_networks = ShareNetworksField(
        _("share networks"),
        default=default_share_networks,
        blank=True,
        help_text=_("The networks article share links are offered for."),
    )
    mastodon_instance = models.CharField(
        _("Mastodon instance"),
        max_length=255,
        default="mastodon.social",
        blank=True,
        help_text=_("The server Mastodon share links open, e.g. mastodon.social."),
        validators=[validate_host_name],
    )
    add_utm_tags = models.BooleanField(
        _("add UTM tags"),
        default=False,
        help_text=_("Tag shared links with utm_source (the network) and utm_medium."),
    )
    utm_campaign = models.CharField(_("UTM campaign"), max_length=100, blank=True)
    utm_overrides = StreamField(
        UtmOverridesBlock(),
        verbose_name=_("UTM tags per network"),
        blank=True,
        help_text=_("Change utm_source or utm_medium for a network, or leave its links untagged."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("publisher_name"), FieldPanel("publisher_logo")], heading=_("Publisher")
        ),
        MultiFieldPanel(
            [
                FieldPanel("share_networks"),
                FieldPanel("mastodon_instance"),
                FieldPanel("add_utm_tags"),
                FieldPanel("utm_campaign"),
                FieldPanel("utm_overrides"),
            ],
            heading=_("Sharing"),
        ),
    ]

    class Meta:
        verbose_name = _("newsroom settings")

    def get_share_options(self):
        return {
            "utm_campaign": self.utm_campaign or None,
            "add_utm_tags": self.add_utm_tags,
            "instance": self.mastodon_instance or None,
            "utm": self.get_utm_overrides(),
        }

    def get_utm_overrides(self):
        """The per-network UTM settings as ``share_link`` takes them."""
        return {
            child.value["network"]: {
                "enabled": bool(child.value["enabled"]),
                "source": child.value["source"] or None,
                "medium": child.value["medium"] or None,
            }
            for child in self.utm_overrides
            if child.block_type == "network"
        }
