"""Copying and moving profiles in the admin: two profiles of one name in one people index
are refused with a message, as the edit form refuses them, never with a database error."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.factories import make_person
from wagtail_newsroom.models import PersonIndexPage, PersonPage

from .utils import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    client.force_login(make_user("admin", superuser=True))
    return client


@pytest.fixture
def second_index(site_tree):
    home, _news, _people = site_tree
    return home.add_child(instance=PersonIndexPage(title="Contributors", slug="contributors"))


def copy(client, person, parent, title, **extra):
    data = {"new_title": title, "new_slug": "copy", "new_parent_page": parent.pk, **extra}
    return client.post(reverse("wagtailadmin_pages:copy", args=[person.pk]), data)


def test_a_copy_keeping_the_name_is_refused_with_a_message(admin, people_index):
    qin = make_person(people_index, "Qin Peng")
    response = copy(admin, qin, people_index, "QIN  PENG")
    assert response.status_code == 200
    assert "There is already a profile of “QIN  PENG” here" in response.content.decode()
    assert PersonPage.objects.count() == 1


def test_a_copy_under_another_name_or_index_is_made(admin, people_index, second_index):
    qin = make_person(people_index, "Qin Peng")
    assert copy(admin, qin, people_index, "Qin Peng (2)").status_code == 302
    assert copy(admin, qin, second_index, "Qin Peng").status_code == 302
    copied = PersonPage.objects.child_of(second_index).get()
    assert (copied.title, copied.people_index_id) == ("Qin Peng", second_index.pk)


def test_a_people_index_copied_with_its_profiles_keeps_them_apart(admin, site_tree):
    home, _news, people_index = site_tree
    make_person(people_index, "Qin Peng")
    make_person(people_index, "Penny Zhou")
    response = admin.post(
        reverse("wagtailadmin_pages:copy", args=[people_index.pk]),
        {
            "new_title": "People (archive)",
            "new_slug": "people-archive",
            "new_parent_page": home.pk,
            "copy_subpages": "on",
        },
    )
    assert response.status_code == 302
    archive = Page.objects.get(slug="people-archive")
    copies = PersonPage.objects.child_of(archive)
    assert sorted(p.title for p in copies) == ["Penny Zhou", "Qin Peng"]
    assert {p.people_index_id for p in copies} == {archive.pk}


def test_moving_a_profile_beside_its_namesake_is_refused(admin, people_index, second_index):
    make_person(people_index, "Qin Peng")
    other = second_index.add_child(instance=PersonPage(title="qin peng", slug="qin-peng-2"))
    url = reverse("wagtailadmin_pages:move_confirm", args=[other.pk, people_index.pk])
    for response in (admin.get(url), admin.post(url)):
        assert response.status_code == 302
        messages = [str(m) for m in response.wsgi_request._messages]
        assert any("There is already a profile of “qin peng” here" in m for m in messages)
    assert other.get_parent().specific == second_index
    assert PersonPage.objects.get(pk=other.pk).people_index_id == second_index.pk


def test_moving_a_profile_to_an_index_without_its_namesake(admin, people_index, second_index):
    qin = make_person(people_index, "Qin Peng")
    url = reverse("wagtailadmin_pages:move_confirm", args=[qin.pk, second_index.pk])
    assert admin.post(url).status_code == 302
    moved = PersonPage.objects.get(pk=qin.pk)
    assert moved.get_parent().pk == second_index.pk and moved.people_index_id == second_index.pk


def bulk_move(client, pages, destination):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "move"))
    query = "&".join(f"id={page.pk}" for page in pages) + "&next=/admin/"
    return client.post(f"{url}?{query}", {"chooser": destination.pk})


def test_a_bulk_move_that_would_make_namesakes_is_refused(admin, site_tree, second_index):
    home, _news, people_index = site_tree
    make_person(people_index, "Qin Peng")
    penny = make_person(second_index, "Penny Zhou")
    other = second_index.add_child(instance=PersonPage(title="QIN PENG", slug="qin-peng-2"))
    third = home.add_child(instance=PersonIndexPage(title="Guests", slug="guests"))
    qin = PersonPage.objects.child_of(people_index).get()
    # Beside a namesake, and two namesakes from two indexes into a third.
    for pages, destination in (([penny, other], people_index), ([qin, other], third)):
        response = bulk_move(admin, pages, destination)
        assert response.status_code == 302
        messages = [str(m) for m in response.wsgi_request._messages]
        assert any("There is already a profile of “" in m for m in messages)
    assert PersonPage.objects.child_of(second_index).count() == 2
    assert not PersonPage.objects.child_of(third).exists()
    # Without a clash, the move is made.
    assert bulk_move(admin, [penny, qin], third).status_code == 302
    assert PersonPage.objects.child_of(third).count() == 2
