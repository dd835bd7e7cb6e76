"""Wrapping page text into screen rows without losing the offsets into the text."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from redactview.model import Page
from redactview.tui.finding import Match, find_matches, match_from, next_index
from redactview.tui.widgets.wrapping import display_text, wrap_rows


def _texts(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in wrap_rows(text, width)]


def test_short_lines_are_one_row_each_with_their_offsets() -> None:
    text = "From: [\nTo: Jane\n\nEnd"
    assert wrap_rows(text, 40) == [(0, 7), (8, 16), (17, 17), (18, 21)]


def test_long_lines_break_after_a_space_and_rows_cover_every_character() -> None:
    text = "The contract value was [REDACTED] and the officer's name was withheld."
    rows = wrap_rows(text, 20)
    assert all(end - start <= 20 for start, end in rows)
    assert "".join(text[s:e] for s, e in rows) == text
    assert all(text[e - 1] == " " for _, e in rows[:-1])


def test_a_line_with_no_space_is_cut_at_the_width() -> None:
    text = "*" * 50
    assert _texts(text, 20) == ["*" * 20, "*" * 20, "*" * 10]


@pytest.mark.parametrize(
    "text",
    [
        "名前は[REDACTED]です。" * 5,  # wide characters: two cells each
        "Arabic: المبلغ [REDACTED] جنيه " * 4,
        "e\u0301" * 30 + " combining accents",
    ],
)
def test_wide_and_combining_characters_fit_the_cells(text: str) -> None:
    rows = wrap_rows(text, 16)
    assert "".join(text[s:e] for s, e in rows) == text
    assert all(cell_len(text[s:e]) <= 16 for s, e in rows)


def test_a_huge_line_wraps_quickly_into_many_rows() -> None:
    text = "x" * 2_000_000
    rows = wrap_rows(text, 100)
    assert len(rows) == 20_000 and rows[-1] == (1_999_900, 2_000_000)


def test_display_text_keeps_length_and_hides_controls() -> None:
    raw = "a\tb\x1b[31mc\x07\x9bd\u202ee\n"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert shown[1] == " " and shown[3] == "␛" and "\x1b" not in shown and "\u202e" not in shown


def _page(number: int, start: int, text: str) -> Page:
    return Page(number=number, text=text, start=start)


def test_search_is_literal_case_insensitive_and_in_document_offsets() -> None:
    pages = [_page(1, 0, "Section 40(2) and [b] SECTION"), _page(2, 30, "section (b)(6)")]
    matches = find_matches(pages, "section")
    assert matches == [Match(1, 0, 7), Match(1, 22, 29), Match(2, 30, 37)]
    assert find_matches(pages, "[b]") == [Match(1, 18, 21)]
    assert find_matches(pages, "(b)(6)") == [Match(2, 38, 44)]
    assert find_matches(pages, "") == []


def test_match_navigation_wraps_round() -> None:
    matches = [Match(1, 0, 1), Match(1, 10, 11), Match(2, 40, 41)]
    assert match_from(matches, 5) == 1
    assert match_from(matches, 50) == 0
    assert next_index(3, 2, 1) == 0 and next_index(3, 0, -1) == 2
    assert next_index(3, None, -1) == 2 and next_index(0, None, 1) is None
