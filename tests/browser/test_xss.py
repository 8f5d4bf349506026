"""The XSS corpus (tests/xss_payloads.py) pushed through every input and loaded in Chromium.

Inputs: the importer (``import_articles --publish`` on legacy .txt and .html files whose
headline, byline, quoted speech, speaker name and role, caption, credit, alt text and link hrefs
carry payloads) and what an editor saves (written through the ORM as the editor stores it):
article title, SEO title, search description, standfirst, lead image caption and credit, image
titles, the body's paragraphs (typed, and pasted HTML through Draftail's converter), headings,
image blocks, quote blocks (with a profile and with a typed name: words, speaker, description,
attribution), quoted paragraphs, pull quotes, share headings, corrections and notes, byline
credits, tags, section names, people's names, job titles, biographies and links, the site's name
and every field of ``NewsroomSettings``.

Outputs, in Chromium: article pages (with share links, Open Graph tags and JSON-LD), the news
index (plain, paged, filtered by ``?person=``/``?tag=``/``?section=``, and with reflected junk
parameters), profiles, the people index, RSS and Atom feeds (also as a feed reader renders their
HTML), both sitemaps, the content API, and the admin: page explorer, edit views, the people
admin (also searched), the person chooser, the merge view, the settings form, sections and the
import preview and report.

For every page: no dialog, ``window.__xss`` undefined in every frame, no injected element (an
event handler, script, style, frame, ``<base>``, ``<meta refresh>`` or ``javascript:``-style
address carrying a payload's marker), JSON-LD that parses, no 500; and the payloads are
*there*, as text (escaping, not dropping, is what protects): each page is checked for the
stored values it must show, and every payload must have been seen as text somewhere.

Counts (printed at the end of each test): 176 payloads; the editor-side test loads about 650
pages in 40 kinds with about 11,000 payload×page checks, the importer test about 300 pages.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
import struct
import time
import traceback
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote_plus, urlencode, urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from playwright.sync_api import expect
from taggit.models import Tag
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from tests.admin.utils import make_user
from tests.browser.conftest import log_in
from tests.xss_payloads import BY_NUMBER, PAYLOADS, URLS
from wagtail_newsroom import metadata
from wagtail_newsroom.conf import newsroom_settings
from wagtail_newsroom.importer.build import ArticleBuilder
from wagtail_newsroom.importer.result import ArticleImportError
from wagtail_newsroom.models import (
    ArticleByline,
    ArticleCorrection,
    ArticlePage,
    ArticleRelatedLink,
    NewsroomSettings,
    PersonPage,
    Section,
)
from wagtail_newsroom.text import strip_unsafe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

N = len(PAYLOADS)
DIGEST_SIZE = 15
# The sitemap index, the one page of Wagtail's sitemap it lists, and the Google News sitemap.
SITEMAPS = ("/sitemap.xml", "/sitemap/pages.xml", "/sitemap-news.xml")
MARK = re.compile(r"\b7[01]\d\d\b")
SHARE_HOSTS = {
    "www.facebook.com", "x.com", "www.linkedin.com", "bsky.app", "wa.me", "www.reddit.com",
    "mastodon.social",
}  # fmt: skip
ALL_NETWORKS = ["email", "facebook", "x", "linkedin", "bluesky", "whatsapp", "reddit", "mastodon"]
WS = re.compile(r"[\t\n\x0c\r ]+")

# Runs in the page after it has loaded: what was injected, and what the page shows.
PROBE = r"""(selectors) => {
  const MARK = /\b7[01]\d\d\b/;
  const findings = [];
  const show = (el) => {
    const holder = el.parentElement && el.parentElement.closest('[class], [id]');
    const cls = holder && typeof holder.className === 'string' && holder.className.trim()
      ? '.' + holder.className.trim().split(/\s+/).join('.') : '';
    const where = holder ? `${holder.localName}${holder.id ? '#' + holder.id : ''}${cls}` : '';
    return `${el.outerHTML.slice(0, 200)} inside <${where}>`;
  };
  const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster',
                     'background', 'ping', 'codebase', 'srcset'];
  function scan(root, where) {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value;
        if (name.startsWith('on')) {
          if (MARK.test(value)) findings.push(`${where}: event handler ${name}: ${show(el)}`);
          continue;
        }
        if (URL_ATTRS.includes(name)) {
          const compact = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
          if (/^(javascript|vbscript|livescript):/.test(compact)
              || (/^data:/.test(compact) && MARK.test(value + atobSafe(value)))) {
            findings.push(`${where}: dangerous ${name}: ${show(el)}`);
          }
        }
        if (name === 'srcdoc' && MARK.test(value)) findings.push(`${where}: srcdoc: ${show(el)}`);
        const css = /expression\s*\(|javascript:|behavior\s*:|-moz-binding/i;
        if (name === 'style' && css.test(value)) {
          findings.push(`${where}: style: ${show(el)}`);
        }
      }
      if (tag === 'script') {
        const type = (el.getAttribute('type') || '').toLowerCase();
        const code = el.textContent + (el.getAttribute('src') || '');
        if (!['application/ld+json', 'application/json'].includes(type) && MARK.test(code)) {
          findings.push(`${where}: script: ${show(el)}`);
        }
      }
      if (tag === 'style' && MARK.test(el.textContent)) {
        findings.push(`${where}: style element: ${show(el)}`);
      }
      if (tag === 'base') findings.push(`${where}: base element: ${show(el)}`);
      if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || '')) {
        findings.push(`${where}: meta refresh: ${show(el)}`);
      }
      const framing = ['iframe', 'frame', 'embed', 'object', 'applet', 'isindex'];
      if (framing.includes(tag) && MARK.test(el.outerHTML)) {
        findings.push(`${where}: ${tag}: ${show(el)}`);
      }
      if (['svg', 'math'].includes(tag) && MARK.test(el.outerHTML)) {
        findings.push(`${where}: ${tag} element: ${show(el)}`);
      }
      if (el.shadowRoot) scan(el.shadowRoot, where + ' (shadow root)');
    }
  }
  function atobSafe(value) {
    try { return atob(value.split(',').pop()); } catch (e) { return ''; }
  }
  function visibleText(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const parts = [];
    while (walker.nextNode()) {
      const parent = walker.currentNode.parentElement;
      if (parent && parent.closest('script, style')) continue;
      parts.push(walker.currentNode.data);
    }
    return parts.join('\n');
  }
  scan(document, 'page');
  const texts = {};
  for (const selector of selectors) {
    texts[selector] = Array.from(document.querySelectorAll(selector)).map((el) => el.textContent);
  }
  const all = (selector) => Array.from(document.querySelectorAll(selector));
  const attrs = (selector, name) => all(selector).map((el) => el.getAttribute(name));
  return {
    findings,
    xss: window.__xss === undefined ? null : String(window.__xss),
    text: visibleText(document.documentElement),
    title: document.title,
    texts,
    fields: all('input, textarea, select').map((f) => f.value)
      .concat(all('[contenteditable=true]').map((e) => e.textContent)),
    metas: all('meta[property], meta[name]').map(
      (m) => [m.getAttribute('property') || m.getAttribute('name'), m.getAttribute('content')]),
    jsonLd: all('script[type="application/ld+json"]').map((s) => s.textContent),
    alternates: attrs('link[rel=alternate]', 'title'),
    canonical: attrs('link[rel=canonical]', 'href'),
    shares: attrs('a.newsroom-share__link, a.newsroom-pull-quote__share', 'href'),
    links: attrs('a[href]', 'href'),
    alts: attrs('img[alt]', 'alt'),
    location: location.href,
  };
}"""


def collapse(text):
    return WS.sub(" ", text or "").strip()


def markers(text):
    return sorted({int(m) for m in MARK.findall(text or "") if int(m) in BY_NUMBER})


def describe(numbers):
    return ", ".join(f"{BY_NUMBER[n].label} {BY_NUMBER[n].text!r}" for n in numbers) or "?"


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def query_values(url):
    """Every value in ``url``'s query string (and in the URLs inside it), decoded."""
    values = []
    for items in parse_qs(urlsplit(url).query, keep_blank_values=True).values():
        for value in items:
            values.append(value)
            if value.startswith(("http://", "https://")):
                values.extend(query_values(value))
    return values


@dataclass
class Visit:
    label: str  # which output, e.g. "article page"
    url: str  # path on the live server
    # (where, text, payload number, input) the page must show: where is "text" (visible
    # text), "css:<selector>", "fields" (form values and editors), "title", "jsonld",
    # "meta:<property>", "meta" (any), "share" (decoded share-link queries), "alternate",
    # "canonical" (decoded query), "links" (decoded query of any link), "alt".
    expect: list = field(default_factory=list)
    before: object = None  # called before loading
    after: object = None  # after(data) -> list of problems
    admin: bool = False
    wait: str = "load"
    json: bool = False  # a JSON document (the API), not HTML


class Sweep:
    """Loads pages in Chromium and records everything that went wrong."""

    def __init__(self, page, live_server):
        self.page = page
        self.base = live_server.url
        self.failures = []
        self.loads = 0
        self.checks = 0  # payload x page checks made
        self.pages_by_label = defaultdict(int)
        self.seen = defaultdict(set)  # payload number -> outputs it was seen in as text
        self.dialogs = []
        self.errors = []
        self.timings = defaultdict(float)
        self.time_by_label = defaultdict(float)
        self.current = None
        self.admin_user = None
        page.set_default_timeout(20_000)
        # Renditions and fonts are not served by the live server: skip the 404s. (A payload's
        # own <img src=x> asks for a path below the page, and still gets its error event.)
        page.route(re.compile(r"/media/|\.(?:woff2?|ttf)(?:\?|$)"), lambda route: route.abort())
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", self._pageerror)

    # -- listeners -----------------------------------------------------------------------

    def _dialog(self, dialog):
        if dialog.type == "beforeunload":  # the editor's "unsaved changes" prompt
            dialog.accept()
            return
        self.dialogs.append((dialog.type, dialog.message))
        with contextlib.suppress(Exception):  # the page may be gone already
            dialog.dismiss()

    def _console(self, message):
        if message.type in ("error", "warning") and MARK.search(message.text):
            self.errors.append(f"console {message.type}: {message.text[:300]}")

    def _pageerror(self, error):
        text = str(error)
        if MARK.search(text) or "SyntaxError" in text:
            self.errors.append(f"page error: {text[:300]}")

    # -- reporting -----------------------------------------------------------------------

    def fail(self, visit, problem, numbers=()):
        found = markers(problem) or markers(unquote_plus(visit.url))
        numbers = sorted(set(numbers) | set(found))
        self.failures.append(
            f"[{visit.label}] {visit.url}\n    {problem}\n    payload(s): {describe(numbers)}"
        )

    def traceback_for(self, visit):
        """The exception behind a 500, from Django's test client."""
        client = Client(raise_request_exception=True)
        if visit.admin and self.admin_user is not None:
            client.force_login(self.admin_user)
        try:
            client.get(visit.url, HTTP_HOST=urlsplit(self.base).netloc)
        except Exception:  # noqa: BLE001 - the traceback is the report
            return traceback.format_exc()
        return "(the test client did not raise)"

    # -- loading -------------------------------------------------------------------------

    def visit(self, visit, selectors=()):
        clock = time.monotonic()
        if visit.before:
            visit.before()
        self.dialogs.clear()
        self.errors.clear()
        url = self.base + visit.url
        try:
            response = self.page.goto(url, wait_until=visit.wait)
        except Exception as error:  # noqa: BLE001 - a navigation error is a finding
            self.fail(visit, f"navigation failed: {error}")
            return None
        self.timings["load"] += time.monotonic() - clock
        self.time_by_label[visit.label] += time.monotonic() - clock
        clock = time.monotonic()
        try:
            return self._after_load(visit, response, selectors)
        finally:
            self.timings["check"] += time.monotonic() - clock

    def _after_load(self, visit, response, selectors):
        self.loads += 1
        self.pages_by_label[visit.label] += 1
        status = response.status if response else None
        if status is None or status >= 500:
            self.fail(visit, f"HTTP {status}\n{self.traceback_for(visit)}")
            return None
        if status >= 400:
            self.fail(visit, f"HTTP {status}")
        if visit.json:
            return self._check_json(visit, response)
        selectors = sorted(
            {where[4:] for where, *_rest in visit.expect if where.startswith("css:")}
            | set(selectors)
        )
        data = self.page.evaluate(PROBE, selectors)
        self._check_safety(visit, data)
        self._check_expectations(visit, data)
        if visit.after:
            for problem in visit.after(data) or ():
                self.fail(visit, problem)
        return data

    def _check_json(self, visit, response):
        content_type = response.headers.get("content-type", "")
        if not content_type.startswith("application/json"):
            self.fail(visit, f"JSON served as {content_type!r}")
        self._check_dialogs(visit)
        if self.page.evaluate("() => window.__xss") is not None:
            self.fail(visit, "a payload EXECUTED: window.__xss is set")
        try:
            return json.loads(response.body())
        except ValueError as error:
            self.fail(visit, f"the JSON does not parse: {error}")
            return None

    def _check_dialogs(self, visit):
        for kind, message in self.dialogs:
            self.fail(visit, f"a payload EXECUTED: {kind} dialog {message!r}", markers(message))
        for frame in self.page.frames[1:]:  # the page's own window: see PROBE
            try:
                value = frame.evaluate("() => window.__xss")
            except Exception:  # noqa: BLE001 - cross-origin or detached frames
                continue
            if value is not None:
                self.fail(visit, f"a payload EXECUTED: window.__xss = {value!r} in {frame.url}")
        for error in self.errors:
            self.fail(visit, error)

    def _check_safety(self, visit, data):
        self._check_dialogs(visit)
        if data["xss"] is not None:
            self.fail(visit, f"a payload EXECUTED: window.__xss = {data['xss']}")
        for finding in data["findings"]:
            self.fail(visit, f"injected markup: {finding}")
        expected = (self.base + visit.url).split("#")[0]
        if data["location"].split("#")[0] != expected:
            self.fail(visit, f"the page navigated away, to {data['location']}")
        for text in data["jsonLd"]:
            try:
                json.loads(text)
            except ValueError as error:
                self.fail(visit, f"JSON-LD does not parse ({error}): {text[:300]}")

    def _pools(self, data):
        """What each kind of expectation is looked for in, built once per page."""
        jsonld = []
        for text in data["jsonLd"]:
            with contextlib.suppress(ValueError):  # reported by _check_safety
                jsonld.extend(json_strings(json.loads(text)))
        metas = defaultdict(list)
        for key, content in data["metas"]:
            metas[key].append(content or "")

        def decoded(hrefs):
            return [v for href in hrefs for v in query_values(href or "")]

        pools = {
            "text": [data["text"]],
            "fields": [*data["fields"], data["text"]],
            "title": [data["title"]],
            "jsonld": jsonld,
            "meta": [c for contents in metas.values() for c in contents],
            "share": decoded(data["shares"]),
            "alternate": data["alternates"],
            "canonical": decoded(data["canonical"]),
            "links": decoded(data["links"]),
            "alt": data["alts"],
        }
        pools.update({f"css:{key}": value for key, value in data["texts"].items()})
        pools.update({f"meta:{key}": value for key, value in metas.items()})
        return {key: (value, [collapse(v) for v in value]) for key, value in pools.items()}

    def _check_expectations(self, visit, data):
        pools = self._pools(data)
        for where, text, number, what in visit.expect:
            if not text:
                continue
            self.checks += 1
            pool, collapsed = pools.get(where, ([], []))
            short = collapse(text)
            # A text box drops the newlines of its value; everything else keeps the text as
            # stored, or its white space collapsed by the markup around it.
            one_line = text.replace("\r", "").replace("\n", "")
            if (
                any(text in candidate for candidate in pool)
                or any(short in candidate for candidate in collapsed)
                or (where == "fields" and any(one_line in candidate for candidate in pool))
            ):
                self.seen[number].add(f"{visit.label}: {what} ({where})")
            else:
                self.fail(
                    visit,
                    f"{what}: the stored text is not shown ({where}); expected {text!r}",
                    [number],
                )

    def lap(self, name):
        """Print how long the part of the sweep before ``name`` took."""
        now = time.monotonic()
        last = getattr(self, "_lap", None)
        if last is not None:
            print(f"    {self._lap_name}: {now - last[0]:.1f}s, {self.loads - last[1]} loads")
        self._lap, self._lap_name = (now, self.loads), name

    def report(self, title, started):
        checks = self.checks
        print(
            f"\n{title}: {N} payloads; {self.loads} page loads in Chromium "
            f"({len(self.pages_by_label)} kinds of page); {checks} payload×page text checks; "
            f"{time.monotonic() - started:.0f}s"
        )
        print("    time in page loads {load:.0f}s, in checks {check:.0f}s".format(**self.timings))
        for label, count in sorted(self.pages_by_label.items()):
            print(f"    {count:5d}  {label} ({self.time_by_label[label]:.1f}s)")


# -- content ---------------------------------------------------------------------------------


def png(size=8, colour=(200, 40, 40)):
    """A tiny PNG, without PIL's help."""
    raw = b"".join(b"\x00" + bytes(colour) * size for _ in range(size))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def typed(text):
    """Rich text as the editor stores what an editor typed: the words, escaped."""
    return f"<p>{escape(text)}</p>"


def pasted(markup, features=None):
    """Rich text as the editor (Draftail) stores pasted HTML: converted to its content state
    and back. (Wagtail's older ``EditorHTMLConverter`` would keep a ``<![CDATA[`` section
    verbatim, which a browser ends at its first ``>``; the app never uses it.)"""
    converter = ContentstateConverter(features=features or newsroom_settings.RICH_TEXT_FEATURES)
    try:
        state = converter.from_database_format(markup)
    except AssertionError:  # "Unmatched tags": Draftail's own paste keeps such text as text
        return typed(markup)
    return converter.to_database_format(state)


def fits(text, length):
    return text if len(text) <= length else ""


@dataclass
class EditorContent:
    news: object
    people_index: object
    images: list
    sections: list
    tags: list
    persons: list
    articles: list
    digests: list  # (article, chunk of payloads)


def ensure_root_collection():
    """Wagtail's root collection, which its migrations make and a live-server test's flush
    deletes (``live_site`` makes the page tree again, not the collection)."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def build_editor_content(news, people_index):
    ensure_root_collection()
    Image = get_image_model()
    now = timezone.now()
    images, sections, tags, persons, articles, digests = [], [], [], [], [], []
    for index, payload in enumerate(PAYLOADS):
        text, n = payload.text, payload.number
        images.append(
            Image.objects.create(title=text, file=ImageFile(io.BytesIO(png()), name=f"i{n}.png"))
        )
        sections.append(
            Section.objects.create(
                name=fits(text, 100) or f"Section {n}", slug=f"s{n}", description=text
            )
        )
        tags.append(Tag.objects.create(name=fits(text, 100) or f"tag {n}", slug=f"t{n}"))
        url = URLS[index % len(URLS)].text
        persons.append(
            people_index.add_child(
                instance=PersonPage(
                    title=text,
                    slug=f"p{n}",
                    job_title=text,
                    bio=typed(text),
                    photo=images[-1],
                    links=[("link", {"label": fits(text, 100) or "Profile", "url": url})],
                )
            )
        )
    for index, payload in enumerate(PAYLOADS):
        text, n = payload.text, payload.number
        article = ArticlePage(
            title=text,
            slug=f"a{n}",
            dek=text,
            published_at=now - timezone.timedelta(minutes=index + 5),
            updated_at=now - timezone.timedelta(minutes=index + 1),
            lead_image=images[index],
            lead_image_caption=text,
            lead_image_credit=text,
            section=sections[index],
            source_name=text,
            body=[{"type": "paragraph", "value": typed(text)}],
        )
        article.article_bylines = [
            ArticleByline(person=persons[index], credit=fits(text, 100), sort_order=0),
            ArticleByline(person=persons[(index + 1) % N], sort_order=1),
        ]
        article.article_corrections = [
            ArticleCorrection(kind="correction", text=typed(text), sort_order=0),
            ArticleCorrection(
                kind="note", text=pasted(text, ["bold", "italic", "link"]), sort_order=1
            ),
        ]
        if articles:
            article.article_related_links = [ArticleRelatedLink(article=articles[-1], sort_order=0)]
        news.add_child(instance=article)
        article.tags.add(tags[index])
        article.save()
        articles.append(article)
    chunks = [PAYLOADS[i : i + DIGEST_SIZE] for i in range(0, N, DIGEST_SIZE)]
    for number, chunk in enumerate(chunks):
        first = PAYLOADS.index(chunk[0])
        body = []
        for offset, payload in enumerate(chunk):
            text, person, image = payload.text, persons[first + offset], images[first + offset]
            body += [
                ("paragraph", typed(text)),
                ("paragraph", pasted(text)),
                ("heading", {"text": text, "level": text}),
                ("image", {"image": image.pk, "alt_text": text, "caption": text, "credit": text}),
                (
                    "quote",
                    {
                        "text": typed(text),
                        "speaker": person.pk,
                        "speaker_name": "",
                        "speaker_role": text,
                        "attribution": text,
                    },
                ),
                (
                    "quote",
                    {
                        "text": typed(text),
                        "speaker": None,
                        "speaker_name": text,
                        "speaker_role": text,
                        "attribution": "",
                    },
                ),
                (
                    "quoted_paragraph",
                    {
                        "text": typed(f"“{text},” {person.title} said."),
                        "quotations": [
                            {
                                "text": text,
                                "speaker": person.pk,
                                "speaker_name": "",
                                "speaker_role": text,
                                "attribution": f"{person.title} said",
                            }
                        ],
                    },
                ),
                ("pull_quote", {"text": text, "attribution": text, "shareable": True}),
                ("share", {"heading": text}),
            ]
        digest = ArticlePage(
            title=chunk[0].text,
            slug=f"digest-{number}",
            seo_title=chunk[1 % len(chunk)].text,
            search_description=chunk[-1].text,
            dek="\n".join(p.text for p in chunk),
            published_at=now - timezone.timedelta(seconds=number + 1),
            lead_image=images[first],
            lead_image_caption=chunk[-1].text,
            section=sections[first],
            body=[{"type": kind, "value": value} for kind, value in body],
        )
        digest.article_bylines = [
            ArticleByline(person=persons[first + offset], sort_order=offset)
            for offset in range(len(chunk))
        ]
        digest.article_corrections = [
            ArticleCorrection(kind="correction", text=typed(p.text), sort_order=2 * offset)
            for offset, p in enumerate(chunk)
        ] + [
            ArticleCorrection(kind="note", text=pasted(p.text, ["link"]), sort_order=2 * offset + 1)
            for offset, p in enumerate(chunk)
        ]
        news.add_child(instance=digest)
        digest.tags.add(*tags[first : first + len(chunk)])
        digest.save()
        digests.append((digest, chunk))
    return EditorContent(news, people_index, images, sections, tags, persons, articles, digests)


def apply_settings(site, payload, image):
    """Every field of the site's NewsroomSettings set to ``payload``, through the ORM."""
    text = payload.text
    short = fits(text, 100)
    settings = NewsroomSettings.for_site(site)
    settings.publisher_name = text
    settings.publisher_logo = image
    settings.share_networks = [*ALL_NETWORKS, text]
    settings.mastodon_instance = text
    settings.add_utm_tags = True
    settings.utm_campaign = short
    settings.utm_overrides = [
        ("network", {"network": "facebook", "enabled": True, "source": short, "medium": short}),
        ("network", {"network": "x", "enabled": True, "source": text, "medium": text}),
    ]
    settings.save()
    return NewsroomSettings.for_site(site)


def share_problems(data, title, settings):
    """Share links: only the networks' own hosts, and the title and UTM tags as data."""
    problems = []
    if not data["shares"]:
        return ["no share links"]
    for href in data["shares"]:
        parts = urlsplit(href or "")
        if parts.scheme not in ("https", "mailto"):
            problems.append(f"share link with scheme {parts.scheme!r}: {href!r}")
        elif parts.scheme == "https" and parts.netloc not in SHARE_HOSTS:
            problems.append(f"share link to an unexpected host {parts.netloc!r}: {href!r}")
    values = [v for href in data["shares"] for v in query_values(href or "")]
    if not any(title in value for value in values):
        problems.append(f"the share links do not carry the title {title!r}")
    if settings.utm_campaign and settings.utm_campaign not in values:
        problems.append(f"the share links do not carry utm_campaign {settings.utm_campaign!r}")
    return problems


def jsonld_items(data):
    items = []
    for text in data["jsonLd"]:
        try:
            document = json.loads(text)
        except ValueError:
            continue
        items.extend(document.get("@graph", [document]))
    return items


def article_expectations(article, payload, settings_payload=None):
    n = payload.number
    page = ArticlePage.objects.get(pk=article.pk)
    bylines = list(page.article_bylines.select_related("person"))
    expect_ = [
        ("css:.newsroom-article__headline", page.title, n, "article title"),
        ("title", page.title, n, "article title"),
        ("css:.newsroom-article__dek", page.dek, n, "standfirst"),
        ("css:.newsroom-article__section", page.section.name, n, "section name"),
        ("css:.newsroom-article__lead-image figcaption", page.lead_image_caption, n, "caption"),
        ("css:.newsroom-article__lead-image .newsroom-credit", page.lead_image_credit, n, "credit"),
        ("alt", page.lead_image.title, n, "image title (alt)"),
        ("css:.newsroom-byline", bylines[0].person.title, n, "byline name"),
        ("css:.newsroom-byline", bylines[0].credit, n, "byline credit"),
        ("css:.newsroom-tags", page.tag_list[0].name, n, "tag"),
        ("css:.newsroom-correction", strip_unsafe(payload.text), n, "correction"),
        ("css:.newsroom-article__body", payload.text, n, "paragraph (typed)"),
        ("jsonld", page.title, n, "JSON-LD headline"),
        ("jsonld", bylines[0].person.title, n, "JSON-LD author"),
        ("jsonld", page.section.name, n, "JSON-LD articleSection"),
        ("jsonld", page.tag_list[0].name, n, "JSON-LD keywords"),
        ("jsonld", page.lead_image_caption, n, "JSON-LD image caption"),
        ("meta:og:title", page.title, n, "og:title"),
        ("meta:og:description", metadata.page_description(page), n, "og:description"),
        ("meta:article:section", page.section.name, n, "article:section"),
        ("meta:article:tag", page.tag_list[0].name, n, "article:tag"),
        ("meta:og:image:alt", page.lead_image_caption, n, "og:image:alt"),
        ("share", page.title, n, "share-link title"),
    ]
    if len(bylines) > 1:
        second = [p for p in PAYLOADS if strip_unsafe(p.text) == bylines[1].person.title]
        if second:
            name = bylines[1].person.title
            expect_.append(("css:.newsroom-byline", name, second[0].number, "second byline"))
    if settings_payload is not None:
        s = settings_payload
        expect_ += [
            ("jsonld", strip_unsafe(s.text), s.number, "settings publisher_name (JSON-LD)"),
            ("share", fits(strip_unsafe(s.text), 100), s.number, "settings utm_campaign"),
            ("share", fits(s.text, 100), s.number, "settings utm_overrides source"),
        ]
    return expect_


# -- the editor-side sweep -----------------------------------------------------------------


def test_editor_inputs_are_escaped_everywhere(live_site, live_server, page, artifacts):
    started = time.monotonic()
    home, news, people_index = live_site
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Newsroom </title><script>alert(7015)</script> demo"
    site.save()
    content = build_editor_content(news, people_index)
    print(f"\ncontent built in {time.monotonic() - started:.0f}s")
    sweep = Sweep(page, live_server)
    sweep.artifacts = artifacts
    client = Client(HTTP_HOST=urlsplit(live_server.url).netloc)

    sweep.lap("article pages, each with the site settings set to its payload")

    def news_sitemap_check(payload):
        response = client.get("/sitemap-news.xml")
        try:
            root = ElementTree.fromstring(response.content)
        except ElementTree.ParseError as error:
            sweep.failures.append(
                f"[news sitemap] /sitemap-news.xml does not parse with the settings at "
                f"{payload.label}: {error}\n    payload(s): {describe([payload.number])}"
            )
            return
        ns = {"news": "http://www.google.com/schemas/sitemap-news/0.9"}
        names = {e.text for e in root.iterfind(".//news:name", ns)}
        if strip_unsafe(payload.text) not in names:
            sweep.failures.append(
                f"[news sitemap] publisher name {payload.text!r} missing: {sorted(names)[:3]}"
                f"\n    payload(s): {describe([payload.number])}"
            )
        else:
            sweep.seen[payload.number].add("news sitemap: publisher name")

    for index, (article, payload) in enumerate(zip(content.articles, PAYLOADS)):
        settings_payload = payload

        def before(payload=settings_payload, image=content.images[index]):
            apply_settings(site, payload, image)

        def after(data, article=article, payload=settings_payload):
            settings = NewsroomSettings.for_site(site)
            title = strip_unsafe(article.title)
            problems = share_problems(data, title, settings)
            headline = [i for i in jsonld_items(data) if i.get("@type") == "NewsArticle"]
            if not headline or headline[0].get("headline") != title:
                problems.append(f"JSON-LD headline is not the title: {headline[:1]}")
            return problems

        sweep.visit(
            Visit(
                "article page",
                article.url,
                article_expectations(article, payload, settings_payload),
                before=before,
                after=after,
            )
        )
        if payload.kind in ("xml", "breakout", "parser", "attribute", "unterminated"):
            news_sitemap_check(payload)
        if index == 0:
            page.screenshot(path=artifacts / "xss-article.png", full_page=True)

    sweep.lap("digests: every body block, corrections, bylines, SEO fields")
    apply_settings(site, PAYLOADS[0], content.images[0])
    for digest, chunk in content.digests:
        expectations = []
        for payload in chunk:
            t, s, n = payload.text, strip_unsafe(payload.text), payload.number
            expectations += [
                ("css:.newsroom-article__dek", s, n, "standfirst (several payloads)"),
                ("css:.newsroom-article__body p", t, n, "paragraph (typed)"),
                ("css:.newsroom-heading", t, n, "heading block"),
                ("css:.newsroom-figure figcaption", t, n, "image block caption"),
                ("css:.newsroom-figure .newsroom-credit", t, n, "image block credit"),
                ("alt", t, n, "image block alt text"),
                ("css:.newsroom-quote__text", t, n, "quote words"),
                ("css:.newsroom-quote__speaker", s, n, "quote speaker (profile)"),
                ("css:.newsroom-quote__speaker", t, n, "quote speaker name (typed)"),
                ("css:.newsroom-quote__role", t, n, "speaker's description"),
                ("css:.newsroom-pull-quote blockquote p", t, n, "pull quote"),
                ("css:.newsroom-pull-quote footer", t, n, "pull quote attribution"),
                ("css:.newsroom-share__heading", t, n, "share block heading"),
                ("css:.newsroom-correction", s, n, "correction"),
                ("css:.newsroom-byline", s, n, "byline"),
                ("css:.newsroom-tags", fits(t, 100), n, "tag"),
                ("meta:article:tag", fits(t, 100), n, "article:tag"),
                ("jsonld", fits(t, 100), n, "JSON-LD keywords"),
                ("jsonld", s, n, "JSON-LD author"),
            ]
        expectations += [
            (
                "title",
                strip_unsafe(chunk[1 % len(chunk)].text),
                chunk[1 % len(chunk)].number,
                "SEO title",
            ),
            (
                "meta:description",
                metadata.page_description(ArticlePage.objects.get(pk=digest.pk)),
                chunk[-1].number,
                "search description",
            ),
        ]

        def after(data, digest=digest):
            problems = []
            # A quotation shared from a pull quote carries the quote's words, as data.
            for href in data["shares"]:
                if urlsplit(href or "").scheme not in ("https", "mailto"):
                    problems.append(f"share link {href!r}")
            return problems

        sweep.visit(
            Visit("digest article page (every block type)", digest.url, expectations, after=after)
        )
    page.goto(live_server.url + content.digests[0][0].url)
    page.screenshot(path=artifacts / "xss-digest.png", full_page=True)

    sweep.lap("profiles")
    for person, payload in zip(content.persons, PAYLOADS):
        n, s, t = payload.number, strip_unsafe(payload.text), payload.text
        expectations = [
            ("css:.newsroom-profile__header h1", s, n, "person name"),
            ("title", s, n, "person name"),
            ("css:.newsroom-profile__role", s, n, "job title"),
            ("css:.newsroom-profile__bio", s, n, "biography"),
            ("css:.newsroom-profile__links", fits(t, 100), n, "link label"),
            ("alt", t, n, "photo (image title)"),
            ("jsonld", s, n, "JSON-LD name / jobTitle"),
            ("meta:og:title", s, n, "og:title"),
            ("alternate", s, n, "feed link title"),
            ("css:.newsroom-profile", s, n, "articles by (title)"),
            ("css:.newsroom-profile__quotations", s, n, "quoted in (quotation)"),
        ]

        def after(data, person=person):
            items = [i for i in jsonld_items(data) if i.get("@type") == "ProfilePage"]
            if not items or items[0].get("mainEntity", {}).get("jobTitle") != person.job_title:
                return [f"JSON-LD ProfilePage jobTitle is not the job title: {items[:1]}"]
            return []

        sweep.visit(Visit("profile page", person.url, expectations, after=after))

    sweep.lap("the news index: paged, filtered, reflected")
    titles_seen = set()

    cards_seen = []

    def collect_titles(data):
        titles_seen.update(data["texts"].get(".newsroom-card__headline", []))
        cards_seen.extend(data["texts"].get(".newsroom-card", []))
        return []

    total = len(content.articles) + len(content.digests)
    pages = -(-total // newsroom_settings.INDEX_PAGE_SIZE)
    for number in range(1, pages + 1):
        sweep.visit(
            Visit("news index", f"{news.url}?page={number}", after=collect_titles),
            selectors=[".newsroom-card__headline", ".newsroom-card"],
        )
    titles = {collapse(t) for t in titles_seen}
    cards = collapse("\n".join(cards_seen))
    for article, payload in zip(content.articles, PAYLOADS):
        dek, section = (
            collapse(article.dek),
            collapse(content.sections[PAYLOADS.index(payload)].name),
        )
        if collapse(article.title) in titles and dek in cards and section in cards:
            sweep.seen[payload.number].add("news index: card headline, standfirst, section")
        else:
            sweep.failures.append(f"[news index] card text missing: {describe([payload.number])}")

    # The filters' headings name the section, tag and person even when no article has all
    # three: three payloads a page.
    for start in range(0, N, 3):
        trio = [PAYLOADS[(start + k) % N] for k in range(3)]
        indexes = [PAYLOADS.index(p) for p in trio]
        section = Section.objects.get(pk=content.sections[indexes[0]].pk)
        tag = content.tags[indexes[1]]
        person = content.persons[indexes[2]]
        query = urlencode({"section": section.slug, "tag": tag.slug, "person": person.slug})
        names = [(section.name, trio[0], "section"), (tag.name, trio[1], "tag")]
        names.append((person.title, trio[2], "person"))
        expectations = []
        for name, payload, kind in names:
            expectations += [
                ("css:.newsroom-index__filter", name, payload.number, f"{kind} filter heading"),
                ("alternate", name, payload.number, f"{kind} filter in the feed link title"),
            ]
        sweep.visit(Visit("news index ?section=&tag=&person=", f"{news.url}?{query}", expectations))
    for name in ("person", "tag", "section"):
        for index in range(3):
            slug = {"person": content.persons, "tag": content.tags, "section": content.sections}[
                name
            ][index].slug
            sweep.visit(
                Visit(
                    f"news index ?{name}=",
                    f"{news.url}?{name}={slug}",
                    [
                        (
                            "css:.newsroom-card__headline",
                            strip_unsafe(PAYLOADS[index].text),
                            PAYLOADS[index].number,
                            "card headline",
                        ),
                    ],
                )
            )
    # Raw payloads as the filters: reflected in the canonical URL, feeds and JSON-LD.
    for start in range(0, N, 3):
        trio = PAYLOADS[start : start + 3]
        values = {key: p.text for key, p in zip(("section", "tag", "person"), trio)}
        sweep.visit(
            Visit(
                "news index, payloads as filter values",
                f"{news.url}?{urlencode(values)}",
                [
                    ("canonical", p.text, p.number, f"reflected ?{key}=")
                    for key, p in zip(values, trio)
                ],
            )
        )
    # Junk parameters: reflected in the pagination links.
    for start in range(0, N, 20):
        group = PAYLOADS[start : start + 20]
        query = urlencode([("page", "2"), *[(f"junk{p.number}", p.text) for p in group]])
        sweep.visit(
            Visit(
                "news index ?page=2&junk=",
                f"{news.url}?{query}",
                [("links", p.text, p.number, "reflected junk parameter") for p in group],
            )
        )
    sweep.visit(
        Visit(
            "news index, payload as ?page=", f"{news.url}?{urlencode({'page': PAYLOADS[0].text})}"
        )
    )

    sweep.lap("the people index and the home page")
    cards = []
    for number in range(1, -(-N // newsroom_settings.INDEX_PAGE_SIZE) + 1):
        data = sweep.visit(
            Visit("people index", f"{people_index.url}?page={number}"),
            selectors=[".newsroom-person-card"],
        )
        cards += (data or {}).get("texts", {}).get(".newsroom-person-card", [])
    cards_text = collapse("\n".join(cards))
    for payload in PAYLOADS:
        if collapse(strip_unsafe(payload.text)) in cards_text:
            sweep.seen[payload.number].add("people index: card")
        else:
            sweep.failures.append(f"[people index] name missing: {describe([payload.number])}")
    sweep.visit(Visit("home page", home.url))

    sweep.lap("feeds: XML that parses, the payloads as data, and what a feed reader renders")
    with override_settings(
        WAGTAILNEWSROOM_INDEX_PAGE_SIZE=1000, WAGTAILNEWSROOM_FEED_FULL_CONTENT=True
    ):
        for kind in ("rss", "atom"):
            feed_url = f"{news.url}feed/{kind}/"
            root = check_feed(sweep, feed_url, client=client, everything=True)
            sweep.visit(Visit(f"{kind} feed (full content)", feed_url))
            if root is not None:
                render_feed_html(sweep, page, feed_url, root)
        # Filtered feeds: the feed's title names the section, tag and person (three payloads
        # a feed); a filter that matches an article lists it.
        for start in range(0, N, 3):
            trio = [PAYLOADS[(start + k) % N] for k in range(3)]
            indexes = [PAYLOADS.index(p) for p in trio]
            section = Section.objects.get(pk=content.sections[indexes[0]].pk)
            tag, person = content.tags[indexes[1]], content.persons[indexes[2]]
            query = urlencode({"section": section.slug, "tag": tag.slug, "person": person.slug})
            names = [(section.name, trio[0]), (tag.name, trio[1]), (person.title, trio[2])]
            for kind in ("rss", "atom"):
                url = f"{news.url}feed/{kind}/?{query}"
                root = check_feed(sweep, url, client=client)
                title = collapse(feed_title(root)) if root is not None else ""
                for name, payload in names:
                    if collapse(name) in title:
                        sweep.seen[payload.number].add("filtered feed: title")
                    else:
                        sweep.failures.append(
                            f"[feed] {url}: the feed title {title!r} lacks {name!r}"
                            f"\n    payload(s): {describe([payload.number])}"
                        )
        for index in range(0, N, 25):
            query = urlencode({"person": content.persons[index].slug})
            for kind in ("rss", "atom"):
                url = f"{news.url}feed/{kind}/?{query}"
                check_feed(sweep, url, client=client, payload=PAYLOADS[index])
        feed_url = f"{news.url}feed/rss/?{urlencode({'person': content.persons[0].slug})}"
        sweep.visit(Visit("rss feed ?person=", feed_url))
        # Raw payloads as the feed's filter values.
        for p in PAYLOADS[::10]:
            query = urlencode({"section": p.text, "tag": p.text})
            check_feed(sweep, f"{news.url}feed/atom/?{query}", client=client)
    # The excerpt-only feeds, as most sites serve them.
    for kind in ("rss", "atom"):
        feed_url = f"{news.url}feed/{kind}/"
        root = check_feed(sweep, feed_url, client=client)
        if root is not None:
            render_feed_html(sweep, page, feed_url + "?excerpts", root)

    sweep.lap("sitemaps")
    for sitemap in SITEMAPS:
        response = client.get(sitemap)
        try:
            root = ElementTree.fromstring(response.content)
        except ElementTree.ParseError as error:
            sweep.failures.append(f"[sitemap] {sitemap} does not parse: {error}")
            continue
        locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        if sitemap == "/sitemap.xml":
            # The index: its one page of a thousand URLs holds every page of the sweep.
            if [urlsplit(loc).path for loc in locs] != ["/sitemap/pages.xml"]:
                sweep.failures.append(f"[sitemap] the index lists {locs}")
        elif len(locs) < N:
            sweep.failures.append(f"[sitemap] {sitemap} lists {len(locs)} URLs, fewer than {N}")
        if sitemap == "/sitemap-news.xml":
            titles = {
                e.text for e in root.iter("{http://www.google.com/schemas/sitemap-news/0.9}title")
            }
            for article, payload in zip(content.articles, PAYLOADS):
                if strip_unsafe(article.title) in titles:
                    sweep.seen[payload.number].add("news sitemap: title")
                else:
                    sweep.failures.append(
                        f"[news sitemap] title missing: {describe([payload.number])}"
                    )
        sweep.visit(Visit(f"sitemap {sitemap}", sitemap))

    sweep.lap("the content API")
    api_titles, api_strings = set(), set()
    for model in ("wagtail_newsroom.ArticlePage", "wagtail_newsroom.PersonPage"):
        offset = 0
        while True:
            url = f"/api/v2/pages/?type={model}&fields=*&limit=20&offset={offset}"
            response = client.get(url)
            if response.status_code != 200:
                sweep.failures.append(f"[API] {url} answered {response.status_code}")
                break
            try:
                document = json.loads(response.content)
            except ValueError as error:
                sweep.failures.append(f"[API] {url} does not parse: {error}")
                break
            for item in document["items"]:
                api_titles.add(item["title"])
                api_strings.update(json_strings(item))
            offset += 20
            if offset >= document["meta"]["total_count"]:
                break
    for digest, _chunk in content.digests:
        response = client.get(f"/api/v2/pages/{digest.pk}/")
        api_strings.update(json_strings(json.loads(response.content)))
    for payload in PAYLOADS:
        if strip_unsafe(payload.text) in api_titles and payload.text in api_strings:
            sweep.seen[payload.number].add("API: title and body")
        else:
            sweep.failures.append(
                f"[API] payload missing from the API's JSON: {describe([payload.number])}"
            )
    # In Chromium: the JSON itself, and the browsable API (HTML) a browser is given.
    digest, chunk = content.digests[0]
    api_pages = [
        ("API listing", "/api/v2/pages/?type=wagtail_newsroom.ArticlePage&fields=*", []),
        ("API detail", f"/api/v2/pages/{digest.pk}/?", chunk),
        ("API detail", f"/api/v2/pages/{content.persons[0].pk}/?", PAYLOADS[:1]),
    ]
    for label, url, shown in api_pages:
        sweep.visit(Visit(f"{label} (JSON)", f"{url}&format=json", json=True))
        # The browsable API shows the JSON: each value JSON-escaped.
        expectations = [
            ("text", json.dumps(p.text, ensure_ascii=False)[1:-1], p.number, "API value")
            for p in shown
        ]
        sweep.visit(Visit(f"{label} (browsable HTML)", url, expectations))

    sweep.lap("the admin")
    admin_sweep(sweep, page, live_server, content, site)

    sweep.lap("end")
    sweep.report("editor inputs", started)
    unseen = [p for p in PAYLOADS if not sweep.seen[p.number]]
    for payload in unseen:
        sweep.failures.append(
            f"[coverage] never seen as text anywhere: {describe([payload.number])}"
        )
    counts = sorted(len(sweep.seen[p.number]) for p in PAYLOADS)
    print(f"    each payload verified as text in {counts[0]} to {counts[-1]} places")
    assert not sweep.failures, report_failures(sweep)


def report_failures(sweep):
    head = f"{len(sweep.failures)} problem(s):\n"
    return head + "\n".join(sweep.failures[:200])


ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def feed_entries(root, links=False):
    """``(title, [(html or text, is_html)])`` of each item of an RSS or Atom document, as a
    feed reader reads them: RSS ``description`` and ``content:encoded`` are HTML; Atom text
    constructs are HTML when their ``type`` says so. With ``links``, each item's link too."""
    entries = []
    if root.tag == "rss":
        for item in root.iter("item"):
            bodies = [(e.text or "", True) for e in item if e.tag in ("description", CONTENT)]
            entries.append((item.findtext("title") or "", bodies, item.findtext("link") or ""))
    else:
        for entry in root.iter(f"{ATOM}entry"):
            bodies = [
                (e.text or "", e.get("type") in ("html", "xhtml"))
                for e in entry
                if e.tag in (f"{ATOM}summary", f"{ATOM}content")
            ]
            link = entry.find(f"{ATOM}link")
            title = entry.findtext(f"{ATOM}title") or ""
            entries.append((title, bodies, link.get("href", "") if link is not None else ""))
    return entries if links else [entry[:2] for entry in entries]


def feed_title(root):
    if root.tag == "rss":
        return root.findtext("channel/title") or ""
    return root.findtext(f"{ATOM}title") or ""


def check_feed(sweep, url, response=None, client=None, payload=None, everything=False):
    """The feed at ``url`` parses as XML (ElementTree, then feedparser); its entries carry
    the titles as data. Returns the parsed root, or None."""
    response = response or client.get(url)
    if response.status_code != 200:
        sweep.failures.append(f"[feed] {url} answered {response.status_code}")
        return None
    try:
        root = ElementTree.fromstring(response.content)
    except ElementTree.ParseError as error:
        numbers = [payload.number] if payload else markers(url)
        sweep.failures.append(
            f"[feed] {url} does not parse as XML: {error}\n    payload(s): {describe(numbers)}"
        )
        return None
    feed = feedparser.parse(response.content)
    if feed.bozo:
        sweep.failures.append(f"[feed] {url}: feedparser: {feed.bozo_exception}")
    titles = {collapse(title) for title, _bodies in feed_entries(root)}
    if payload is not None:
        s = collapse(strip_unsafe(payload.text))
        if s in titles:
            sweep.seen[payload.number].add("filtered feed: entry title")
        else:
            sweep.failures.append(
                f"[feed] {url}: entry title missing ({sorted(titles)[:3]})\n    payload(s): "
                f"{describe([payload.number])}"
            )
        if s not in collapse(feed_title(root)):
            sweep.failures.append(
                f"[feed] {url}: feed title {feed_title(root)!r} lacks the filter names"
                f"\n    payload(s): {describe([payload.number])}"
            )
    if everything:
        for p in PAYLOADS:
            if collapse(strip_unsafe(p.text)) in titles:
                sweep.seen[p.number].add(f"feed {url}: entry title")
            else:
                sweep.failures.append(f"[feed] {url}: entry missing: {describe([p.number])}")
    return root


def render_feed_html(sweep, page, url, root):
    """Every entry as a feed reader without a sanitiser of its own shows it: the title as
    text, the HTML parts as HTML, each entry in a document of its own (a frame), in Chromium."""
    frames = []
    for number, (title, bodies, link) in enumerate(feed_entries(root, links=True)):
        parts = [f"<h2>{escape(title)}</h2>"]
        parts += [f"<div>{body if is_html else escape(body)}</div>" for body, is_html in bodies]
        document = "<!doctype html><meta charset=utf-8><body>" + "\n".join(parts)
        name = f"entry {number}: {urlsplit(link).path}"
        frames.append(f'<iframe name="{escape(name)}" srcdoc="{escape(document)}"></iframe>')
    visit = Visit(f"feed reader view of {url}", url)
    sweep.dialogs.clear()
    sweep.errors.clear()
    page.goto(sweep.base + "/static/wagtail_newsroom/css/newsroom.css")  # same origin, inert
    page.set_content("<!doctype html><body>" + "\n".join(frames))
    page.wait_for_timeout(300)
    sweep.loads += 1
    sweep.pages_by_label[visit.label] += 1
    sweep._check_dialogs(visit)
    shown = []
    for frame in page.frames[1:]:
        try:
            data = frame.evaluate(PROBE, [])
        except Exception:  # noqa: BLE001 - a frame that navigated away (meta refresh)
            sweep.fail(visit, f"{frame.name}: the entry's frame navigated to {frame.url}")
            continue
        if data["xss"] is not None:
            sweep.fail(visit, f"{frame.name}: a payload EXECUTED: window.__xss = {data['xss']}")
        for finding in data["findings"]:
            sweep.fail(visit, f"{frame.name}: injected markup: {finding}")
        shown.append(data["text"])
    text = collapse("\n".join(shown))
    for p in PAYLOADS:
        if collapse(p.text) in text:
            sweep.seen[p.number].add(f"feed reader view of {url}")


def admin_sweep(sweep, page, live_server, content, site):
    admin = make_user("xss-admin", superuser=True)
    sweep.admin_user = admin
    sweep.client = Client(HTTP_HOST=urlsplit(live_server.url).netloc)
    sweep.client.force_login(admin)
    log_in(page, live_server, "xss-admin")
    news, people_index = content.news, content.people_index

    sweep.lap("Page explorer listings")
    for parent in (news, people_index):
        seen_text = []
        number = 1
        while True:
            data = sweep.visit(
                Visit("admin page explorer", f"/admin/pages/{parent.pk}/?p={number}", admin=True)
            )
            if not data:
                break
            seen_text.append(data["text"])
            if not page.locator(f"a[href*='p={number + 1}']").count() or number > 10:
                break
            number += 1
        listing = collapse("\n".join(seen_text))
        pages_ = content.articles if parent is news else content.persons
        for item, payload in zip(pages_, PAYLOADS):
            if collapse(strip_unsafe(item.title)) in listing:
                sweep.seen[payload.number].add("admin explorer")
            else:
                sweep.failures.append(
                    f"[admin page explorer] {parent.title}: title missing: "
                    f"{describe([payload.number])}"
                )

    sweep.lap("Edit views: the digests (every block type), some articles and profiles")
    for digest, chunk in content.digests:
        expectations = [("fields", strip_unsafe(p.text), p.number, "edit form") for p in chunk]
        expectations += [("fields", p.text, p.number, "edit form (body blocks)") for p in chunk]
        sweep.visit(
            Visit(
                "admin article edit view (digest)",
                f"/admin/pages/{digest.pk}/edit/",
                expectations,
                admin=True,
                wait="load",
            )
        )
    page.screenshot(path=artifacts_dir(sweep) / "xss-admin-edit.png", full_page=False)
    for article, payload in list(zip(content.articles, PAYLOADS))[:: max(1, N // 4)]:
        sweep.visit(
            Visit(
                "admin article edit view",
                f"/admin/pages/{article.pk}/edit/",
                [
                    (
                        "fields",
                        strip_unsafe(payload.text),
                        payload.number,
                        "title / standfirst / caption",
                    )
                ],
                admin=True,
                wait="load",
            )
        )
    for person, payload in list(zip(content.persons, PAYLOADS))[:: max(1, N // 4)]:
        sweep.visit(
            Visit(
                "admin person edit view",
                f"/admin/pages/{person.pk}/edit/",
                [("fields", strip_unsafe(payload.text), payload.number, "name / job title")],
                admin=True,
                wait="load",
            )
        )

    sweep.lap("The people admin: every page of it, and searched for each payload")
    listing = []
    number = 1
    while number < 20:
        data = sweep.visit(Visit("admin people", f"/admin/newsroom/people/?p={number}", admin=True))
        if not data:
            break
        listing.append(data["text"])
        if not page.locator(".pagination .next a[href]").count():
            break
        number += 1
    text = collapse("\n".join(listing))
    for payload in PAYLOADS:
        if collapse(strip_unsafe(payload.text)) in text:
            sweep.seen[payload.number].add("admin people listing")
        else:
            sweep.failures.append(f"[admin people] name missing: {describe([payload.number])}")
    # Searched: the query comes back in the search box (an attribute) and the page links.
    reflected = [p for p in PAYLOADS if p.kind in ("attribute", "breakout")]
    for payload in reflected:
        query = urlencode({"q": payload.text, "role": payload.text})
        sweep.visit(
            Visit(
                "admin people ?q=",
                f"/admin/newsroom/people/?{query}",
                [("fields", payload.text.strip(), payload.number, "search box (reflected)")],
                admin=True,
            )
        )
    for person, payload in list(zip(content.persons, PAYLOADS))[:: max(1, N // 4)]:
        sweep.visit(
            Visit(
                "admin people merge",
                reverse("wagtail_newsroom_people:merge", args=[person.pk]),
                [("text", strip_unsafe(payload.text), payload.number, "merge view")],
                admin=True,
            )
        )
        sweep.visit(
            Visit(
                "admin person summary (JSON)",
                reverse("wagtail_newsroom_people:summary", args=[person.pk]),
                admin=True,
                json=True,
            )
        )

    sweep.lap("The person chooser: its results, paged and searched, and the modal in the editor")
    results = reverse("wagtail_newsroom_person_chooser:choose_results")
    chooser_text = []
    for number in range(1, N // 10 + 3):
        if sweep.client.get(f"{results}?p={number}").status_code == 404:
            break
        data = sweep.visit(
            Visit("admin person chooser results", f"{results}?p={number}", admin=True)
        )
        if data:
            chooser_text.append(data["text"])
    text = collapse("\n".join(chooser_text))
    for payload in PAYLOADS:
        if collapse(strip_unsafe(payload.text)) in text:
            sweep.seen[payload.number].add("admin person chooser")
    for payload in PAYLOADS[::17]:
        sweep.visit(
            Visit(
                "admin person chooser results ?q=",
                f"{results}?{urlencode({'q': payload.text})}",
                admin=True,
            )
        )
    digest = content.digests[0][0]
    sweep.visit(
        Visit(
            "admin article edit view + person chooser modal",
            f"/admin/pages/{digest.pk}/edit/",
            admin=True,
            wait="load",
        )
    )
    sweep.dialogs.clear()
    page.get_by_role("tab", name="People").click()
    page.locator("#id_article_bylines-ADD").click()
    page.locator("button.chooser__choose-button[data-chooser-action-choose]:visible").last.click()
    modal = page.locator(".modal-content")
    modal.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    data = page.evaluate(PROBE, [])
    data["location"] = page.url
    visit = Visit("admin person chooser modal", f"/admin/pages/{digest.pk}/edit/", admin=True)
    sweep.loads += 1
    sweep.pages_by_label[visit.label] += 1
    sweep._check_safety(visit, {**data, "location": sweep.base + visit.url})
    page.screenshot(path=artifacts_dir(sweep) / "xss-chooser.png")
    modal_text = collapse(modal.inner_text())
    if not any(collapse(strip_unsafe(p.text)) in modal_text for p in PAYLOADS):
        sweep.failures.append("[admin person chooser modal] no payload name shown")

    sweep.lap("The settings form with every field a payload, for some payloads; sections")
    # The editor left open autosaves; its writes would meet this test's on in-memory SQLite
    # ("database table is locked").
    page.goto("about:blank")
    for payload in PAYLOADS[:: max(1, N // 8)]:
        apply_settings(site, payload, content.images[0])
        sweep.visit(
            Visit(
                "admin newsroom settings form",
                f"/admin/settings/wagtail_newsroom/newsroomsettings/{site.pk}/",
                [("fields", strip_unsafe(payload.text), payload.number, "settings fields")],
                admin=True,
                wait="load",
            )
        )
    for number in range(1, N // 20 + 2):
        sweep.visit(
            Visit(
                "admin sections listing",
                f"/admin/snippets/wagtail_newsroom/section/?p={number}",
                admin=True,
            )
        )


def artifacts_dir(sweep):
    return sweep.artifacts


# -- the importer --------------------------------------------------------------------------


def letters(number):
    """A name-like word for a number: the importer reads names of letters only."""
    word, number = "", number + 26
    while number:
        number, rest = divmod(number, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[rest] + word
    return word


def text_article(first, second):
    a, b = first.text, second.text
    key = letters(first.number - 7000)
    return (
        f"Harbour board backs plan {a} {b}\n\n"
        f"By Alicia O'Brien{key}, {b} correspondent\n"
        "March 3, 2020\n\n"
        "The Eastbay Port Authority on Tuesday approved a $410 million expansion of its Pier 9 "
        f"container terminal, ending a two-year fight with neighbourhood groups {a} who argued "
        "it would send more trucks through the city.\n\n"
        f"“This terminal {a} has been running past capacity since 2016, and every ship we turn "
        f"away goes elsewhere,” said Harold O'Kim{key}, the {b} chairman.\n\n"
        f"“We will {b} reopen the second berth by spring,” Mary Jane'{key} Smith said.\n\n"
        "The board voted 5-2 after a four-hour meeting in which more than 60 residents spoke.\n"
    )


def html_article(group, image_name):
    attr = lambda text: html.escape(text, quote=True)  # noqa: E731
    ld = lambda text: json.dumps(text).replace("</", "<\\/")  # noqa: E731
    first = group[0]
    key = letters(first.number - 7000)
    links = " ".join(f'<a href="{attr(u.text)}">link {i}</a>' for i, u in enumerate(URLS))
    paragraphs = "\n".join(
        f"<p>The glass recycling plant on Dunmore Street will reopen on Monday {attr(p.text)}, "
        f"six months after a fire destroyed its sorting line, officials said today.</p>"
        for p in group
    )
    authors = ", ".join(
        f'{{"@type": "Person", "name": {ld(p.text)}, "jobTitle": {ld(p.text)}}}' for p in group[:3]
    )
    keywords = ", ".join(ld(p.text) for p in group)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Glass plant reopens {attr(first.text)} | The Record</title>
<meta name="description" content="{attr(group[1].text)}">
<meta property="og:title" content="Glass plant reopens {attr(first.text)}">
<meta property="article:section" content="{attr(group[2].text)}">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": {ld("Glass plant reopens " + first.text)},
 "datePublished": "2021-06-08T07:30:00+02:00",
 "articleSection": {ld(group[2].text)},
 "keywords": [{keywords}],
 "author": [{authors}]}}
</script></head>
<body><main><article>
<h1>Glass plant reopens {attr(first.text)}</h1>
<p class="standfirst">The Dunmore Street plant {attr(group[1].text)} will take glass
from 14 towns again.</p>
<p class="byline">By <a rel="author" href="{attr(URLS[0].text)}">Lena Hofstadter{key}</a></p>
<p class="dateline"><time datetime="2021-06-08T07:30:00+02:00">8 June 2021</time></p>
<figure class="lead"><img src="{image_name}" alt="{attr(group[3].text)}">
<figcaption>Workers inspect the line {attr(group[4].text)}.
<span class="credit">Photo: {attr(group[5].text)}</span></figcaption></figure>
<div class="story-body">
{paragraphs}
<p>The operator spent 4.6 million euros on a new sorting line, and {links} more.</p>
<p>“We did not just rebuild what we had {attr(group[6].text)}. We built something better,”
said Annika Lindqvist{key}, ClearCycle’s {attr(group[7].text)} managing director.</p>
<figure><img src="{image_name}" alt="{attr(group[8].text)}">
<figcaption>Collection points {attr(group[9].text)} will be emptied.
<span class="credit">Photo: {attr(group[10].text)}</span></figcaption></figure>
<p>While the plant was closed, trucks continued to pick up glass from households across the
region.</p>
</div></article></main></body></html>
"""


def write_archive(folder):
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(0, N, 2):
        first, second = PAYLOADS[index], PAYLOADS[(index + 1) % N]
        path = folder / f"t{first.number}.txt"
        path.write_text(text_article(first, second), encoding="utf-8")
        files.append(path)
    (folder / "photo.png").write_bytes(png(16, (20, 120, 200)))
    for index in range(0, N, 11):
        group = [PAYLOADS[(index + k) % N] for k in range(11)]
        path = folder / f"h{group[0].number}.html"
        path.write_text(html_article(group, "photo.png"), encoding="utf-8")
        files.append(path)
    return files


def test_imported_articles_are_escaped_everywhere(
    live_site, live_server, page, artifacts, tmp_path, monkeypatch
):
    started = time.monotonic()
    home, news, people_index = live_site
    ensure_root_collection()
    archive = tmp_path / "archive"
    files = write_archive(archive)
    # The command reports a crash in one file as that file's failure, without the traceback:
    # keep it for the report.
    crashes = []
    build = ArticleBuilder.build

    def traced_build(self, parsed):
        try:
            return build(self, parsed)
        except ArticleImportError:
            raise
        except Exception:
            crashes.append(f"[import_articles] {parsed.source}: crashed\n{traceback.format_exc()}")
            raise

    monkeypatch.setattr(ArticleBuilder, "build", traced_build)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(
            "import_articles", str(archive), "--publish", "--no-progress", stdout=out, stderr=err
        )
    except CommandError as error:  # some files were refused: listed in the output
        print(f"\nimport_articles: {error}")
    refused = [line.strip() for line in out.getvalue().splitlines() if line.startswith("  /")]
    for line in refused:
        print(f"    refused: {line[-160:]}")
    imported = list(ArticlePage.objects.live().order_by("pk"))
    people = list(PersonPage.objects.live().order_by("pk"))
    print(
        f"\nimported {len(imported)} articles and {len(people)} people from {len(files)} files "
        f"in {time.monotonic() - started:.0f}s"
    )
    sweep = Sweep(page, live_server)
    sweep.artifacts = artifacts
    sweep.failures.extend(crashes)
    client = Client(HTTP_HOST=urlsplit(live_server.url).netloc)

    # Which payloads the importer kept, verbatim, in which field.
    kept = defaultdict(set)
    for article in imported:
        fields = {
            "headline": article.title,
            "standfirst": article.dek,
            "caption": article.lead_image_caption,
            "credit": article.lead_image_credit,
            "section": article.section.name if article.section else "",
            "tags": " ".join(t.name for t in article.tags.all()),
            "body": json.dumps(list(article.body.raw_data), ensure_ascii=False),
        }
        for name, value in fields.items():
            for p in PAYLOADS:
                if strip_unsafe(p.text) in (value or "") or p.text in (value or ""):
                    kept[name].add(p.number)
    for person in people:
        for p in PAYLOADS:
            if strip_unsafe(p.text) in person.title:
                kept["person name"].add(p.number)
            if strip_unsafe(p.text) in person.job_title:
                kept["person job title (byline / speaker role)"].add(p.number)
    for name in sorted(kept):
        print(f"    the importer kept {len(kept[name]):3d} payloads verbatim in: {name}")

    for article in imported:
        page_ = ArticlePage.objects.get(pk=article.pk)
        expectations = [
            ("css:.newsroom-article__headline", page_.title, 0, "imported headline"),
            ("title", page_.title, 0, "imported headline"),
            ("jsonld", page_.title, 0, "JSON-LD headline"),
            ("meta:og:title", page_.title, 0, "og:title"),
            ("css:.newsroom-article__dek", page_.dek, 0, "imported standfirst"),
            (
                "css:.newsroom-article__lead-image figcaption",
                page_.lead_image_caption,
                0,
                "imported caption",
            ),
            (
                "css:.newsroom-byline",
                ", ".join(p.title for p in page_.authors[:1]),
                0,
                "imported byline",
            ),
        ]
        for block in page_.body:
            if block.block_type == "quote":
                expectations.append(
                    (
                        "css:.newsroom-quote__role",
                        block.value["speaker_role"],
                        0,
                        "imported speaker role",
                    )
                )
        numbered = []
        for where, text, _n, what in expectations:
            hit = [p.number for p in PAYLOADS if text and strip_unsafe(p.text) in text] or [0]
            numbered.append((where, text, hit[0], what))
        sweep.visit(Visit("imported article page", page_.url, numbered))
    # The profiles whose name or role carries a payload, and a sample of the others.
    carrying = [p for p in people if markers(p.title + p.job_title)]
    others = [p for p in people if p not in carrying]
    for person in carrying + others[::5]:
        hit = [
            p.number for p in PAYLOADS if strip_unsafe(p.text) in person.title + person.job_title
        ] or [0]
        sweep.visit(
            Visit(
                "imported profile page",
                person.url,
                [
                    (
                        "css:.newsroom-profile__header h1",
                        person.title,
                        hit[0],
                        "imported person name",
                    ),
                    ("css:.newsroom-profile__role", person.job_title, hit[0], "imported job title"),
                    ("jsonld", person.title, hit[0], "JSON-LD name"),
                ],
            )
        )
    pages = -(-len(imported) // newsroom_settings.INDEX_PAGE_SIZE)
    for number in range(1, pages + 1):
        sweep.visit(Visit("news index (imported)", f"{news.url}?page={number}"))
    for article in imported[:: max(1, len(imported) // 10)]:
        tag = article.tags.first()
        query = {
            "section": article.section.slug if article.section else "",
            "tag": tag.slug if tag else "",
        }
        author = article.authors[:1]
        if author:
            query["person"] = author[0].slug
        sweep.visit(
            Visit(
                "news index ?section=&tag=&person= (imported)",
                f"{news.url}?{urlencode({k: v for k, v in query.items() if v})}",
            )
        )

    with override_settings(
        WAGTAILNEWSROOM_INDEX_PAGE_SIZE=1000, WAGTAILNEWSROOM_FEED_FULL_CONTENT=True
    ):
        for kind in ("rss", "atom"):
            feed_url = f"{news.url}feed/{kind}/"
            root = check_feed(sweep, feed_url, client=client)
            sweep.visit(Visit(f"{kind} feed (imported)", feed_url))
            if root is not None:
                render_feed_html(sweep, page, feed_url, root)
    for sitemap in SITEMAPS:
        response = client.get(sitemap)
        try:
            ElementTree.fromstring(response.content)
        except ElementTree.ParseError as error:
            sweep.failures.append(f"[sitemap] {sitemap} does not parse after the import: {error}")
        sweep.visit(Visit(f"sitemap {sitemap} (imported)", sitemap))
    response = client.get("/api/v2/pages/?type=wagtail_newsroom.ArticlePage&fields=*&limit=20")
    try:
        json.loads(response.content)
    except ValueError as error:
        sweep.failures.append(f"[API] the imported articles' JSON does not parse: {error}")
    api = "/api/v2/pages/?type=wagtail_newsroom.ArticlePage&fields=*"
    sweep.visit(Visit("API listing (imported, JSON)", api + "&format=json", json=True))
    sweep.visit(Visit("API listing (imported, browsable HTML)", api))

    # The admin: explorer, edit views, people, and the import preview and report.
    admin = make_user("xss-importer", superuser=True)
    sweep.admin_user = admin
    log_in(page, live_server, "xss-importer")
    for number in range(1, -(-len(imported) // 50) + 1):
        sweep.visit(
            Visit(
                "admin page explorer (imported)", f"/admin/pages/{news.pk}/?p={number}", admin=True
            )
        )
    for article in imported[:: max(1, len(imported) // 8)]:
        sweep.visit(
            Visit(
                "admin article edit view (imported)",
                f"/admin/pages/{article.pk}/edit/",
                admin=True,
                wait="load",
            )
        )
    for number in range(1, -(-len(people) // 50) + 1):
        sweep.visit(
            Visit("admin people (imported)", f"/admin/newsroom/people/?p={number}", admin=True)
        )

    # Upload the archive in the admin (at most 100 files a request: Django's
    # DATA_UPLOAD_MAX_NUMBER_FILES): the preview lists every article.
    titles = {Path(a.source_path).name: a.title for a in imported}
    shown = set()
    for number, batch in enumerate((files[:60], files[60:])):
        page.goto(live_server.url + "/admin/newsroom/import/")
        sweep.dialogs.clear()
        page.set_input_files("input[type=file]", [str(f) for f in batch])
        page.get_by_role("button", name="Upload and preview").click()
        page.wait_for_url(re.compile(r"/admin/newsroom/import/\d+/$"), timeout=60_000)
        expect(page.locator("[data-import-status]")).to_have_attribute(
            "data-import-status", "previewed", timeout=120_000
        )
        upload = Visit("admin import upload", "/admin/newsroom/import/", admin=True)
        sweep._check_dialogs(upload)
        expectations = []
        for path in batch:
            title = titles.get(path.name)
            hit = [p.number for p in PAYLOADS if title and strip_unsafe(p.text) in title] or [0]
            expectations.append(("css:.newsroom-preview__headline", title, hit[0], "headline"))
        data = sweep.visit(
            Visit("admin import preview", urlsplit(page.url).path, expectations, admin=True)
        )
        if number == 0:
            page.screenshot(path=artifacts / "xss-import-preview.png")
        if data:
            preview = collapse(data["text"])
            shown |= {p.number for p in PAYLOADS if collapse(strip_unsafe(p.text)) in preview}
    print(f"    the import previews show {len(shown)} of {N} payloads as text")
    for n in shown:
        sweep.seen[n].add("admin import preview")
    # A small upload confirmed: the report page.
    page.goto(live_server.url + "/admin/newsroom/import/")
    page.set_input_files("input[type=file]", [str(f) for f in files[:3]])
    page.get_by_role("button", name="Upload and preview").click()
    page.wait_for_url(re.compile(r"/admin/newsroom/import/\d+/$"), timeout=60_000)
    expect(page.locator("[data-import-status]")).to_have_attribute(
        "data-import-status", "previewed", timeout=60_000
    )
    sweep.dialogs.clear()
    page.get_by_role("button", name=re.compile(r"Import \d+ article")).click()
    expect(page.locator("[data-import-status]")).to_have_attribute(
        "data-import-status", "done", timeout=60_000
    )
    sweep.visit(Visit("admin import report", urlsplit(page.url).path, admin=True))
    page.screenshot(path=artifacts / "xss-import-report.png", full_page=True)
    sweep.visit(
        Visit("admin import upload page (recent runs)", "/admin/newsroom/import/", admin=True)
    )

    sweep.report("importer inputs", started)
    assert not sweep.failures, report_failures(sweep)
