"""Boxes drawn over text: proper redactions, and the leaky ones that hide nothing.

Reads the shapes the PDF loader put on the page. A shape is a proper redaction (`box`) when it
is dark, opaque and nothing can be extracted from under it; it is leaky when the text it seems
to hide is still there (under it, on top of it in its own colour, or under a white box or an
annotation). Invisible text anywhere else on the page is a leak too.
"""

from __future__ import annotations

from redactview.detectors import geometry as geo
from redactview.detectors.box_rules import (
    is_box_shaped,
    is_dark,
    is_light,
    is_meaningful_leak,
    is_pale,
    looks_like_label,
)
from redactview.detectors.placing import DETECTOR, located
from redactview.detectors.tables import mark_missing_values
from redactview.model import BBox, Kind, Line, Page, Redaction, Shape, Span

__all__ = ["DETECTOR", "classify", "detect", "drop_duplicates", "drop_rendered", "invisible_text"]
_DUPLICATE_SHARE = 0.8


def detect(page: Page) -> list[Redaction]:
    """Every box, leaky box and piece of invisible text on the page."""
    found = [r for shape in page.shapes if (r := classify(page, shape)) is not None]
    found.extend(invisible_text(page, found))
    return mark_missing_values(page, drop_duplicates(found))


def classify(page: Page, shape: Shape) -> Redaction | None:
    """The redaction a shape makes, or None when it is not one (a highlight, a banner)."""
    if shape.source == "annotation":
        return _annotation(page, shape)
    if shape.fill is None:
        return None
    if shape.source == "hatch":
        return _hatch(page, shape)
    if is_meaningful_leak(shape.covered_text):
        if not shape.solid:
            return None  # the text shows through: a hollow or clipped fill hides nothing
        if is_light(shape.fill):  # hides text from the eye, but may be page layout
            return _leak(page, shape, Kind.WHITE_BOX, shape.covered_text, confidence=0.75)
        return _leak(page, shape, Kind.TEXT_UNDER_BOX, shape.covered_text)
    if is_meaningful_leak(shape.same_colour_text):
        return _leak(page, shape, Kind.SAME_COLOUR_TEXT, shape.same_colour_text)
    return _proper_box(page, shape)


def _annotation(page: Page, shape: Shape) -> Redaction | None:
    """Redact annotations never applied, and dark markup laid over text."""
    leaked = shape.covered_text if is_meaningful_leak(shape.covered_text) else ""
    if shape.annotation == "Redact":
        if leaked:
            return _leak(page, shape, Kind.UNAPPLIED_ANNOTATION, leaked)
        return _redaction(page, shape, Kind.ANNOTATION, confidence=0.7)
    if shape.fill is None or not is_dark(shape.fill) or shape.opacity < 0.9:
        return None
    if leaked:
        return _leak(page, shape, Kind.DARK_ANNOTATION, leaked)
    return _redaction(page, shape, Kind.ANNOTATION, confidence=0.7)


def _hatch(page: Page, shape: Shape) -> Redaction:
    """Crossed lines drawn over text: leaky if the text is still under them."""
    if is_meaningful_leak(shape.covered_text):
        return _leak(page, shape, Kind.TEXT_UNDER_BOX, shape.covered_text)
    return _redaction(page, shape, Kind.BOX, marker=shape.label_text, confidence=0.6)


def _proper_box(page: Page, shape: Shape) -> Redaction | None:
    """A fill with nothing under it: a redaction if it is dark, or grey and set in the text."""
    assert shape.fill is not None
    label = shape.label_text
    if label and not looks_like_label(label):
        return None  # a heading or banner: white text on a dark fill
    if not is_box_shaped(shape.bbox):
        return None
    if is_dark(shape.fill):
        return _redaction(page, shape, Kind.BOX, marker=label)
    if is_pale(shape.fill) or label:
        return None
    if geo.row_of(page, shape.bbox) is None:
        return None  # a coloured panel away from the text is decoration
    return _redaction(page, shape, Kind.BOX, confidence=0.6)


def _leak(
    page: Page, shape: Shape, kind: Kind, text: str, confidence: float | None = None
) -> Redaction:
    return _redaction(
        page, shape, kind, leaked=text, marker=shape.label_text, confidence=confidence
    )


def _redaction(
    page: Page,
    shape: Shape,
    kind: Kind,
    *,
    leaked: str | None = None,
    marker: str = "",
    confidence: float | None = None,
) -> Redaction:
    """A Redaction for the shape, placed on its text row with a length estimate."""
    return located(page, kind, shape.bbox, leaked=leaked, marker=marker, confidence=confidence)


def invisible_text(page: Page, found: list[Redaction]) -> list[Redaction]:
    """Runs of invisible text (render mode 3, zero alpha) not already under a box found."""
    if page.text_over_image:
        return []  # an OCR layer over a scanned image is meant to be invisible
    covered = [r.bbox for r in found if r.bbox is not None]
    leaks = []
    for line in page.lines:
        for run in _invisible_runs(line):
            box = geo.union(s.bbox for s in run)
            text = " ".join("".join(s.text for s in run).split())
            if is_meaningful_leak(text) and not _inside_any(box, covered):
                leaks.append(located(page, Kind.INVISIBLE_TEXT, box, leaked=text, confidence=0.8))
    return leaks


def _invisible_runs(line: Line) -> list[list[Span]]:
    """Neighbouring invisible spans of a line, grouped."""
    runs: list[list[Span]] = []
    joins = False  # the span before was invisible too
    for span in line.spans:
        if span.invisible:
            if joins:
                runs[-1].append(span)
            else:
                runs.append([span])
        joins = span.invisible
    return runs


def _inside_any(box: BBox, others: list[BBox]) -> bool:
    return any(geo.intersection(box, other) >= 0.5 * geo.area(box) for other in others)


def drop_duplicates(found: list[Redaction]) -> list[Redaction]:
    """One redaction per place: stacked shapes (a black rect under a black image) count once."""
    kept: list[Redaction] = []
    for redaction in sorted(found, key=lambda r: (not r.leaky, -geo.area(r.bbox or (0, 0, 0, 0)))):
        if not any(same_place(redaction, other) for other in kept):
            kept.append(redaction)
    return kept


def drop_rendered(found: list[Redaction], rendered: str) -> list[Redaction]:
    """Without the findings of detector `rendered` (boxes found in a page image) that sit where
    a drawn box was found: a box drawn over a searchable scan shows in its render too."""
    drawn = [r for r in found if r.detector == DETECTOR]
    if not drawn:
        return found
    return [r for r in found if r.detector != rendered or not any(same_place(r, d) for d in drawn)]


def same_place(a: Redaction, b: Redaction) -> bool:
    """Whether two findings cover mostly the same part of the page."""
    if a.bbox is None or b.bbox is None:
        return False
    shared = geo.intersection(a.bbox, b.bbox)
    return shared >= _DUPLICATE_SHARE * min(geo.area(a.bbox), geo.area(b.bbox)) > 0
