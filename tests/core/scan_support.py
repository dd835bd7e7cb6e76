"""Scanned pages made in code: text and black bars drawn with PyMuPDF, then degraded like a scan."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pymupdf
from numpy.typing import NDArray
from PIL import Image

BBox = tuple[float, float, float, float]
Gray = NDArray[np.uint8]
BODY = (
    "The council met the supplier on Tuesday to agree the contract terms.",
    "From: Jane Doe <jane.doe@example.org> sent the revised schedule.",
    "Payment of the annual fee was approved by the finance officer.",
    "The project board will review the budget at its next meeting.",
    "Withheld under section 40(2) of the Freedom of Information Act.",
    "The minister asked for a note on the timetable and the costs.",
)
LEFT, TOP, LEADING, SIZE = 72.0, 90.0, 16.0, 11.0


def text_page(
    lines: Sequence[str] = BODY,
    boxes: Sequence[BBox] = (),
    *,
    size: float = SIZE,
    grey_boxes: Sequence[BBox] = (),
    frames: Sequence[BBox] = (),
    rules: Sequence[tuple[float, float, float]] = (),
    heading: tuple[str, float] | None = None,
) -> pymupdf.Document:
    """A one-page A4 PDF: lines of text, black bars over it, and things that are not bars."""
    doc = pymupdf.open()
    page = doc.new_page()
    if heading:
        page.insert_text((LEFT, 60), heading[0], fontsize=heading[1], fontname="hebo")
    for row, text in enumerate(lines):
        page.insert_text((LEFT, baseline(row)), text, fontsize=size)
    for box in boxes:
        page.draw_rect(box, color=None, fill=0)
    for box in grey_boxes:
        page.draw_rect(box, color=None, fill=0.85)
    for box in frames:
        page.draw_rect(box, color=0, width=1.5)
    for x0, y, x1 in rules:
        page.draw_line((x0, y), (x1, y), color=0, width=1.0)
    return doc


def baseline(row: int) -> float:
    """Where text row `row` (0-based) sits on the page."""
    return TOP + row * LEADING


def row_box(row: int, x0: float, x1: float, size: float = SIZE) -> BBox:
    """A bar over text row `row` from x0 to x1, as tall as the text."""
    y = baseline(row)
    return (x0, y - 0.8 * size, x1, y + 0.25 * size)


def render(doc: pymupdf.Document, dpi: int) -> Gray:
    """The first page as grayscale pixels at `dpi`."""
    pix = doc[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width).copy()


def noisy(pixels: Gray, sigma: float = 14.0, seed: int = 3) -> Gray:
    """Sensor noise: every pixel jittered."""
    rng = np.random.default_rng(seed)
    return np.clip(pixels + rng.normal(0.0, sigma, pixels.shape), 0, 255).astype(np.uint8)


def specks(pixels: Gray, share: float = 0.002, seed: int = 5) -> Gray:
    """Dust: a few pixels flipped to black or white."""
    rng = np.random.default_rng(seed)
    out = pixels.copy()
    flip = rng.random(pixels.shape) < share
    out[flip] = np.where(rng.random(int(flip.sum())) < 0.5, 0, 255)
    return out


def jpeg(pixels: Gray, quality: int = 35) -> Gray:
    """Round-trip through a low-quality JPEG: blocky artefacts and ringing at every edge."""
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("L")).copy()


def skewed(pixels: Gray, degrees: float) -> Gray:
    """The page fed in crooked: turned `degrees` anticlockwise about its centre."""
    image = Image.fromarray(pixels).rotate(degrees, resample=Image.BILINEAR, fillcolor=255)
    return np.asarray(image).copy()


def skewed_bbox(box: BBox, degrees: float, page_size: tuple[float, float]) -> BBox:
    """Where `box` lands, as an upright bbox, when the page is turned as `skewed` turns it."""
    cx, cy = page_size[0] / 2, page_size[1] / 2
    angle = math.radians(degrees)
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        xs.append(cx + dx * math.cos(angle) + dy * math.sin(angle))
        ys.append(cy - dx * math.sin(angle) + dy * math.cos(angle))
    return (min(xs), min(ys), max(xs), max(ys))


def save_image(pixels: Gray | Sequence[Gray], path: Path, dpi: int) -> Path:
    """Save one or more pages as PNG, JPEG or (multi-page) TIFF, recording the resolution."""
    frames = [pixels] if isinstance(pixels, np.ndarray) else list(pixels)
    images = [Image.fromarray(frame) for frame in frames]
    extra = {"save_all": True, "append_images": images[1:]} if len(images) > 1 else {}
    images[0].save(path, dpi=(dpi, dpi), **extra)
    return path


def image_pdf(path: Path, pages: Sequence[Gray], dpi: int) -> Path:
    """A PDF whose pages are only pictures, one scanned page each, like a scanner makes."""
    doc = pymupdf.open()
    for pixels in pages:
        height, width = pixels.shape
        page = doc.new_page(width=width * 72 / dpi, height=height * 72 / dpi)
        buffer = io.BytesIO()
        Image.fromarray(pixels).save(buffer, "PNG")
        page.insert_image(page.rect, stream=buffer.getvalue())
    doc.save(path)
    return path


def sideways_pdf(path: Path, pixels: Gray, dpi: int) -> Path:
    """A scan stored on its side and shown upright with /Rotate 90, as many scanners save it."""
    side = np.ascontiguousarray(np.rot90(pixels, k=1))
    doc = image_pdf(path, [side], dpi)
    rotated = pymupdf.open(doc)
    rotated[0].set_rotation(90)
    rotated.save(path, incremental=True, encryption=pymupdf.PDF_ENCRYPT_KEEP)
    rotated.close()
    return path


def unrotated_bbox(box: BBox, path: Path) -> BBox:
    """Where a box seen on the upright page lies in unrotated page points."""
    with pymupdf.open(path) as doc:
        rect = pymupdf.Rect(box) * doc[0].derotation_matrix
    return (rect.x0, rect.y0, rect.x1, rect.y1)


def assert_near(found: BBox | None, expected: BBox, tolerance: float = 2.0) -> None:
    """Every edge of `found` within `tolerance` points of `expected`."""
    assert found is not None
    assert all(abs(a - b) <= tolerance for a, b in zip(found, expected, strict=True)), (
        found,
        expected,
    )
