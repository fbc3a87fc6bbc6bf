"""Guards of exact shortcuts in choosing the comment thread (split/choose.py): each checks the
shortcut's answer against the full reading it stands for, on invented threads."""

from __future__ import annotations

import itertools

from replyscope.split import choose, headers
from replyscope.split.anchors import Anchor
from replyscope.split.lines import Lines, split_lines

# First lines of invented comments: talk, silence, and the windows _unread_windows may leave
# uncounted (a removed comment, another language, a name alone; "Thanks" is a name alone that talks).
_COMMENTS = [
    "I think you are right about the ferry.",
    "Harbour Market Opening Hours",
    "[removed]",
    "Bu haber tamamen yanlış bence",
    "Mara Quell",
    "Thanks",
    "What a lovely idea!",
    "Ferry timetable for the spring season",
]


def _thread(picked: tuple[str, ...]) -> tuple[Lines, list[Anchor]]:
    text = "\n".join(f"Jo Lake{k} · 3 days ago\n{said}\n" for k, said in enumerate(picked))
    lines = split_lines(text)
    header = headers.CommentHeader("name_date", "Jo Lake", "3 days ago")
    return lines, [Anchor(i, i, header, "name_date", 0) for i, s in enumerate(lines.text) if s.startswith("Jo Lake")]


def test_a_talk_share_read_until_it_is_enough_reads_as_the_whole_share():
    # (choose_anchors reads the share of a thread of three headers or more only until the windows
    # that talk and are surely counted reach MIN_CONVERSATIONAL_BARE: the value is then no more than
    # the share and at least that floor, and _acceptable, past the two share readers in front of
    # it, says the same of the thread with it as with the whole share)
    enough = choose.MIN_CONVERSATIONAL_BARE
    stopped = exact_below = 0
    for n in (3, 4):
        for picked in itertools.product(_COMMENTS, repeat=n):
            lines, best = _thread(picked)
            assert choose._settled_share(best) == enough
            whole = choose._conversational_share(lines, best)
            part = choose._conversational_share(lines, best, enough)
            if part == whole:
                exact_below += whole < enough
            else:
                stopped += 1
                assert enough <= part <= whole, picked
            verdicts = []
            for share in (part, whole):
                share = choose._dated_thread_share(lines, best, choose._bullet_thread_share(lines, best, share))
                verdicts.append(choose._acceptable(lines, best, None, share))
            assert verdicts[0] == verdicts[1], picked
    assert stopped > 100 and exact_below > 100


def test_a_pair_of_headers_reads_its_whole_share():
    # (of one or two headers _acceptable reads whether every comment talks: no floor settles it)
    lines, best = _thread(("I think you are right about the ferry.", "Harbour Market Opening Hours"))
    assert choose._settled_share(best) > 1.0
    assert choose._conversational_share(lines, best, choose._settled_share(best)) == 0.5
    lines, best = _thread(("I think you are right.", "You said it, thanks!", "Ferry timetable for the spring season"))
    assert choose._conversational_share(lines, best) == 2 / 3
    assert choose._conversational_share(lines, best, choose._settled_share(best)) == 2 / 3  # (its two talking windows reach the floor only at the second)
