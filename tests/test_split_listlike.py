"""Pages without reader comments whose furniture is shaped like a comment thread: zero comments.

Every snippet is written for these tests. Each reproduces one kind of false alarm seen on rendered
pages (related-post lists with response counts, author boxes with a date, menus and widget titles
over a line of text, activity feeds, an empty comment section followed by a sidebar, an article
read under its own dated byline), next to a control showing the real thread is still found.
"""

from __future__ import annotations

from replyscope.split import split_document
from replyscope.split.lines import split_lines
from replyscope.split.listlike import reads_like_thread

ARTICLE = (
    "Ferry timetable changes this winter\n\n"
    "The island ferry will run two fewer crossings a day from November, the operator said on Monday, "
    "citing the cost of fuel and a shortage of qualified deck crew across the whole coast.\n\n"
    "Residents who commute to the mainland say the early sailing matters most, because the next one "
    "arrives after most offices and the hospital shift change have already started for the day.\n\n"
    "The operator promised to review the timetable in March once it has counted passengers again.\n\n"
)


def comments_of(text: str) -> list[str]:
    return [c.author for c in split_document(text).comments]


def test_related_posts_with_response_counts_give_no_comments() -> None:
    text = ARTICLE + (
        "Related posts\n\n"
        "Oct. 3 No\xa0Responses\n\n"
        "Harbour car park to close for resurfacing\n\n"
        "Oct. 2 12\xa0Responses\n\n"
        "New cafe opens beside the ticket office\n\n"
        "Sep. 28 7\xa0Responses\n\n"
        "Lifeboat crew rescue two kayakers near the point\n\n"
        "Get our weekly island letter: we send you the best stories every Friday.\n\n"
        "Your email\n"
    )
    assert comments_of(text) == []


def test_author_box_with_a_date_gives_no_comments() -> None:
    text = ARTICLE + (
        "More from this author\n\n"
        "  • Why the bridge plan keeps coming back\n"
        "    March 2, 2013 9:15 AM Dana Whitfield\n"
        "  • Five harbours worth a winter visit\n"
        "    February 20, 2013 4:40 PM Dana Whitfield\n"
        "  • The quiet return of the night bus\n"
        "    February 11, 2013 8:05 AM Dana Whitfield\n"
        "you are reading... Ferry timetable changes this winter\n"
        "Previous\n"
    )
    assert comments_of(text) == []


def test_next_and_previous_story_links_are_not_commenters() -> None:
    text = ARTICLE + (
        "Thank you. Your note has been sent and will appear on the board shortly.\n\n"
        "Comments (0)\n\n"
        "All comments are read by an editor before they appear\n\n"
        "Follow us\n\n"
        "News | Sport | Weather | Ferries | Letters | Contact | About Us | Advertise With Us | Jobs | Terms\n"
        "The masthead and logo are trademarks of the Island Press and are used here with its permission.\n\n"
        "Next story\n\n"
        "We back the harbour master, he has done nothing wrong: council\n\n"
        "Previous story\n\n"
        "Harbour trust to set up a fund to repair the old pier\n"
        "Tweet\n"
        "Share on Tumblr\n"
    )
    assert comments_of(text) == []


def test_event_calendar_is_not_a_thread() -> None:
    text = ARTICLE + (
        "Comments\n\n"
        "Tags: ferry, timetable\n\n"
        "« previous story\nHarbour car park to close\nnext story »\nNew cafe opens by the quay\n\n"
        "Advertise with us\n\n"
        "Got a story for us? Send it in and we will read it this week.\n\n"
        "Upcoming Events\n\n03/14/13\nThe Spring Boat Show on the Quay\n\n"
        "Harbour Hall\n\n04/20/13\n\nIsland Food Fair\n\nCoast Walk With Us\n\n"
        "Sign up for the island letter\n"
    )
    assert comments_of(text) == []


def test_sidebar_widget_titles_are_not_commenters() -> None:
    months = ["December", "November", "October", "September", "August", "July", "June", "May", "April"]
    menu = ["Home", "News", "Sport", "Weather", "Ferries", "Letters", "Jobs", "Contact", "About", "Archive"]
    widget = ARTICLE + "Comments\n\n" + "".join(f"  • {m} 2012\n" for m in months) + (
        "\nMore...\n\nBecome a Fan\n\nTwitter\n\n"
        "    follow me on Twitter\n    • Island Desk\n    • Powered by Blogware\n"
    )
    login = ARTICLE + "Comments\n\n" + "".join(f"  • {m}\n" for m in menu) + (
        "\nLogin to your reader account\n\nEmail/ID\nPassword\n  Remember me\nLost your password?\n"
        "Click here to subscribe\n"
    )
    assert comments_of(widget) == []
    assert comments_of(login) == []


def test_comment_count_of_zero_then_a_dated_sidebar_gives_no_comments() -> None:
    text = ARTICLE + (
        "posted in: ferries, timetable\nAdd Comment Print\n\nBack to List\n"
        "Comments (0)\n\n"
        "You must be logged in to post comments. Log in.\n\n"
        "Stay connected with Island Notes\n\n"
        "harbourfan | October 25th, 2012\n\nHurry, enter our island photo contest before the end of the month!\n\n"
        "Morag | September 25th, 2012\n\nEnter the island photo contest and win a year of free crossings\n\n"
        "ewan_b | August 1st, 2012\n\nHow to keep your bike dry on the open deck\n\n"
        "islandknits | February 21st, 2012\n"
        "crochet\nknitting\nweaving\n"
    )
    assert comments_of(text) == []


def test_activity_feed_is_not_a_thread() -> None:
    text = ARTICLE + (
        "  • 2 responses\n"
        "  • Like\n"
        "  • Comment\n\n"
        "about 1 month ago harbourfan liked this post.\n"
        "about 1 month ago Morag responded:\n"
        "Lovely photos of the crossing, thanks for posting them all.\n"
        "about 1 month ago Ewan responded:\n"
        "hi\n"
        "Theme by Someone.\n"
    )
    assert comments_of(text) == []


def test_article_under_its_own_dated_byline_is_not_a_comment() -> None:
    paragraph = (
        "The ferry has been the island's lifeline for as long as anyone can remember, and every change to "
        "its timetable ripples through the shops, the school and the surgery in ways that are easy to miss. "
        "I think we should all say so.\n\n"
    )
    text = (
        "skip to main | skip to sidebar\n\n"
        "Island Notes\n\n"
        "Thoughts on island life, transport and local politics from the harbour desk, Morag Bell and now and then others\n\n"
        "Thursday, November 08, 2012\n\n"
        "What the timetable change really costs\n\n"
        "-- Posted by Morag Bell\n\n"
        + paragraph * 8
        + "Posted by Morag Bell at 11:47 AM\n"
        "Email This  Share to Twitter\n\n"
        "No comments:\n\n"
        "Post a Comment\n"
    )
    split = split_document(text)
    assert split.comments == []
    assert "lifeline" in split.body


def test_a_real_small_thread_is_still_found() -> None:
    text = ARTICLE + (
        "2 Responses\n\n"
        "Isla Grant says:\n"
        "November 4, 2013 at 7:02 am\n\n"
        "I take the early boat every day and I will lose an hour of work because of this.\n\n"
        "Tom R says:\n"
        "November 4, 2013 at 9:40 am\n\n"
        "Could they not keep the early sailing and drop the late one instead?\n\n"
        "Leave a Reply\n"
    )
    assert comments_of(text) == ["Isla Grant", "Tom R"]


def test_reads_like_thread_rejects_empty_and_headline_comments() -> None:
    page = (
        "Harbour Car Park Closes For Resurfacing\n"
        "New Cafe Opens Beside The Ticket Office\n"
        "I went there on Saturday and the soup was very good, though the queue was long.\n"
    )
    lines = split_lines(page)
    # most comments empty: headers back to back
    assert not reads_like_thread(lines, [[], [], [2]], dated=True, zone_start=0)
    # each comment a lone Title Case headline
    assert not reads_like_thread(lines, [[0], [1]], dated=True, zone_start=0)
    # people's words
    assert reads_like_thread(lines, [[2], [2]], dated=True, zone_start=0)


def test_post_listing_with_view_counts_is_not_a_thread() -> None:
    entry = (
        "{title}\n{stamp}\n{views} views\n{n} comments\n"
        "{teaser}\n"
    )
    listing = "".join(
        entry.format(title=t, stamp=d, views=v, n=n, teaser=x)
        for t, d, v, n, x in [
            ("Night Ferry Photo Walk", "Sat 2012/10/27 02:03 GMT", "48210", "81",
             "I went out with the camera on the last crossing and you would not believe the colours over the bay."),
            ("Lighthouse Open Day", "Tue 2012/09/11 09:30 GMT", "30122", "42",
             "We finally got inside the old lighthouse and I asked the keeper all your questions from last week."),
            ("Harbour Seal Pup", "Thu 2012/07/12 08:46 GMT", "22904", "37",
             "A seal pup has moved onto the slipway and the whole village is being very careful around it."),
        ]
    )
    text = ARTICLE + "Most viewed on Island Notes\n\n" + listing + "More\n"
    assert comments_of(text) == []
