"""Fast date recognition."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from wagtail_newsroom.importer.datelines import read_date_line
from wagtail_newsroom.importer.dates import (
    FoundDate,
    coerce,
    date_in_name,
    find_date,
    is_date_word,
    is_relative_date,
    parse_fallback,
    strip_date_words,
)
from wagtail_newsroom.importer.lexicon import Lexicon, build_lexicon

UTC = datetime.UTC
NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def at(*parts, tz=UTC):
    return datetime.datetime(*parts, tzinfo=tz)


def offset(hours, minutes=0):
    return datetime.timezone(datetime.timedelta(hours=hours, minutes=minutes))


def dates_on_line(text, **options):
    """Every date on a line, as the header reads them: (value, updated)."""
    found, rest = [], text
    while (date := find_date(rest, **options)) is not None:
        found.append((date.value, date.updated))
        rest = rest[date.end :]
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-11-05", datetime.date(2020, 11, 5)),
        ("2020-11-05T10:32:00Z", at(2020, 11, 5, 10, 32)),
        ("2021-06-08T07:30:00+02:00", at(2021, 6, 8, 7, 30, tz=offset(2))),
        ("November 5, 2020", datetime.date(2020, 11, 5)),
        ("5 November 2020", datetime.date(2020, 11, 5)),
        ("Thu 5th of Nov 2020", datetime.date(2020, 11, 5)),
        ("11/25/2020", datetime.date(2020, 11, 25)),
        ("Mar. 3, 2020", datetime.date(2020, 3, 3)),
        ("Nov. 5, 2020 10:32 a.m. ET", at(2020, 11, 5, 10, 32, tz=offset(-5))),
        ("Published: Sat 24 Feb 2024 12.42 GMT", at(2024, 2, 24, 12, 42)),
        (
            "Published: Friday, March 17, 2006 - 11:52 PM EST",
            at(2006, 3, 17, 23, 52, tz=offset(-5)),
        ),
        ("March 3, 20232:26 PM", at(2023, 3, 3, 14, 26)),
    ],
)
def test_formats(text, expected):
    assert find_date(text).value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5. November 2020", datetime.date(2020, 11, 5)),
        ("4. März 2020, 14:30 Uhr", at(2020, 3, 4, 14, 30)),
        ("Donnerstag, 5. November 2020, 14.30 Uhr", at(2020, 11, 5, 14, 30)),
        ("5 de noviembre de 2020", datetime.date(2020, 11, 5)),
        ("jueves, 5 de noviembre de 2020, 10:15 h", at(2020, 11, 5, 10, 15)),
        ("le 5 novembre 2020 à 14h30", at(2020, 11, 5, 14, 30)),
        ("jeudi 5 novembre 2020 à 14 h 30", at(2020, 11, 5, 14, 30)),
        ("1er mars 2021", datetime.date(2021, 3, 1)),
        ("5 févr. 2021", datetime.date(2021, 2, 5)),
    ],
)
def test_other_languages_on_the_fast_path(text, expected):
    assert find_date(text).value == expected


@pytest.mark.parametrize(
    "text",
    [
        "mis à jour le 6 novembre 2020",
        "Aktualisiert am 6. November 2020",
        "Actualizado el 6 de noviembre de 2020",
        "Last modified on Fri 6 Nov 2020",
        "Updated 2:26 PM EST, Fri November 6, 2020",
    ],
)
def test_updated_labels_in_each_language(text):
    found = find_date(text)
    assert found.value in (datetime.date(2020, 11, 6), at(2020, 11, 6, 14, 26, tz=offset(-5)))
    assert found.updated


def test_the_label_next_to_the_date_decides_whether_it_is_an_update():
    assert find_date("Updated: 05.03.2020").updated
    assert not find_date("Published: 04.03.2020").updated
    assert not find_date("Updated 3 hours ago | Published March 3, 2020").updated
    # A label set apart from its date by other words still counts.
    assert find_date("Updated by the news desk, March 3, 2020").updated


def test_labels_and_months_come_from_the_lexicon():
    dutch = build_lexicon(extra={"nl": {"months": {"maart": 3}, "updated_labels": ["bijgewerkt"]}})
    found = find_date("Bijgewerkt 5 maart 2020", lexicon=dutch)
    assert found.value == datetime.date(2020, 3, 5)
    assert found.updated
    assert find_date("Bijgewerkt 5 maart 2020") is None
    assert find_date("5 novembre 2020", lexicon=build_lexicon(("en",))) is None


# --- numeric dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day_first", "lexicon", "expected"),
    [
        (True, None, datetime.date(2020, 4, 3)),
        (False, None, datetime.date(2020, 3, 4)),
        # The default lexicon lists English first: month first.
        (None, None, datetime.date(2020, 3, 4)),
        (None, build_lexicon(("fr", "en")), datetime.date(2020, 4, 3)),
        (False, build_lexicon(("fr", "en")), datetime.date(2020, 3, 4)),
    ],
)
def test_slashed_dates_follow_day_first_then_the_lexicon(day_first, lexicon, expected):
    options = {"lexicon": lexicon} if lexicon else {}
    assert find_date("3/4/2020", day_first=day_first, **options).value == expected
    assert find_date("3-4-2020", day_first=day_first, **options).value == expected


def test_an_impossible_reading_gives_way():
    assert find_date("13/4/2020", day_first=False).value == datetime.date(2020, 4, 13)
    assert find_date("4/13/2020", day_first=True).value == datetime.date(2020, 4, 13)
    assert find_date("13/13/2020") is None


@pytest.mark.parametrize("day_first", [True, False, None])
def test_dotted_dates_are_day_first(day_first):
    assert find_date("04.03.2020", day_first=day_first).value == datetime.date(2020, 3, 4)
    assert find_date("12.25.2020", day_first=day_first).value == datetime.date(2020, 12, 25)


def test_year_first_dates_are_never_reordered():
    assert find_date("2020/03/04", day_first=True).value == datetime.date(2020, 3, 4)


def test_spanish_numeric_date_with_a_time():
    found = find_date("Actualizado: 05/11/2020 10:15", lexicon=build_lexicon(("es", "en")))
    assert found.value == at(2020, 11, 5, 10, 15)
    assert found.updated


# --- times and zones ----------------------------------------------------------------------------


def test_eastern_time_follows_daylight_saving():
    assert find_date("July 4, 2020 10:30 a.m. ET").value.utcoffset() == datetime.timedelta(hours=-4)
    assert find_date("March 4, 2020 10:30 a.m. ET").value.utcoffset() == datetime.timedelta(
        hours=-5
    )
    # An abbreviation that names the season does not follow it.
    assert find_date("July 4, 2020 10:30 a.m. EST").value.utcoffset() == datetime.timedelta(
        hours=-5
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 4, 2020 14:00 GMT+2", at(2020, 3, 4, 14, tz=offset(2))),
        ("March 4, 2020 14:00 UTC-5", at(2020, 3, 4, 14, tz=offset(-5))),
        ("March 4, 2020 14:00 +0530", at(2020, 3, 4, 14, tz=offset(5, 30))),
        ("2020-03-04 14:00:30Z", at(2020, 3, 4, 14, 0, 30)),
        ("4. März 2020, 14:30 MEZ", at(2020, 3, 4, 14, 30, tz=offset(1))),
        ("5 novembre 2020 à 14h30 HNE", at(2020, 11, 5, 14, 30, tz=offset(-5))),
    ],
)
def test_zone_forms(text, expected):
    value = find_date(text).value
    assert value == expected
    assert value.utcoffset() == expected.utcoffset()


def test_zones_come_from_the_lexicon():
    lexicon = build_lexicon(extra={"xx": {"time_zones": {"XT": "+03:00", "YT": "Asia/Tokyo"}}})
    assert find_date("March 4, 2020 14:00 XT", lexicon=lexicon).value == at(
        2020, 3, 4, 14, tz=offset(3)
    )
    assert find_date("March 4, 2020 14:00 YT", lexicon=lexicon).value == at(
        2020, 3, 4, 14, tz=ZoneInfo("Asia/Tokyo")
    )
    # Abbreviations keep their case: the French "et" is not Eastern Time.
    assert find_date("5 novembre 2020 à 14h30 et demain").value == at(2020, 11, 5, 14, 30)


def test_a_zone_the_lexicon_cannot_resolve_is_an_error():
    lexicon = Lexicon.from_words("xx", {"time_zones": {"XT": "Nowhere/Atlantis"}})
    with pytest.raises(ValueError, match="XT"):
        find_date("March 4, 2020", lexicon=lexicon)


@pytest.mark.parametrize(
    ("text", "expected", "span"),
    [
        (
            "10:30 a.m. ET, March 4, 2020",
            at(2020, 3, 4, 10, 30, tz=NEW_YORK),
            "10:30 a.m. ET, March 4, 2020",
        ),
        (
            "15:57 BST, 27 April 2024",
            at(2024, 4, 27, 15, 57, tz=offset(1)),
            "15:57 BST, 27 April 2024",
        ),
        (
            "Updated 2:26 PM EST, Tue March 3, 2020",
            at(2020, 3, 3, 14, 26, tz=offset(-5)),
            "2:26 PM EST, Tue March 3, 2020",
        ),
    ],
)
def test_a_time_before_the_date_is_kept(text, expected, span):
    found = find_date(text)
    assert found.value == expected
    assert text[found.start : found.end] == span


def test_a_time_after_the_date_is_in_the_span():
    text = "March 3, 2020 at 6:42 p.m. | Sport"
    found = find_date(text)
    assert text[found.end :] == " | Sport"


def test_a_time_without_a_zone_is_placed_in_the_given_zone():
    assert find_date("March 3, 2020 at 6:42 p.m.").value == at(2020, 3, 3, 18, 42)
    placed = find_date("March 3, 2020 at 6:42 p.m.", tz=BERLIN).value
    assert placed == at(2020, 3, 3, 18, 42, tz=BERLIN)
    assert placed.tzinfo is BERLIN
    # A zone on the page beats the site's.
    assert find_date("March 3, 2020 6:42 PM GMT", tz=BERLIN).value == at(2020, 3, 3, 18, 42)


def test_a_date_without_a_time_stays_a_date():
    value = find_date("March 3, 2020", tz=BERLIN).value
    assert type(value) is datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 4, 2020, 10.50 euros", datetime.date(2020, 3, 4)),
        ("March 4, 2020, 12 people died", datetime.date(2020, 3, 4)),
        ("March 4, 2020 at 25:10", datetime.date(2020, 3, 4)),
    ],
)
def test_numbers_after_a_date_that_are_not_times(text, expected):
    assert find_date(text).value == expected


# --- lines --------------------------------------------------------------------------------------


def test_glued_date_reports_its_span():
    found = find_date("November 5, 2020NTD Evening News")
    assert found.value == datetime.date(2020, 11, 5)
    assert "November 5, 2020NTD Evening News"[found.end :] == "NTD Evening News"


def test_a_date_after_prose_years():
    text = (
        "She quit in 2017, " + "long before the audit, " * 6 + "on March 4, 2020 at 10:30 a.m. ET."
    )
    found = find_date(text)
    assert found.value == at(2020, 3, 4, 10, 30, tz=NEW_YORK)
    assert text[found.start : found.end] == "March 4, 2020 at 10:30 a.m. ET"
    assert find_date("In 2017 and since 1990, the 2020 rules") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Published: 04.03.2020, 08:15 | Updated: 05.03.2020, 11:02",
            [(at(2020, 3, 4, 8, 15), False), (at(2020, 3, 5, 11, 2), True)],
        ),
        (
            "Tue 3 Mar 2020 14.05 GMT Last modified on Tue 3 Mar 2020 18.40 GMT",
            [(at(2020, 3, 3, 14, 5), False), (at(2020, 3, 3, 18, 40), True)],
        ),
        (
            "Published March 2, 2019 | Updated March 4, 2019 at 10:12 a.m.",
            [(datetime.date(2019, 3, 2), False), (at(2019, 3, 4, 10, 12), True)],
        ),
        ("Updated 4:18 PM ET, Wed March 4, 2020", [(at(2020, 3, 4, 16, 18, tz=NEW_YORK), True)]),
    ],
)
def test_seed_date_lines(line, expected):
    assert dates_on_line(line) == expected


@pytest.mark.parametrize(
    "text",
    ["Scored 3-1 in 90 minutes", "February 30, 2020", "Copyright 2020 The Valley Sentinel"],
)
def test_non_dates(text):
    assert find_date(text) is None


# --- relative dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Last Updated 9 min ago",
        "3 hours ago",
        "an hour ago",
        "today",
        "Yesterday at 10:30 a.m.",
        "il y a 3 heures",
        "Mis à jour il y a une heure",
        "aujourd’hui",
        "vor 2 Stunden",
        "Aktualisiert vor einer Stunde",
        "Heute, 14:30 Uhr",
        "hace 2 horas",
        "Actualizado hace 5 minutos",
    ],
)
def test_relative_dates(text):
    assert is_relative_date(text)


@pytest.mark.parametrize(
    "text", ["Vor dem Haus", "Hace mucho tiempo", "Today's news", "3 hours of testimony"]
)
def test_not_relative_dates(text):
    assert not is_relative_date(text)


def test_relative_words_come_from_the_lexicon():
    assert not is_relative_date("vor 2 Stunden", lexicon=build_lexicon(("en",)))


# --- words around dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published: ", ""),
        ("Posted on  by jsmith", "by jsmith"),
        ("Mis à jour le ", ""),
        ("Donnerstag, ", ""),
        (" | Le Mag", "Le Mag"),
        ("2020 | Sunday Times", "2020 | Sunday Times"),
        ("at 10:30 ET", "10:30"),
    ],
)
def test_strip_date_words(text, expected):
    assert strip_date_words(text) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("März", True),
        ("Sept.", True),
        ("jour", True),
        ("Tuesday", True),
        ("a.m", True),
        ("Uhr", True),
        ("ET", True),
        ("GMT+2", True),
        ("et", False),
        ("Council", False),
    ],
)
def test_is_date_word(token, expected):
    assert is_date_word(token) is expected


def test_coerce():
    assert coerce("2021-06-08T07:30:00+02:00") == at(2021, 6, 8, 7, 30, tz=offset(2))
    assert coerce("2021-06-08T07:30:00", tz=BERLIN) == at(2021, 6, 8, 7, 30, tz=BERLIN)
    assert coerce("2021-06-08") == datetime.date(2021, 6, 8)
    assert coerce("") is None
    assert coerce("soon") is None


def test_found_date_is_built_positionally():
    assert FoundDate(datetime.date(2020, 1, 1), 0, 10, False).updated is False


def test_fallback_for_other_languages():
    assert parse_fallback("5 marca 2020") == datetime.date(2020, 3, 5)
    assert parse_fallback("Health Care 2022") is None


def test_a_month_glued_onto_the_word_before_it_is_read():
    # innerText runs a reading time and a date together when the page set them apart.
    found = find_date("2 minute readApril 25, 20232:26 PM GMT+2Last Updated 9 min ago")
    assert found.value == at(2023, 4, 25, 14, 26, tz=offset(2))
    assert find_date("to our dismay 25, 2023") is None  # only a capital starts a glued month


def test_date_in_name_reads_year_first_dates_nearest_the_file():
    assert date_in_name("2018/01/02/story-2019-03-04.txt") == datetime.date(2019, 3, 4)
    assert date_in_name("/archive/2019/3/4/story.txt") is None  # months written in two digits
    assert date_in_name("-") is None


def test_a_line_of_dates_gives_the_first_twenty_of_them():
    # A table of 50,000 dates on one line is read in time linear in its length (issue 11).
    dates, section = read_date_line("Published: " + "March 3, 2020 | " * 50_000)
    assert (len(dates), dates[0].value, dates[-1].value, section) == (
        20,
        datetime.date(2020, 3, 3),
        datetime.date(2020, 3, 3),
        "",
    )
    assert [date.value for date in read_date_line("4 March 2020 | 5 March 2020")[0]] == [
        datetime.date(2020, 3, 4),
        datetime.date(2020, 3, 5),
    ]
