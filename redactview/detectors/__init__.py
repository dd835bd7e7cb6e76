"""Detectors: pure functions from a Page (plain data) to the redactions found on it.

Each family lives in its own module and exposes `detect(page) -> list[Redaction]`. `detect_page`
runs them all and settles overlaps, so one hidden thing is reported once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache

from redactview.detectors.settle import settle
from redactview.detectors.text_utils import MAX_PER_RULE
from redactview.model import Page, Redaction, TextLines

PageDetector = Callable[[Page], list[Redaction]]


@cache  # imported on first use, so that importing the package stays light
def page_detectors() -> tuple[PageDetector, ...]:
    """The detectors run on every page, in order."""
    from redactview.detectors import boxes, marks, missing_values, scans

    return (marks.detect, missing_values.detect, boxes.detect, scans.detect)  # text ones first


def detect_page(page: Page) -> list[Redaction]:
    """Every redaction on the page, in reading order."""
    found: list[Redaction] = []
    detectors = page_detectors()
    if _text_only(page):
        detectors = detectors[:2]  # boxes and scans read shapes, rules, spans and images only
    for detector in detectors:
        found.extend(detector(page))
    if page.shapes and page.text_over_image:  # a searchable scan: its image shows drawn boxes
        from redactview.detectors import boxes, scans

        found = boxes.drop_rendered(found, scans.DETECTOR)
    return sorted(settle(found), key=_reading_order)


def limit_warnings(page: Page, found: list[Redaction]) -> list[str]:
    """A warning for each rule that stopped at its limit on the page: more may be there."""
    if len(found) < MAX_PER_RULE:
        return []  # no rule can have reached its limit
    counts = Counter(redaction.detector for redaction in found)
    return [
        f"page {page.number}: {detector} stopped after {MAX_PER_RULE:,} findings; more may follow"
        for detector, count in counts.items()
        if count >= MAX_PER_RULE
    ]


def _text_only(page: Page) -> bool:
    """True for a page of bare text (a text release): nothing drawn, no spans, no image."""
    if page.shapes or page.rules or page.raster is not None:
        return False
    return isinstance(page.lines, TextLines) or not any(line.spans for line in page.lines)


def _reading_order(redaction: Redaction) -> tuple[int, int, int, float, float]:
    """Page, then line (a shape placed on no line goes last), then offset, then position."""
    line = redaction.line if redaction.line is not None else 1 << 30
    start = redaction.start if redaction.start is not None else -1
    y, x = (redaction.bbox[1], redaction.bbox[0]) if redaction.bbox else (0.0, 0.0)
    return (redaction.page, line, start, y, x)
