"""A scanned PDF that carries its own invisible OCR layer: bars burnt into the image are found,
and a bar burnt in after the layer was made gives back the words the layer still holds."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from redactview.detectors import detect_page
from redactview.model import Kind
from redactview.scan import scan_file
from tests.core.scan_support import (
    BODY,
    LEFT,
    SIZE,
    baseline,
    image_pdf,
    render,
    row_box,
    text_page,
)
from tests.fixtures.pdfs import pages_of

DPI = 100
NAME_BAR = row_box(1, 101.0, 272.0)  # over "Jane Doe <jane.doe@example.org>" on row 1
LATER_BAR = row_box(3, 150.0, 260.0)  # over part of row 3


def ocr_layered_pdf(path: Path, *, read_after_bars: bool) -> Path:
    """A scan of BODY with black bars burnt in, and BODY written over it invisibly.

    A layer read after the bars were burnt in has nothing where they are; one read before
    still has every word.
    """
    pixels = render(text_page(boxes=[NAME_BAR, LATER_BAR]), DPI)
    scan = image_pdf(path.with_suffix(".scan.pdf"), [pixels], DPI)
    bars = {1: NAME_BAR, 3: LATER_BAR} if read_after_bars else {}
    with pymupdf.open(scan) as doc:
        for row, text in enumerate(BODY):
            for x, piece in _visible_pieces(text, bars.get(row)):
                doc[0].insert_text((x, baseline(row)), piece, fontsize=SIZE, render_mode=3)
        doc.save(path)
    return path


def _visible_pieces(text: str, bar: tuple[float, ...] | None) -> list[tuple[float, str]]:
    """The parts of a row left and right of a bar, each with where it starts."""
    if bar is None:
        return [(LEFT, text)]
    ends = [LEFT + pymupdf.get_text_length(text[: i + 1], fontsize=SIZE) for i in range(len(text))]
    left = "".join(ch for ch, end in zip(text, ends, strict=True) if end <= bar[0])
    first_right = next(i for i, end in enumerate(ends) if end - 1 > bar[2])
    right_x = LEFT + pymupdf.get_text_length(text[:first_right], fontsize=SIZE)
    return [(LEFT, left), (right_x, text[first_right:])]


def test_bars_over_an_ocr_layer_made_after_them_are_boxes_not_leaks(tmp_path: Path) -> None:
    (page,) = pages_of(ocr_layered_pdf(tmp_path / "ocr-after.pdf", read_after_bars=True))
    assert page.text_over_image
    assert [shape.source for shape in page.shapes if shape.fill is None] == ["scan", "scan"]
    found = [r for r in detect_page(page) if r.detector == "scans"]
    assert [(r.kind, r.line) for r in found] == [(Kind.SCAN_BOX, 2), (Kind.SCAN_BOX, 4)]
    assert not any(r.leaky for r in found)


def test_a_bar_burnt_in_after_the_ocr_layer_leaks_the_words_under_it(tmp_path: Path) -> None:
    path = ocr_layered_pdf(tmp_path / "ocr-before.pdf", read_after_bars=False)
    report = scan_file(str(path))
    leaks = [r for r in report.redactions if r.kind is Kind.TEXT_UNDER_BOX]
    assert [r.line for r in leaks] == [2, 4]
    name, later = leaks
    assert name.leaky and name.leaked_text is not None
    assert "jane.doe@example" in name.leaked_text
    assert "sent" not in name.leaked_text and "From" not in name.leaked_text
    assert later.leaked_text is not None and "review" in later.leaked_text
    assert report.summary().leaky == 2


def _scan_with_printed_bar(
    path: Path, printed: str, *, vector_bar: bool = False, band: bool = False
) -> Path:
    """A searchable scan of "Phone: … ext 22" with a bar over the number; `printed` is set in
    white on the bar (and in the layer). `vector_bar` draws the bar over the scan instead;
    `band` makes it a banner across the top of the page."""
    bar = pymupdf.Rect(60, 60, 400, 91) if band else pymupdf.Rect(115, 118, 265, 134)
    on_bar = (70.0, 80.0, 12.0) if band else (150.0, 130.0, 10.0)
    words = ((72.0, 130.0, "Phone:", 12.0), (270.0, 130.0, "ext 22", 12.0))
    with pymupdf.open() as source:
        page = source.new_page(width=595, height=842)
        for x, y, text, size in words:
            page.insert_text((x, y), text, fontsize=size)
        if not vector_bar:
            page.draw_rect(bar, color=(0, 0, 0), fill=(0, 0, 0))
            page.insert_text(on_bar[:2], printed, fontsize=on_bar[2], color=(1, 1, 1))
        pixmap = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
    with pymupdf.open() as doc:
        sheet = doc.new_page(width=595, height=842)
        sheet.insert_image(sheet.rect, pixmap=pixmap)
        for x, y, text, size in (*words, (*on_bar[:2], printed, on_bar[2])):
            sheet.insert_text((x, y), text, fontsize=size, render_mode=3)
        if vector_bar:
            sheet.draw_rect(bar, color=(0, 0, 0), fill=(0, 0, 0))
        doc.save(path)
    return path


def test_a_label_printed_on_a_burnt_in_bar_is_its_marker_not_a_leak(tmp_path: Path) -> None:
    report = scan_file(str(_scan_with_printed_bar(tmp_path / "label.pdf", "(b)(6)")))
    (bar,) = report.redactions
    assert (bar.kind, bar.marker, bar.leaky) == (Kind.SCAN_BOX, "(b)(6)", False)
    assert bar.exemption == "(b)(6)"


@pytest.mark.parametrize("label", ["Out of scope", "Personal data", "B6", "(b)(G)"])
def test_other_labels_on_burnt_in_bars_keep_the_bar(tmp_path: Path, label: str) -> None:
    (bar,) = scan_file(str(_scan_with_printed_bar(tmp_path / "bar.pdf", label))).redactions
    assert (bar.kind, bar.marker, bar.leaky) == (Kind.SCAN_BOX, label, False)


@pytest.mark.parametrize("heading", ["OFFICIAL SENSITIVE", "Personal details", "Part B2"])
def test_a_heading_printed_on_a_dark_band_is_not_a_redaction(tmp_path: Path, heading: str) -> None:
    path = _scan_with_printed_bar(tmp_path / "band.pdf", heading, band=True)
    assert scan_file(str(path)).redactions == ()


def test_a_box_drawn_over_a_searchable_scan_is_reported_once(tmp_path: Path) -> None:
    path = _scan_with_printed_bar(tmp_path / "drawn.pdf", "01632 960 418", vector_bar=True)
    report = scan_file(str(path))
    (leak,) = report.redactions
    assert leak.kind is Kind.TEXT_UNDER_BOX and leak.leaked_text == "01632 960 418"


def test_a_highlight_over_a_burnt_in_bar_does_not_hide_its_leak(tmp_path: Path) -> None:
    path = ocr_layered_pdf(tmp_path / "layer.pdf", read_after_bars=False)
    marked = tmp_path / "highlighted.pdf"
    with pymupdf.open(path) as doc:
        doc[0].add_highlight_annot(pymupdf.Rect(NAME_BAR))
        x0, y0, x1, y1 = NAME_BAR
        doc[0].add_rect_annot(pymupdf.Rect(x0 - 4, y0 - 4, x1 + 4, y1 + 4))  # an outline
        doc.save(marked)
    leaks = [r for r in scan_file(str(marked)).redactions if r.kind is Kind.TEXT_UNDER_BOX]
    assert [r.line for r in leaks] == [2, 4]
    assert leaks[0].leaked_text is not None and "jane.doe@example" in leaks[0].leaked_text
