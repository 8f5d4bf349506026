"""Issue 11, "Permissions": every admin URL the newsroom adds, by method and by user.

How Wagtail answers, which the table below relies on (``wagtail.admin.auth``):

* Every URL from ``register_admin_urls`` and from the registered viewsets is wrapped in
  ``require_admin_access``. An anonymous request is redirected to ``wagtailadmin_login`` with
  ``?next=`` -- JSON endpoints included -- unless it carries ``X-Requested-With:
  XMLHttpRequest``, in which case ``PermissionDenied`` propagates and Django answers 403.
* A ``PermissionDenied`` raised by a view for a logged-in admin user is turned into a redirect
  to the dashboard (``wagtailadmin_home``) with the error message "Sorry, you do not have
  permission to access this area." -- again, an XMLHttpRequest gets a plain 403 instead.
* The newsroom's own views (import, people, merge, summary) wrap themselves in
  ``forbidden_is_403`` and answer 403 themselves, before Wagtail sees the exception.

The chooser URLs are requested the way Wagtail's modal workflow requests them (jQuery, so with
``X-Requested-With``); the person summary the way ``quote-blocks.js`` fetches it (``fetch`` with
``Accept: application/json`` and no ``X-Requested-With``); everything else as a browser would.
"""

from types import SimpleNamespace

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageLogEntry, Revision, Site

from tests.factories import make_article, make_person, quote
from wagtail_newsroom import tasks
from wagtail_newsroom.models import (
    ArticleByline,
    ArticlePage,
    ArticleQuotation,
    ImportRun,
    NewsIndexPage,
    NewsroomSettings,
    PersonPage,
    Section,
)

from .test_import import SEED, make_run, upload
from .utils import make_user

pytestmark = pytest.mark.django_db

ANONYMOUS, ADMIN_ONLY, EDITOR, MODERATOR, SUPERUSER = (
    "anonymous",
    "admin-only",
    "editor",
    "moderator",
    "superuser",
)
USERS = (ANONYMOUS, ADMIN_ONLY, EDITOR, MODERATOR, SUPERUSER)

# Expected answers.
LOGIN = "redirect to the login page"
F403 = "403"
DENIED = "redirect to the dashboard with a permission-denied message"
OK = "200, or a redirect elsewhere than the login page or the dashboard"
OK405 = "OK, or 405 (the view takes no POST)"

PERMISSION_DENIED_MESSAGE = "Sorry, you do not have permission to access this area."
DRAFT_NAME = "Secret Source"
DRAFT_ROLE = "Whistleblower"

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
JSON = {"HTTP_ACCEPT": "application/json"}
BROWSER = {}

SETTINGS_ARGS = ["wagtail_newsroom", "newsroomsettings"]


# The world every case runs in


@pytest.fixture
def ctx(home, news_index, people_index):
    users = {
        ANONYMOUS: None,
        # The access_admin permission only: no page permissions at all.
        ADMIN_ONLY: make_user("admin-only"),
        EDITOR: make_user(
            "editor", pages=[news_index, people_index], permissions=("add", "change")
        ),
        MODERATOR: make_user(
            "moderator", pages=[news_index, people_index], permissions=("add", "change", "publish")
        ),
        SUPERUSER: make_user("superuser", superuser=True),
    }
    # User A: the owner of the runs the others must not open or confirm.
    owner = make_user("owner-a", pages=[news_index, people_index], permissions=("add", "change"))
    keep = make_person(people_index, "Qin Peng", "China affairs commentator")
    duplicate = make_person(people_index, "Q. Peng", "Analyst")
    draft = make_person(people_index, DRAFT_NAME, DRAFT_ROLE)
    draft.unpublish()
    article = make_article(news_index, "One", authors=[duplicate], body=[quote("Boss.", duplicate)])
    section = Section.objects.create(name="World", slug="world")
    site = Site.objects.get(is_default_site=True)
    NewsroomSettings.for_site(site)  # saved now, so that opening the edit view changes nothing
    return SimpleNamespace(
        home=home,
        news_index=news_index,
        people_index=people_index,
        users=users,
        owner=owner,
        keep=keep,
        duplicate=duplicate,
        draft=draft,
        article=article,
        section=section,
        site=site,
    )


def previewed_run(user):
    run = make_run(user, {"seed.txt": SEED.read_bytes()})
    tasks.preview_import.enqueue(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED, run.error
    return run


# The URLs: for each, how to reach it (URL, headers) and what a POST sends. ``user`` is the
# requesting user (None when anonymous).


def import_upload(ctx, user):
    return (
        reverse("wagtail_newsroom_import:upload"),
        BROWSER,
        lambda: {"files": [upload("seed.txt", SEED.read_bytes())]},
    )


def confirm_data(ctx):
    return lambda: {"parent": ctx.news_index.pk, "action": "draft"}


def import_status_own_run(ctx, user):
    # The requesting user's own run (the anonymous request opens user A's).
    run = previewed_run(user or ctx.owner)
    return reverse("wagtail_newsroom_import:status", args=[run.pk]), BROWSER, confirm_data(ctx)


def import_status_other_users_run(ctx, user):
    # User B (the requesting user) opening or confirming user A's run.
    run = previewed_run(ctx.owner)
    return reverse("wagtail_newsroom_import:status", args=[run.pk]), BROWSER, confirm_data(ctx)


def command_run_status(parent):
    # An ``import_articles --background`` run: it has no user.
    run = ImportRun.objects.create(
        origin=ImportRun.Origin.COMMAND,
        status=ImportRun.Status.DONE,
        parent=parent,
        report={"counts": {}, "outcomes": []},
    )
    return reverse("wagtail_newsroom_import:status", args=[run.pk])


def import_status_command_run(ctx, user):
    # Into the news index the editors import under.
    return command_run_status(ctx.news_index), BROWSER, confirm_data(ctx)


def import_status_command_run_elsewhere(ctx, user):
    # Into a news index no one but a superuser may import under.
    other = ctx.home.add_child(instance=NewsIndexPage(title="Wire", slug="wire"))
    return command_run_status(other), BROWSER, confirm_data(ctx)


def people_index(ctx, user):
    return reverse("wagtail_newsroom_people:index"), BROWSER, dict


def people_merge(ctx, user):
    url = reverse("wagtail_newsroom_people:merge", args=[ctx.keep.pk])
    return url, BROWSER, lambda: {"duplicate": ctx.duplicate.pk}


def summary_of_live_profile(ctx, user):
    return reverse("wagtail_newsroom_people:summary", args=[ctx.keep.pk]), JSON, dict


def summary_of_draft_profile(ctx, user):
    return reverse("wagtail_newsroom_people:summary", args=[ctx.draft.pk]), JSON, dict


def person_choose(ctx, user):
    return reverse("wagtail_newsroom_person_chooser:choose"), XHR, dict


def person_choose_results(ctx, user):
    return reverse("wagtail_newsroom_person_chooser:choose_results"), XHR, dict


def person_create(ctx, user):
    return (
        reverse("wagtail_newsroom_person_chooser:create"),
        XHR,
        lambda: {
            "title": "Li Wen",
            "job_title": "Reporter",
        },
    )


def person_chosen(ctx, user):
    return reverse("wagtail_newsroom_person_chooser:chosen", args=[ctx.keep.pk]), XHR, dict


def person_chosen_multiple(ctx, user):
    url = reverse("wagtail_newsroom_person_chooser:chosen_multiple") + f"?id={ctx.keep.pk}"
    return url, XHR, dict


SNIPPETS = "wagtailsnippets_wagtail_newsroom_section"
SNIPPET_CHOOSER = "wagtailsnippetchoosers_wagtail_newsroom_section"


def section_view(view_name, *, pk=False, data=dict, headers=BROWSER, namespace=SNIPPETS):
    def url(ctx, user):
        return (
            reverse(f"{namespace}:{view_name}", args=[ctx.section.pk] if pk else []),
            headers,
            data,
        )

    url.__name__ = (
        f"section_{view_name}" if namespace == SNIPPETS else f"section_chooser_{view_name}"
    )
    return url


def section_data(name, slug):
    return lambda: {"name": name, "slug": slug, "description": ""}


section_list = section_view("list")
section_list_results = section_view("list_results")
section_add = section_view("add", data=section_data("Business", "business"))
section_edit = section_view("edit", pk=True, data=section_data("World news", "world"))
section_copy = section_view("copy", pk=True, data=section_data("World copy", "world-copy"))
section_delete = section_view("delete", pk=True)
section_usage = section_view("usage", pk=True)
section_history = section_view("history", pk=True)
section_history_results = section_view("history_results", pk=True)
section_choose = section_view("choose", headers=XHR, namespace=SNIPPET_CHOOSER)
section_choose_results = section_view("choose_results", headers=XHR, namespace=SNIPPET_CHOOSER)
section_chosen = section_view("chosen", pk=True, headers=XHR, namespace=SNIPPET_CHOOSER)
section_create = section_view(
    "create", headers=XHR, namespace=SNIPPET_CHOOSER, data=section_data("Business", "business")
)


def settings_data():
    return {
        "publisher_name": "The Test Times",
        "publisher_logo": "",
        "share_networks": ["facebook"],
        "mastodon_instance": "mastodon.social",
        "utm_campaign": "",
        "utm_overrides-count": "0",
    }


def settings_edit(ctx, user):
    # Without a site: Wagtail picks the current site (and redirects to its edit URL).
    return reverse("wagtailsettings:edit", args=SETTINGS_ARGS), BROWSER, settings_data


def settings_edit_for_site(ctx, user):
    url = reverse("wagtailsettings:edit", args=[*SETTINGS_ARGS, ctx.site.pk])
    return url, BROWSER, settings_data


# The table: URL, method, whether a permitted request of it changes something (``action``),
# and the answer for each user. An action must change the state when it is permitted (unless
# answered 405); nothing else may change it, and a refused request never does.

# fmt: off
MATRIX = [
    # url                           method  action  anon.   admin   editor  moder.  superuser
    (import_upload,                  "GET",  False, (LOGIN,  F403,   OK,     OK,     OK)),
    (import_upload,                  "POST", True,  (LOGIN,  F403,   OK,     OK,     OK)),
    (import_status_own_run,          "GET",  False, (LOGIN,  F403,   OK,     OK,     OK)),
    (import_status_own_run,          "POST", True,  (LOGIN,  F403,   OK,     OK,     OK)),
    (import_status_other_users_run,  "GET",  False, (LOGIN,  F403,   F403,   F403,   OK)),
    (import_status_other_users_run,  "POST", True,  (LOGIN,  F403,   F403,   F403,   OK)),
    (import_status_command_run,      "GET",  False, (LOGIN,  F403,   OK,     OK,     OK)),
    (import_status_command_run_elsewhere, "GET", False, (LOGIN, F403,   F403,   F403,   OK)),
    (people_index,                   "GET",  False, (LOGIN,  F403,   OK,     OK,     OK)),
    (people_index,                   "POST", False, (LOGIN,  F403,   OK405,  OK405,  OK405)),
    (people_merge,                   "GET",  False, (LOGIN,  F403,   OK,     OK,     OK)),
    # The editor may not delete the (live) duplicate, which a merge does.
    (people_merge,                   "POST", True,  (LOGIN,  F403,   F403,   OK,     OK)),
    (summary_of_live_profile,        "GET",  False, (LOGIN,  OK,     OK,     OK,     OK)),
    (summary_of_live_profile,        "POST", False, (LOGIN,  OK405,  OK405,  OK405,  OK405)),
    (summary_of_draft_profile,       "GET",  False, (LOGIN,  F403,   OK,     OK,     OK)),
    (summary_of_draft_profile,       "POST", False, (LOGIN,  F403,   OK405,  OK405,  OK405)),
    (person_choose,                  "GET",  False, (F403,   OK,     OK,     OK,     OK)),
    (person_choose,                  "POST", False, (F403,   OK405,  OK405,  OK405,  OK405)),
    (person_choose_results,          "GET",  False, (F403,   OK,     OK,     OK,     OK)),
    (person_choose_results,          "POST", False, (F403,   OK405,  OK405,  OK405,  OK405)),
    (person_create,                  "GET",  False, (F403,   F403,   OK,     OK,     OK)),
    (person_create,                  "POST", True,  (F403,   F403,   OK,     OK,     OK)),
    (person_chosen,                  "GET",  False, (F403,   OK,     OK,     OK,     OK)),
    (person_chosen,                  "POST", False, (F403,   OK405,  OK405,  OK405,  OK405)),
    (person_chosen_multiple,         "GET",  False, (F403,   OK,     OK,     OK,     OK)),
    (person_chosen_multiple,         "POST", False, (F403,   OK405,  OK405,  OK405,  OK405)),
    # Sections: model permissions (add/change/delete_section), which only the superuser has.
    (section_list,                   "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_list,                   "POST", False, (LOGIN,  DENIED, DENIED, DENIED, OK405)),
    (section_list_results,           "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_list_results,           "POST", False, (LOGIN,  DENIED, DENIED, DENIED, OK405)),
    (section_add,                    "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_add,                    "POST", True,  (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_edit,                   "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_edit,                   "POST", True,  (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_copy,                   "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_copy,                   "POST", True,  (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_delete,                 "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_delete,                 "POST", True,  (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_usage,                  "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_usage,                  "POST", False, (LOGIN,  DENIED, DENIED, DENIED, OK405)),
    (section_history,                "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_history,                "POST", False, (LOGIN,  DENIED, DENIED, DENIED, OK405)),
    (section_history_results,        "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (section_history_results,        "POST", False, (LOGIN,  DENIED, DENIED, DENIED, OK405)),
    # The section chooser on the article form: choosing needs no permission on sections,
    # creating one from it needs add_section.
    (section_choose,                 "GET",  False, (F403,   OK,     OK,     OK,     OK)),
    (section_choose,                 "POST", False, (F403,   OK405,  OK405,  OK405,  OK405)),
    (section_choose_results,         "GET",  False, (F403,   OK,     OK,     OK,     OK)),
    (section_choose_results,         "POST", False, (F403,   OK405,  OK405,  OK405,  OK405)),
    (section_chosen,                 "GET",  False, (F403,   OK,     OK,     OK,     OK)),
    (section_chosen,                 "POST", False, (F403,   OK405,  OK405,  OK405,  OK405)),
    (section_create,                 "GET",  False, (F403,   F403,   F403,   F403,   OK)),
    # Section's chooser has no creation form: a 405 (nothing created) or a created section.
    (section_create,                 "POST", True,  (F403,   F403,   F403,   F403,   OK405)),
    # The newsroom settings: change_newsroomsettings, which only the superuser has.
    (settings_edit,                  "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (settings_edit,                  "POST", False, (LOGIN,  DENIED, DENIED, DENIED, OK405)),
    (settings_edit_for_site,         "GET",  False, (LOGIN,  DENIED, DENIED, DENIED, OK)),
    (settings_edit_for_site,         "POST", True,  (LOGIN,  DENIED, DENIED, DENIED, OK)),
]
# fmt: on

CASES = [
    pytest.param(url, method, action, user, expected, id=f"{url.__name__}-{method}-{user}")
    for url, method, action, answers in MATRIX
    for user, expected in zip(USERS, answers, strict=True)
]


def state():
    """What a POST may change: runs, profiles, bylines, sections, settings."""
    return {
        "runs": sorted(ImportRun.objects.values_list("pk", "status", "parent_id")),
        "people": sorted(PersonPage.objects.values_list("pk", "title")),
        "bylines": sorted(ArticleByline.objects.values_list("page_id", "person_id")),
        "sections": sorted(Section.objects.values_list("pk", "name", "slug")),
        "settings": sorted(
            NewsroomSettings.objects.values_list("site_id", "publisher_name", "share_networks")
        ),
    }


def check_answer(response, expected):
    status, location = response.status_code, response.get("Location", "")
    seen = f"{status} {location}".strip()
    login, dashboard = reverse("wagtailadmin_login"), reverse("wagtailadmin_home")
    if expected == LOGIN:
        assert status == 302 and location.startswith(f"{login}?next="), seen
    elif expected == F403:
        assert status == 403, seen
    elif expected == DENIED:
        assert status == 302 and location == dashboard, seen
        messages = [str(m).strip() for m in get_messages(response.wsgi_request)]
        assert PERMISSION_DENIED_MESSAGE in messages, messages
    else:
        allowed = {200, 302, 405} if expected == OK405 else {200, 302}
        assert status in allowed, seen
        if status == 302:
            assert not location.startswith((login, f"{dashboard}?")), seen
            assert location != dashboard, seen


@pytest.mark.parametrize("url, method, action, user, expected", CASES)
def test_permission_matrix(client, ctx, url, method, action, user, expected):
    requester = ctx.users[user]
    if requester is not None:
        client.force_login(requester)
    path, headers, data = url(ctx, requester)
    before = state()
    if method == "GET":
        response = client.get(path, **headers)
    else:
        response = client.post(path, data(), **headers)
    site_edit = reverse("wagtailsettings:edit", args=[*SETTINGS_ARGS, ctx.site.pk])
    if response.status_code == 302 and response.url == site_edit != path:
        # Wagtail 7.0 sends a request without a site on to the site's own URL first; a
        # browser follows that with a GET.
        response = client.get(site_edit, **headers)
    check_answer(response, expected)
    changed = state() != before
    if action and expected in (OK, OK405) and response.status_code != 405:
        assert changed, "a permitted POST did nothing"
    else:
        assert not changed, f"state changed: {before} -> {state()}"


# Draft profiles: their names and roles are for users who may edit them.

NEWS_WRITER = "news-writer"  # add/change on the news index only: may not edit profiles
PEOPLE_EDITOR = "people-editor"  # change on the people index


def leak_user(ctx, kind):
    if kind == ADMIN_ONLY:
        return ctx.users[ADMIN_ONLY]
    if kind == NEWS_WRITER:
        return make_user(NEWS_WRITER, pages=[ctx.news_index], permissions=("add", "change"))
    return make_user(PEOPLE_EDITOR, pages=[ctx.people_index], permissions=("change",))


def draft_summary(ctx):
    return reverse("wagtail_newsroom_people:summary", args=[ctx.draft.pk]), JSON


def chooser_listing(ctx):
    return reverse("wagtail_newsroom_person_chooser:choose"), XHR


def chooser_search(ctx):
    return reverse("wagtail_newsroom_person_chooser:choose_results") + "?q=Secret", XHR


def chooser_chosen(ctx):
    return reverse("wagtail_newsroom_person_chooser:chosen", args=[ctx.draft.pk]), XHR


def chooser_chosen_multiple(ctx):
    url = reverse("wagtail_newsroom_person_chooser:chosen_multiple")
    return f"{url}?id={ctx.draft.pk}", XHR


# fmt: off
DRAFT_VIEWS = [
    # view                    user           shows the draft profile
    (draft_summary,           ADMIN_ONLY,    False),
    (draft_summary,           NEWS_WRITER,   False),
    (draft_summary,           PEOPLE_EDITOR, True),
    (chooser_listing,         ADMIN_ONLY,    False),
    (chooser_listing,         NEWS_WRITER,   False),
    (chooser_listing,         PEOPLE_EDITOR, True),
    (chooser_search,          ADMIN_ONLY,    False),
    (chooser_search,          PEOPLE_EDITOR, True),
    (chooser_chosen,          ADMIN_ONLY,    False),
    (chooser_chosen,          PEOPLE_EDITOR, True),
    (chooser_chosen_multiple, ADMIN_ONLY,    False),
    (chooser_chosen_multiple, PEOPLE_EDITOR, True),
]
# fmt: on


@pytest.mark.parametrize(
    "view, kind, shown",
    [pytest.param(*row, id=f"{row[0].__name__}-{row[1]}") for row in DRAFT_VIEWS],
)
def test_draft_profiles_are_shown_only_to_who_may_edit_them(client, ctx, view, kind, shown):
    client.force_login(leak_user(ctx, kind))
    path, headers = view(ctx)
    response = client.get(path, **headers)
    body = response.content.decode()
    if shown:
        assert response.status_code == 200, response.status_code
        assert DRAFT_NAME in body
    else:
        assert DRAFT_NAME not in body, f"{view.__name__} shows the draft profile's name"
        assert DRAFT_ROLE not in body, f"{view.__name__} shows the draft profile's role"
        if view is chooser_listing:
            # Live profiles are still listed: the answer is not simply empty or refused.
            assert response.status_code == 200 and "Qin Peng" in body
        if view is draft_summary:
            assert response.status_code == 403, response.status_code


# Merging people: edit permission on every affected article, a revision and a log entry


@pytest.fixture
def archive(home):
    """A second news index, which the people desk below has no permission on."""
    return home.add_child(instance=NewsIndexPage(title="Archive", slug="archive"))


def speakers(page_id):
    """The speaker ids in the article's live body and in its latest revision."""
    page = ArticlePage.objects.get(pk=page_id)
    live = [b["value"].get("speaker") for b in page.body.raw_data if b["type"] == "quote"]
    latest = page.get_latest_revision_as_object()
    drafted = [b["value"].get("speaker") for b in latest.body.raw_data if b["type"] == "quote"]
    return live, drafted


def test_merge_leaves_alone_articles_the_user_cannot_edit(
    client, news_index, people_index, archive
):
    desk = make_user("people-desk", pages=[news_index, people_index])  # not the archive
    keep = make_person(people_index, "Qin Peng")
    duplicate = make_person(people_index, "Q. Peng")
    editable = make_article(news_index, "Mine", authors=[duplicate], body=[quote("A.", duplicate)])
    locked = make_article(archive, "Theirs", authors=[duplicate], body=[quote("B.", duplicate)])
    assert not locked.permissions_for_user(desk).can_edit()
    assert editable.permissions_for_user(desk).can_edit()
    revisions = Revision.page_revisions.filter(object_id=str(locked.pk)).count()

    client.force_login(desk)
    response = client.post(
        reverse("wagtail_newsroom_people:merge", args=[keep.pk]), {"duplicate": duplicate.pk}
    )

    # Refused outright (403), or done for the editable articles with the locked one reported.
    messages = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert response.status_code == 403 or "Theirs" in messages, (
        f"{response.status_code}, messages: {messages!r}"
    )
    # Either way the article the user may not edit still names the duplicate, unchanged.
    assert list(ArticleByline.objects.filter(page=locked).values_list("person", flat=True)) == [
        duplicate.pk
    ]
    assert list(ArticleQuotation.objects.filter(page=locked).values_list("person", flat=True)) == [
        duplicate.pk
    ]
    assert speakers(locked.pk) == ([duplicate.pk], [duplicate.pk])
    assert Revision.page_revisions.filter(object_id=str(locked.pk)).count() == revisions
    assert PersonPage.objects.filter(pk=duplicate.pk).exists()


def test_merge_records_a_revision_and_a_log_entry_on_every_affected_article(
    client, news_index, people_index
):
    desk = make_user("people-desk", pages=[news_index, people_index])
    keep = make_person(people_index, "Qin Peng")
    duplicate = make_person(people_index, "Q. Peng")
    bylined = make_article(news_index, "Bylined", authors=[duplicate])
    quoted = make_article(news_index, "Quoted", body=[quote("Q.", duplicate)])
    untouched = make_article(news_index, "Untouched", authors=[keep])

    client.force_login(desk)
    response = client.post(
        reverse("wagtail_newsroom_people:merge", args=[keep.pk]), {"duplicate": duplicate.pk}
    )

    assert response.status_code == 302, response.status_code
    assert not PersonPage.objects.filter(pk=duplicate.pk).exists()
    for article in (bylined, quoted):
        revisions = Revision.page_revisions.filter(object_id=str(article.pk), user=desk)
        assert revisions.exists(), f"no revision by the merging user on “{article.title}”"
        entries = PageLogEntry.objects.filter(page=article, user=desk)
        assert entries.exists(), f"no log entry by the merging user on “{article.title}”"
    assert speakers(quoted.pk) == ([keep.pk], [keep.pk])
    assert not Revision.page_revisions.filter(object_id=str(untouched.pk), user=desk).exists()
    # And the merge itself is logged on the surviving profile.
    assert PageLogEntry.objects.filter(page=keep, user=desk).exists()


# The import task re-checks the user's permissions when it runs


def revoke_page_permissions(user):
    GroupPagePermission.objects.filter(group__in=user.groups.all()).delete()


def remove_from_groups(user):
    user.groups.clear()


def deactivate(user):
    user.is_active = False
    user.save()


def delete_user(user):
    user.delete()


def revoke_publish(user):
    GroupPagePermission.objects.filter(
        group__in=user.groups.all(), permission__codename="publish_page"
    ).delete()


def confirmed_run(user, news_index, *, publish):
    run = previewed_run(user)
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.QUEUED, parent=news_index, publish=publish
    )
    return run


def test_the_import_task_imports_while_the_user_keeps_the_permissions(news_index, people_index):
    # The control for the cases below: the same run, nothing revoked.
    user = make_user("desk", pages=[news_index, people_index])
    run = confirmed_run(user, news_index, publish=True)
    tasks.import_articles.call(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE, run.error
    assert ArticlePage.objects.live().count() == 1


@pytest.mark.parametrize(
    "revoke",
    [revoke_page_permissions, remove_from_groups, deactivate, delete_user],
    ids=lambda f: f.__name__,
)
def test_the_import_task_does_not_import_for_a_user_who_lost_the_permission(
    news_index, people_index, revoke
):
    user = make_user("desk", pages=[news_index, people_index])
    run = confirmed_run(user, news_index, publish=False)
    people = set(PersonPage.objects.values_list("pk", flat=True))

    revoke(user)
    tasks.import_articles.call(run.pk)

    run.refresh_from_db()
    assert not ArticlePage.objects.exists(), "articles were imported"
    assert set(PersonPage.objects.values_list("pk", flat=True)) == people, "profiles were added"
    assert run.status == ImportRun.Status.FAILED, run.status


def test_the_import_task_does_not_publish_for_a_user_who_lost_publish_permission(
    news_index, people_index
):
    user = make_user("desk", pages=[news_index, people_index])
    run = confirmed_run(user, news_index, publish=True)
    live_people = set(PersonPage.objects.live().values_list("pk", flat=True))

    revoke_publish(user)
    tasks.import_articles.call(run.pk)

    assert not ArticlePage.objects.live().exists(), "articles were published"
    assert set(PersonPage.objects.live().values_list("pk", flat=True)) == live_people, (
        "profiles were published"
    )
