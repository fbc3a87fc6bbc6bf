"""Assemble the report page: template + CSS + plotly.js + app JS + data, in one file.

Safety rests on three things, each checked in tests/test_report_html.py and in a real browser:
- the data travels in a `<script type="application/json">` block that the page JSON.parse()s, with
  `<`, `>`, `&` and U+2028/2029 written as \\uXXXX escapes, so no scraped string can close the block
  or open a comment inside it;
- the page builds every node with textContent (never innerHTML), see assets/report.js;
- a Content-Security-Policy allows exactly the page's own two scripts by their SHA-256 hashes and
  no network at all, so even a string that did slip into the markup could neither run nor call out.
  `'unsafe-eval'` is there because plotly's WebGL scatter (regl) compiles its drawing code with
  `new Function`; without it the map silently reports "WebGL is not supported". It allows no
  script from outside the page: `default-src 'none'` still forbids every fetch.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

import plotly

ASSETS = resources.files("replyscope.report") / "assets"
_JSON_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_for_script(value: object) -> str:
    """JSON that is inert inside an HTML <script> element (no `</script>`, no `<!--`)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_JSON_ESCAPES)


def html_text(value: str) -> str:
    """Escape a string for HTML text or a double-quoted attribute."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")
    )


@cache
def plotly_js() -> str:
    """plotly.min.js from the installed plotly package, made safe to inline."""
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return inline_script(path.read_text(encoding="utf-8"))


def inline_script(source: str) -> str:
    """A script safe to put between <script> tags: only `</script` and `<!--` end or confuse it.

    Both can only occur inside JS strings or comments, where `<\\/script` and `<\\!--` read
    the same; everything else (a regex like `/</g`, say) is left exactly as written.
    """
    # The HTML parser turns CR LF and lone CR into LF before the CSP hashes a script: do it first,
    # so the hash we compute is the one the browser sees.
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    source = re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE)
    return source.replace("<!--", "<\\!--")


def asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(scripts: list[str]) -> str:
    hashes = " ".join(script_hash(s) for s in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes} 'unsafe-eval'; "
        "style-src 'unsafe-inline'; "
        "img-src data: blob:; "
        "font-src 'none'; connect-src 'none'; worker-src 'none'; frame-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def fill(template: str, parts: dict[str, str]) -> str:
    """Replace each `{{NAME}}` marker once, in one pass, so inserted text is never re-scanned."""
    out: list[str] = []
    rest = template
    while True:
        head, sep, tail = rest.partition("{{")
        out.append(head)
        if not sep:
            return "".join(out)
        name, close, rest = tail.partition("}}")
        if not close or name not in parts:
            raise KeyError(f"unknown template marker {{{{{name}}}}}")
        out.append(parts[name])


def render_page(payload: dict, *, title: str) -> str:
    app = inline_script(asset("report.js"))
    plotly_source = plotly_js()
    return fill(
        asset("template.html"),
        {
            "CSP": content_security_policy([plotly_source, app]),  # ours, no quotes or markup in it
            "TITLE": html_text(title),
            "CSS": asset("report.css"),
            "DATA": json_for_script(payload),
            "PLOTLY": plotly_source,
            "APP": app,
        },
    )
