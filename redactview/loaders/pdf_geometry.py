"""What is painted on a PDF page that could hide text: filled paths, images and annotations.

The loader reads the page's drawings once, keeps only the fills that could cover a word, and
works out what text sits under or on top of each one. Per-character work (the text trace) is
done only on pages where a candidate shape overlaps some text, so plain pages stay cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from redactview.loaders.pdf_cover import Candidate, CoverReader, overlaps_any
from redactview.model import RGB, BBox, Shape

_MIN_SIDE = 4.0  # x-ray's threshold: thinner fills are rules, underlines and borders
_RULE_THICKNESS = 2.5
_MIN_OPACITY = 0.9
_BACKGROUND_SHARE = 0.5  # a fill covering half the page is a background, not a redaction
_LIGHT = 0.9  # luminance above which a fill only matters if text is under it
_ANNOTATION_KINDS = {
    "Redact",
    "Highlight",
    "Square",
    "Circle",
    "Polygon",
    "Ink",
    "FreeText",
    "Stamp",
}


@dataclass(slots=True)
class Geometry:
    """Shapes and rules read from one page, plus whether its invisible text is an OCR layer."""

    shapes: tuple[Shape, ...] = ()
    rules: tuple[BBox, ...] = ()
    text_over_image: bool = False
    warnings: list[str] = field(default_factory=list)


def read_geometry(page: pymupdf.Page, spans: Sequence[dict[str, Any]]) -> Geometry:
    """Read the page's candidate shapes and table rules; `spans` are its text-dict spans."""
    rect = page.rect
    page_area = max(rect.width * rect.height, 1.0)
    text_boxes = [tuple(s["bbox"]) for s in spans]
    annotations = _annotation_candidates(page)
    drawings = _page_content(page.get_drawings(), [a.bbox for a in annotations])
    candidates = _path_candidates(drawings, page_area, text_boxes)
    images = _image_candidates(page, page_area)
    candidates.extend(
        i for i in images if not any(_inside(i.bbox, a.bbox, 2.0) for a in annotations)
    )
    candidates.extend(annotations)
    shapes = CoverReader(page).resolve(candidates, text_boxes)
    return Geometry(
        shapes=tuple(shapes),
        rules=tuple(_rules(drawings)),
        text_over_image=_text_over_image(page, spans, page_area),
    )


def luminance(colour: RGB) -> float:
    """Perceived brightness of an RGB colour (0 black … 1 white), ITU-R BT.601 weights."""
    r, g, b = colour
    return 0.299 * r + 0.587 * g + 0.114 * b


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


def _page_content(drawings: list[dict[str, Any]], annotations: list[BBox]) -> list[dict[str, Any]]:
    """Drop the drawings that are annotations' appearances: MuPDF lists them with the page's.

    Annotations are read as annotations, with their own subtype and colours.
    """
    if not annotations:
        return drawings
    return [d for d in drawings if not any(_inside(_bbox(d["rect"]), a, 2.0) for a in annotations)]


def _path_candidates(
    drawings: Iterable[dict[str, Any]], page_area: float, text_boxes: Sequence[BBox]
) -> list[Candidate]:
    """Opaque filled rectangles, quads and closed paths big enough to hide a word."""
    found: list[Candidate] = []
    for drawing in drawings:
        fill = as_rgb(drawing.get("fill"))
        opacity = drawing.get("fill_opacity")
        if fill is None or (opacity is not None and opacity < _MIN_OPACITY):
            continue
        for box in _path_boxes(drawing):
            if not _is_hiding_size(box, page_area):
                continue
            if luminance(fill) > _LIGHT and not overlaps_any(box, text_boxes):
                continue  # white fills are everywhere; only those over text matter
            found.append(
                Candidate("path", box, fill, 1.0 if opacity is None else opacity, drawing["seqno"])
            )
    return merge_pieces(found)


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
            boxes.append(_bbox(item[1]))
        elif item[0] == "qu":
            boxes.append(_bbox(item[1].rect))
    if not boxes:
        boxes.append(_bbox(drawing["rect"]))
    return boxes


def _bbox(rect: Any) -> BBox:
    r = pymupdf.Rect(rect).normalize()
    return (r.x0, r.y0, r.x1, r.y1)


def _is_hiding_size(box: BBox, page_area: float) -> bool:
    width, height = box[2] - box[0], box[3] - box[1]
    if width < _MIN_SIDE or height < _MIN_SIDE:
        return False
    return width * height < _BACKGROUND_SHARE * page_area


def merge_pieces(candidates: list[Candidate]) -> list[Candidate]:
    """Merge pieces of one box: same fill, on the same band, touching or overlapping.

    ████████|██████    two abutting fills → one box
    """
    merged: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.bbox[1], c.bbox[0])):
        for index, other in enumerate(merged):
            if _same_box(other, candidate):
                merged[index] = other.joined(candidate)
                break
        else:
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
    return _inside(a, b) or _inside(b, a)


def _inside(a: BBox, b: BBox, slack: float = 0.5) -> bool:
    """True when `a` lies within `b`, give or take `slack` points."""
    return all(a[i] >= b[i] - slack for i in (0, 1)) and all(a[i] <= b[i] + slack for i in (2, 3))


def _image_candidates(page: pymupdf.Page, page_area: float) -> list[Candidate]:
    """Images placed on the page that are uniformly one colour, like a black bar."""
    if not page.get_images(full=False):
        return []  # reading image placement runs a device over the page: skip it when none
    order = _image_order(page)
    found = []
    for info in page.get_image_info():
        box = _bbox(info["bbox"])
        if not _is_hiding_size(box, page_area):
            continue
        fill = _rendered_colour(page, box)
        if fill is not None:
            found.append(Candidate("image", box, fill, 1.0, _seqno_for(box, order)))
    return found


def _image_order(page: pymupdf.Page) -> list[tuple[int, BBox]]:
    """Paint order of the page's images, from the bbox log."""
    log = page.get_bboxlog()
    return [(index, tuple(box)) for index, (kind, box) in enumerate(log) if kind == "fill-image"]


def _seqno_for(box: BBox, order: list[tuple[int, BBox]]) -> int:
    for seqno, logged in order:
        if all(abs(p - q) < 1.0 for p, q in zip(box, logged, strict=True)):
            return seqno
    return -1


def _rendered_colour(page: pymupdf.Page, box: BBox) -> RGB | None:
    """The colour of the rendered area when nearly all of it is one colour, else None."""
    scale = min(1.0, 40.0 / max(box[3] - box[1], 1.0))
    matrix = pymupdf.Matrix(scale, scale)
    pixmap = page.get_pixmap(matrix=matrix, clip=pymupdf.Rect(box), colorspace=pymupdf.csRGB)
    if pixmap.width == 0 or pixmap.height == 0:
        return None
    share, pixel = pixmap.color_topusage()
    if share < 0.9:
        return None  # a photo, a logo or a scan: not a solid bar
    return (pixel[0] / 255, pixel[1] / 255, pixel[2] / 255)


def _annotation_candidates(page: pymupdf.Page) -> list[Candidate]:
    """Annotations that can be used to hide text, with the colour they paint."""
    found = []
    for annot in page.annots() or ():
        subtype = annot.type[1]
        if subtype not in _ANNOTATION_KINDS:
            continue
        colours = annot.colors or {}
        fill = as_rgb(colours.get("fill")) or as_rgb(colours.get("stroke"))
        if subtype == "Square" and not colours.get("fill"):
            fill = None  # an outline frames text, it does not hide it
        opacity = annot.opacity if annot.opacity is not None and annot.opacity >= 0 else 1.0
        box = _bbox(annot.rect & page.rect)
        found.append(Candidate("annotation", box, fill, opacity, 1 << 30, annotation=subtype))
    return found


def _rules(drawings: Iterable[dict[str, Any]]) -> list[BBox]:
    """Thin horizontal and vertical lines: table rules, borders, underlines."""
    rules: list[BBox] = []
    for drawing in drawings:
        stroked = "s" in drawing.get("type", "")
        for item in drawing.get("items", ()):
            if item[0] == "l":
                rules.extend(_axis_line(item[1], item[2]))
            elif item[0] == "re":
                rules.extend(_rect_rules(_bbox(item[1]), stroked))
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


def _text_over_image(page: pymupdf.Page, spans: Sequence[dict[str, Any]], page_area: float) -> bool:
    """True when invisible text lies on a large image: an OCR layer, not a hiding place."""
    hidden = [tuple(s["bbox"]) for s in spans if s.get("alpha", 255) == 0]
    if not hidden or not page.get_images(full=False):
        return False
    big = [
        _bbox(i["bbox"]) for i in page.get_image_info() if _area(_bbox(i["bbox"])) > 0.3 * page_area
    ]
    return any(overlaps_any(box, big) for box in hidden)


def _area(box: BBox) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])
