"""Which text sits under a shape, and which is painted on top of it, from the page's text trace.

Paint order decides what a reader sees. Text painted before a box is hidden by it but still
extractable (a leak); text painted after shows on top (a label), unless it is the box's own
colour, when it is unreadable but just as extractable:

    seqno 3  "Jane Doe"      ← under: covered_text
    seqno 4  ████████████    ← the box
    seqno 5  "REDACTED"      ← on top: label_text (or same_colour_text if black on black)
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pymupdf

from redactview.model import RGB, BBox, Shape

_INSIDE_SHARE = 0.5  # a character counts as covered when half its box is under the shape
_COLOUR_TOLERANCE = 0.06
_INVISIBLE_TYPE = 3  # text render mode 3: neither filled nor stroked


@dataclass(frozen=True, slots=True)
class Candidate:
    """A shape that may hide text, before its text is read."""

    source: str
    bbox: BBox
    fill: RGB | None
    opacity: float
    seqno: int
    annotation: str | None = None
    pieces: int = 1

    def joined(self, other: Candidate) -> Candidate:
        """This candidate grown to include `other`, a piece of the same box."""
        a, b = self.bbox, other.bbox
        box = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
        return Candidate(
            self.source,
            box,
            self.fill,
            min(self.opacity, other.opacity),
            max(self.seqno, other.seqno),
            self.annotation,
            self.pieces + other.pieces,
        )


def overlaps(a: BBox, b: BBox) -> bool:
    """True when two boxes share some area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def overlaps_any(box: BBox, others: Sequence[BBox]) -> bool:
    """True when `box` shares some area with any of `others`."""
    return any(overlaps(box, other) for other in others)


def same_colour(a: RGB | None, b: RGB | None) -> bool:
    """True when two colours are the same to the eye."""
    if a is None or b is None:
        return False
    return all(abs(p - q) <= _COLOUR_TOLERANCE for p, q in zip(a, b, strict=True))


class TraceIndex:
    """The page's text-trace spans, sorted by top edge so a box finds its spans quickly."""

    def __init__(self, spans: list[dict[str, Any]]) -> None:
        self._spans = sorted(spans, key=lambda s: s["bbox"][1])
        self._tops = [s["bbox"][1] for s in self._spans]
        self._tallest = max((s["bbox"][3] - s["bbox"][1] for s in spans), default=0.0)

    def near(self, box: BBox) -> list[dict[str, Any]]:
        """Spans whose box overlaps `box`."""
        low = bisect.bisect_left(self._tops, box[1] - self._tallest)
        high = bisect.bisect_right(self._tops, box[3])
        return [s for s in self._spans[low:high] if overlaps(tuple(s["bbox"]), box)]


class CoverReader:
    """Reads, for each candidate shape, the text under it and on top of it."""

    def __init__(self, page: pymupdf.Page) -> None:
        self._page = page
        self._index: TraceIndex | None = None

    def resolve(self, candidates: list[Candidate], text_boxes: Sequence[BBox]) -> list[Shape]:
        """Turn candidates into Shapes; the text trace is read only if one overlaps text."""
        return [self._shape(c, overlaps_any(c.bbox, text_boxes)) for c in candidates]

    def _trace(self) -> TraceIndex:
        if self._index is None:
            spans = [s for s in self._page.get_texttrace() if s.get("chars")]
            self._index = TraceIndex(spans)
        return self._index

    def _shape(self, candidate: Candidate, has_text: bool) -> Shape:
        under: list[str] = []
        above: list[str] = []
        same: list[str] = []
        if has_text:
            for span in self._trace().near(candidate.bbox):
                text = _chars_inside(span, candidate.bbox)
                if text:
                    _bucket(span, candidate, under, above, same).append(text)
        return Shape(
            source=candidate.source,
            bbox=candidate.bbox,
            fill=candidate.fill,
            opacity=candidate.opacity,
            covered_text=_join(under),
            annotation=candidate.annotation,
            drawn_before_text=bool(above or same),
            seqno=candidate.seqno,
            label_text=_join(above),
            same_colour_text=_join(same),
            pieces=candidate.pieces,
        )


def _bucket(
    span: dict[str, Any],
    candidate: Candidate,
    under: list[str],
    above: list[str],
    same: list[str],
) -> list[str]:
    """Which list a span's covered characters belong in, by paint order and colour."""
    if span.get("type") == _INVISIBLE_TYPE or span.get("opacity", 1.0) == 0:
        return under  # invisible wherever it is painted; extractable all the same
    if span["seqno"] < candidate.seqno:
        return under
    colour = tuple(float(c) for c in span.get("color", ()))
    if len(colour) == 3 and same_colour(colour, candidate.fill):  # type: ignore[arg-type]
        return same
    return above


def _chars_inside(span: dict[str, Any], box: BBox) -> str:
    """The span's characters that lie mostly inside `box`."""
    return "".join(chr(char[0]) for char in span["chars"] if _is_inside(tuple(char[3]), box))


def _is_inside(char: BBox, box: BBox) -> bool:
    width = char[2] - char[0]
    height = char[3] - char[1]
    if width <= 0 or height <= 0:
        cx, cy = (char[0] + char[2]) / 2, (char[1] + char[3]) / 2
        return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]
    inter_w = min(char[2], box[2]) - max(char[0], box[0])
    inter_h = min(char[3], box[3]) - max(char[1], box[1])
    if inter_w <= 0 or inter_h <= 0:
        return False
    return inter_w * inter_h >= _INSIDE_SHARE * width * height


def _join(pieces: list[str]) -> str:
    return " ".join(" ".join(pieces).split())
