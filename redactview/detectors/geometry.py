"""Geometry for detectors: boxes against text lines, x positions to offsets, hidden lengths."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redactview.model import RGB, BBox, Line, Page

_WORD_CHARS = 6.0  # an average English word and the space after it
_ROW_SHARE = 0.5  # a box is on a row when it covers half the row's height (or the row half of it)


@dataclass(frozen=True, slots=True)
class Length:
    """How many characters and words a box could hide, and how sure the estimate is."""

    chars: int
    words: int
    confidence: float


def luminance(colour: RGB) -> float:
    """Perceived brightness of an RGB colour (0 black … 1 white)."""
    r, g, b = colour
    return 0.299 * r + 0.587 * g + 0.114 * b


def width(box: BBox) -> float:
    """The box's width in points."""
    return box[2] - box[0]


def height(box: BBox) -> float:
    """The box's height in points."""
    return box[3] - box[1]


def area(box: BBox) -> float:
    """The box's area, zero for an empty box."""
    return max(0.0, width(box)) * max(0.0, height(box))


def intersection(a: BBox, b: BBox) -> float:
    """The area two boxes share."""
    return area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))


def union(boxes: Iterable[BBox]) -> BBox:
    """The smallest box holding all of `boxes`."""
    x0, y0, x1, y1 = zip(*boxes, strict=True)
    return (min(x0), min(y0), max(x1), max(y1))


def vertical_overlap(a: BBox, b: BBox) -> float:
    """How many points of height two boxes share."""
    return max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def row_of(page: Page, box: BBox) -> Line | None:
    """The text line the box sits on, if it shares most of its height with one."""
    best: Line | None = None
    best_overlap = 0.0
    for line in page.lines:
        if line.bbox is None:
            continue
        overlap = vertical_overlap(line.bbox, box)
        limit = _ROW_SHARE * min(height(line.bbox), height(box))
        if overlap > max(limit, best_overlap):
            best, best_overlap = line, overlap
    return best


def rows_under(page: Page, box: BBox) -> list[Line]:
    """The text lines a box covers, top to bottom: one for a bar, several for a tall box."""
    rows = []
    for line in page.lines:
        if line.bbox is None:
            continue
        limit = _ROW_SHARE * min(height(line.bbox), height(box))
        if vertical_overlap(line.bbox, box) > limit:
            rows.append(line)
    if len(rows) > 1:  # a tall box covers whole lines; a bar may graze the next line's ascenders
        rows = [r for r in rows if r.bbox and vertical_overlap(r.bbox, box) > 0.5 * height(r.bbox)]
    return rows


def nearest_line(page: Page, box: BBox) -> Line | None:
    """The text line whose middle is closest, vertically, to the box's middle."""
    middle = (box[1] + box[3]) / 2
    placed = [line for line in page.lines if line.bbox is not None and line.text.strip()]
    if not placed:
        return None
    return min(placed, key=lambda line: abs(_middle(line) - middle))


def x_to_offset(line: Line, x: float) -> int:
    """The text offset at position `x` on a line, reading glyphs and column gaps as evenly spaced.

    "Name:     was"     the loader turns the gap a box leaves into spaces;
     Name: ████ was     x inside the gap maps onto those spaces
    """
    spans = line.spans
    if not spans or x <= spans[0].bbox[0]:
        return line.start
    points: list[tuple[float, int]] = []
    for span in spans:
        points.append((span.bbox[0], span.start))
        points.append((span.bbox[2], span.end))
    for (xa, oa), (xb, ob) in itertools.pairwise(points):
        if xa <= x <= xb:
            share = (x - xa) / (xb - xa) if xb > xa else 0.0
            return oa + round(share * (ob - oa))
    return line.end


def glyph_width(spans_lines: Sequence[Line], avoid: BBox | None = None) -> float | None:
    """The average advance of a visible character on these lines, outside `avoid`."""
    total_width = 0.0
    total_chars = 0
    for line in spans_lines:
        for span in line.spans:
            if span.invisible or (avoid and intersection(span.bbox, avoid) > 0):
                continue
            total_width += width(span.bbox)
            total_chars += len(span.text)
    return total_width / total_chars if total_chars >= 3 else None


def line_pitch(page: Page) -> float | None:
    """The usual distance between the tops of consecutive text lines on the page."""
    placed = [line.bbox for line in page.lines if line.bbox is not None]
    if not placed:
        return None
    tall = statistics.median(height(box) for box in placed)
    tops = sorted(box[1] for box in placed)
    # Blank lines and paragraph breaks leave wider steps: only steps of about one line count.
    steps = [b - a for a, b in itertools.pairwise(tops) if 0.5 * tall < b - a < 2.0 * tall]
    return statistics.median(steps) if steps else 1.2 * tall


def estimate_length(page: Page, box: BBox, row: Line | None) -> Length:
    """How many characters a box hides, from the glyph width of text on its row or nearby.

    Boxes taller than a line count every line they cover.
    """
    glyph, confidence = _glyph_for(page, box, row)
    pitch = line_pitch(page) or height(box)
    rows = max(1, round(height(box) / pitch)) if height(box) > 1.5 * pitch else 1
    if rows > 1:
        confidence *= 0.85
    chars = max(1, round(width(box) / glyph)) * rows
    return Length(chars, max(1, round(chars / _WORD_CHARS)), round(confidence, 2))


def words_in(text: str) -> int:
    """How many words a piece of text holds."""
    return len(text.split())


def _glyph_for(page: Page, box: BBox, row: Line | None) -> tuple[float, float]:
    if row is not None and (glyph := glyph_width([row], avoid=box)):
        return glyph, 0.85
    middle = (box[1] + box[3]) / 2
    placed = [line for line in page.lines if line.bbox is not None and line.spans]
    placed.sort(key=lambda line: abs(_middle(line) - middle))
    if glyph := glyph_width(placed[:3], avoid=box):
        return glyph, 0.65
    # No text to measure against: a glyph is about half the font size, the font ~0.8 of the box.
    return max(1.0, 0.4 * min(height(box), 14.0)), 0.4


def _middle(line: Line) -> float:
    box = line.bbox or (0.0, 0.0, 0.0, 0.0)
    return (box[1] + box[3]) / 2
