"""What is painted on a PDF page that could hide text: filled paths, images and annotations.

The loader reads the page's drawings once, keeps only the fills that could cover a word, and
works out what text sits under or on top of each one. Per-character work (the text trace) is
done only on pages where a candidate shape overlaps some text, so plain pages stay cheap; a
page whose content stream holds text operators only is not read for drawings at all
(`pdf_content.may_draw`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from redactview.loaders.pdf_content import may_draw
from redactview.loaders.pdf_cover import (
    BoxIndex,
    Candidate,
    CoverReader,
    Renderer,
    as_rgb,
    bbox_of,
    inside,
    is_hiding_size,
)
from redactview.loaders.pdf_overlays import annotation_candidates, image_candidates, text_over_image
from redactview.model import RGB, BBox, Shape

_RULE_THICKNESS = 2.5
_MIN_OPACITY = 0.9
_LIGHT = 0.9  # luminance above which a fill only matters if text is under it


@dataclass(slots=True)
class Geometry:
    """Shapes and rules read from one page, plus whether its invisible text is an OCR layer."""

    shapes: tuple[Shape, ...] = ()
    rules: tuple[BBox, ...] = ()
    text_over_image: bool = False
    warnings: list[str] = field(default_factory=list)


def read_geometry(page: pymupdf.Page, spans: Sequence[dict[str, Any]]) -> Geometry:
    """Read the page's candidate shapes and table rules; `spans` are its text-dict spans."""
    if not may_draw(page):
        return Geometry()  # text operators only: nothing drawn, no image, no annotation
    annotations = annotation_candidates(page)
    drawings = _page_content(page.get_drawings(), [a.bbox for a in annotations])
    rect = page.rect
    page_area = max(rect.width * rect.height, 1.0)
    text = BoxIndex([tuple(s["bbox"]) for s in spans])
    candidates = _path_candidates(drawings, page_area, text)
    renderer = Renderer(page)
    images = image_candidates(page, page_area, renderer)
    candidates.extend(
        i for i in images if not any(inside(i.bbox, a.bbox, 2.0) for a in annotations)
    )
    candidates.extend(annotations)
    shapes = CoverReader(page, renderer).resolve(candidates, text)
    return Geometry(
        shapes=tuple(shapes),
        rules=tuple(_rules(drawings)),
        text_over_image=text_over_image(page, spans, page_area),
    )


def luminance(colour: RGB) -> float:
    """Perceived brightness of an RGB colour (0 black … 1 white), ITU-R BT.601 weights."""
    r, g, b = colour
    return 0.299 * r + 0.587 * g + 0.114 * b


def _page_content(drawings: list[dict[str, Any]], annotations: list[BBox]) -> list[dict[str, Any]]:
    """Drop the drawings that are annotations' appearances: MuPDF lists them with the page's.

    Annotations are read as annotations, with their own subtype and colours.
    """
    if not annotations:
        return drawings
    return [d for d in drawings if not any(inside(bbox_of(d["rect"]), a, 2.0) for a in annotations)]


def _path_candidates(
    drawings: Iterable[dict[str, Any]], page_area: float, text: BoxIndex
) -> list[Candidate]:
    """Opaque filled rectangles, quads and closed paths big enough to hide a word; hatching."""
    found: list[Candidate] = []
    hatches: list[Candidate] = []
    for drawing in drawings:
        if is_cross_hatch(drawing):
            box = bbox_of(drawing["rect"])
            colour = as_rgb(drawing.get("color"))
            if is_hiding_size(box, page_area):
                hatches.append(Candidate("hatch", box, colour, 1.0, drawing["seqno"]))
            continue
        fill = as_rgb(drawing.get("fill"))
        opacity = drawing.get("fill_opacity")
        if fill is None or (opacity is not None and opacity < _MIN_OPACITY):
            continue
        alpha = 1.0 if opacity is None else float(opacity)
        for box in _path_boxes(drawing):
            if not is_hiding_size(box, page_area):
                continue
            if luminance(fill) > _LIGHT and not text.touches(box):
                continue  # white fills are everywhere; only those over text matter
            found.append(Candidate("path", box, fill, alpha, drawing["seqno"]))
    return merge_pieces(found) + hatches


def is_cross_hatch(drawing: dict[str, Any]) -> bool:
    """True for a drawing made only of crossing diagonal pairs, a hatched redaction:

    ╲╱╲╱╲╱      each X is two lines over the same x-range,
    ╱╲╱╲╱╲      one rising and one falling
    """
    items = drawing.get("items", ())
    if len(items) < 2 or len(items) % 2 or any(item[0] != "l" for item in items):
        return False
    return all(_crossing(items[i], items[i + 1]) for i in range(0, len(items), 2))


def _crossing(first: tuple[Any, ...], second: tuple[Any, ...]) -> bool:
    (_, a0, a1), (_, b0, b1) = first[:3], second[:3]
    same_span = abs(a0.x - b0.x) <= 1 and abs(a1.x - b1.x) <= 1 and abs(a1.x - a0.x) > 1
    slopes = (a1.y - a0.y) * (b1.y - b0.y)
    return same_span and slopes < 0


def _path_boxes(drawing: dict[str, Any]) -> list[BBox]:
    """Each rectangle or quad of a drawing, or its outline when it is one closed path.

    A drawing can hold one bar per redacted line; its outer rect would also cover the
    visible words between them, so the pieces are taken one by one:

        | some visible letters ██████████ |
        | ████████████ more letters here  |
    """
    boxes = []
    for item in drawing.get("items", ()):
        if item[0] == "re":
            boxes.append(bbox_of(item[1]))
        elif item[0] == "qu":
            boxes.append(bbox_of(item[1].rect))
    if not boxes:
        boxes.append(bbox_of(drawing["rect"]))
    return boxes


def merge_pieces(candidates: list[Candidate]) -> list[Candidate]:
    """Merge pieces of one box: same fill, on the same band, touching or overlapping.

    ████████|██████    two abutting fills → one box
    """
    merged: list[Candidate] = []
    active: list[int] = []  # merged boxes that reach down to the current candidate
    for candidate in sorted(candidates, key=lambda c: (c.bbox[1], c.bbox[0])):
        active = [i for i in active if merged[i].bbox[3] >= candidate.bbox[1] - 1.0]
        for index in active:
            if _same_box(merged[index], candidate):
                merged[index] = merged[index].joined(candidate)
                break
        else:
            active.append(len(merged))
            merged.append(candidate)
    return merged


def _same_box(a: Candidate, b: Candidate) -> bool:
    if a.fill != b.fill:
        return False
    ax0, ay0, ax1, ay1 = a.bbox
    bx0, by0, bx1, by1 = b.bbox
    band = min(ay1, by1) - max(ay0, by0)
    if band < 0.8 * min(ay1 - ay0, by1 - by0):
        return _nested(a.bbox, b.bbox)
    return min(ax1, bx1) - max(ax0, bx0) > -1.0  # overlapping or within a point


def _nested(a: BBox, b: BBox) -> bool:
    return inside(a, b) or inside(b, a)


def _rules(drawings: Iterable[dict[str, Any]]) -> list[BBox]:
    """Thin horizontal and vertical lines: table rules, borders, underlines."""
    rules: list[BBox] = []
    for drawing in drawings:
        stroked = "s" in drawing.get("type", "")
        for item in drawing.get("items", ()):
            if item[0] == "l":
                rules.extend(_axis_line(item[1], item[2]))
            elif item[0] == "re":
                rules.extend(_rect_rules(bbox_of(item[1]), stroked))
    return rules


def _axis_line(p: Any, q: Any) -> list[BBox]:
    if abs(p.y - q.y) < 1.0 or abs(p.x - q.x) < 1.0:
        return [(min(p.x, q.x), min(p.y, q.y), max(p.x, q.x), max(p.y, q.y))]
    return []


def _rect_rules(box: BBox, stroked: bool) -> list[BBox]:
    x0, y0, x1, y1 = box
    if min(x1 - x0, y1 - y0) <= _RULE_THICKNESS:
        return [box]
    if not stroked:
        return []
    return [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]
