"""Images and annotations on a PDF page that can hide text, and OCR layers over page images."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pymupdf

from redactview.loaders.pdf_cover import (
    Candidate,
    Renderer,
    area,
    as_rgb,
    bbox_of,
    is_hiding_size,
    overlaps_any,
)
from redactview.model import BBox

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
_OUTLINED = {"Square", "Circle", "Polygon"}  # shapes whose stroke only frames what is inside
_ON_TOP = 1 << 29


def image_candidates(page: pymupdf.Page, page_area: float, renderer: Renderer) -> list[Candidate]:
    """Images placed on the page that are uniformly one colour, like a black bar."""
    if not page.get_images(full=False):
        return []  # reading image placement runs a device over the page: skip it when none
    solid = []
    for info in page.get_image_info():
        box = bbox_of(info["bbox"])
        if is_hiding_size(box, page_area) and (fill := renderer.colour(box)) is not None:
            solid.append((box, fill))
    if not solid:
        return []
    order = _image_order(page)  # another pass over the page: only when a solid image is there
    return [Candidate("image", box, fill, 1.0, _seqno_for(box, order)) for box, fill in solid]


def _image_order(page: pymupdf.Page) -> list[tuple[int, BBox]]:
    """Paint order of the page's images, from the bbox log."""
    log = page.get_bboxlog()
    return [(index, tuple(box)) for index, (kind, box) in enumerate(log) if kind == "fill-image"]


def _seqno_for(box: BBox, order: list[tuple[int, BBox]]) -> int:
    """The image's place in paint order; if the log cannot say, assume it lies on top.

    Its rendered area was one solid colour, so whatever text is there cannot be seen.
    """
    for seqno, logged in order:
        if all(abs(p - q) < 1.0 for p, q in zip(box, logged, strict=True)):
            return seqno
    return _ON_TOP


def annotation_candidates(page: pymupdf.Page) -> list[Candidate]:
    """Annotations that can be used to hide text, with the colour they paint."""
    found = []
    for annot in page.annots() or ():
        subtype = annot.type[1]
        if subtype not in _ANNOTATION_KINDS:
            continue
        colours = annot.colors or {}
        fill = as_rgb(colours.get("fill")) or as_rgb(colours.get("stroke"))
        if subtype in _OUTLINED and not colours.get("fill"):
            fill = None  # an outline frames text, it does not hide it
        opacity = annot.opacity if annot.opacity is not None and annot.opacity >= 0 else 1.0
        box = bbox_of(annot.rect & page.rect)
        found.append(Candidate("annotation", box, fill, opacity, 1 << 30, annotation=subtype))
    return found


def text_over_image(page: pymupdf.Page, spans: Sequence[dict[str, Any]], page_area: float) -> bool:
    """True when invisible text lies on a large image: an OCR layer, not a hiding place."""
    hidden = [tuple(s["bbox"]) for s in spans if s.get("alpha", 255) == 0]
    if not hidden or not page.get_images(full=False):
        return False
    big = [
        bbox_of(i["bbox"])
        for i in page.get_image_info()
        if area(bbox_of(i["bbox"])) > 0.3 * page_area
    ]
    return any(overlaps_any(box, big) for box in hidden)
