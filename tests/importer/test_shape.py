"""Line and name shapes."""

import pytest

from wagtail_newsroom.importer.shape import is_handle


@pytest.mark.parametrize("name", ["jsmith", "@jsmith", "j_smith", "editor2", "news@example.com"])
def test_user_names_and_addresses_are_handles(name):
    assert is_handle(name)


@pytest.mark.parametrize("name", ["Jane Roe", "Madonna", "Reuters", "Siobhán Ní Bhriain", ""])
def test_names_are_not_handles(name):
    assert not is_handle(name)
