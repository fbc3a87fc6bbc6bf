"""A hostile-text corpus for the report: strings that try to run script, break out of markup or
JSON, fake links, hide themselves, or just strain the layout. Written for these tests.

Every payload that would run does one of: set `window.__pwned`, call `alert`, or navigate. The
browser tests assert none of that happens and that the payload shows up as plain text.
"""

from __future__ import annotations

from runfixtures import Page, Reply

SCRIPT_BREAKOUT = '</script><script>window.__pwned="script-breakout";alert(1)</script>'
IMG_ONERROR = '<img src=x onerror="window.__pwned=\'img\';alert(2)">'
SVG_ONLOAD = "<svg/onload=window.__pwned='svg'>"
COMMENT_OPEN = "<!--<script>window.__pwned='comment-open'</script>-->"
STYLE_HIDE = "<style>body{display:none!important}</style>"
ATTR_BREAKOUT = '" onmouseover="window.__pwned=\'attr\'" x="'
JS_URL = "javascript:window.__pwned='js-url';alert(3)"
JS_URL_MIXED = " JaVaScRiPt:alert(4)"
DATA_URL = "data:text/html,<script>alert(5)</script>"
ENTITY = "&lt;script&gt;alert(6)&lt;/script&gt; &amp; &#x3C;b&#x3E;"
TEMPLATE_MARKER = "{{DATA}} {{PLOTLY}} ${alert(7)} `backtick`"
PLOTLY_HTML = '<a href="javascript:alert(8)">plotly link</a><b>bold</b><br>'
RTL_OVERRIDE = "invoice\u202egnp.exe totally safe"
LONG_WORD = "A" * 10_000
NUL_AND_CONTROLS = "before\x00after\x07bell\x1bescape"
MOJIBAKE = "CafÃ© dÃ©jÃ  vu â€™quotedâ€™ Ã¼ber"
LINE_SEPARATORS = "line\u2028separator\u2029paragraph"
EMOJI = "😀🔥 Thanks for this, 👍 really"  # astral characters before a cue: offsets must hold

HOSTILE_TEXTS = [
    SCRIPT_BREAKOUT, IMG_ONERROR, SVG_ONLOAD, COMMENT_OPEN, STYLE_HIDE, ATTR_BREAKOUT, ENTITY,
    TEMPLATE_MARKER, PLOTLY_HTML, RTL_OVERRIDE, LONG_WORD, NUL_AND_CONTROLS, MOJIBAKE, LINE_SEPARATORS, EMOJI,
]

HOSTILE_PAGE = Page(
    title=f"Breaking {SCRIPT_BREAKOUT} {IMG_ONERROR}",
    url=JS_URL,
    site=f"evil{SVG_ONLOAD}.example",
    body=[f"Body with {COMMENT_OPEN} and {STYLE_HIDE}.", MOJIBAKE, LONG_WORD, EMOJI],
    boilerplate=[PLOTLY_HTML],
    comments=[
        Reply(f"name{ATTR_BREAKOUT}", f"Thanks, but {SCRIPT_BREAKOUT} is what they want.", "2026-03-01 10:00"),
        Reply(IMG_ONERROR, f"Why {IMG_ONERROR} would anyone do this?", "2026-03-01 10:05"),
        Reply(RTL_OVERRIDE, f"{RTL_OVERRIDE} and {NUL_AND_CONTROLS}", "2026-03-01 10:10"),
        Reply("longword", f"Not true: {LONG_WORD}", "2026-03-01 10:15"),
        Reply("entities", f"{ENTITY} {TEMPLATE_MARKER}", "yesterday"),
        Reply("emoji", EMOJI, "2026-03-01 10:20"),
        Reply("separators", f"{LINE_SEPARATORS} {MOJIBAKE}", "2026-03-01 10:25"),
        Reply(PLOTLY_HTML, f"What about {PLOTLY_HTML}? {COMMENT_OPEN}", "2026-03-01 10:30", reply_to=0),
    ],
)

SECOND_PAGE = Page(
    title=ENTITY,
    url=JS_URL_MIXED,
    site=PLOTLY_HTML,
    body=[TEMPLATE_MARKER],
    comments=[Reply(STYLE_HIDE, f"Call your MP. {DATA_URL}", "2026-03-02 09:00")],
)

LINKED_PAGE = Page(
    title="A page with a real link",
    url="https://news.example.org/ok?a=1&b=<2>",
    site="news.example.org",
    body=["Plain body."],
    comments=[Reply("plain", "I agree, well said.", "2026-03-02 10:00")],
)

# Plain names, hostile words: a thread any splitter should read as comments.
HOSTILE_THREAD = Page(
    title="Residents react to the new parking rules",
    url="https://news.example.org/parking",
    site="news.example.org",
    body=["The city will charge for street parking downtown from June.", "Permits for residents stay free."],
    comments=[
        Reply("Ann Lee", f"Nobody asked the people who actually live downtown about this. {SCRIPT_BREAKOUT} Typical council, deciding first and consulting later."),
        Reply("Bob Stone", f"Why would they do this in the middle of a recession? {IMG_ONERROR} Small shops will lose the few customers they still have."),
        Reply("Cara Diaz", f"Here is the source for the revenue figures they quoted: {JS_URL} and also {DATA_URL} if anyone wants to check."),
        Reply("Dev Patel", f"I pasted this from the city's own page and it came out like this: {PLOTLY_HTML} {COMMENT_OPEN} {TEMPLATE_MARKER}"),
        Reply("Eve Moss", f"My phone shows the notice as {RTL_OVERRIDE} and the letter they mailed says {MOJIBAKE} {ENTITY}"),
        Reply("Finn Hale", f"Thanks for reporting this, it is the first I have heard of the permits staying free. {EMOJI}"),
    ],
)

FAILED_PAGE = Page(title="", body=[], status="failed", error=f"split: ValueError: {SCRIPT_BREAKOUT}")

HOSTILE_PAGES = [HOSTILE_PAGE, SECOND_PAGE, LINKED_PAGE, FAILED_PAGE]
PIPELINE_PAGES = [HOSTILE_PAGE, SECOND_PAGE, HOSTILE_THREAD]  # as plain-text pages for `replyscope run`
# Cluster labels and keywords come from comment words too: hostile as well.
HOSTILE_LABELS = {0: SCRIPT_BREAKOUT, 1: PLOTLY_HTML, 2: RTL_OVERRIDE, 3: IMG_ONERROR}
HOSTILE_MANIFEST = {"created": f"2026-03-03 {SCRIPT_BREAKOUT}", "inputs": [{"path": IMG_ONERROR}]}
