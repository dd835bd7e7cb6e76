"""Boxes burnt into scanned pages: found in the page image, placed and sized like drawn boxes.

A scanned page reaches this detector with its grayscale image (`Page.raster`) and, when OCR
ran, its lines of text; the box finder itself lives in `scan_boxes`. A searchable scan (a scan
with an invisible OCR layer of its own) comes with the boxes the PDF reader found burnt into its
image, as `scan` shapes holding the layer's text under each: a bar burnt in after the layer was
made leaves the words it hides in the file, and that is a leak.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

import numpy as np

from redactview.detectors import geometry as geo
from redactview.detectors.box_rules import is_meaningful_leak, looks_like_label
from redactview.detectors.placing import located
from redactview.detectors.scan_boxes import PixelBox, dark_mask, find_dark_boxes
from redactview.model import BBox, Kind, Page, Raster, Redaction, Shape

DETECTOR = "scans"
_GLYPH_PER_FONT_SIZE = 0.5  # an average glyph advance, in ems
_INK_PER_FONT_SIZE = 0.95  # ascender top to descender foot of a line of mixed text, in ems
_PITCH_PER_FONT_SIZE = 1.2  # usual line spacing, in ems
_MIN_INK_ROWS_PT = 4.0  # an inked run of rows thinner than this is a rule, not a line of text
_MAX_INK_ROWS_PT = 40.0  # thicker than this is a picture or a box


def detect(page: Page) -> list[Redaction]:
    """Every burnt-in box on a scanned page, with its bbox in points and a length estimate."""
    burnt = [shape for shape in page.shapes if shape.source == "scan"]
    if burnt:
        found = (_searchable(page, shape) for shape in burnt)
        return [redaction for redaction in found if redaction is not None]
    raster = page.raster
    if raster is None:
        return []
    boxes = find_dark_boxes(raster.pixels, raster.scale)
    if not boxes:
        return []
    font_size = None if page.lines else text_size_from_ink(raster, boxes)
    return [_redaction(page, box.to_points(raster.scale), font_size) for box in boxes]


def _searchable(page: Page, shape: Shape) -> Redaction | None:
    """A box burnt into a searchable scan: a leak when the text layer still holds its words.

    Words printed on the box in a light ink are readable: a label ("(b)(6)", "Withheld") is the
    box's marker; anything else makes it a banner or heading, not a redaction.
    """
    label = shape.label_text
    if label and not looks_like_label(label) and not shape.covered_text:
        return None
    if is_meaningful_leak(shape.covered_text):
        leak = located(page, Kind.TEXT_UNDER_BOX, shape.bbox, leaked=shape.covered_text)
    else:
        leak = located(page, Kind.SCAN_BOX, shape.bbox)
    return replace(leak, detector=DETECTOR, marker=label if label else leak.marker)


def _redaction(page: Page, bbox: BBox, font_size: float | None) -> Redaction:
    redaction = replace(located(page, Kind.SCAN_BOX, bbox), detector=DETECTOR)
    if font_size is None:
        return redaction  # OCR lines sized it, as for a drawn box
    chars, words = length_for_font_size(bbox, font_size)
    return replace(redaction, est_chars=chars, est_words=words, confidence=0.5)


def length_for_font_size(bbox: BBox, font_size: float) -> tuple[int, int]:
    """Characters and words a box hides when the text around it is set at `font_size` points."""
    pitch = _PITCH_PER_FONT_SIZE * font_size
    rows = max(1, round(geo.height(bbox) / pitch))
    chars = max(1, round(geo.width(bbox) / (_GLYPH_PER_FONT_SIZE * font_size))) * rows
    return chars, max(1, round(chars / 6))


def text_size_from_ink(raster: Raster, boxes: list[PixelBox]) -> float | None:
    """The body text's font size, from the height of inked rows once the boxes are blanked.

    Used when a page has no OCR text to measure against:

        ▔▔▔ row with ink ▔▔▔   <- run of inked rows: one line of text
        (blank rows)
        ▔▔▔ row with ink ▔▔▔
    """
    ink = dark_mask(raster.pixels)
    for box in boxes:
        ink[box.top : box.bottom, box.left : box.right] = False
    inked = np.count_nonzero(ink, axis=1) >= 2
    runs = [length * raster.scale for length in _run_lengths(inked)]
    heights = [h for h in runs if _MIN_INK_ROWS_PT <= h <= _MAX_INK_ROWS_PT]
    return statistics.median(heights) / _INK_PER_FONT_SIZE if heights else None


def _run_lengths(flags: np.ndarray) -> list[int]:
    """Lengths of the runs of True in a 1-D boolean array."""
    padded = np.concatenate(([0], flags.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    return [int(n) for n in edges[1::2] - edges[0::2]]
