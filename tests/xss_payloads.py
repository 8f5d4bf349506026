"""A corpus of XSS payloads, as data, for tests/browser/test_xss.py.

Every payload carries a marker: when it runs it calls ``alert(N)`` or sets
``window.__xss = N`` (or ``top.__xss``), ``N`` being the payload's own number, so a dialog or
the global names the payload that executed. ``JS`` in a template is replaced by that code, and
URL payloads also come entity-encoded, percent-encoded and base64-encoded.

The corpus covers: script tags, event handlers, ``javascript:``/``data:``/``vbscript:`` URLs
(plain, mixed-case, entity-encoded, with tabs and newlines), ``</script>``, ``</title>``,
``</textarea>``, ``</style>`` and ``</noscript>`` breakouts, U+2028/U+2029, attribute breakouts
with both kinds of quote and with backticks, SVG/MathML/noscript/template/xmp parser
differentials, template syntax (Django, Jinja, Angular, ERB), ``<iframe srcdoc>``,
``<base href>``, ``<meta http-equiv=refresh>``, CSS ``expression()`` and ``url(javascript:)``,
XML breakouts (CDATA ends, entities, processing instructions) for feeds and sitemaps,
control characters HTML treats as white space but XML refuses, and unterminated tags (which
``strip_tags`` leaves in place, for the markup that follows to close).
"""

from __future__ import annotations

import base64
import urllib.parse
from dataclasses import dataclass

FIRST_MARKER = 7000


@dataclass(frozen=True)
class Payload:
    number: int  # the marker: alert(number) / window.__xss = number
    kind: str
    text: str

    @property
    def label(self):
        return f"#{self.number} ({self.kind})"


def _entities(text, style="dec"):
    if style == "dec":
        return "".join(f"&#{ord(c)};" for c in text)
    if style == "hex":
        return "".join(f"&#x{ord(c):x};" for c in text)
    if style == "dec-padded-nosemi":
        return "".join(f"&#{ord(c):07d}" for c in text)
    if style == "hex-nosemi":
        return "".join(f"&#X{ord(c):X}" for c in text)
    raise ValueError(style)


def _b64(text):
    return base64.b64encode(text.encode()).decode()


# (kind, template). "JS" becomes alert(N) unless the template says __xss itself ("N").
TEMPLATES = [
    # -- script elements -------------------------------------------------------------------
    ("script", "<script>JS</script>"),
    ("script", "<SCRIPT>JS</SCRIPT>"),
    ("script", "<ScRiPt>JS</sCrIpT>"),
    ("script", "<script>window.__xss=N</script>"),
    ("script", "<script src=data:,JS></script>"),
    ("script", '<script src="data:text/javascript,JS"></script>'),
    ("script", "<script/xss>JS</script>"),
    ("script", '<script\ttype="text/javascript">JS</script>'),
    ("script", "<scr<script>ipt>JS</scr</script>ipt>"),
    ("script", "<script>/*</script><svg onload=JS>*/</script>"),
    ("script", "<<script>JS//<</script>"),
    ("script", "<script type=module>JS</script>"),
    ("script", "<script>setTimeout('JS')</script>"),
    # -- breaking out of raw-text and RCDATA elements -------------------------------------
    ("breakout", "</script><script>JS</script>"),
    ("breakout", "</SCRIPT ><img src=x onerror=JS>"),
    ("breakout", "</title><script>JS</script>"),
    ("breakout", "</TITLE><img src=x onerror=JS>"),
    ("breakout", "</textarea><script>JS</script>"),
    ("breakout", "</textarea ><img src=x onerror=JS>"),
    ("breakout", "</style><script>JS</script>"),
    ("breakout", "</noscript><img src=x onerror=JS>"),
    ("breakout", "</xmp><img src=x onerror=JS>"),
    ("breakout", "</iframe><img src=x onerror=JS>"),
    ("breakout", "</noembed><img src=x onerror=JS>"),
    ("breakout", "</option></select><img src=x onerror=JS>"),
    ("breakout", "--><img src=x onerror=JS>"),
    ("breakout", "--!><img src=x onerror=JS>"),
    ("breakout", "<!--<script>--><img src=x onerror=JS>"),
    ("breakout", "</a></p></div></body></html><img src=x onerror=JS>"),
    # -- event handlers --------------------------------------------------------------------
    ("handler", "<img src=x onerror=JS>"),
    ("handler", "<IMG SRC=x ONERROR=JS>"),
    ("handler", '<img src=x oNeRrOr="JS">'),
    ("handler", "<img src onerror='JS'>"),
    ("handler", "<img src=x onerror=window.__xss=N>"),
    ("handler", "<img/src=x/onerror=JS>"),
    ("handler", "<img\tsrc=x\nonerror=JS>"),
    ("handler", "<img\x0csrc=x\x0conerror=JS>"),
    ("handler", "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(N)>"),
    ("handler", "<img src=x onerror=\\u0061lert(N)>"),
    ("handler", "<svg onload=JS>"),
    ("handler", "<svg/onload=JS>"),
    ("handler", "<SVG ONLOAD=JS>"),
    ("handler", "<body onload=JS>"),
    ("handler", "<body onpageshow=JS>"),
    ("handler", "<iframe onload=JS></iframe>"),
    ("handler", "<input autofocus onfocus=JS>"),
    ("handler", "<select autofocus onfocus=JS></select>"),
    ("handler", "<textarea autofocus onfocus=JS></textarea>"),
    ("handler", "<details open ontoggle=JS>"),
    ("handler", "<video><source onerror=JS></video>"),
    ("handler", "<audio src=x onerror=JS>"),
    ("handler", "<video src=x onerror=JS>"),
    ("handler", "<object data=x onerror=JS></object>"),
    ("handler", "<marquee onstart=JS>x</marquee>"),
    ("handler", "<style onload=JS></style>"),
    ("handler", "<link rel=stylesheet href=x onerror=JS>"),
    ("handler", "<image src=x onerror=JS>"),
    ("handler", "<div tabindex=1 autofocus onfocusin=JS>x</div>"),
    ("handler", "<svg><animate onbegin=JS attributeName=x dur=1s>"),
    ("handler", "<svg><set onbegin=JS attributeName=x to=1>"),
    ("handler", "<x onanimationstart=JS style=animation-name:spin>x</x>"),
    ("handler", '<img src="x` `<script>JS</script>"` `>'),
    # -- javascript:, data:, vbscript: URLs ------------------------------------------------
    ("url", "javascript:JS"),
    ("url", "JaVaScRiPt:JS"),
    ("url", " javascript:JS"),
    ("url", "java\tscript:JS"),
    ("url", "java\nscript:JS"),
    ("url", "javascript&colon;JS"),
    ("url", "java&Tab;script:JS"),
    ("url", "java&NewLine;script&colon;JS"),
    ("url", "ENT:dec:javascript:JS"),
    ("url", "ENT:hex:javascript:JS"),
    ("url", "ENT:dec-padded-nosemi:javascript:JS"),
    ("url", "ENT:hex-nosemi:JaVaScRiPt:JS"),
    ("url", "&#106;avascript:JS"),
    ("url", "javascript:/*--></title></style></textarea></script><svg/onload=JS>*/"),
    ("url", "javascript://%0aJS"),
    ("url", "PCT:javascript:JS"),
    ("url", "data:text/html,<script>JS</script>"),
    ("url", "DaTa:text/html;base64,B64:<script>JS</script>"),
    ("url", "data:image/svg+xml,<svg onload=JS>"),
    ("url", "vbscript:msgbox(N)"),
    ("url", "VbScRiPt:JS"),
    ("url", 'https://example.com/"onmouseover="JS'),
    ("url", "https://example.com/'><img src=x onerror=JS>"),
    ("url", '//example.com/"><svg onload=JS>'),
    ("url", '/news/?q="><script>JS</script>'),
    # -- links, frames and elements that load or navigate ----------------------------------
    ("element", '<a href="javascript:JS">click</a>'),
    ("element", '<a href="ENT:dec:javascript:JS">click</a>'),
    ("element", '<a href="java&#x09;script:JS">click</a>'),
    ("element", "<a href=javascript&colon;JS>click</a>"),
    ("element", '<a href="data:text/html;base64,B64:<script>JS</script>">click</a>'),
    ("element", '<a href="vbscript:msgbox(N)">click</a>'),
    ("element", "<form action=javascript:JS><button>go</button></form>"),
    ("element", "<button formaction=javascript:JS form=x>go</button>"),
    ("element", '<iframe src="javascript:JS"></iframe>'),
    ("element", '<iframe srcdoc="<script>parent.alert(N)</script>"></iframe>'),
    ("element", '<iframe srcdoc="&lt;img src=x onerror=parent.alert(N)&gt;"></iframe>'),
    ("element", '<iframe src="data:text/html,<script>JS</script>"></iframe>'),
    ("element", '<embed src="javascript:JS">'),
    ("element", '<object data="javascript:JS"></object>'),
    ("element", '<base href="javascript:JS//">'),
    ("element", '<base href="//evil.example/">'),
    ("element", '<meta http-equiv="refresh" content="0;url=javascript:JS">'),
    ("element", '<meta http-equiv=refresh content="0;url=data:text/html,<script>JS</script>">'),
    ("element", "<isindex type=image src=1 onerror=JS>"),
    ("element", "<math><maction actiontype=statusline xlink:href=javascript:JS>x</maction></math>"),
    ("element", '<svg><a xlink:href="javascript:JS"><text x=9 y=9>x</text></a></svg>'),
    # -- CSS -------------------------------------------------------------------------------
    ("css", '<div style="width:expression(JS)">x</div>'),
    ("css", '<div style="background:url(javascript:JS)">x</div>'),
    ("css", '<style>*{background:url("javascript:JS")}</style>'),
    ("css", "<style>@import 'javascript:JS';</style>"),
    ("css", '<div style="behavior:url(x.htc);-moz-binding:url(x.xml#xss)" onmouseover=JS>x'),
    ("css", "x:expression(JS)"),
    ("css", "url(javascript:JS)"),
    # -- attribute breakouts ---------------------------------------------------------------
    ("attribute", '" onmouseover="JS" x="'),
    ("attribute", "' onmouseover='JS' x='"),
    ("attribute", '" autofocus onfocus="JS" x="'),
    ("attribute", "' autofocus onfocus='JS' x='"),
    ("attribute", '"><img src=x onerror=JS>'),
    ("attribute", "'><img src=x onerror=JS>"),
    ("attribute", '"/><svg onload=JS>'),
    ("attribute", "'/><svg onload=JS>"),
    ("attribute", "`onerror=JS`"),
    ("attribute", '" style="x:expression(JS)" x="'),
    ("attribute", "&quot; autofocus onfocus=JS x=&quot;"),
    ("attribute", "&#39; autofocus onfocus=JS x=&#39;"),
    ("attribute", "%22%3E%3Csvg%20onload%3DJS%3E"),
    ("attribute", 'x" onerror="JS" src="x'),
    # -- JavaScript string and JSON contexts, U+2028/U+2029 --------------------------------
    ("js", "';JS;//"),
    ("js", '";JS;//'),
    ("js", "\\';JS;//"),
    ("js", '\\";JS;//'),
    ("js", "\u2028JS//"),
    ("js", "\u2029JS//"),
    ("js", '";\u2028JS;\u2029//'),
    ("js", "\u2028</script>\u2029<script>JS</script>"),
    ("js", '"}]}</script><script>JS</script>'),
    ("js", "\\u003c/script\\u003e\\u003cscript\\u003eJS\\u003c/script\\u003e"),
    ("js", "${JS}"),
    ("js", "`-JS-`"),
    ("js", "</script><!--<script>JS</script>"),
    # -- parser differentials: SVG, MathML, noscript, template -----------------------------
    ("parser", "<svg><script>JS</script></svg>"),
    ("parser", "<svg><script href=data:,JS /></svg>"),
    ("parser", "<svg><style><img src=x onerror=JS></style></svg>"),
    ("parser", '<svg></p><style><a id="</style><img src=x onerror=JS>">'),
    ("parser", "<math><mtext><table><mglyph><style><img src=x onerror=JS>"),
    ("parser", "<math><mi><svg><style><img src=x onerror=JS></style></svg></mi></math>"),
    (
        "parser",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=JS>",
    ),
    ("parser", '<noscript><p title="</noscript><img src=x onerror=JS>"></noscript>'),
    ("parser", "<template><script>JS</script></template><template><img src=x onerror=JS>"),
    ("parser", "<template shadowrootmode=open><img src=x onerror=JS></template>"),
    ("parser", '<xmp><p title="</xmp><img src=x onerror=JS>"></xmp>'),
    ("parser", '<noembed><img title="</noembed><img src=x onerror=JS>"></noembed>'),
    ("parser", "<table><td><svg><foreignObject><img src=x onerror=JS>"),
    ("parser", "<select><template><img src=x onerror=JS></template></select>"),
    ("parser", "<![CDATA[><img src=x onerror=JS>]]>"),
    ("parser", '<?xml version="1.0"?><img src=x onerror=JS>'),
    # -- template syntax -------------------------------------------------------------------
    ("template", "{{ 7*7 }}{% debug %}<img src=x onerror=JS>"),
    ("template", "{% load static %}{{ request.user }}<svg onload=JS>"),
    ("template", "{% autoescape off %}<img src=x onerror=JS>{% endautoescape %}"),
    ("template", "{{ '<img src=x onerror=JS>'|safe }}"),
    ("template", "{{constructor.constructor('JS')()}}"),
    ("template", "{{$on.constructor('JS')()}}"),
    ("template", "<div v-html=\"'<img src=x onerror=JS>'\">{{ x }}</div>"),
    ("template", "#{JS}<%= JS %>${{JS}}"),
    ("template", "%(title)s%s{0}{title}<img src=x onerror=JS>"),
    # -- XML outputs (feeds, sitemaps) -----------------------------------------------------
    ("xml", ']]><script xmlns="http://www.w3.org/1999/xhtml">JS</script>'),
    ("xml", "<![CDATA[</title><script>JS</script>]]>"),
    ("xml", "&xxe;&lt;&#0;<img src=x onerror=JS>"),
    ("xml", '<?xml-stylesheet type="text/xsl" href="data:,"?><svg onload=JS>'),
    (
        "xml",
        '<!DOCTYPE x [<!ENTITY y "z">]><html:script xmlns:html="http://www.w3.org/1999/xhtml">JS</html:script>',
    ),
    ("xml", '<x:script xmlns:x="http://www.w3.org/1999/xhtml">JS</x:script>'),
    ("xml", "\x0b\x1b<img src=x onerror=JS>\x7f\ufffe"),
    # -- unterminated tags: what strip_tags() leaves, closed by whatever markup follows --------
    ("unterminated", "Plant reopens <svg onload=JS//"),
    ("unterminated", "Plant reopens <img src=x onerror=JS//"),
]


def _expand(template, number):
    js = f"alert({number})"
    text = template.replace("JS", js).replace("(N)", f"({number})").replace("=N", f"={number}")
    if text.startswith("ENT:"):
        _tag, style, rest = text.split(":", 2)
        return _entities(rest, style)
    if text.startswith("PCT:"):
        rest = text[4:]
        scheme, _, tail = rest.partition(":")
        return f"{scheme}:" + urllib.parse.quote(tail, safe="")
    # entity-encoded inside an attribute: <a href="ENT:dec:javascript:...">
    if '"ENT:' in text:
        head, rest = text.split('"ENT:', 1)
        style, rest = rest.split(":", 1)
        url, tail = rest.split('"', 1)
        return f'{head}"{_entities(url, style)}"{tail}'
    if "B64:" in text:
        head, rest = text.split("B64:", 1)
        if '">' in rest:
            inner, tail = rest.split('">', 1)
            return f'{head}{_b64(inner)}">{tail}'
        return head + _b64(rest)
    return text


PAYLOADS = [
    Payload(FIRST_MARKER + index, kind, _expand(template, FIRST_MARKER + index))
    for index, (kind, template) in enumerate(TEMPLATES)
]
BY_NUMBER = {payload.number: payload for payload in PAYLOADS}
# URL-shaped payloads: for link hrefs and other address fields.
URLS = [payload for payload in PAYLOADS if payload.kind == "url"]

assert len({p.text for p in PAYLOADS}) == len(PAYLOADS), "payloads must differ"
