"""Share-link builders: pure functions of a URL and a title, no request needed.

Every link is a plain URL a browser opens without any third-party script.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from urllib.parse import parse_qsl, quote, quote_plus, urlencode, urlsplit, urlunsplit

from django.utils.translation import gettext_lazy as _

from .links import is_host_name


@dataclass(frozen=True)
class Network:
    key: str
    label: str
    # A format string of a full URL with {url}, {title} and {text} already quoted for a query.
    template: str
    # A web form reads "+" as a space; a mail client shows it as "+" (RFC 6068 wants %20).
    quote: Callable[[str], str] = partial(quote_plus, safe="")


NETWORKS = {
    network.key: network
    for network in [
        Network(
            "email", _("Email"), "mailto:?subject={title}&body={text}", partial(quote, safe="")
        ),
        Network("facebook", _("Facebook"), "https://www.facebook.com/sharer/sharer.php?u={url}"),
        Network("x", _("X"), "https://x.com/intent/post?url={url}&text={title}"),
        Network(
            "linkedin", _("LinkedIn"), "https://www.linkedin.com/sharing/share-offsite/?url={url}"
        ),
        Network("bluesky", _("Bluesky"), "https://bsky.app/intent/compose?text={text}"),
        Network("whatsapp", _("WhatsApp"), "https://wa.me/?text={text}"),
        Network("reddit", _("Reddit"), "https://www.reddit.com/submit?url={url}&title={title}"),
        Network("mastodon", _("Mastodon"), "https://{instance}/share?text={text}"),
    ]
}

NETWORK_CHOICES = [(network.key, network.label) for network in NETWORKS.values()]


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    href: str


def add_utm(url, source, medium="social", campaign=None):
    """Return ``url`` with UTM parameters added, keeping any query it already has."""
    parts = urlsplit(url)
    query = [(key, value) for key, value in parse_qsl(parts.query) if not key.startswith("utm_")]
    query += [("utm_source", source), ("utm_medium", medium)]
    if campaign:
        query.append(("utm_campaign", campaign))
    return urlunsplit(parts._replace(query=urlencode(query)))


def default_utm_medium(network):
    return "email" if network == "email" else "social"


def share_link(
    network, url, title, *, utm_campaign=None, add_utm_tags=False, instance=None, utm=None
):
    """Build the share link for one network key from the canonical ``url`` and ``title``.

    With ``add_utm_tags`` the shared URL carries ``utm_source`` (the network's key) and
    ``utm_medium`` (``social``, or ``email``). ``utm`` overrides that per network:
    ``{"facebook": {"source": "fb", "medium": "paid-social"}, "email": {"enabled": False}}``.
    """
    spec = NETWORKS[network]
    override = (utm or {}).get(network) or {}
    if add_utm_tags and override.get("enabled", True):
        url = add_utm(
            url,
            override.get("source") or network,
            medium=override.get("medium") or default_utm_medium(network),
            campaign=utm_campaign,
        )
    href = spec.template.format(
        url=spec.quote(url),
        title=spec.quote(title),
        text=spec.quote(f"{title} {url}"),
        instance=instance if is_host_name(instance) else "mastodon.social",
    )
    return ShareLink(network=network, label=spec.label, href=href)


def share_links(networks, url, title, **options):
    """Share links for ``networks`` in the given order; unknown keys are skipped."""
    return [share_link(key, url, title, **options) for key in networks if key in NETWORKS]


# Networks whose share links carry text, so they can share a quotation.
TEXT_NETWORKS = ("x", "bluesky", "mastodon", "whatsapp", "email")


def quote_share_link(networks, url, quote, **options):
    """A link sharing ``quote`` with ``url`` on the first chosen network that carries text."""
    for key in networks:
        if key in TEXT_NETWORKS:
            return share_link(key, url, f"“{quote}”", **options)
    return None
