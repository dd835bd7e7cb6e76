"""A scanned PDF that carries its own invisible OCR layer: bars burnt into the image are found,
and a bar burnt in after the layer was made gives back the words the layer still holds."""

from __future__ import annotations

from pathlib import Path

import pymupdf

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
