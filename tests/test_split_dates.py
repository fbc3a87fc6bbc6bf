"""Reading comment timestamps (split/dates.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from replyscope.split.dates import parse_posted


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("March 3, 2021 at 9:14 am", datetime(2021, 3, 3, 9, 14)),
        ("03. Mar, 2021", datetime(2021, 3, 3)),
        ("3 March 2021 21:05", datetime(2021, 3, 3, 21, 5)),
        ("10/18/2020 at 2:57 pm", datetime(2020, 10, 18, 14, 57)),
        ("18/10/2020", datetime(2020, 10, 18)),  # first number cannot be a month: day first
        ("2021-03-02 12:00", datetime(2021, 3, 2, 12, 0)),
        ("07.15.12 at 11:59", datetime(2012, 7, 15, 11, 59)),
        ("Tue, 03/02/2021 - 09:14", datetime(2021, 3, 2, 9, 14)),
        ("November 2, 2018 12:30 AM", datetime(2018, 11, 2, 0, 30)),
        ("Sept 9th, 2019, 7:20 pm", datetime(2019, 9, 9, 19, 20)),
    ],
)
def test_dates_with_a_day_are_read(raw: str, expected: datetime) -> None:
    assert parse_posted(raw) == expected


@pytest.mark.parametrize("raw", ["", "3 years ago", "just now", "9:41 AM", "Monday July 23, @08:25PM", "02/31/2021"])
def test_times_without_a_calendar_day_stay_none(raw: str) -> None:
    assert parse_posted(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Auguſt 9, 2012 at 8:42 pm", datetime(2012, 8, 9, 20, 42)), ("APRİL 9, 2012", datetime(2012, 4, 9)), ("9 Aprıl 2012", datetime(2012, 4, 9))],
)
def test_month_names_with_letters_that_fold_to_ascii_parse(raw: str, expected: datetime) -> None:
    # Case-insensitive matching reads "ſ" as "s" and "ı"/"İ" as "i"; such a stamp once raised KeyError.
    assert parse_posted(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3 mars 2021 à 09:12", datetime(2021, 3, 3, 9, 12)),
        ("3. März 2021 um 09:12", datetime(2021, 3, 3, 9, 12)),
        ("3 de marzo de 2021", datetime(2021, 3, 3)),
        ("12 févr. 2020", datetime(2020, 2, 12)),
        ("25 dicembre 2020 alle 18:30", datetime(2020, 12, 25, 18, 30)),
        ("5 de março de 2022 às 10:00", datetime(2022, 3, 5, 10, 0)),
        ("7 mei 2021 om 14:05", datetime(2021, 5, 7, 14, 5)),
    ],
)
def test_day_month_year_in_other_languages(raw: str, expected: datetime) -> None:
    assert parse_posted(raw) == expected


@pytest.mark.parametrize("raw", ["il y a 3 jours", "vor 2 Stunden", "hace 5 minutos", "3 giorni fa", "há 2 dias", "3 dagen geleden"])
def test_relative_ages_in_other_languages_stay_unparsed(raw: str) -> None:
    assert parse_posted(raw) is None
