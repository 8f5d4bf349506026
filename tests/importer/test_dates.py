"""Fast date recognition."""

import datetime

import pytest

from wagtail_newsroom.importer.dates import find_date, is_relative_date, parse_fallback

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-11-05", datetime.date(2020, 11, 5)),
        ("2020-11-05T10:32:00Z", datetime.datetime(2020, 11, 5, 10, 32, tzinfo=UTC)),
        ("November 5, 2020", datetime.date(2020, 11, 5)),
        ("5 November 2020", datetime.date(2020, 11, 5)),
        ("Thu 5th of Nov 2020", datetime.date(2020, 11, 5)),
        ("05/11/2020", datetime.date(2020, 11, 5)),
        ("11/25/2020", datetime.date(2020, 11, 25)),
        ("05.11.2020, 08:15", datetime.date(2020, 11, 5)),
        (
            "Nov. 5, 2020 10:32 a.m. ET",
            datetime.datetime(
                2020, 11, 5, 10, 32, tzinfo=datetime.timezone(-datetime.timedelta(hours=5))
            ),
        ),
        (
            "Published: Sat 24 Feb 2024 12.42 GMT",
            datetime.datetime(2024, 2, 24, 12, 42, tzinfo=datetime.timezone(datetime.timedelta(0))),
        ),
    ],
)
def test_formats(text, expected):
    assert find_date(text).value == expected


def test_glued_date_reports_its_span():
    found = find_date("November 5, 2020NTD Evening News")
    assert found.value == datetime.date(2020, 11, 5)
    assert "November 5, 2020NTD Evening News"[found.end :] == "NTD Evening News"


def test_updated_label():
    assert find_date("Updated: 05.03.2020").updated
    assert not find_date("Published: 04.03.2020").updated


def test_relative_labels_and_non_dates():
    assert is_relative_date("Last Updated 9 min ago")
    assert is_relative_date("3 hours ago")
    assert find_date("Scored 3-1 in 90 minutes") is None
    assert find_date("February 30, 2020") is None


def test_fallback_for_other_languages():
    assert parse_fallback("5. März 2020") == datetime.date(2020, 3, 5)
    assert parse_fallback("Health Care 2022") is None
