import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from ... import tasks
from ...conf import importer_config, newsroom_settings
from ...importer import ArticleImportError, iter_paths
from ...importer.build import ArticleBuilder, article_model_for
from ...importer.outcomes import OutcomeStatus
from ...importer.result import printable
from ...importer.run import FAILED, Report, run_import
from ...importer.sources import STDIN
from ...models import ImportRun, NewsIndexPage, PersonIndexPage


def find_page(value, *, label):
    """A page by id, by its URL path within the default site, or by its full tree path."""
    value = str(value)
    if value.isdigit():
        page = Page.objects.filter(pk=int(value)).first()
    else:
        path = "/" + value.strip("/") + "/" if value.strip("/") else "/"
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        candidates = [path]
        if site:
            candidates.insert(0, site.root_page.url_path + path.lstrip("/"))
        page = Page.objects.filter(url_path__in=candidates).order_by("depth").first()
    if page is None:
        raise CommandError(_("No %(label)s page %(value)s.") % {"label": label, "value": value})
    return page.specific


def record(outcomes, recorded):
    """Pass ``outcomes`` on, keeping each one's report line for the admin's recent imports."""
    for outcome in outcomes:
        recorded.append(tasks.outcome_dict(outcome, {}))
        yield outcome


class Command(BaseCommand):
    help = _(
        "Import legacy articles (plain text or HTML files, directories of them, or - for "
        "standard input) as article pages."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--parent",
            help=_("The news index to import into: a page id or URL path (default: the first)."),
        )
        parser.add_argument(
            "--people-parent",
            help=_(
                "The people index for new profiles: a page id or URL path (default: the first)."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Parse and report; write nothing.")
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        state = parser.add_mutually_exclusive_group()
        state.add_argument("--publish", action="store_true", help=_("Publish the pages."))
        state.add_argument(
            "--draft", action="store_true", help=_("Leave the pages as drafts (the default).")
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("Overwrite articles edited in Wagtail since they were imported."),
        )
        parser.add_argument(
            "--rules",
            action="append",
            default=[],
            metavar="MODULE_OR_FILE",
            help=_("An extra rule set: a dotted module path or a Python file. Repeatable."),
        )
        order = parser.add_mutually_exclusive_group()
        order.add_argument(
            "--day-first",
            dest="date_order",
            action="store_const",
            const="day",
            help=_("Read numeric dates such as 3/4/2020 day first (3 April)."),
        )
        order.add_argument(
            "--month-first",
            dest="date_order",
            action="store_const",
            const="month",
            help=_("Read numeric dates month first (March 4), whatever the setting says."),
        )
        parser.add_argument(
            "--archive-root",
            metavar="FOLDER",
            help=_(
                "Know files by their path inside this folder, so that a moved archive updates "
                "the same pages (default: the IMPORT_ARCHIVE_ROOT setting)."
            ),
        )
        parser.add_argument(
            "--image-root",
            metavar="FOLDER",
            help=_(
                "Read the images articles refer to from anywhere inside this folder (default: "
                "each article's own folder; standard input has none)."
            ),
        )
        parser.add_argument("--encoding", help=_("Read every file in this encoding."))
        parser.add_argument("--jobs", type=int, default=1, help=_("Parse in this many processes."))
        parser.add_argument(
            "--background",
            action="store_true",
            help=_(
                "Queue a task per file for the site's task workers (Django's tasks framework) "
                "instead of importing here; follow the run in the admin's Import articles view."
            ),
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        paths = list(iter_paths(options["paths"]))
        config = self.get_config(options)
        if options["background"]:
            return self.queue(paths, options)
        builder = None if options["dry_run"] else self.get_builder(options)
        report = Report()
        outcomes = run_import(
            paths,
            builder=builder,
            jobs=max(1, options["jobs"]),
            config=config,
            encoding=options["encoding"],
            report=report,
        )
        outcomes = self.with_progress(outcomes, len(paths), options)
        recorded = []
        if builder is not None:
            outcomes = record(outcomes, recorded)
        if options["format"] == "json":
            self.write_json(outcomes, report)
            self.write_summary(report, self.stderr)
        else:
            for outcome in outcomes:
                self.write_outcome(outcome, options["dry_run"])
            self.write_summary(report, self.stdout)
        if builder is not None:
            ImportRun.objects.create(
                origin=ImportRun.Origin.COMMAND,
                status=ImportRun.Status.DONE,
                parent=builder.parent,
                publish=builder.publish,
                uploads=[{"name": printable(path)} for path in options["paths"]],
                report={"counts": dict(report.counts), "outcomes": recorded},
                total=len(paths),
                progress=len(recorded),
            )
        if not report.ok:
            raise CommandError(
                _("%(count)d of %(total)d files failed.")
                % {"count": len(report.failures), "total": len(paths)},
                returncode=1,
            )

    def queue(self, paths, options):
        """Record the run with what a worker needs to import its files as this command
        would, and queue a task per file."""
        if options["dry_run"] or STDIN in paths:
            raise CommandError(
                _("--background imports files: not standard input, and not a dry run.")
            )
        builder = self.get_builder(options)
        unreadable = [path for path in paths if isinstance(path, ArticleImportError)]
        paths = [path for path in paths if not isinstance(path, ArticleImportError)]
        # Absolute paths, because a worker runs in a folder of its own; the keys they give
        # are those of an import run here (``source_key``).
        run = ImportRun.objects.create(
            origin=ImportRun.Origin.COMMAND,
            status=ImportRun.Status.QUEUED,
            parent=builder.parent,
            publish=builder.publish,
            uploads=[{"name": printable(path)} for path in options["paths"]],
            options={
                "people_parent": options["people_parent"] and builder.people_parent.pk,
                "force": builder.force,
                "archive_root": None
                if builder.archive_root is None
                else str(Path(builder.archive_root).resolve()),
                "image_root": None if builder.image_root is None else str(builder.image_root),
                "rules": [
                    str(Path(rules).resolve()) if Path(rules).is_file() else rules
                    for rules in options["rules"]
                ],
                "day_first": {"day": True, "month": False}.get(options["date_order"]),
                "encoding": options["encoding"],
            },
        )
        tasks.queue(run, [(str(path.resolve()), printable(path)) for path in paths])
        run.refresh_from_db()
        if run.status == ImportRun.Status.DONE:
            # The site's task backend runs tasks at once (the ImmediateBackend).
            self.stdout.write(self.summary(run.counts))
            failures = [o for o in run.report["outcomes"] if o["status"] == FAILED]
        else:
            self.stdout.write(
                _("Queued %(count)d files as import run %(run)s for the site's task workers.")
                % {"count": len(paths), "run": run.pk}
            )
            failures = []
        for failure in failures:
            self.stderr.write(self.style.ERROR(f"{failure['source']}: {failure['error']}"))
        for error in unreadable:
            self.stderr.write(self.style.ERROR(str(error)))
        if failures or unreadable:
            raise CommandError(
                _("%(count)d of %(total)d files failed.")
                % {"count": len(failures) + len(unreadable), "total": len(paths) + len(unreadable)},
                returncode=1,
            )

    def get_config(self, options):
        day_first = {"day": True, "month": False}.get(options["date_order"])
        try:
            return importer_config(options["rules"], day_first=day_first)
        except (ImportError, OSError, AttributeError, TypeError, ValueError) as error:
            raise CommandError(
                _("Cannot load the importer rules or lexicon: %(error)s") % {"error": error}
            ) from None

    def get_builder(self, options):
        if options["parent"]:
            parent = find_page(options["parent"], label=_("parent"))
        else:
            parent = NewsIndexPage.objects.order_by("path").first()
            if parent is None:
                raise CommandError(_("There is no news index page to import into."))
        if not article_model_for(parent).can_create_at(parent):
            raise CommandError(
                _("Articles cannot be added under “%(title)s”.") % {"title": parent.title}
            )
        people_parent = None
        if options["people_parent"]:
            people_parent = find_page(options["people_parent"], label=_("people index"))
            if not isinstance(people_parent, PersonIndexPage):
                raise CommandError(
                    _("“%(title)s” is not a people index.") % {"title": people_parent.title}
                )
        try:
            return ArticleBuilder(
                parent,
                people_parent=people_parent,
                publish=options["publish"],
                force=options["force"],
                archive_root=options["archive_root"] or newsroom_settings.IMPORT_ARCHIVE_ROOT,
                image_root=options["image_root"],
            )
        except ArticleImportError as error:
            raise CommandError(str(error)) from None

    def with_progress(self, outcomes, total, options):
        if options["no_progress"] or total < 2 or not sys.stderr.isatty():
            return outcomes
        from tqdm import tqdm

        return tqdm(outcomes, total=total, unit=_("article"), file=sys.stderr)

    def write_json(self, outcomes, report):
        # Streamed one article at a time so memory does not grow with the archive.
        out = self.stdout
        out.write('{"articles": [', ending="")
        first = True
        for outcome in outcomes:
            if outcome.status == FAILED:
                continue
            article = outcome.parsed.to_dict()
            if outcome.page is not None:
                article["import"] = {
                    "status": outcome.status,
                    "page": outcome.page.pk,
                    "message": outcome.message,
                }
            out.write(("" if first else ", ") + json.dumps(article, ensure_ascii=False), ending="")
            first = False
        errors = [failure.error.to_dict() for failure in report.failures]
        out.write('], "errors": ' + json.dumps(errors, ensure_ascii=False) + "}")

    def write_outcome(self, outcome, dry_run):
        if outcome.status == FAILED:
            self.stderr.write(self.style.ERROR(str(outcome.error)))
            return
        parsed = outcome.parsed
        if dry_run:
            self.stdout.write(
                _(
                    "%(source)s: “%(headline)s” by %(authors)s, %(published)s, %(blocks)d blocks, "
                    "%(quotes)d quotes, %(dropped)d lines dropped"
                )
                % {
                    "source": printable(outcome.source),
                    "headline": parsed.headline,
                    "authors": ", ".join(a.name for a in parsed.authors) or _("no byline"),
                    "published": parsed.published or _("no date"),
                    "blocks": len(parsed.body),
                    "quotes": len(parsed.quotations),
                    "dropped": len(parsed.dropped),
                }
            )
        else:
            self.stdout.write(
                f"{printable(outcome.source)}: {outcome.status} {outcome.message}".rstrip()
            )
        for warning in outcome.warnings:
            self.stdout.write(self.style.WARNING(f"  {warning}"))

    def summary(self, counts):
        return _(
            "Created %(created)d, updated %(updated)d, unchanged %(unchanged)d, "
            "skipped %(skipped)d, parsed %(parsed)d, failed %(failed)d."
        ) % {status: counts.get(status, 0) for status in OutcomeStatus.values}

    def write_summary(self, report, stream):
        stream.write(self.summary(report.counts))
        for outcome in report.notes:
            if outcome.status == OutcomeStatus.SKIPPED:
                stream.write(f"  {printable(outcome.source)}: {outcome.message}")
        for failure in report.failures:
            stream.write(f"  {failure.error}")
