"""Visual rows from PyMuPDF text spans: the lines a reader sees, with their text and offsets.

Table cells are separate PDF lines; a reader sees them as one row, and so do detectors:

    Supplier    Contract value      <- two PDF lines, one row

Spans are taken top to bottom; a span joins the row above when it shares most of its height
with it. Each row reads left to right, with spaces for the gaps between its spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from redactview.loaders.assemble import RawLine
from redactview.model import BBox, Line, Span

SpanDict = dict[str, Any]  # a span of PyMuPDF's text dict: text, bbox, size, font, color, alpha
_MAX_GAP_SPACES = 40


def merge_rows(lines: Iterable[list[SpanDict]]) -> list[RawLine]:
    """Merge PDF lines sharing a baseline into visual rows, read left to right."""
    rows = group_rows([span for line in lines for span in line])
    return [RawLine(*row_text(row, 0)) for row in rows]


def page_lines(spans: Sequence[SpanDict], start: int) -> tuple[str, tuple[Line, ...]]:
    """The page's text (its rows joined by newlines) and its Lines, offsets from `start`."""
    texts: list[str] = []
    lines: list[Line] = []
    offset = start
    for number, row in enumerate(group_rows(spans), start=1):
        text, bbox, row_spans = row_text(row, offset)
        lines.append(Line(number, text, offset, bbox, row_spans))
        texts.append(text)
        offset += len(text) + 1
    return "\n".join(texts), tuple(lines)


def group_rows(spans: Sequence[SpanDict]) -> list[list[SpanDict]]:
    """Spans grouped into rows, top to bottom, each row's spans left to right."""
    rows: list[list[SpanDict]] = []
    row: list[SpanDict] = []
    top = bottom = 0.0  # the current row's extent down the page
    for span in sorted(spans, key=_top_left):
        _, y0, _, y1 = span["bbox"]
        overlap = min(bottom, y1) - max(top, y0)
        if row and overlap > 0.5 * min(bottom - top, y1 - y0):
            row.append(span)
            top, bottom = min(top, y0), max(bottom, y1)
        else:
            row = [span]
            rows.append(row)
            top, bottom = y0, y1
    return [row if len(row) == 1 else sorted(row, key=_left) for row in rows]


def row_text(row: Sequence[SpanDict], offset: int) -> tuple[str, BBox, tuple[Span, ...]]:
    """A row's text, bbox and Spans; the spans' starts count from `offset`."""
    if len(row) == 1:  # most rows: one span, nothing to join
        only = _span(row[0], offset)
        return only.text, only.bbox, (only,)
    pieces: list[str] = []
    spans: list[Span] = []
    length = offset
    previous: SpanDict | None = None
    for span in row:
        if previous is not None:
            gap = _gap(previous, span)
            pieces.append(gap)
            length += len(gap)
        text = span["text"]
        spans.append(_span(span, length))
        pieces.append(text)
        length += len(text)
        previous = span
    return "".join(pieces), _union([span.bbox for span in spans]), tuple(spans)


def _span(span: SpanDict, start: int) -> Span:
    bbox: BBox = tuple(span["bbox"])  # type: ignore[assignment]
    return Span(
        span["text"],
        start,
        bbox,
        float(span.get("size", 0.0)),
        str(span.get("font", "")),
        int(span.get("color", 0)),
        span.get("alpha", 255) == 0,
    )


def _top_left(span: SpanDict) -> tuple[float, float]:
    bbox = span["bbox"]
    return (bbox[1], bbox[0])


def _left(span: SpanDict) -> float:
    return span["bbox"][0]  # type: ignore[no-any-return]


def _gap(left: SpanDict, right: SpanDict) -> str:
    """Spaces for the horizontal gap between two spans: one for a word gap, more for columns."""
    gap = right["bbox"][0] - left["bbox"][2]
    width = max(left.get("size", 10.0) * 0.5, 1.0)  # a typical glyph is about half the font size
    if gap < width * 0.3 and not left["text"].endswith(" ") and not right["text"].startswith(" "):
        return "" if gap < width * 0.1 else " "
    return " " * max(1, min(_MAX_GAP_SPACES, round(gap / width)))


def _union(boxes: Sequence[BBox]) -> BBox:
    if len(boxes) == 1:
        return boxes[0]
    x0, y0, x1, y1 = zip(*boxes, strict=True)
    return (min(x0), min(y0), max(x1), max(y1))
