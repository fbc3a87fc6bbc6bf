"""A page's given title (an HTML page's <title> or og:title, a table's title column) often joins
the headline and the site's name; the page prints the headline over its article and the name in
its masthead. The title is then the headline, as the page prints it; where the page leaves the
choice in doubt, the given title stays whole."""

from __future__ import annotations

from replyscope.html import split_html_document
from replyscope.ingest.html_input import HtmlDocument, html_document_row
from replyscope.split import split_document
from replyscope.split.body import title_runs
from splitpages import FERRY_TEXT as TEXT

HEADLINE = "Harbour ferry to run every twenty minutes"
SITE = "Quay Weekly"
PAGE = SITE + "\n\nNews | Sport | Weather\n\n" + HEADLINE + "\n\nBy Mara Quell\n\n" + TEXT + "\n\nAbout " + SITE + "\n"


def test_the_headline_the_page_prints_is_the_title_not_the_site_s_name_beside_it() -> None:
    for given in (f"{HEADLINE} | {SITE}", f"{SITE}: {HEADLINE}", f"{HEADLINE} « {SITE}", f"{HEADLINE} - Transport | {SITE}"):
        assert split_document(PAGE, given).title == HEADLINE, given


def test_a_headline_holding_a_colon_stays_whole() -> None:
    headline = "Ferries: every twenty minutes from May"
    page = PAGE.replace(HEADLINE, headline)
    assert split_document(page, f"{headline} | {SITE}").title == headline


def test_a_title_printed_whole_or_not_at_all_is_kept() -> None:
    assert split_document(PAGE, HEADLINE).title == HEADLINE
    whole = f"{HEADLINE} | {SITE}"
    assert split_document(PAGE.replace(HEADLINE, whole), whole).title == whole
    unprinted = f"Ferry timetable news | {SITE}"
    assert split_document(PAGE, unprinted).title == unprinted


def test_a_site_s_name_printed_under_the_headline_does_not_win_over_it() -> None:
    # (a short headline beside a longer site name, the name printed again after the headline, in a
    # byline: the name is the part the page prints first the earliest, in the masthead)
    site = "The Quay Weekly Harbour Gazette"
    page = site + "\n\nNews\n\nBackwards!\n\nBy Mara Quell for " + site + "\n\n" + TEXT
    assert split_document(page, f"{site}: Backwards!").title == f"{site}: Backwards!"


def test_which_runs_of_a_title_may_be_its_headline() -> None:
    runs = title_runs("Gulls return: a spring story | Coast | Quay Weekly")
    assert runs["gulls return: a spring story"] == ("Gulls return: a spring story", True)
    assert runs["quay weekly"] == ("Quay Weekly", False)  # (a part shorter than one it leaves out)
    assert title_runs("Gulls return to the pier") == {}


def test_an_html_page_s_title_is_its_headline() -> None:
    html = (
        f"<html><head><title>{HEADLINE} | {SITE}</title></head><body>"
        f"<header><a href='/'>{SITE}</a></header><article><h1>{HEADLINE}</h1><p>By Mara Quell</p>"
        + "".join(f"<p>{p}</p>" for p in TEXT.split("\n\n"))
        + "</article></body></html>"
    )
    doc = html_document_row(HtmlDocument("in", "ferry.html", html.encode()))
    assert doc["title"] == f"{HEADLINE} | {SITE}"  # (what the page's head says; the split reads the headline)
    assert split_html_document(doc["html"], doc["text"], doc["title"]).title == HEADLINE
