"""A comparison rendered as the JSON contract, as text for a terminal and as an HTML page."""

from __future__ import annotations

import json
import re

import pytest

from redactview.align import Release, diff_releases
from redactview.diff_report import DIFF_SCHEMA, render_diff
from redactview.errors import ExportError
from tests.core.align_support import BASE, release

NAME = "Corrie Civil Works"
HOSTILE = "<script>alert(1)</script> [bold]x[/] \x1b[2J\x1b]0;pwned\x07 \u202eevil"


def withheld_pair(extra: str = "") -> list[Release]:
    b_text = BASE.replace(NAME, "[REDACTED]") + extra
    return [
        release(BASE + extra, [], "first.txt"),
        release(b_text, ["[REDACTED]"], "second.txt", exemption="s.43(2)"),
    ]


def test_json_follows_the_contract() -> None:
    data = json.loads(render_diff(diff_releases(withheld_pair()), "json"))
    assert data["schema"] == DIFF_SCHEMA
    assert [d["path"] for d in data["documents"]] == ["first.txt", "second.txt"]
    assert set(data["documents"][0]) >= {"path", "sha256", "pages"}
    summary = data["summary"]
    assert {k: summary[k] for k in ("withheld", "revealed", "changed")} == {
        "withheld": 1,
        "revealed": 0,
        "changed": 0,
    }
    assert 0.9 < summary["similarity"] <= 1.0
    (change,) = data["changes"]
    start = BASE.index(NAME)
    assert change["type"] == "withheld"
    assert change["a"] == {"page": 1, "start": start, "end": start + len(NAME), "text": NAME}
    assert change["b"]["text"] == "[REDACTED]"
    assert change["redaction"] == {"kind": "label", "marker": "[REDACTED]", "exemption": "s.43(2)"}
    assert "passages" not in data


def test_json_for_three_releases_lists_passages_and_pairs() -> None:
    releases = [*withheld_pair(), release(BASE, [], "third.txt")]
    data = json.loads(render_diff(diff_releases(releases), "json"))
    assert [(c["a"], c["b"]) for c in data["comparisons"]] == [(0, 1), (0, 2)]
    (passage,) = data["passages"]
    assert passage["status"] == ["disclosed", "redacted", "disclosed"]
    assert passage["recovered"] == {"text": NAME, "document": 0}


def test_html_shows_document_text_literally() -> None:
    first, second = withheld_pair()
    text = second.text + f"\n\n{HOSTILE}\n"
    added = release(text, ["[REDACTED]"], "second.txt", exemption="s.43(2)")
    page = render_diff(diff_releases([first, added]), "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "alert(1)&lt;/script&gt;" in page
    assert "\x1b" not in page and "\u202e" not in page
    assert NAME in page and "s.43(2)" in page


def test_text_output_never_passes_control_sequences_through() -> None:
    changed = withheld_pair()
    b_text = changed[1].text + f"\n{HOSTILE}\n"
    releases = [changed[0], release(b_text, ["[REDACTED]"], "second.txt")]
    for colour in (False, True):
        out = render_diff(diff_releases(releases), "text", colour=colour)
        ours = re.sub(r"\x1b\[[0-9;]*m", "", out) if colour else out
        assert "\x1b" not in ours and "\x07" not in ours and "\u202e" not in ours
        assert "withheld" in out and "added" in out and "[bold]x[/]" in out


def test_unrelated_documents_say_so_in_text() -> None:
    other = release("A short note about the village fete and its cake stall, on Saturday.")
    out = render_diff(diff_releases([release(BASE), other]), "text")
    assert "unrelated" in out


def test_an_unknown_format_is_an_error() -> None:
    with pytest.raises(ExportError):
        render_diff(diff_releases(withheld_pair()), "pdf")
