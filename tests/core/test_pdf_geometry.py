"""The PDF loader's geometry: which drawn things become shapes, and what text they cover."""

from __future__ import annotations

import pymupdf
import pytest

from redactview.model import Shape
from tests.core.conftest import MakePdf
from tests.fixtures.pdfs import (
    LEFT,
    WHITE,
    box_over,
    draw_box,
    draw_rule,
    pages_of,
    place_image,
    redacted_line,
    write_line,
)

LINE = "Name: Jane Doe was paid"


def only_shape(make_pdf: MakePdf, draw) -> Shape:  # type: ignore[no-untyped-def]
    """Build a one-page PDF with `draw` and return its single shape."""
    (page,) = pages_of(make_pdf(draw))
    assert len(page.shapes) == 1, page.shapes
    return page.shapes[0]


def test_box_over_text_keeps_the_text_it_covers(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_line(page, LINE, y=100)
        draw_box(page, box_over(LINE, "Jane Doe", 100))

    shape = only_shape(make_pdf, draw)
    expected = box_over(LINE, "Jane Doe", 100)
    assert shape.source == "path"
    assert shape.covered_text == "Jane Doe"
    assert shape.fill == (0.0, 0.0, 0.0)
    assert shape.bbox == pytest.approx(tuple(expected), abs=0.01)
    assert not shape.drawn_before_text


def test_proper_box_covers_nothing(make_pdf: MakePdf) -> None:
    shape = only_shape(make_pdf, lambda p: redacted_line(p, "Paid to", "Jane Doe", "in May", 100))
    assert shape.covered_text == ""
    assert shape.label_text == ""


def test_text_painted_on_top_is_a_label_or_same_colour(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        draw_box(page, pymupdf.Rect(LEFT, 88, 250, 104))
        write_line(page, "REDACTED", x=LEFT + 4, y=100, colour=WHITE)
        draw_box(page, pymupdf.Rect(LEFT, 118, 250, 134))
        write_line(page, "Jane Doe", x=LEFT + 4, y=130)

    label, same = pages_of(make_pdf(draw))[0].shapes
    assert (label.label_text, label.same_colour_text, label.covered_text) == ("REDACTED", "", "")
    assert (same.label_text, same.same_colour_text, same.covered_text) == ("", "Jane Doe", "")
    assert label.drawn_before_text and same.drawn_before_text


def test_rules_underlines_and_borders_are_rules_not_shapes(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_line(page, LINE, y=100)
        draw_rule(page, (LEFT, 102), (200, 102))  # underline
        draw_box(page, pymupdf.Rect(LEFT, 110, 400, 111.5))  # a filled hairline
        page.draw_rect(pymupdf.Rect(LEFT, 120, 300, 200), color=(0, 0, 0), width=0.5)  # a border

    (page,) = pages_of(make_pdf(draw))
    assert page.shapes == ()
    assert (LEFT, 102.0, 200.0, 102.0) in page.rules
    assert (LEFT, 110.0, 400.0, 111.5) in page.rules
    assert len(page.rules) == 2 + 4  # the border's four edges


def test_page_background_is_not_a_shape(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        draw_box(page, page.rect, fill=(0.1, 0.1, 0.2))
        write_line(page, LINE, y=100, colour=WHITE)

    assert pages_of(make_pdf(draw))[0].shapes == ()


def test_abutting_pieces_merge_but_bars_on_two_lines_do_not(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        draw_box(page, pymupdf.Rect(100, 90, 150, 104))
        draw_box(page, pymupdf.Rect(150, 90, 210, 104))
        draw_box(page, pymupdf.Rect(100, 106, 180, 120))

    first, second = pages_of(make_pdf(draw))[0].shapes
    assert first.bbox == (100.0, 90.0, 210.0, 104.0) and first.pieces == 2
    assert second.bbox == (100.0, 106.0, 180.0, 120.0) and second.pieces == 1


def test_one_drawing_with_a_bar_per_line_gives_a_shape_per_bar(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        shape = page.new_shape()
        shape.draw_rect(pymupdf.Rect(200, 90, 400, 104))
        shape.draw_rect(pymupdf.Rect(LEFT, 106, 250, 120))
        shape.finish(color=None, fill=(0, 0, 0))
        shape.commit()

    boxes = [s.bbox for s in pages_of(make_pdf(draw))[0].shapes]
    assert boxes == [(200.0, 90.0, 400.0, 104.0), (LEFT, 106.0, 250.0, 120.0)]


@pytest.mark.parametrize(
    ("fill", "opacity", "kept"),
    [
        ((1.0, 1.0, 1.0), 1.0, False),  # white, nothing under it: paper
        ((0.0, 0.0, 0.0), 0.4, False),  # see-through: text shows
        ((0.0, 0.0, 0.0), 1.0, True),
        ((0.5, 0.5, 0.5), 1.0, True),
    ],
)
def test_which_fills_are_kept(make_pdf: MakePdf, fill, opacity, kept) -> None:  # type: ignore[no-untyped-def]
    pdf = make_pdf(
        lambda p: draw_box(p, pymupdf.Rect(100, 300, 200, 314), fill=fill, opacity=opacity)
    )
    assert bool(pages_of(pdf)[0].shapes) is kept


def test_white_box_over_text_is_kept(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_line(page, LINE, y=100)
        draw_box(page, box_over(LINE, "Jane Doe", 100), fill=WHITE)

    shape = only_shape(make_pdf, draw)
    assert shape.fill == WHITE and shape.covered_text == "Jane Doe"


def test_solid_image_is_a_shape_and_a_picture_is_not(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_line(page, LINE, y=100)
        place_image(page, box_over(LINE, "Jane Doe", 100))
        picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 16, 16), False)
        for x in range(16):
            for y in range(16):
                picture.set_pixel(x, y, (x * 16, y * 16, 128))
        page.insert_image(pymupdf.Rect(300, 300, 400, 400), pixmap=picture)

    shape = only_shape(make_pdf, draw)
    assert shape.source == "image"
    assert shape.covered_text == "Jane Doe"
    assert shape.fill == (0.0, 0.0, 0.0)


def test_annotations_are_read_once_as_annotations(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_line(page, LINE, y=100)
        highlight = page.add_highlight_annot(box_over(LINE, "Jane Doe", 100))
        highlight.set_colors(stroke=(0, 0, 0))
        highlight.update()

    shape = only_shape(make_pdf, draw)
    assert (shape.source, shape.annotation) == ("annotation", "Highlight")
    assert shape.fill == (0.0, 0.0, 0.0)
    assert shape.covered_text == "Jane Doe"


def test_invisible_text_is_marked_and_an_ocr_layer_is_recognised(make_pdf: MakePdf) -> None:
    def plain(page: pymupdf.Page) -> None:
        write_line(page, "Hidden words", y=100, render_mode=3)

    def scan(page: pymupdf.Page) -> None:
        place_image(page, page.rect, colour=(250, 250, 250))
        write_line(page, "Hidden words", y=100, render_mode=3)

    plain_page, scan_page = pages_of(make_pdf(plain, scan))
    assert plain_page.lines[0].spans[0].invisible
    assert not plain_page.text_over_image
    assert scan_page.text_over_image
