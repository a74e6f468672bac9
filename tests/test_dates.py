"""Date candidates: every form keeps the precision the text gives and nothing more."""
import pytest

from profile_extract.dates import find_date_spans, find_dates, parse_date

CASES = [
    # text, expected (kind, value, end_value) of the first candidate
    ("Wednesday, 10 October, 2012", ("date", "2012-10-10", None)),
    ("took place on19.10.2018 at the hub", ("date", "2018-10-19", None)),
    ("held on 10 and 11 April 2014 in Sofia", ("range", "2014-04-10", "2014-04-11")),
    ("On June 14, 2014 in the school", ("date", "2014-06-14", None)),
    ("December 04, 2016", ("date", "2016-12-04", None)),
    ("25th of October 2016 in Belgrade", ("date", "2016-10-25", None)),
    ("was held on 28 – 30 September 2016", ("range", "2016-09-28", "2016-09-30")),
    ("Warsaw, September 19 - 20, 2016.", ("range", "2016-09-19", "2016-09-20")),
    ("On 28-29 October 2016 in Prishtina", ("range", "2016-10-28", "2016-10-29")),
    ("on February 18th and-19th 2016", ("range", "2016-02-18", "2016-02-19")),
    ("from 30 September - 2 October 2016", ("range", "2016-09-30", "2016-10-02")),
    ("The project ends on 31th May 2016.", ("date", "2016-05-31", None)),
    ("established December 2004 with the aim", ("month", "2004-12", None)),
    ("set up in October 2012 in Cluj", ("month", "2012-10", None)),
    ("Since March ’16, more children", ("month", "2016-03", None)),
    ("се състоя на 27 септември 2018 г. в Пловдив", ("date", "2018-09-27", None)),
    ("28.09.2018", ("date", "2018-09-28", None)),
    ("Annex completed on: 10-24-2014", ("date", "2014-10-24", None)),
    ("Presse // 25. October 2011", ("date", "2011-10-25", None)),
    ("gegründet am 3. März 2001", ("date", "2001-03-03", None)),
    ("fondat în 12 mai 2015", ("date", "2015-05-12", None)),
    ("2023-04-18", ("date", "2023-04-18", None)),
    ("January 1st, 2016", ("date", "2016-01-01", None)),
    ("founded in 2000, the network", ("year", "2000", None)),
    ("On October 15-th at Nis", ("daymonth", None, None)),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_first_candidate(text, expected):
    found = find_dates(text)
    assert found, text
    first = found[0]
    assert (first.kind, first.value, first.end_value) == expected
    assert text[first.start:first.end] == first.text


@pytest.mark.parametrize(
    "text",
    ["remarkable results", "Mayor of the town", "version 3.2.2015x", "phone +381 63 644 033", "31.02.2015", "1.1 since", "page 12345"],
)
def test_no_candidate(text):
    assert [d for d in find_dates(text) if d.kind != "year"] == []


def test_day_month_takes_year_from_context():
    (match,) = find_dates("On October 15-th at Nis")
    assert match.with_year(2014).value == "2014-10-15"


def test_candidates_do_not_overlap_and_come_in_text_order():
    text = "From 1 December 2015 to 31 May 2016 the project ran; reported in 2017."
    found = find_dates(text)
    assert [d.value for d in found] == ["2015-12-01", "2016-05-31", "2017"]


@pytest.mark.parametrize(
    "value,expected",
    [
        ("Saturday, 19 June, 2010", "2010-06-19"),
        ("2012", "2012"),
        ("October 2012", "2012-10"),
        ("19/06/2010", "2010-06-19"),
        ("", None),
        ("not a date", None),
    ],
)
def test_parse_whole_value(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # month/year periods: two month dates, not a day-month-year
        ("09/2023 – 08/2026", [("month", "2023-09"), ("month", "2026-08")]),
        ("01/2022 - 12/2024", [("month", "2022-01"), ("month", "2024-12")]),
        ("Period: 03/2021–02/2023", [("month", "2021-03"), ("month", "2023-02")]),
        ("from 10/2019 to 09/2022", [("month", "2019-10"), ("month", "2022-09")]),
        # year. month. day. with spaces (Hungarian, Slovak)
        ("2019. 03. 15.", [("date", "2019-03-15")]),
        ("held on 2021. 11. 02. in Győr", [("date", "2021-11-02")]),
        ("2020. 1. 5.", [("date", "2020-01-05")]),
        # a full numeric date stays a full date
        ("12/09/2023", [("date", "2023-09-12")]),
        ("signed on 31/12/2024 in Zadar", [("date", "2024-12-31")]),
        # no month 13 or day 30 of February: only the year is left
        ("13/2023", [("year", "2023")]),
        ("2019. 13. 15.", [("year", "2019")]),
        ("2019. 02. 30.", [("year", "2019")]),
    ],
)
def test_month_year_and_year_first_numeric_dates(text, expected):
    found = find_dates(text)
    assert [(d.kind, d.value) for d in found] == expected
    for d in found:
        assert text[d.start:d.end] == d.text


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("on 19/10/2024 – 20/10/2024 in Fermo", "2024-10-19", "2024-10-20"),
        ("from 21.05.2024 to 22.05.2024", "2024-05-21", "2024-05-22"),
        ("2024-05-21 – 2024-05-22", "2024-05-21", "2024-05-22"),
    ],
)
def test_two_full_dates_joined_are_one_span(text, start, end):
    (span,) = find_date_spans(text)
    assert (span.kind, span.value, span.end_value) == ("range", start, end)


def test_dates_in_order_or_apart_stay_separate():
    assert [d.kind for d in find_date_spans("signed on 3 May 2022 and 4 May 2022")] == ["date", "date"]
    assert [d.kind for d in find_date_spans("22.05.2024 – 21.05.2024")] == ["date", "date"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # month names and their inflected forms in more languages, with "de" / "d'" between the parts
        ("Fundada em 12 de março de 2015.", ("date", "2015-03-12", None)),
        ("Constituïda el 3 d'abril de 2010", ("date", "2010-04-03", None)),
        ("Asutatud 5. märtsil 2011", ("date", "2011-03-05", None)),
        ("perustettu 12. maaliskuuta 2010", ("date", "2010-03-12", None)),
        ("Kick-off: 15 de outubro de 2024", ("date", "2024-10-15", None)),
        ("le 1er juin 2025 à Lyon", ("date", "2025-06-01", None)),
        ("1º de junho de 2023", ("date", "2023-06-01", None)),
        ("kuruldu 7 Ağustos 2016", ("date", "2016-08-07", None)),
        # year-first forms (hu, lt, lv)
        ("2019. március 15-én alakult", ("date", "2019-03-15", None)),
        ("2019 m. kovo 15 d. įkurtas", ("date", "2019-03-15", None)),
        ("2011. gada 5. martā", ("date", "2011-03-05", None)),
        ("2020. október óta", ("month", "2020-10", None)),
        # day ranges joined by a word of the page's language
        ("du 3 au 5 juin 2025", ("range", "2025-06-03", "2025-06-05")),
        ("12 y 13 de marzo de 2024", ("range", "2024-03-12", "2024-03-13")),
        ("de 12 a 14 de março de 2025", ("range", "2025-03-12", "2025-03-14")),
        ("am 12. und 13. Juni 2024", ("range", "2024-06-12", "2024-06-13")),
    ],
)
def test_dates_in_more_languages(text, expected):
    first = find_date_spans(text)[0]
    assert (first.kind, first.value, first.end_value) == expected


def test_a_year_ending_a_sentence_does_not_take_the_next_month():
    assert [(d.kind, d.value) for d in find_dates("founded in 2012. May 2013 saw growth")] == [("year", "2012"), ("month", "2013-05")]


@pytest.mark.parametrize(
    "text",
    ["del 1 de enero de 2022 al 31 de diciembre de 2024", "du 1er mars 2023 au 28 février 2026", "de 1 de março de 2023 a 28 de fevereiro de 2026"],
)
def test_two_full_dates_joined_by_a_romance_preposition(text):
    (span,) = find_date_spans(text)
    assert span.kind == "range" and span.value < span.end_value
