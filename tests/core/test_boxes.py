"""Proper boxes: kinds, bboxes, text offsets, lengths, tables, and what must not count."""

from __future__ import annotations

import pymupdf
import pytest

from redactview.detectors import boxes
from redactview.detectors.geometry import estimate_length, x_to_offset
from redactview.model import Kind, Line, Page, Redaction, Span
from tests.core.conftest import MakePdf
from tests.fixtures.pdfs import (
    LEADING,
    LEFT,
    WHITE,
    draw_box,
    draw_rule,
    pages_of,
    place_image,
    redacted_line,
    text_width,
    write_line,
    write_lines,
)

HIDDEN = "Acme Widgets Limited"


def found(make_pdf: MakePdf, draw) -> tuple[Page, list[Redaction]]:  # type: ignore[no-untyped-def]
    """Build a one-page PDF, load it and run the box detector on it."""
    (page,) = pages_of(make_pdf(draw))
    return page, boxes.detect(page)


def test_proper_box_is_a_box_placed_in_the_gap_it_leaves(make_pdf: MakePdf) -> None:
    rects = []
    page, (box,) = found(
        make_pdf,
        lambda p: rects.append(redacted_line(p, "The contract went to", HIDDEN, "in May.", 100)),
    )
    assert box.kind is Kind.BOX and not box.leaky and box.leaked_text is None
    assert box.bbox == pytest.approx(tuple(rects[0]), abs=0.5)
    assert box.line == 1
    assert page.text[box.start : box.end].strip() == ""
    assert page.text[: box.start].rstrip() == "The contract went to"
    assert page.text[box.end :].lstrip() == "in May."
    assert (box.context_before, box.context_after) == ("The contract went to", "in May.")


def test_length_is_estimated_from_the_glyphs_on_the_row(make_pdf: MakePdf) -> None:
    _, (box,) = found(
        make_pdf, lambda p: redacted_line(p, "The contract went to", HIDDEN, "in May", 100)
    )
    assert box.est_chars is not None and abs(box.est_chars - len(HIDDEN)) <= 3
    assert box.est_words in (3, 4)
    assert box.confidence >= 0.8


def test_box_on_its_own_row_uses_nearby_lines_and_is_less_sure(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_lines(page, ["First paragraph line of text", "", "Third line of text here"])
        draw_box(page, pymupdf.Rect(LEFT, 105, LEFT + text_width(HIDDEN), 117))

    page, (box,) = found(make_pdf, draw)
    assert box.line in (1, 3)
    # A point between the lines, so comparisons and the text view can place it.
    assert box.start is not None and box.start == box.end
    first, third = page.lines[0], page.lines[-1]
    assert box.start in (first.start + len(first.text), third.start)
    assert "line of text" in box.context_before + box.context_after
    assert box.est_chars is not None and abs(box.est_chars - len(HIDDEN)) <= 4
    assert box.confidence < 0.8


def test_tall_box_counts_every_line_it_covers(make_pdf: MakePdf) -> None:
    lines = ["Line of ordinary text number " + str(n) for n in range(1, 7)]
    per_line = text_width("x" * 30)

    def draw(page: pymupdf.Page) -> None:
        write_lines(page, [*lines[:2], "", "", "", *lines[5:]])
        draw_box(
            page, pymupdf.Rect(LEFT, 100 + LEADING * 1.5, LEFT + per_line, 100 + LEADING * 4.5)
        )

    _, (box,) = found(make_pdf, draw)
    assert box.kind is Kind.BOX
    assert box.est_chars is not None and 3 * 26 <= box.est_chars <= 3 * 36


def test_bars_on_consecutive_lines_are_separate_boxes(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        redacted_line(page, "Meeting with", "Jane Doe and John Roe", "", 100)
        redacted_line(page, "and", "Mary Major of Acme", "on Friday.", 100 + LEADING)

    _, found_boxes = found(make_pdf, draw)
    assert [(b.kind, b.line, b.leaky) for b in found_boxes] == [
        (Kind.BOX, 1, False),
        (Kind.BOX, 2, False),
    ]


def test_black_box_with_a_redaction_label_keeps_the_label(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_line(page, "Signed by", y=100)
        draw_box(page, pymupdf.Rect(130, 88, 230, 104))
        write_line(page, "s.40(2)", x=160, y=100, size=8, colour=WHITE)

    page, (box,) = found(make_pdf, draw)
    assert box.kind is Kind.BOX and box.marker == "s.40(2)"
    assert page.text[box.start : box.end] == "s.40(2)"


@pytest.mark.parametrize(
    ("fill", "heading", "expected"),
    [
        ((0.1, 0.1, 0.3), "Quarterly summary", []),  # a dark banner with a white heading
        ((0.6, 0.6, 0.6), "", [Kind.BOX]),  # grey box on a text row
    ],
)
def test_banners_do_not_count_grey_boxes_in_text_do(
    make_pdf: MakePdf, fill, heading, expected
) -> None:  # type: ignore[no-untyped-def]
    def draw(page: pymupdf.Page) -> None:
        write_line(page, "Approved by", y=100)
        draw_box(page, pymupdf.Rect(140, 88, 300, 104), fill=fill)
        if heading:
            write_line(page, heading, x=145, y=100, colour=WHITE)

    _, result = found(make_pdf, draw)
    assert [r.kind for r in result] == expected


def test_grey_panel_away_from_text_is_decoration(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_line(page, "Body text", y=100)
        draw_box(page, pymupdf.Rect(LEFT, 600, 500, 640), fill=(0.7, 0.8, 0.9))

    assert found(make_pdf, draw)[1] == []


def test_black_image_over_a_gap_is_a_box(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_line(page, "Paid to", y=100)
        place_image(page, pymupdf.Rect(120, 89, 200, 103))
        write_line(page, "in May", x=205, y=100)

    page, (box,) = found(make_pdf, draw)
    assert box.kind is Kind.BOX and box.bbox == pytest.approx((120, 89, 200, 103), abs=0.5)
    assert page.text[: box.start].rstrip() == "Paid to"


def table(
    page: pymupdf.Page,
    rows: list[tuple[str, str]],
    *,
    header: str = "Cost (£)",
    cells: bool = False,
) -> None:
    """A ruled two-column table; a value "BOX" is boxed out. `cells`: each cell is framed."""
    top, height, xs = 300.0, 20.0, (LEFT, 200.0, 320.0)
    body = [("Item", header), *rows]
    for index, (label, value) in enumerate(body):
        y = top + index * height
        write_line(page, label, x=xs[0] + 3, y=y + 14)
        if value == "BOX":
            draw_box(page, pymupdf.Rect(xs[1] + 4, y + 4, xs[1] + 70, y + 16))
        elif value:
            write_line(page, value, x=xs[1] + 3, y=y + 14)
    bottom = top + len(body) * height
    if cells:  # as word processors draw them: a stroked rectangle per cell
        for index in range(len(body)):
            for x0, x1 in ((xs[0], xs[1]), (xs[1], xs[2])):
                y = top + index * height
                page.draw_rect(pymupdf.Rect(x0, y, x1, y + height), color=(0, 0, 0), width=0.5)
        return
    for index in range(len(body) + 1):
        draw_rule(page, (xs[0], top + index * height), (xs[2], top + index * height))
    for x in xs:
        draw_rule(page, (x, top), (x, bottom))


@pytest.mark.parametrize("cells", [False, True], ids=["rules", "framed-cells"])
def test_money_column_boxed_and_blank_cells_are_missing_values(
    make_pdf: MakePdf, cells: bool
) -> None:
    rows = [("Catering", "1,200.00"), ("Consultancy", "BOX"), ("Travel", ""), ("Venue", "£950")]
    _, result = found(make_pdf, lambda p: table(p, rows, cells=cells))
    assert [(r.kind, r.field) for r in result] == [
        (Kind.MISSING_VALUE, "Consultancy"),
        (Kind.MISSING_VALUE, "Travel"),
    ]
    boxed, blank = result
    assert boxed.bbox == pytest.approx((204, 344, 270, 356), abs=0.5)
    assert blank.bbox is not None and blank.bbox[0] >= 200 and blank.bbox[2] <= 320
    assert blank.est_chars is None


def test_blank_cells_outside_a_money_column_are_not_missing_values(make_pdf: MakePdf) -> None:
    rows = [("Catering", "Approved"), ("Travel", ""), ("Venue", "Pending")]
    assert found(make_pdf, lambda p: table(p, rows, header="Status"))[1] == []


def test_x_to_offset_maps_positions_onto_glyphs_and_gaps() -> None:
    spans = (
        Span("Paid", 10, (100.0, 0.0, 120.0, 10.0)),
        Span("May", 24, (200.0, 0.0, 215.0, 10.0)),
    )
    line = Line(1, "Paid" + " " * 10 + "May", 10, (100.0, 0.0, 215.0, 10.0), spans)
    assert x_to_offset(line, 50.0) == 10
    assert x_to_offset(line, 110.0) == 12
    assert x_to_offset(line, 160.0) == 19
    assert x_to_offset(line, 300.0) == 27


def test_length_estimate_without_any_text_falls_back_on_box_height() -> None:
    page = Page(number=1, text="", start=0)
    length = estimate_length(page, (0.0, 0.0, 100.0, 12.0), None)
    assert length.chars == round(100 / (0.4 * 12)) and length.confidence < 0.5


@pytest.mark.parametrize(
    "rect",
    [
        pymupdf.Rect(LEFT, 92, LEFT + 5, 97),  # a square bullet
        pymupdf.Rect(300, 200, 312, 400),  # a chart column
    ],
    ids=["bullet", "chart-column"],
)
def test_small_squares_and_tall_columns_are_not_boxes(make_pdf: MakePdf, rect) -> None:  # type: ignore[no-untyped-def]
    def draw(page: pymupdf.Page) -> None:
        write_line(page, "Item one of the list", x=LEFT + 10, y=100)
        draw_box(page, rect)

    assert found(make_pdf, draw)[1] == []
