"""Leaky redactions, and the good redactions x-ray also passes, built as PDFs in code."""

from __future__ import annotations

from collections.abc import Callable

import pymupdf
import pytest

from redactview.detectors import boxes
from redactview.model import Kind, Redaction
from redactview.scan import scan_file
from tests.core.conftest import MakePdf
from tests.fixtures.pdfs import (
    LEFT,
    WHITE,
    box_over,
    draw_box,
    pages_of,
    place_image,
    redacted_line,
    write_line,
    write_lines,
)

LINE = "The payment was approved by Jane Doe in May"
SECRET = "Jane Doe"
Draw = Callable[[pymupdf.Page], None]


def boxed(fill=(0.0, 0.0, 0.0), *, under: str = SECRET) -> Draw:  # type: ignore[no-untyped-def]
    """A line whose `under` words are painted over by a box of `fill`."""

    def draw(page: pymupdf.Page) -> None:
        line = LINE.replace(SECRET, under)
        write_line(page, line, y=100)
        draw_box(page, box_over(line, under, 100), fill=fill)

    return draw


def annotated(kind: str, colour=(0.0, 0.0, 0.0)) -> Draw:  # type: ignore[no-untyped-def]
    """A line whose secret is under an annotation of `kind`."""

    def draw(page: pymupdf.Page) -> None:
        write_line(page, LINE, y=100)
        rect = box_over(LINE, SECRET, 100)
        if kind == "Redact":
            page.add_redact_annot(rect)
            return
        annot = page.add_highlight_annot(rect) if kind == "Highlight" else page.add_rect_annot(rect)
        annot.set_colors(stroke=colour, fill=None if kind == "Highlight" else colour)
        annot.update()

    return draw


def same_colour(page: pymupdf.Page) -> None:
    rect = box_over(LINE, SECRET, 100)
    write_line(page, LINE.split(SECRET)[0], y=100)
    draw_box(page, rect)
    write_line(page, SECRET, x=rect.x0, y=100)


def image_over_text(page: pymupdf.Page) -> None:
    write_line(page, LINE, y=100)
    place_image(page, box_over(LINE, SECRET, 100))


def invisible(page: pymupdf.Page) -> None:
    write_line(page, "The payment was approved by", y=100)
    write_line(page, SECRET, x=220, y=100, render_mode=3)


def hatched(under: str) -> Draw:
    """Crossed diagonal lines, x-ray's hatched redaction, over `under` (or over nothing)."""

    def draw(page: pymupdf.Page) -> None:
        line = LINE.replace(SECRET, under) if under else "The payment was approved by"
        write_line(page, line, y=100)
        rect = box_over(LINE, SECRET, 100)
        shape = page.new_shape()
        count = 4
        step = rect.width / count
        for n in range(count):
            x = rect.x0 + n * step
            shape.draw_line((x, rect.y1), (x + step, rect.y0))
            shape.draw_line((x, rect.y0), (x + step, rect.y1))
        shape.finish(color=(0, 0, 0), width=1.5, closePath=False)
        shape.commit()

    return draw


def outlined(page: pymupdf.Page) -> None:
    """A Square annotation with a black border and no fill: it frames the words, hides nothing."""
    write_line(page, LINE, y=100)
    annot = page.add_rect_annot(box_over(LINE, SECRET, 100))
    annot.set_colors(stroke=(0, 0, 0))
    annot.update()


def hollow(page: pymupdf.Page) -> None:
    """A black frame drawn as one even-odd path: the words inside it stay visible."""
    write_line(page, LINE, y=100)
    rect = box_over(LINE, SECRET, 100)
    shape = page.new_shape()
    shape.draw_rect(pymupdf.Rect(rect.x0 - 6, rect.y0 - 6, rect.x1 + 6, rect.y1 + 6))
    shape.draw_rect(rect)
    shape.finish(color=None, fill=(0, 0, 0), even_odd=True)
    shape.commit()


def leaks_on(make_pdf: MakePdf, draw: Draw) -> list[Redaction]:
    (page,) = pages_of(make_pdf(draw))
    return boxes.detect(page)


@pytest.mark.parametrize(
    ("draw", "kind"),
    [
        (boxed(), Kind.TEXT_UNDER_BOX),
        (boxed((0.2, 0.2, 0.45)), Kind.TEXT_UNDER_BOX),  # navy
        (boxed(WHITE), Kind.WHITE_BOX),
        (same_colour, Kind.SAME_COLOUR_TEXT),
        (image_over_text, Kind.TEXT_UNDER_BOX),
        (invisible, Kind.INVISIBLE_TEXT),
        (annotated("Redact"), Kind.UNAPPLIED_ANNOTATION),
        (annotated("Highlight"), Kind.DARK_ANNOTATION),
        (annotated("Square"), Kind.DARK_ANNOTATION),
        (hatched(SECRET), Kind.TEXT_UNDER_BOX),
    ],
    ids=lambda v: getattr(v, "__name__", str(v)),
)
def test_leaky_redactions_give_back_the_hidden_text(
    make_pdf: MakePdf, draw: Draw, kind: Kind
) -> None:
    (leak,) = leaks_on(make_pdf, draw)
    assert leak.kind is kind
    assert leak.leaky and leak.leaked_text == SECRET
    assert (leak.est_chars, leak.est_words) == (len(SECRET), 2)


def test_leak_is_placed_on_the_hidden_words(make_pdf: MakePdf) -> None:
    (page,) = pages_of(make_pdf(boxed()))
    (leak,) = boxes.detect(page)
    assert page.text[leak.start : leak.end] == SECRET
    assert leak.bbox == pytest.approx(tuple(box_over(LINE, SECRET, 100)), abs=0.5)


@pytest.mark.parametrize(
    ("draw", "kinds"),
    [
        # x-ray's good redactions: placeholders under a box are not leaks
        (boxed(under="XXXXXXXX"), [Kind.BOX]),
        (boxed(under="REDACTED"), [Kind.BOX]),
        (boxed(under="J"), [Kind.BOX]),
        # markup that is not a redaction
        (annotated("Highlight", (1.0, 1.0, 0.0)), []),
        (boxed((1.0, 1.0, 0.6)), [Kind.TEXT_UNDER_BOX]),  # opaque pale yellow still hides
        (hollow, []),  # x-ray's winding-rule case: the text shows through the hole
        (hatched(""), [Kind.BOX]),
        (outlined, []),
    ],
    ids=[
        "xxxx",
        "placeholder",
        "single-char",
        "yellow-highlight",
        "opaque-pale-box",
        "hollow-frame",
        "hatch-over-nothing",
        "outlined-square",
    ],
)
def test_what_is_not_a_leak(make_pdf: MakePdf, draw: Draw, kinds: list[Kind]) -> None:
    result = leaks_on(make_pdf, draw)
    assert [r.kind for r in result] == kinds
    assert all(r.leaky == (r.kind is Kind.TEXT_UNDER_BOX) for r in result)


def test_redact_annotation_over_nothing_is_not_a_leak(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_line(page, "Approved by", y=100)
        page.add_redact_annot(pymupdf.Rect(150, 88, 250, 104))

    (annot,) = leaks_on(make_pdf, draw)
    assert annot.kind is Kind.ANNOTATION and not annot.leaky


def test_ocr_layer_over_a_scan_is_not_invisible_text(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        place_image(page, page.rect, colour=(250, 250, 250))
        write_line(page, LINE, y=100, render_mode=3)

    assert leaks_on(make_pdf, draw) == []


def test_scan_reports_leaks_and_boxes_from_a_file(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        boxed()(page)
        redacted_line(page, "Copied to", "John Roe", "and the board.", 140)
        write_line(page, "Invisible note", x=LEFT, y=180, render_mode=3)

    report = scan_file(str(make_pdf(draw)))
    mine = [r for r in report.redactions if r.detector == boxes.DETECTOR]
    assert sorted((r.kind, r.leaked_text) for r in mine) == sorted(
        [
            (Kind.TEXT_UNDER_BOX, SECRET),
            (Kind.BOX, None),
            (Kind.INVISIBLE_TEXT, "Invisible note"),
        ]
    )
    assert report.summary().leaky >= 2


def test_box_grazing_the_letters_beside_it_is_not_a_leak(make_pdf: MakePdf) -> None:
    def draw(page: pymupdf.Page) -> None:
        rect = redacted_line(page, "Paid to", "Jane Doe", "in May", 100)
        draw_box(page, pymupdf.Rect(rect.x0 - 3, rect.y0, rect.x1 + 2, rect.y1))

    (box,) = leaks_on(make_pdf, draw)
    assert box.kind is Kind.BOX and not box.leaky


def test_tall_box_over_two_lines_leaks_both_and_spans_them(make_pdf: MakePdf) -> None:
    lines = ["Visible first line", "Secret second line", "Secret third line", "Visible last"]

    def draw(page: pymupdf.Page) -> None:
        write_lines(page, lines)
        draw_box(page, pymupdf.Rect(LEFT - 1, 106, 250, 135))

    (page,) = pages_of(make_pdf(draw))
    (leak,) = boxes.detect(page)
    assert leak.kind is Kind.TEXT_UNDER_BOX and leak.line == 2
    assert leak.leaked_text == "Secret second line Secret third line"
    assert page.text[leak.start : leak.end] == "Secret second line\nSecret third line"
