"""Boxes burnt into scans: found in the page image whatever the scanner did, nothing else found."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from redactview.detectors import detect_page, scans
from redactview.detectors.scan_boxes import find_dark_boxes, rectangularity
from redactview.model import Kind, Line, Page, Raster, Span
from tests.core.scan_support import (
    BODY,
    Gray,
    assert_near,
    jpeg,
    noisy,
    render,
    row_box,
    skewed,
    skewed_bbox,
    specks,
    text_page,
)

DPI = 100
SCALE = 72 / DPI
A4 = (595.0, 842.0)
BAR = row_box(1, 150.0, 260.0)  # over the name and address on "From: Jane Doe <…>"
BLOCK = (72.0, 250.0, 420.0, 330.0)  # a paragraph withheld whole


def scanned_page(pixels: Gray, lines: tuple[Line, ...] = ()) -> Page:
    """A scanned page as the loader hands it over: the image and, maybe, OCR lines."""
    height, width = pixels.shape
    return Page(
        number=1,
        text="\n".join(line.text for line in lines),
        start=0,
        lines=lines,
        width=width * SCALE,
        height=height * SCALE,
        scanned=True,
        raster=Raster(pixels, SCALE),
    )


def found_boxes(pixels: Gray) -> list[tuple[float, float, float, float]]:
    return [box.to_points(SCALE) for box in find_dark_boxes(pixels, SCALE)]


CLEAN = render(text_page(boxes=[BAR, BLOCK]), DPI)


@pytest.mark.parametrize(
    "degrade",
    [
        lambda p: p,
        noisy,
        specks,
        jpeg,
        lambda p: jpeg(noisy(p)),
    ],
    ids=["clean", "noise", "dust", "jpeg", "noise+jpeg"],
)
def test_bars_are_found_where_they_were_drawn(degrade) -> None:  # type: ignore[no-untyped-def]
    boxes = found_boxes(degrade(CLEAN))
    assert len(boxes) == 2
    assert_near(boxes[0], BAR)
    assert_near(boxes[1], BLOCK)


@pytest.mark.parametrize("degrees", [-2.0, -0.8, 1.2, 2.5])
def test_skewed_scans_still_give_the_bars(degrees: float) -> None:
    boxes = found_boxes(jpeg(skewed(noisy(CLEAN), degrees)))
    assert len(boxes) == 2
    assert_near(boxes[0], skewed_bbox(BAR, degrees, A4), tolerance=2.5)
    assert_near(boxes[1], skewed_bbox(BLOCK, degrees, A4), tolerance=2.5)


@pytest.mark.parametrize(
    "page",
    [
        text_page(),
        text_page(rules=[(72, 200, 500), (72, 230, 500)]),  # table rules and underlines
        text_page(frames=[(72, 250, 300, 320)]),  # a border round a paragraph
        text_page(grey_boxes=[(70, 76, 520, 96)]),  # a shaded table header
        text_page(heading=("QUARTERLY BOARD REPORT 2024", 28)),
        text_page(heading=("IIII MINUTES", 36)),
        text_page(lines=["■ first point", "■ second point", "● third point"]),
    ],
    ids=["text", "rules", "frame", "shading", "heading", "big-heading", "bullets"],
)
def test_text_rules_frames_and_shading_are_not_bars(page) -> None:  # type: ignore[no-untyped-def]
    assert found_boxes(jpeg(noisy(render(page, DPI)))) == []


def _grainy_photo(rng: np.random.Generator) -> np.ndarray:
    return rng.normal(60, 45, (180, 240))  # dark and grainy all over


def _blotchy_photo(rng: np.random.Generator) -> np.ndarray:
    field = ndimage.gaussian_filter(rng.normal(0, 1, (180, 240)), 6)
    return 128 + field / field.std() * 70  # dark and light patches, like trees against sky


@pytest.mark.parametrize("photo", [_grainy_photo, _blotchy_photo], ids=["grainy", "blotchy"])
def test_a_photo_and_a_scanner_shadow_are_not_bars(photo) -> None:  # type: ignore[no-untyped-def]
    pixels = render(text_page(), DPI).copy()
    pixels[500:680, 200:440] = photo(np.random.default_rng(9)).clip(0, 255).astype(np.uint8)
    pixels[:, :18] = 20  # the scanner lid's shadow down the left edge
    assert found_boxes(pixels) == []


def test_a_bar_with_a_label_printed_on_it_is_still_a_bar() -> None:
    doc = text_page(boxes=[BAR])
    doc[0].insert_text((BAR[0] + 8, BAR[3] - 3), "REDACTED s.40", fontsize=8, color=(1, 1, 1))
    boxes = find_dark_boxes(noisy(render(doc, DPI)), SCALE)
    assert len(boxes) == 1
    assert_near(boxes[0].to_points(SCALE), BAR)
    assert boxes[0].dark_share < 0.97  # the label shows as holes


def test_rectangularity_of_a_tilted_bar_reports_its_tilt() -> None:
    ys, xs = np.mgrid[0:20, 0:200]
    angle = np.radians(3.0)
    fill, skew = rectangularity(
        np.round(xs * np.cos(angle) - ys * np.sin(angle)).astype(np.intp).ravel(),
        np.round(xs * np.sin(angle) + ys * np.cos(angle)).astype(np.intp).ravel(),
    )
    assert fill > 0.85
    assert skew == pytest.approx(3.0, abs=0.5)


def test_detect_reports_scan_boxes_in_points_with_a_length_from_the_ink() -> None:
    found = scans.detect(scanned_page(noisy(CLEAN)))
    assert [r.kind for r in found] == [Kind.SCAN_BOX, Kind.SCAN_BOX]
    assert {r.detector for r in found} == {"scans"}
    bar, block = found
    assert_near(bar.bbox, BAR)
    # 110 pt of 11 pt Helvetica: about 20 characters (Helvetica averages about half an em).
    assert bar.est_chars is not None and 14 <= bar.est_chars <= 28
    # The block covers five lines at 16 pt leading: roughly five lines' worth of characters.
    assert block.est_chars is not None and 4 * 50 <= block.est_chars <= 6 * 70
    assert block.est_words is not None and block.est_words >= 30


def test_detect_sizes_a_bar_from_the_ocr_text_on_its_line() -> None:
    line_text = "From: Jane Doe            sent the revised schedule."
    spans = (
        Span("From: Jane Doe", 0, (72.0, 97.0, 146.0, 109.0), size=11.0),
        Span("sent the revised schedule.", 26, (262.0, 97.0, 402.0, 109.0), size=11.0),
    )
    line = Line(1, line_text, 0, (72.0, 97.0, 402.0, 109.0), spans)
    bar = scans.detect(scanned_page(render(text_page(boxes=[BAR]), DPI), (line,)))[0]
    glyph = (74.0 + 140.0) / (14 + 26)
    assert bar.bbox is not None
    assert bar.est_chars == round((bar.bbox[2] - bar.bbox[0]) / glyph)
    assert bar.line == 1
    assert bar.context_before.endswith("Jane Doe")
    assert bar.context_after.startswith("sent")


def test_pages_without_an_image_are_left_to_other_detectors() -> None:
    page = Page(number=1, text=BODY[0], start=0, lines=(Line(1, BODY[0], 0),))
    assert scans.detect(page) == []
    assert all(r.kind != Kind.SCAN_BOX for r in detect_page(page))
