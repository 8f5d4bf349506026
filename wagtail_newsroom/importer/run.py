"""Running an import: parse each source, build its page, and keep a report.

The management command and the admin import view are thin shells over ``run_import``.
Sources are parsed one at a time (or by a pool of worker processes) and built one per
transaction, so memory stays flat however large the archive and a failure in one file
never leaves another half-written.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial

from .config import DEFAULT_CONFIG
from .outcomes import OutcomeStatus
from .pipeline import parse_path
from .result import ArticleImportError, ParsedArticle
from .sources import STDIN, iter_paths

FAILED, PARSED = OutcomeStatus.FAILED, OutcomeStatus.PARSED


@dataclass
class Outcome:
    """What happened to one source."""

    source: str
    status: OutcomeStatus
    parsed: ParsedArticle | None = None
    page: object = None
    error: ArticleImportError | None = None
    message: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)
    failures: list[Outcome] = field(default_factory=list)
    notes: list[Outcome] = field(default_factory=list)

    def add(self, outcome):
        self.counts[outcome.status] += 1
        # Without the parsed article and its page, so that memory does not grow with the archive.
        summary = replace(outcome, parsed=None, page=None)
        if outcome.status == FAILED:
            self.failures.append(summary)
        elif outcome.message or outcome.warnings:
            self.notes.append(summary)

    @property
    def ok(self):
        return not self.failures


def _parse(path, **options):
    if isinstance(path, ArticleImportError):
        return None, path
    try:
        return parse_path(path, **options), None
    except ArticleImportError as error:
        return None, error
    except Exception as error:  # noqa: BLE001 - one bad file must not stop an archive import
        return None, ArticleImportError(path, f"{type(error).__name__}: {error}")


def parse_paths(paths, *, jobs=1, **options):
    """Yield (source, ParsedArticle or None, ArticleImportError or None) in path order."""
    paths = list(iter_paths(paths)) if jobs > 1 else iter_paths(paths)
    if jobs > 1 and STDIN not in paths:
        worker = partial(_parse, **options)
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for path, (parsed, error) in zip(paths, pool.imap(worker, paths, chunksize=8)):
                yield _source(path), parsed, error
        return
    for path in paths:
        parsed, error = _parse(path, **options)
        yield _source(path), parsed, error


def _source(path):
    return path.source if isinstance(path, ArticleImportError) else str(path)


def run_import(paths, *, builder=None, jobs=1, config=DEFAULT_CONFIG, encoding=None, report=None):
    """Parse every source in ``paths`` with ``config`` (``config.resolve``) and, given a
    ``builder``, build its page.

    Yields an ``Outcome`` per source as it is done; ``report`` (a ``Report``) collects them.
    Without a builder this is a dry run: nothing touches the database.
    """
    report = report if report is not None else Report()
    try:
        for source, parsed, error in parse_paths(
            paths, jobs=jobs, config=config, encoding=encoding
        ):
            if error is not None:
                outcome = Outcome(source, FAILED, error=error)
            elif builder is None:
                outcome = Outcome(source, PARSED, parsed=parsed, warnings=list(parsed.warnings))
            else:
                outcome = build(builder, source, parsed)
            report.add(outcome)
            yield outcome
    finally:
        # Also when the caller stops early: what was built is searchable.
        if builder is not None:
            builder.finish()


def build(builder, source, parsed):
    try:
        built = builder.build(parsed)
    except ArticleImportError as error:
        return Outcome(source, FAILED, parsed=parsed, error=error)
    except Exception as error:  # noqa: BLE001 - reported; the transaction was rolled back
        return Outcome(
            source,
            FAILED,
            parsed=parsed,
            error=ArticleImportError(source, f"{type(error).__name__}: {error}"),
        )
    return Outcome(
        source,
        built.status,
        parsed=parsed,
        page=built.page,
        message=built.message,
        warnings=list(parsed.warnings) + list(built.warnings),
    )
