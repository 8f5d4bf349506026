from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..conf import newsroom_settings
from ..share import NETWORK_CHOICES


def default_share_networks():
    return list(newsroom_settings.SHARE_NETWORKS)


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


@register_setting(icon="doc-full")
class NewsroomSettings(BaseSiteSetting):
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
    )
    add_utm_tags = models.BooleanField(
        _("add UTM tags"),
        default=False,
        help_text=_("Tag shared links with utm_source (the network) and utm_medium."),
    )
    utm_campaign = models.CharField(_("UTM campaign"), max_length=100, blank=True)

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
        }
