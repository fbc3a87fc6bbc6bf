"""Invented pages that several split test files print their threads and headlines over.

HARBOUR_POST: a news post (menu, headline, one paragraph, share row) for threads to follow.
FERRY_TEXT: an article's three paragraphs, for headline tests to set lines above.
"""

HARBOUR_POST = (
    "Home\nNews\nOpinion\n\n"
    "Harbour wall repairs to start in spring\n\n"
    "The council confirmed on Tuesday that the harbour wall will be rebuilt over the spring, after two "
    "winters of storm damage left parts of the promenade closed to walkers. Work is expected to take "
    "eleven weeks and the promenade will stay open at weekends while the crews are on site.\n\n"
    "Share\nTweet\n\n"
)

FERRY_TEXT = (
    "The harbour ferry will run every twenty minutes from next month, the port authority said on "
    "Monday, after a winter in which commuters waited up to an hour on the quay in the rain.\n\n"
    "The authority will add two boats to the harbour ferry fleet and hire six new crew. Commuters "
    "who cross the harbour daily said the timetable change was overdue and welcome.\n\n"
    "A monthly pass will cost the same as before, and the last ferry will leave the quay at "
    "eleven at night instead of nine, the authority said.\n"
)
