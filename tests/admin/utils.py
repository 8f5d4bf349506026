"""Helpers for admin tests: users with page permissions, and the edit form's own POST data."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission


def make_user(username, *, superuser=False, pages=(), permissions=("add", "change", "publish")):
    """A user who can use the admin, with ``permissions`` on each page in ``pages``."""
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.com", "password")
    user = User.objects.create_user(username, f"{username}@example.com", "password")
    group = Group.objects.create(name=f"{username}-group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    for page in pages:
        grant(user, page, *permissions)
    return user


def grant(user, page, *permissions):
    """Give ``user``'s group ``permissions`` ("add", "change", ...) on ``page``."""
    for permission in permissions:
        GroupPagePermission.objects.create(
            group=user.groups.get(),
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{permission}_page"
            ),
        )


def form_data(html, form_selector="form#page-edit-form"):
    """The data a browser would submit for the form in ``html`` (without clicking a button)."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one(form_selector)
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name, kind = field["name"], field.get("type", "text")
        if field.name == "input" and kind in ("submit", "button", "file", "image"):
            continue
        if kind in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[name] = chosen.get("value", chosen.text) if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "on" if kind == "checkbox" else "")
    return data
