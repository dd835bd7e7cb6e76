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

_INSIDE_SHARE = 0.7  # a glyph is covered when most of it is under the shape (x-ray: 0.8)
_COLOUR_TOLERANCE = 0.06
_INVISIBLE_TYPE = 3  # text render mode 3: neither filled nor stroked
_SOLID_SHARE = 0.9  # share of pixels in one colour for an area to look like a solid bar
_MIN_SIDE = 4.0  # x-ray's threshold: thinner fills are rules, underlines and borders
_BACKGROUND_SHARE = 0.5  # a fill covering half the page is a background, not a redaction


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


def as_rgb(value: Sequence[float] | None) -> RGB | None:
    """A PyMuPDF colour (gray, RGB or CMYK, 0–1) as an RGB triple."""
    if not value:
        return None
    if len(value) == 1:
        return (float(value[0]),) * 3  # type: ignore[return-value]
    if len(value) == 4:
        c, m, y, k = value
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    r, g, b = value[:3]
    return (float(r), float(g), float(b))


def bbox_of(rect: Any) -> BBox:
    """A PyMuPDF rect (or anything it accepts) as a normalised bbox tuple."""
    r = pymupdf.Rect(rect).normalize()
    return (r.x0, r.y0, r.x1, r.y1)


def is_hiding_size(box: BBox, page_area: float) -> bool:
    """True when a box is big enough to hide a word and small enough not to be a background."""
    width, height = box[2] - box[0], box[3] - box[1]
    if width < _MIN_SIDE or height < _MIN_SIDE:
        return False
    return width * height < _BACKGROUND_SHARE * page_area


def inside(a: BBox, b: BBox, slack: float = 0.5) -> bool:
    """True when `a` lies within `b`, give or take `slack` points."""
    return all(a[i] >= b[i] - slack for i in (0, 1)) and all(a[i] <= b[i] + slack for i in (2, 3))


def area(box: BBox) -> float:
    """The box's area, zero when empty."""
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def overlaps(a: BBox, b: BBox, margin: float = 0.0) -> bool:
    """True when two boxes share more than `margin` points both across and down."""
    across = min(a[2], b[2]) - max(a[0], b[0])
    down = min(a[3], b[3]) - max(a[1], b[1])
    return across > margin and down > margin


def overlaps_any(box: BBox, others: Sequence[BBox], margin: float = 0.0) -> bool:
    """True when `box` overlaps any of `others` by more than `margin` points each way."""
    return any(overlaps(box, other, margin) for other in others)


def same_colour(a: RGB | None, b: RGB | None) -> bool:
    """True when two colours are the same to the eye."""
    if a is None or b is None:
        return False
    return all(abs(p - q) <= _COLOUR_TOLERANCE for p, q in zip(a, b, strict=True))


class Renderer:
    """Renders small areas of one page, interpreting the page only once for all of them."""

    def __init__(self, page: pymupdf.Page) -> None:
        self._page = page
        self._list: pymupdf.DisplayList | None = None

    def colour(self, box: BBox) -> RGB | None:
        """The colour of the rendered area when nearly all of it is one colour, else None."""
        # The edges render half-covered pixels; look only inside, a point in from each side.
        inset = min(1.0, 0.2 * (box[2] - box[0]), 0.2 * (box[3] - box[1]))
        clip = pymupdf.Rect(box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset)
        scale = min(1.0, 40.0 / max(clip.height, 1.0))
        if self._list is None:
            self._list = self._page.get_displaylist()
        pixmap = self._list.get_pixmap(
            matrix=pymupdf.Matrix(scale, scale), colorspace=pymupdf.csRGB, clip=clip
        )
        if pixmap.width == 0 or pixmap.height == 0:
            return None
        share, pixel = pixmap.color_topusage()
        if share < _SOLID_SHARE:
            return None  # a photo, a logo or a scan: not a solid bar
        return (pixel[0] / 255, pixel[1] / 255, pixel[2] / 255)


class BoxIndex:
    """Boxes sorted by top edge, so a query box finds the few it overlaps without a full scan."""

    def __init__(self, boxes: Sequence[BBox]) -> None:
        self._order = sorted(range(len(boxes)), key=lambda i: boxes[i][1])
        self._boxes = [boxes[i] for i in self._order]
        self._tops = [box[1] for box in self._boxes]
        self._tallest = max((box[3] - box[1] for box in boxes), default=0.0)

    def near(self, box: BBox, margin: float = 0.0) -> list[int]:
        """Positions (in the order given) of the boxes overlapping `box` by more than `margin`."""
        low = bisect.bisect_left(self._tops, box[1] - self._tallest)
        high = bisect.bisect_right(self._tops, box[3])
        hits = range(low, high)
        return [self._order[i] for i in hits if overlaps(self._boxes[i], box, margin)]

    def touches(self, box: BBox, margin: float = 0.0) -> bool:
        """True when any box overlaps `box` by more than `margin`."""
        return bool(self.near(box, margin))


class CoverReader:
    """Reads, for each candidate shape, the text under it and on top of it."""

    def __init__(self, page: pymupdf.Page, renderer: Renderer) -> None:
        self._page = page
        self._renderer = renderer
        self._spans: list[dict[str, Any]] | None = None
        self._index: BoxIndex | None = None

    def resolve(self, candidates: list[Candidate], text: BoxIndex) -> list[Shape]:
        """Turn candidates into Shapes; the text trace is read only if one overlaps text."""
        # A proper box abuts the words beside it: touching them is not covering them.
        return [self._shape(c, text.touches(c.bbox, 1.0)) for c in candidates]

    def _trace(self) -> tuple[list[dict[str, Any]], BoxIndex]:
        if self._spans is None:
            self._spans = [s for s in self._page.get_texttrace() if s.get("chars")]
            self._index = BoxIndex([tuple(s["bbox"]) for s in self._spans])
        assert self._index is not None
        return self._spans, self._index

    def _shape(self, candidate: Candidate, has_text: bool) -> Shape:
        under: list[str] = []
        above: list[str] = []
        same: list[str] = []
        if has_text:
            spans, index = self._trace()
            for span in (spans[i] for i in index.near(candidate.bbox)):
                text = _chars_inside(span, candidate.bbox)
                if text:
                    _bucket(span, candidate, under, above, same).append(text)
        solid = True
        if under and not (above or same) and candidate.source == "path":
            # Clip paths, blend modes and winding rules can leave text visible through a
            # fill that seems to cover it; the rendered area tells what a reader sees.
            solid = self._renderer.colour(candidate.bbox) is not None
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
            solid=solid,
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
