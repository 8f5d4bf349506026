"""Build stage: a ParsedArticle becomes an ArticlePage, its people, section and tags.

Each article is built in one transaction. Re-importing the same source updates the page it
made before (found by the source's key under the same news index, else by its fingerprint)
instead of adding another, leaves it alone when nothing changed, and never overwrites an
editor's later edits unless forced.
"""

import datetime
import hashlib
import io
import random
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.utils.file import hash_filelike

from .. import search_index
from ..conf import newsroom_settings
from ..locales import locale_root
from ..models import (
    AbstractNewsIndexPage,
    ArticleByline,
    ArticlePage,
    BylineRole,
    PersonIndexPage,
    PersonPage,
    Section,
)
from ..models.people import name_key
from .outcomes import OutcomeStatus
from .result import ArticleImportError, printable
from .sources import STDIN, source_key

CREATED, UPDATED, UNCHANGED, SKIPPED = (
    OutcomeStatus.CREATED,
    OutcomeStatus.UPDATED,
    OutcomeStatus.UNCHANGED,
    OutcomeStatus.SKIPPED,
)
HEADING_LEVELS = {1: "h2", 2: "h2", 3: "h3"}


# Another import running at once may write the same article, person, section or slug first,
# and SQLite refuses a write while another connection holds its lock: an article is built
# again, up to this many times, and the next attempt reads what the other import wrote.
ATTEMPTS = 6


def is_contention(error):
    """Whether ``error`` comes from another writer, not from the article itself."""
    if isinstance(error, IntegrityError):
        return True
    if isinstance(error, OperationalError):
        return any(word in str(error) for word in ("locked", "deadlock", "could not serialize"))
    # Wagtail checks that a new page's slug is free before the insert another import won.
    return "slug" in getattr(error, "error_dict", {})


@dataclass
class BuildOutcome:
    status: OutcomeStatus
    page: ArticlePage
    message: str = ""
    warnings: tuple = ()


def find_people_index(parent):
    """The people index for profiles created while importing under ``parent``."""
    site = parent.get_site()
    people_index = None
    if site is not None:
        root = locale_root(site, parent.locale_id)
        people_index = PersonIndexPage.objects.descendant_of(root, inclusive=True).first()
    people_index = people_index or PersonIndexPage.objects.first()
    if people_index is None:
        raise ArticleImportError(
            parent.url_path,
            _("There is no people index page to add profiles to; create one first."),
        )
    return people_index


def add_child(parent, page):
    """Add ``page`` under ``parent`` once no other transaction is adding a page there.

    Adding a child updates the parent's row, which then stays locked until the article's
    transaction commits; another import adding beside it meanwhile would compute the same
    tree path from what it can see, build its whole article, and fail on the path at the end.
    Taking the parent's lock first makes it wait instead, and then read the path the other
    one took. (SQLite has no row locks: a writer locks the whole database.)
    """
    list(Page.objects.select_for_update().filter(pk=parent.pk).values_list("pk"))
    parent.add_child(instance=page)


def slug_for(text, fallback):
    """The slug ``text`` asks for (room left for a number), or ``fallback`` for one with no
    letters or digits."""
    return slugify(text, allow_unicode=True)[:90] or fallback


def unique_slug(slugs, text, fallback):
    """A slug for ``text`` not among ``slugs`` (a queryset of the slugs in use), numbered as
    Wagtail numbers pages' (``find_available_slug``)."""
    base = slug_for(text, fallback)
    taken = set(slugs.filter(slug__startswith=base))
    slug, n = base, 1
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def fit(value, model, field, what, warnings):
    """``value`` cut to the length ``model.field`` holds, the cut recorded in ``warnings``: a
    legacy page's metadata may run to any length, and a database column refuses (PostgreSQL)
    or silently keeps (SQLite) what does not fit."""
    length = model._meta.get_field(field).max_length
    if not value or len(value) <= length:
        return value
    warnings.append(
        _("The %(what)s “%(start)s…” was cut to %(length)d characters.")
        % {"what": what, "start": value[:40], "length": length}
    )
    return value[:length].rstrip()


def article_model_for(parent):
    """The article model an import under ``parent`` makes: the one the news index lists."""
    parent = parent.specific
    if isinstance(parent, AbstractNewsIndexPage):
        return parent.get_article_model()
    return ArticlePage


def column_key(key):
    """``key`` as the source path column holds it: a path too long for it goes by its digest,
    which still finds the article again."""
    length = ArticlePage._meta.get_field("source_path").max_length
    return key if len(key) <= length else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def to_datetime(value):
    if value is None or isinstance(value, datetime.datetime):
        return value if value is None or timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))


class ArticleBuilder:
    """Builds pages for parsed articles under one parent, reusing people found on the way.

    The pages it builds are added to the search index a batch of articles at a time
    (``IMPORT_INDEX_BATCH_SIZE``, ``search_index.py``): call ``finish`` after the last one
    (``run_import`` does).
    """

    def __init__(
        self,
        parent,
        *,
        people_parent=None,
        publish=False,
        force=False,
        user=None,
        image_root=None,
        archive_root=None,
    ):
        self.parent = parent
        self.article_model = article_model_for(parent)
        self.people_parent = people_parent or find_people_index(parent)
        self.publish = publish
        self.force = force
        self.user = user
        # Images must lie inside this folder; by default, the source's own folder.
        self.image_root = Path(image_root).resolve() if image_root else None
        # Sources inside it are known by their path relative to it, so the archive may move.
        self.archive_root = archive_root
        self.rich_text = EditorHTMLConverter(features=newsroom_settings.RICH_TEXT_FEATURES)
        self.new_people = []
        self.pending_index = search_index.PendingIndex()
        self.built_since_indexed = 0

    def build(self, parsed, *, source=None):
        """Build ``parsed``, recording ``source`` (default: the parsed source) as its origin."""
        with search_index.deferred(self.pending_index):
            outcome = self._build_retrying(parsed, source or parsed.source)
        self.built_since_indexed += 1
        if self.built_since_indexed >= newsroom_settings.IMPORT_INDEX_BATCH_SIZE:
            self.finish()
        return outcome

    def finish(self):
        """Index the pages built since the last batch was indexed."""
        self.pending_index.flush()
        self.built_since_indexed = 0

    def _build_retrying(self, parsed, source):
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return self._build_atomically(parsed, source)
            except (IntegrityError, OperationalError, ValidationError) as error:
                if attempt == ATTEMPTS or not is_contention(error):
                    raise
                time.sleep(random.uniform(0, 0.02 * 2**attempt))

    def _build_atomically(self, parsed, source):
        # Wagtail re-indexes references on each of the several saves a page and its revision
        # take; once per article, at the end, is enough and makes imports several times faster.
        try:
            with transaction.atomic(), disable_reference_index_auto_update():
                outcome = self._build(parsed, source)
                if outcome.status in (CREATED, UPDATED):
                    for obj in (outcome.page, *self.new_people):
                        ReferenceIndex.create_or_update_for_object(obj)
                return outcome
        finally:
            # Profiles made by a rolled-back article no longer exist.
            self.new_people.clear()

    def source_key(self, parsed):
        return source_key(parsed.source, self.archive_root)

    def find_existing(self, key, fingerprint):
        """The page imported before from this source: by key under this index (two desks'
        archives may both have a "story.txt"), else one with the same text anywhere."""
        if key:
            found = self.article_model.objects.filter(
                source_index=self.parent, source_path=key
            ).first()
            if found is not None:
                return found
        return (
            self.article_model.objects.filter(source_fingerprint=fingerprint).order_by("pk").first()
        )

    def _build(self, parsed, source):
        key = column_key(self.source_key(parsed))
        existing = self.find_existing(key, parsed.fingerprint)
        if existing is not None and (outcome := self.leave_alone(existing, parsed)):
            return outcome

        warnings = []
        page = existing or self.article_model()
        page.title = fit(parsed.headline, self.article_model, "title", _("headline"), warnings)
        page.dek = parsed.dek or ""
        page.section = self.section(parsed.section, warnings)
        page.published_at = to_datetime(parsed.published)
        page.updated_at = to_datetime(parsed.updated)
        page.source_name = printable(Path(source).name)
        page.source_path = key
        page.source_index = self.parent
        page.source_fingerprint = parsed.fingerprint
        people = self.people(parsed, warnings)
        page.lead_image = None
        if parsed.lead_image:
            page.lead_image = self.image(parsed, parsed.lead_image, warnings)
            image = parsed.lead_image
            page.lead_image_caption = fit(
                image.caption or "",
                self.article_model,
                "lead_image_caption",
                _("caption"),
                warnings,
            )
            page.lead_image_credit = fit(
                image.credit or "",
                self.article_model,
                "lead_image_credit",
                _("image credit"),
                warnings,
            )
        page.body = self.body(parsed, people, warnings)
        if existing is None:
            # Pages are born live in Wagtail; an import publishes only through a revision.
            page.live = False
            page.slug = find_available_slug(self.parent, slug_for(parsed.headline, "article"))
            add_child(self.parent, page)
        bylines = {}
        for author in parsed.authors:
            if author.name in bylines or author.name not in people:
                continue
            what = _("byline credit of %(name)s") % {"name": author.name}
            bylines[author.name] = ArticleByline(
                person=people[author.name],
                credit=fit(author.credit or "", ArticleByline, "credit", what, warnings),
                role=author.contribution or BylineRole.AUTHOR,
                sort_order=len(bylines),
            )
        page.article_bylines = list(bylines.values())
        for author in parsed.authors:
            if not author.is_person:
                warnings.append(
                    _("The byline “%(name)s” is a user name, not a person’s: it has no profile.")
                    % {"name": author.name}
                )
        tags = [fit(tag, Tag, "name", _("tag"), warnings) for tag in parsed.tags]
        page.tags.set(list(dict.fromkeys(tags)), clear=True)
        page.hold_until_published()
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            revision.publish(user=self.user)
        # Written to the row directly: a draft's fields live in its revision until published.
        self.article_model.objects.filter(pk=page.pk).update(
            import_revision=revision,
            source_path=key,
            source_index=self.parent,
            source_fingerprint=parsed.fingerprint,
        )
        page.import_revision = revision
        return BuildOutcome(
            CREATED if existing is None else UPDATED, page, warnings=tuple(warnings)
        )

    def leave_alone(self, existing, parsed):
        """Why an article imported before is not built again, or None to build it."""
        if self.user is not None and not existing.permissions_for_user(self.user).can_edit():
            return BuildOutcome(SKIPPED, existing, _("already imported, where you may not edit it"))
        if existing.source_fingerprint == parsed.fingerprint and (
            existing.live or not self.publish
        ):
            return BuildOutcome(UNCHANGED, existing)
        if existing.latest_revision_id != existing.import_revision_id and not self.force:
            return BuildOutcome(
                SKIPPED,
                existing,
                _("edited in Wagtail since it was imported; use --force to overwrite"),
            )
        return None

    def section(self, name, warnings):
        if not name:
            return None
        name = fit(name, Section, "name", _("section"), warnings)
        section = Section.objects.filter(name__iexact=name).first()
        if section is None:
            slugs = Section.objects.values_list("slug", flat=True)
            section = Section.objects.create(name=name, slug=unique_slug(slugs, name, "section"))
        return section

    def people(self, parsed, warnings):
        """Profiles for everyone in the byline or quoted, by the name the article uses."""
        roles = {person.name: person.roles for person in parsed.people}
        authors = [author.name for author in parsed.authors if author.is_person]
        names = list(dict.fromkeys(authors + list(roles)))
        fitted = {name: fit(name, PersonPage, "title", _("name"), warnings) for name in names}
        keys = {name: name_key(fitted[name]) for name in names}
        existing = {
            profile.name_key: profile
            for profile in PersonPage.objects.child_of(self.people_parent).filter(
                name_key__in=set(keys.values())
            )
        }
        existing.update(self.known_by_surname([k for k in keys.values() if k not in existing]))
        profiles = {}
        for name in names:
            profile = existing.get(keys[name])
            if profile is None:
                person_roles = roles.get(name) or []
                role = person_roles[0] if person_roles else ""
                profile = PersonPage(
                    title=fitted[name],
                    slug=find_available_slug(self.people_parent, slug_for(name, "person")),
                    job_title=fit(role, PersonPage, "job_title", _("role"), warnings),
                    live=False,
                )
                add_child(self.people_parent, profile)
                revision = profile.save_revision(user=self.user, log_action=True)
                if self.publish:
                    revision.publish(user=self.user)
                self.new_people.append(profile)
                existing[keys[name]] = profile
            profiles[name] = profile
        return profiles

    def known_by_surname(self, keys):
        """Profiles for names that are the end of exactly one profile's name: "Ní Bhriain"
        in this story is the "Siobhán Ní Bhriain" of an earlier one; "Clinton", with two
        Clintons on file, is neither. By name key: ``name_key``."""
        if not keys:
            return {}
        query = Q()
        for key in keys:
            query |= Q(name_key__endswith=" " + key)
        candidates = list(PersonPage.objects.child_of(self.people_parent).filter(query))
        found = {}
        for key in keys:
            matches = [p for p in candidates if p.name_key.endswith(" " + key)]
            if len(matches) == 1:
                found[key] = matches[0]
        return found

    def html(self, block):
        return self.rich_text.to_database_format(block.html or f"<p>{escape(block.text)}</p>")

    def body(self, parsed, people, warnings):
        """The body as StreamField JSON, one block per parsed block."""
        stream = []
        for block in parsed.body:
            if block.type == "paragraph" and block.quotes:
                value = {
                    "text": self.html(block),
                    "quotations": [self.speaker(quote, people) for quote in block.quotes],
                }
                stream.append({"type": "quoted_paragraph", "value": value})
            elif block.type == "paragraph":
                stream.append({"type": "paragraph", "value": self.html(block)})
            elif block.type == "list":
                stream.append({"type": "paragraph", "value": self.list_html(block)})
            elif block.type == "heading":
                level = HEADING_LEVELS.get(block.level or 2, "h4")
                stream.append({"type": "heading", "value": {"text": block.text, "level": level}})
            elif block.type == "quote":
                value = {**self.speaker(block, people), "text": self.html(block)}
                stream.append({"type": "quote", "value": value})
            elif block.type == "image" and (image := self.image(parsed, block, warnings)):
                value = {
                    "image": image.pk,
                    "alt_text": block.alt or "",
                    "caption": block.caption or "",
                    "credit": block.credit or "",
                }
                stream.append({"type": "image", "value": value})
        return stream

    @staticmethod
    def speaker(quotation, people):
        """A quote block's or a quotation's value: its words and who said them."""
        speaker = people.get(quotation.speaker)
        return {
            "text": quotation.text,
            "speaker": speaker.pk if speaker else None,
            "speaker_name": quotation.speaker or "",
            "speaker_role": quotation.speaker_role or "",
            "attribution": quotation.attribution or "",
        }

    def list_html(self, block):
        if block.html:
            return self.rich_text.to_database_format(block.html)
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"

    def image(self, parsed, image, warnings):
        """A Wagtail image for a file in the source's folder; remote images are not fetched."""
        if parsed.source == STDIN:
            # Standard input has no folder: the working directory is none of the article's.
            folder = self.image_root
            if folder is None:
                warnings.append(
                    _(
                        "Image %(src)s was not read: an article from standard input has no "
                        "folder to read images from (see --image-root)."
                    )
                    % {"src": image.src}
                )
                return None
        else:
            folder = Path(parsed.source).parent.resolve()
        path = (folder / image.src).resolve()
        # A legacy page must not reach files outside its own folder ("../../etc/passwd").
        inside = path.is_relative_to(self.image_root or folder)
        if "://" in image.src or not inside or not path.is_file():
            warnings.append(
                _("Image %(src)s was not found beside the source file.") % {"src": image.src}
            )
            return None
        data = path.read_bytes()
        try:
            with PILImage.open(io.BytesIO(data)) as picture:
                picture.verify()
        except (OSError, SyntaxError, ValueError):
            warnings.append(_("Image %(src)s is not a readable image.") % {"src": image.src})
            return None
        Image = get_image_model()
        digest = hash_filelike(io.BytesIO(data))
        existing = Image.objects.filter(file_hash=digest).first()
        if existing:
            return existing
        return Image.objects.create(
            title=(image.alt or image.caption or path.stem)[:255],
            file=ImageFile(io.BytesIO(data), name=path.name),
            file_size=len(data),
            file_hash=digest,
        )
