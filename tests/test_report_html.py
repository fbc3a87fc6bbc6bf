"""The report file: self-contained, data inert inside <script>, CSP matching the page's scripts."""

from __future__ import annotations

import json
import re

import pytest

import hostile
import runfixtures as rf
from replyscope.report import build_report
from replyscope.report.html import content_security_policy, fill, inline_script, json_for_script, script_hash

SCRIPT_BLOCK = re.compile(r"<script([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory) -> str:
    run_dir = rf.write_run(
        tmp_path_factory.mktemp("hostile") / "run", hostile.HOSTILE_PAGES,
        manifest_extra=hostile.HOSTILE_MANIFEST, labels=hostile.HOSTILE_LABELS,
    )
    return build_report(run_dir).read_text(encoding="utf-8")


@pytest.mark.parametrize("text", hostile.HOSTILE_TEXTS)
def test_json_for_script_is_inert_and_round_trips(text):
    encoded = json_for_script({"t": [text], text[:20]: 1})
    assert not set(encoded) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(encoded) == {"t": [text], text[:20]: 1}


def test_inline_script_only_touches_what_ends_a_script():
    assert inline_script('s="</SCRIPT>"; r=/</g; c="<!--"') == 's="<\\/SCRIPT>"; r=/</g; c="<\\!--"'
    assert inline_script("a\r\nb\rc") == "a\nb\nc"  # as the HTML parser will hand it to the CSP hash


def test_fill_never_rescans_inserted_text():
    assert fill("a{{X}}b{{Y}}", {"X": "{{Y}}", "Y": "{{X}}"}) == "a{{Y}}b{{X}}"
    with pytest.raises(KeyError):
        fill("{{NOPE}}", {})


def test_page_has_exactly_its_three_script_blocks(hostile_html):
    blocks = SCRIPT_BLOCK.findall(hostile_html)
    assert [attrs.strip() for attrs, _ in blocks] == ['type="application/json" id="replyscope-data"', 'type="text/plain" id="plotly-source"', ""]
    assert hostile_html.count("plotly.js v") == 1  # inlined once


def test_hostile_strings_never_appear_raw(hostile_html):
    for raw in ("<script>window.__pwned", "<img src=x", "<svg/onload", "<style>body", '" onmouseover="', "\u2028"):
        assert raw not in hostile_html
    assert "window.__pwned" in hostile_html  # ...but the text is there, escaped, to be shown


def test_csp_forbids_network_and_allows_only_the_page_scripts(hostile_html):
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', hostile_html).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    blocks = SCRIPT_BLOCK.findall(hostile_html)
    plotly_source, app = blocks[1][1], blocks[2][1]
    assert csp == content_security_policy([plotly_source, app])
    assert script_hash(app) in csp


def test_nothing_is_loaded_from_the_network(hostile_html):
    markup = SCRIPT_BLOCK.sub("", hostile_html)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", markup, re.IGNORECASE)
    assert "@import" not in markup and "url(http" not in markup


def test_build_is_deterministic(tmp_path):
    run_dir = rf.write_run(tmp_path / "run", rf.PAGES)
    first = build_report(run_dir).read_bytes()
    assert build_report(run_dir).read_bytes() == first
    assert not (run_dir / "index.html.tmp").exists()
