"""Image files and image-only PDF pages load as scans, with their boxes in page points."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from redactview.errors import LoadError
from redactview.loaders import LoadOptions, load_document
from redactview.loaders.scanned import OCR_OFF, is_scanned
from redactview.model import Format, Kind
from redactview.scan import scan_file
from tests.core.scan_support import (
    assert_near,
    image_pdf,
    jpeg,
    noisy,
    render,
    row_box,
    save_image,
    sideways_pdf,
    text_page,
    unrotated_bbox,
)

NO_OCR = LoadOptions(ocr=False)
LETTER = (
    "Typed over the letterhead, a letter of several lines",
    "is a born-digital page with a picture behind it, and its",
    "boxes and leaks are the PDF reader's to find, not the scan's.",
)
BAR = row_box(2, 200.0, 330.0)
A4 = (595.0, 842.0)


def scan_of(boxes: list[tuple[float, float, float, float]], dpi: int):  # type: ignore[no-untyped-def]
    """A page of text with `boxes`, scanned at `dpi` with some noise."""
    return noisy(render(text_page(boxes=boxes), dpi))


@pytest.mark.parametrize(
    ("name", "dpi"),
    [("scan.png", 150), ("scan.jpg", 200), ("scan.tif", 120)],
)
def test_an_image_file_is_one_scanned_page_in_points(tmp_path: Path, name: str, dpi: int) -> None:
    path = save_image(scan_of([BAR], dpi), tmp_path / name, dpi)
    with load_document(path, NO_OCR) as document:
        assert document.info.format is Format.IMAGE
        assert document.info.page_count == 1
        (page,) = list(document.iter_pages())
    assert page.scanned and not page.ocr
    assert page.width == pytest.approx(A4[0], abs=1.0)
    assert page.height == pytest.approx(A4[1], abs=1.0)
    report = scan_file(str(path), NO_OCR)
    (found,) = report.redactions
    assert found.kind is Kind.SCAN_BOX
    assert_near(found.bbox, BAR)  # in points, whatever the scan's resolution


def test_a_multi_page_tiff_gives_every_page_and_warns_once(tmp_path: Path) -> None:
    frames = [scan_of([BAR], 100), scan_of([], 100), scan_of([row_box(0, 80, 140), BAR], 100)]
    path = save_image(frames, tmp_path / "bundle.tiff", 100)
    report = scan_file(str(path), NO_OCR)
    assert report.pages == 3
    assert [r.page for r in report.redactions] == [1, 3, 3]
    assert report.warnings.count(OCR_OFF) == 1


def test_a_jpeg_page_inside_a_pdf_is_read_as_a_scan(tmp_path: Path) -> None:
    pixels = jpeg(scan_of([BAR], 150), quality=50)
    path = image_pdf(tmp_path / "scanned.pdf", [pixels, pixels], 150)
    with load_document(path, NO_OCR) as document:
        pages = list(document.iter_pages())
    assert [p.scanned for p in pages] == [True, True]
    assert all(p.raster is not None for p in pages)
    report = scan_file(str(path), NO_OCR)
    assert [r.kind for r in report.redactions] == [Kind.SCAN_BOX, Kind.SCAN_BOX]
    assert_near(report.redactions[1].bbox, BAR)
    assert report.warnings.count(OCR_OFF) == 1


def test_a_sideways_scan_shown_upright_gives_boxes_in_unrotated_points(tmp_path: Path) -> None:
    path = sideways_pdf(tmp_path / "rotated.pdf", scan_of([BAR], 120), 120)
    (found,) = scan_file(str(path), NO_OCR).redactions
    assert found.kind is Kind.SCAN_BOX
    assert_near(found.bbox, unrotated_bbox(BAR, path))  # where PyMuPDF puts text, too


def test_only_picture_pages_of_a_mixed_pdf_are_scans(tmp_path: Path) -> None:
    doc = text_page(boxes=[BAR])  # born digital: its box is the geometry detector's
    logo = save_image(scan_of([], 50)[:60, :60], tmp_path / "logo.png", 50)
    doc[0].insert_image((450, 20, 520, 90), filename=str(logo))  # a small picture on a text page
    scan = doc.new_page()
    scan.insert_image(scan.rect, stream=_png(scan_of([BAR], 100)))
    photo_page = doc.new_page()
    photo_page.insert_image((72, 72, 300, 300), filename=str(logo))  # a picture, not the page
    path = tmp_path / "mixed.pdf"
    doc.save(path)
    with pymupdf.open(path) as reopened:
        assert [is_scanned(page) for page in reopened] == [False, True, False]
    with load_document(path, NO_OCR) as document:
        assert [p.scanned for p in document.iter_pages()] == [False, True, False]


def test_a_picture_behind_real_text_is_not_a_scan(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(page.rect, stream=_png(scan_of([], 72)))
    for row, text in enumerate(LETTER):
        page.insert_text((72, 400 + 16 * row), text, fontsize=12)
    path = tmp_path / "letterhead.pdf"
    doc.save(path)
    with load_document(path, NO_OCR) as document:
        (loaded,) = list(document.iter_pages())
    assert not loaded.scanned
    assert loaded.text.startswith("Typed over the letterhead")


def test_a_scan_with_a_bates_stamp_is_still_a_scan(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(page.rect, stream=_png(scan_of([BAR], 100)))
    page.insert_text((460, 820), "ACME-000123", fontsize=9)  # stamped on as real text
    path = tmp_path / "production.pdf"
    doc.save(path)
    with load_document(path, NO_OCR) as document:
        (loaded,) = list(document.iter_pages())
    assert loaded.scanned
    (found,) = scan_file(str(path), NO_OCR).redactions
    assert found.kind is Kind.SCAN_BOX
    assert_near(found.bbox, BAR)


def test_a_scan_that_already_has_an_ocr_layer_is_left_to_the_pdf_reader(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(page.rect, stream=_png(scan_of([BAR], 100)))
    page.insert_text((72, 100), "Hidden words", fontsize=11, render_mode=3)
    path = tmp_path / "searchable.pdf"
    doc.save(path)
    with pymupdf.open(path) as reopened:
        assert not is_scanned(reopened[0])
    with load_document(path, NO_OCR) as document:
        (loaded,) = list(document.iter_pages())
    assert not loaded.scanned and loaded.text == "Hidden words"


def test_a_damaged_image_is_one_line_naming_the_file(tmp_path: Path) -> None:
    good = save_image(scan_of([], 72), tmp_path / "good.png", 72).read_bytes()
    path = tmp_path / "cut.png"
    path.write_bytes(good[:200])
    with pytest.raises(LoadError) as caught, load_document(path) as document:
        list(document.iter_pages())
    message = str(caught.value)
    assert str(path) in message and "image" in message and "\n" not in message


def _png(pixels) -> bytes:  # type: ignore[no-untyped-def]
    return pymupdf.Pixmap(
        pymupdf.csGRAY, pixels.shape[1], pixels.shape[0], pixels.tobytes(), False
    ).tobytes("png")
