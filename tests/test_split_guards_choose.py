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
                verdicts.append(choose._acceptable(lines, best, None, choose._TalkShare(lines, best, final=share)))
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


def test_formats_ordered_by_talk_read_only_as_far_as_the_order_needs_come_in_the_order_of_their_whole_shares():
    # (_by_talk reads a format's share only until its key is under every other format's; the order
    # it yields is the order of the formats' whole shares: two formats on invented pages, one of
    # names over ages, one of bylines over dates, each over a mix of talk and silence)
    mixes = list(itertools.product(_COMMENTS[:2] + _COMMENTS[5:7], repeat=3))
    stopped = 0
    for k, (first, second) in enumerate(zip(mixes, mixes[7:] + mixes[:7])):
        picked_b = second[: 2 + k % 3]
        text = "\n".join(f"Jo Lake{j} · 3 days ago\n{said}\n" for j, said in enumerate(first))
        text += "\n" + "\n".join(f"By Al Reyes{j} on May 2, 2019\n{said}\n" for j, said in enumerate(picked_b))
        lines = split_lines(text)
        dated = headers.CommentHeader("name_date", "Jo Lake", "3 days ago")
        by = headers.CommentHeader("by", "Al Reyes", "May 2, 2019")
        groups = [
            [Anchor(i, i, dated, "name_date", 0) for i, s in enumerate(lines.text) if s.startswith("Jo Lake")],
            [Anchor(i, i, by, "by", 0) for i, s in enumerate(lines.text) if s.startswith("By Al")],
        ]
        if k % 2:
            groups.reverse()
        whole = []
        for g, group in enumerate(groups):
            kept, _ = choose._candidate(lines, group, -1)
            if kept:
                whole.append((-len(kept) * choose._conversational_share(lines, kept), kept[0].first, g, kept))
        shares: list[float | None] = [None, None]
        order = list(choose._by_talk(lines, groups, -1, [None, None], [[], []], shares))
        assert order == [g for _, _, g, _ in sorted(whole)], (first, picked_b)
        for _, _, g, kept in whole:
            share = shares[g]
            exact = choose._conversational_share(lines, kept)
            if share is not None and share != exact:
                stopped += 1
                assert choose._settled_share(kept) <= share <= exact
    assert stopped >= 3


def test_a_thread_turned_down_by_its_shape_is_not_read_for_talk():
    # (choose._TalkShare: _acceptable asks for the talk share last, after the readings of the
    # thread's shape; a lone bare name over a paragraph, with no date and no section over it, is
    # turned down whatever its comment says, and its window is never read for talk; a lone dated
    # reply under a section's header is taken for its date alone; the verdict is the one the share
    # read up front gives)
    text = "Harbour news\n\nMara Quell\nI think you are right about the ferry, it was late again.\n"
    lines = split_lines(text)
    best = [Anchor(2, 2, headers.CommentHeader("bare", "Mara Quell", ""), "bare", 0)]
    share = choose._TalkShare(lines, best)
    assert not choose._acceptable(lines, best, None, share)
    assert share.final < 0.0  # (never read)
    whole = choose._dated_thread_share(lines, best, choose._bullet_thread_share(lines, best, choose._conversational_share(lines, best)))
    assert whole == 1.0 and not choose._acceptable(lines, best, None, choose._TalkShare(lines, best, final=whole))
    # (a thread of three talking comments is read for talk, and taken)
    lines, best = _thread(("I think you are right.", "You said it, thanks!", "Did you see the ferry?"))
    share = choose._TalkShare(lines, best)
    assert choose._acceptable(lines, best, None, share)
    assert share.final >= choose.MIN_CONVERSATIONAL_BARE
