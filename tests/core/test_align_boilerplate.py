"""Boilerplate lines: page numbers found wherever they stand, and nothing else taken with them."""

from __future__ import annotations

import pytest

from redactview.align.boilerplate import boilerplate_ranges


def lines_found(text: str) -> list[str]:
    return [text[start:end] for start, end in boilerplate_ranges(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Page 2 of 9\nThe weir was inspected.", ["Page 2 of 9"]),
        ("The weir was inspected.\nPAGE 2 OF 9", ["PAGE 2 OF 9"]),
        ("The weir.\n  page 4/9  \nThe sluice.", ["  page 4/9  "]),
        ("The weir.\n\tPage 12\nThe sluice.", ["\tPage 12"]),
        # "page" in prose, or a page line with more on it, is not furniture
        ("Turn the page 4 times.\nSee page 3 of the report.", []),
        ("The page count\nPage 7 of the minutes\nend", []),
        # two candidate lines, one after the other, and "page" twice on a line
        ("Body\nPage 1\nPage 2\nBody", ["Page 1", "Page 2"]),
        ("Body page page\nPage 5\nBody", ["Page 5"]),
    ],
)
def test_page_number_lines_anywhere_on_a_page(text: str, found: list[str]) -> None:
    assert lines_found("Body line one.\n" + text + "\nBody line two.") == found


def test_page_lines_are_found_when_lower_casing_would_move_offsets() -> None:
    # "İ" lowers to two characters, so the text is searched as it is.
    text = "İstanbul office notes.\nPage 3 of 4\nThe weir was inspected.\nPage 4 of 4"
    assert lines_found("Body.\n" + text + "\nBody.") == ["Page 3 of 4", "Page 4 of 4"]


def test_running_headers_repeat_on_pages_and_lines_seen_once_do_not() -> None:
    bodies = ["The weir was inspected.", "The sluice was oiled.", "A bridge was shut.", "Done."]
    text = "\f".join(f"Glenhollow Water Board\n{body}\n{n}" for n, body in enumerate(bodies))
    found = lines_found(text)
    assert [line for line in found if not line.isdigit()] == ["Glenhollow Water Board"] * 4
    assert not any(body in found for body in bodies)
