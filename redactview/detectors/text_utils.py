"""Helpers shared by the text detectors: locating a page index on its line, context, bboxes.

Detectors search `page.text` as a whole (one regex pass per rule, never a Python loop per
character) and turn each hit's page-relative index into document offsets with `PageText`.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Sequence
from dataclasses import fields
from itertools import accumulate, repeat
from operator import add, attrgetter, eq

from redactview.model import BBox, Kind, Line, Page, Redaction, Span, TextLines

CONTEXT_CHARS = 40
# Findings one rule reports on one page at most. A real page (even a 20 MB text release read as
# one page) holds far fewer; a file of two million `[` lines would otherwise cost gigabytes.
MAX_PER_RULE = 100_000
_FIELD_NAMES = tuple(item.name for item in fields(Redaction))
_ALL_FIELDS = attrgetter(*_FIELD_NAMES)
_FIELD_INDEX = {name: index for index, name in enumerate(_FIELD_NAMES)}


class PageText:
    """A page's text with a quick map from an index in `page.text` to its line."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.text = page.text
        self._lines: Sequence[Line] = page.lines or TextLines(page.text, page.start)
        self._match: bool | None = None
        self._bare = isinstance(self._lines, TextLines) and self._lines.start == page.start
        if isinstance(self._lines, TextLines) and self._bare:
            self._starts = self._lines.offsets()  # no Line is made until one is asked for
            self._lengths = self._lines.lengths()
            self._match = True
        else:
            self._starts = [line.start - page.start for line in self._lines]
            self._lengths = [len(line.text) for line in self._lines]

    @property
    def lines(self) -> Sequence[Line]:
        """The page's lines (split from the text when the page came without them)."""
        return self._lines

    def lines_match_text(self) -> bool:
        """True when the lines are the page text cut at its newlines (as loaders make them)."""
        if self._match is None:
            texts = [line.text for line in self._lines]
            joined = "\n".join(texts)
            starts = accumulate(map(add, map(len, texts), repeat(1)), initial=0)
            same_text = self.text in (joined, joined + "\n") if texts else not self.text
            self._match = same_text and all(map(eq, self._starts, starts))
        return self._match

    def line_index(self, index: int) -> int:
        """Position in the page's lines of the line holding page-relative `index` (-1: none)."""
        return bisect_right(self._starts, index) - 1

    def line_start(self, position: int) -> int:
        """Page-relative start of the line at `position` in the page's lines."""
        return self._starts[position]

    def line_text(self, position: int) -> str:
        """The text of the line at `position` in the page's lines."""
        if self._bare:
            start = self._starts[position]
            return self.text[start : start + self._lengths[position]]
        return self._lines[position].text

    def line_number(self, index: int) -> int | None:
        """The number of the line holding page-relative `index` (None before the first line)."""
        position = bisect_right(self._starts, index) - 1
        if position < 0:
            return None
        return position + 1 if self._bare else self._lines[position].number

    def line_at(self, index: int) -> Line | None:
        """The line holding page-relative `index`."""
        position = self.line_index(index)
        return self._lines[position] if position >= 0 else None

    def line_bounds(self, index: int) -> tuple[int, int]:
        """Page-relative start and end of the line holding `index` (the newline excluded)."""
        position = self.line_index(index)
        if position < 0:
            return 0, 0
        start = self._starts[position]
        return start, start + self._lengths[position]

    def finding(
        self,
        kind: Kind,
        detector: str,
        start: int,
        end: int,
        bbox: BBox | None = None,
        **extra: object,
    ) -> Redaction:
        """A Redaction for `text[start:end]` with offsets, line, context and (PDFs) a bbox."""
        offset = self.page.start
        number = self.line_number(start)
        if bbox is None and not self._bare:
            line = self.line_at(start)
            if line is not None and line.spans:
                bbox = span_bbox(line, offset + start, offset + end)
        before, after = context(self.text, start, end)
        return Redaction(
            kind=kind,
            page=self.page.number,
            detector=detector,
            marker=self.text[start:end],
            start=offset + start,
            end=offset + end,
            line=number,
            bbox=bbox,
            context_before=before,
            context_after=after,
            **extra,  # type: ignore[arg-type]
        )


_last: list[PageText | None] = [None]  # the PageText of the page the detectors are working on


def page_text(page: Page) -> PageText:
    """The page's PageText, built once for all the detectors that read the same page."""
    located = _last[0]  # read once: another thread may be scanning another page
    if located is None or located.page is not page:
        located = PageText(page)
        _last[0] = located
    return located


def with_changes(redaction: Redaction, **changes: object) -> Redaction:
    """`dataclasses.replace` for a Redaction at a fraction of its cost; the id is kept as is."""
    values = list(_ALL_FIELDS(redaction))
    for name, value in changes.items():
        values[_FIELD_INDEX[name]] = value
    return Redaction(*values)  # the id comes along, so it is not worked out again


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """Up to `width` characters either side of `text[start:end]`, newlines shown as spaces."""
    before = text[max(0, start - width) : start].replace("\n", " ")
    after = text[end : end + width].replace("\n", " ")
    return before, after


def span_bbox(line: Line, start: int, end: int) -> BBox | None:
    """The box of document offsets `start:end` on a PDF line, interpolating inside spans."""
    parts = (_part_box(span, start, end) for span in line.spans if span.start < end)
    boxes = [box for box in parts if box is not None]
    if not boxes:
        return None if start != end or not line.spans else _point_box(line.spans, start)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _part_box(span: Span, start: int, end: int) -> BBox | None:
    lo, hi = max(start, span.start), min(end, span.end)
    if lo >= hi or not span.text:
        return None
    x0, y0, x1, y1 = span.bbox
    per_char = (x1 - x0) / len(span.text)
    return (x0 + per_char * (lo - span.start), y0, x0 + per_char * (hi - span.start), y1)


def _point_box(spans: tuple[Span, ...], offset: int) -> BBox | None:
    """A thin box where an empty finding sits: just after the span that ends before it."""
    before = [span for span in spans if span.end <= offset]
    if not before:
        return None
    _, y0, x1, y1 = before[-1].bbox
    return (x1, y0, x1, y1)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two half-open ranges share a character (an empty range inside counts)."""
    if a[0] == a[1]:
        return b[0] <= a[0] < b[1] or a == b
    if b[0] == b[1]:
        return a[0] <= b[0] < a[1]
    return a[0] < b[1] and b[0] < a[1]


class Spans:
    """Non-overlapping half-open ranges, asked quickly whether they cover an index."""

    def __init__(self, ranges: list[tuple[int, int]] | None = None) -> None:
        self._ranges = sorted(ranges or [])

    def covers(self, index: int) -> bool:
        """True when some range holds `index`."""
        position = bisect_right(self._ranges, (index, float("inf"))) - 1
        return position >= 0 and self._ranges[position][0] <= index < self._ranges[position][1]

    def add(self, start: int, end: int) -> None:
        """Take the range `start:end` too."""
        insort(self._ranges, (start, end))
