"""The HTML diff page: context cut at word boundaries, markers marked as markers, text escaped."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pytest

from redactview.align import diff_releases
from redactview.diff_page import CONTEXT, ELLIPSIS, context_after, context_before
from redactview.diff_report import render_diff
from tests.core.align_support import BASE, release

NAME = "Corrie Civil Works"
MARKER = "[REDACTED]"
CELL = re.compile(r'<td class="text (a|b)">(.*?)</td>', re.DOTALL)
CONTEXT_SPAN = re.compile(r'<span class="ctx">(.*?)</span>', re.DOTALL)
MARK = re.compile(r"<mark([^>]*)>(.*?)</mark>", re.DOTALL)


@dataclass(frozen=True)
class Side:
    """One release's cell of a change row, as the page shows it."""

    before: str
    text: str
    after: str
    marker: bool


def sides(page: str) -> dict[str, Side]:
    """The A and B cells of the page's only change row, unescaped."""
    cells = CELL.findall(page)
    assert [side for side, _ in cells] == ["a", "b"]
    found = {}
    for side, cell in cells:
        before, after = CONTEXT_SPAN.findall(cell)
        ((attributes, text),) = MARK.findall(cell)
        found[side] = Side(
            html.unescape(before), html.unescape(text), html.unescape(after), "marker" in attributes
        )
    return found


def page_for(first: str, second: str, first_marks: list[str], second_marks: list[str]) -> str:
    """The HTML page comparing two text releases."""
    releases = [release(first, first_marks, "first.txt"), release(second, second_marks, "s.txt")]
    return render_diff(diff_releases(releases), "html")


def assert_whole_words(side: Side, text: str, start: int, end: int) -> None:
    """The context is the text right around [start, end), cut only between words."""
    assert side.before.startswith(ELLIPSIS) and side.after.endswith(ELLIPSIS)
    before, after = side.before[len(ELLIPSIS) :], side.after[: -len(ELLIPSIS)]
    assert text[:start].endswith(before) and text[end:].startswith(after)
    assert text[start - len(before) - 1].isspace() and not before[0].isspace()
    assert text[end + len(after)].isspace() and not after[-1].isspace()
    assert 0 < len(before) <= CONTEXT and 0 < len(after) <= CONTEXT


def test_withheld_row_cuts_context_between_words_and_marks_b_as_a_marker() -> None:
    second = BASE.replace(NAME, MARKER)
    shown = sides(page_for(BASE, second, [], [MARKER]))
    start = BASE.index(NAME)
    assert shown["a"].text == NAME and not shown["a"].marker
    assert_whole_words(shown["a"], BASE, start, start + len(NAME))
    assert shown["b"].text == MARKER and shown["b"].marker
    start_b = second.index(MARKER)
    assert_whole_words(shown["b"], second, start_b, start_b + len(MARKER))


def test_revealed_row_marks_a_as_the_marker() -> None:
    first = BASE.replace(NAME, MARKER)
    shown = sides(page_for(first, BASE, [MARKER], []))
    assert shown["a"].text == MARKER and shown["a"].marker
    assert shown["b"].text == NAME and not shown["b"].marker


def test_changed_row_marks_neither_side_as_a_marker() -> None:
    second = BASE.replace("sixty per cent", "seventy per cent")
    shown = sides(page_for(BASE, second, [], []))
    assert not shown["a"].marker and not shown["b"].marker
    assert "sixty" in shown["a"].text and "seventy" in shown["b"].text


def test_context_near_the_ends_of_the_text_has_no_ellipsis() -> None:
    first = "The fee was paid to Corrie Civil Works on time."
    second = first.replace(NAME, MARKER)
    shown = sides(page_for(first, second, [], [MARKER]))
    assert shown["a"].before == "The fee was paid to " and shown["a"].after == " on time."
    assert ELLIPSIS not in shown["b"].before + shown["b"].after


def test_markup_and_controls_in_the_context_are_escaped() -> None:
    hostile = "<b>bold</b> & [red]x[/] \x1b[2J "
    first = f"{hostile}paid to {NAME} today."
    second = first.replace(NAME, MARKER)
    page = page_for(first, second, [], [MARKER])
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt; &amp; [red]x[/]" in page
    assert "\x1b" not in page
    assert sides(page)["a"].before.startswith("<b>bold</b> & [red]x[/] ")


@pytest.mark.parametrize(
    ("text", "start", "limit", "expected"),
    [
        ("alpha beta gamma|", 16, 30, "alpha beta gamma"),  # nothing left out
        ("alpha beta gamma|", 16, 8, "…gamma"),  # "a beta" starts mid-word: the word goes
        ("alpha beta gamma|", 16, 10, "…beta gamma"),  # the window starts on a space
        ("alpha beta gamma|", 16, 11, "…beta gamma"),  # the window starts on a word
        ("alphabetagamma|", 14, 5, "…gamma"),  # one long word: cut inside it, as a last resort
        ("alpha beta |", 11, 3, "… "),  # only part of a word before the space: keep the space
    ],
)
def test_context_before(text: str, start: int, limit: int, expected: str) -> None:
    assert context_before(text, start, limit) == expected


@pytest.mark.parametrize(
    ("text", "end", "limit", "expected"),
    [
        ("|alpha beta gamma", 1, 30, "alpha beta gamma"),
        ("|alpha beta gamma", 1, 8, "alpha…"),  # "alpha be" ends mid-word: the word goes
        ("|alpha beta gamma", 1, 10, "alpha beta…"),  # the window ends just before a space
        ("|alpha beta gamma", 1, 11, "alpha beta…"),  # the window ends on a space
        ("|alphabetagamma", 1, 5, "alpha…"),
        ("| alpha beta", 1, 3, " …"),
    ],
)
def test_context_after(text: str, end: int, limit: int, expected: str) -> None:
    assert context_after(text, end, limit) == expected


def test_release_names_with_control_characters_are_shown_as_symbols() -> None:
    first = f"The fee was paid to {NAME} today."
    second = first.replace(NAME, MARKER)
    releases = [release(first, [], "first\x1b[31m.txt"), release(second, [MARKER], "s<b>.txt")]
    page = render_diff(diff_releases(releases), "html")
    assert "\x1b" not in page and "<b>.txt" not in page
    assert "s&lt;b&gt;.txt" in page
