"""Scanned pages: render to grayscale for the box finder, OCR the text (through the cache).

Used for every page of an image file, and for PDF pages that are a picture with no text of
their own beyond a stamp (see `is_scanned`). A picture with an invisible text layer of its own
(a searchable scan) is read by the PDF reader, which asks here only for the boxes burnt into it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pymupdf

from redactview.detectors.scan_boxes import DARK_LEVEL, find_dark_boxes
from redactview.loaders import ocr
from redactview.loaders.assemble import RawLine, page_from_raw_lines
from redactview.loaders.ocr_cache import load_cached_lines, save_cached_lines
from redactview.model import BBox, Page, Raster, Shape

OCR_OFF = (
    "text on scanned pages was not read: OCR is turned off (--no-ocr); "
    "boxes burnt into the scans are still reported"
)
NO_TESSERACT = (
    "text on scanned pages was not read: Tesseract OCR is not installed "
    "(install tesseract-ocr and its English data); boxes burnt into the scans are still reported"
)
MAX_BOX_PIXELS = 16_000_000  # a page drawn for the box finder: 40 A4 pages' worth at 100 dpi
# A word on a box whose place is at least this dark is hidden by it; printed words in a light
# ink leave a fifth or so of their place light.
_HIDDEN_SHARE = 0.92
_IMAGE_SHARE = 0.5  # a page is a scan when images cover at least this much of it
STAMP_CHARS = 80  # text a scan may carry of its own: a Bates number, a page or exemption stamp


@dataclass(frozen=True, slots=True)
class ScanSettings:
    """How scanned pages are read: image resolution for boxes and for OCR, OCR language."""

    box_dpi: int = 100
    ocr_dpi: int = 300
    language: str = ocr.OCR_LANGUAGE

    def cache_tag(self) -> str:
        """Everything that changes OCR output, for the cache key."""
        return (
            f"{self.language}|{self.ocr_dpi}dpi|max {ocr.MAX_OCR_PIXELS} px"
            f"|bars found at {self.box_dpi}dpi blanked, residue dropped|rows upright"
            f"|mupdf {pymupdf.VersionBind}"
        )


class ScanReader:
    """Reads the scanned pages of one document; says once if their text could not be read."""

    def __init__(self, sha256: str, *, ocr: bool, settings: ScanSettings | None = None) -> None:
        self.sha256 = sha256
        self.ocr = ocr
        self.settings = settings or ScanSettings()
        self._warning_page: int | None = None

    def load_if_scanned(
        self, page: pymupdf.Page, index: int, start: int, text: dict[str, Any] | None = None
    ) -> Page | None:
        """The page read as a scan if it is one, else None; `text` is its text dict if read."""
        try:
            chars = _dict_chars(text) if text is not None else _page_chars(page)
            scanned = chars <= STAMP_CHARS and is_covered_by_image(page)
        except Exception:  # MuPDF errors of every kind: the PDF reader reports the page itself
            return None
        return self.load(page, index, start) if scanned else None

    def load(self, page: pymupdf.Page, index: int, start: int) -> Page:
        """Render the page for the box finder and read its text by OCR."""
        try:
            raster = render_gray(page, self.settings.box_dpi)
        except Exception as error:  # MuPDF raises plain RuntimeError/ValueError on bad images
            reason = f"page {index + 1} unreadable: {_one_line(error)}"
            return Page(number=index + 1, text="", start=start, scanned=True, warnings=(reason,))
        lines, warnings, read = self._text(page, index, raster)
        return page_from_raw_lines(
            index + 1,
            start,
            lines,
            width=page.rect.width,
            height=page.rect.height,
            scanned=True,
            ocr=read,
            raster=raster,
            warnings=warnings,
        )

    def burnt_in_boxes(self, page: pymupdf.Page) -> tuple[Shape, ...]:
        """Boxes burnt into a searchable scan's image, each with the layer's words on it.

        A word of the layer whose place on the box is dark is hidden by it (`covered_text`);
        one whose place shows light pixels is printed on the box, so readable: a label such
        as "(b)(6)", or a heading on a dark banner (`label_text`).
        """
        try:
            raster = render_gray(page, self.settings.box_dpi)
            words = page.get_text("words")
            return tuple(
                _burnt_in(raster, box.to_points(raster.scale), words)
                for box in find_dark_boxes(raster.pixels, raster.scale)
            )
        except Exception:  # MuPDF errors of every kind: the page's text is still read
            return ()

    def _text(
        self, page: pymupdf.Page, index: int, raster: Raster
    ) -> tuple[list[RawLine], tuple[str, ...], bool]:
        """The page's OCR lines, warnings, and whether its text was read."""
        if not self.ocr:
            return [], self._once(index, OCR_OFF), False
        tag = self.settings.cache_tag()
        cached = load_cached_lines(self.sha256, index, tag)
        if cached is not None:
            return cached, (), True
        tessdata = ocr.find_tessdata(self.settings.language)
        if tessdata is None:
            return [], self._once(index, NO_TESSERACT), False
        blank = [
            box.to_points(raster.scale) for box in find_dark_boxes(raster.pixels, raster.scale)
        ]
        try:
            lines = ocr.read_page_text(
                page,
                dpi=self.settings.ocr_dpi,
                tessdata=tessdata,
                blank=blank,
                language=self.settings.language,
            )
        except Exception as error:  # Tesseract and MuPDF failures arrive as generic exceptions
            return [], (f"page {index + 1}: OCR failed ({_one_line(error)})",), False
        save_cached_lines(self.sha256, index, tag, lines)
        return lines, (), True

    def _once(self, index: int, warning: str) -> tuple[str, ...]:
        """The warning on the first scanned page only (the same page if read again)."""
        if self._warning_page is None:
            self._warning_page = index
        return (warning,) if index == self._warning_page else ()


def is_scanned(page: pymupdf.Page) -> bool:
    """True for a page that is a picture: an image over most of it, and no more text than a stamp.

    Scanned productions often carry a Bates number or a page stamp as real text; OCR of the
    whole page reads that too, so it is not lost.
    """
    return _page_chars(page) <= STAMP_CHARS and is_covered_by_image(page)


def is_covered_by_image(page: pymupdf.Page) -> bool:
    """True when images (one, or strips of one scan) cover most of the page."""
    if not page.get_images(full=False):
        return False  # cheap: reads the page's resources, draws nothing
    covered = sum(abs(pymupdf.Rect(info["bbox"]) & page.rect) for info in page.get_image_info())
    return covered >= _IMAGE_SHARE * abs(page.rect)


def _page_chars(page: pymupdf.Page) -> int:
    return _dict_chars(page.get_text("dict", flags=0))


def _dict_chars(text: dict[str, Any]) -> int:
    """Visible characters other than spaces in a PyMuPDF text dict, counted only as far as needed.

    Invisible text over a picture is an OCR layer someone already made: that page is the PDF
    reader's (`Page.text_over_image`), so it counts as more than any stamp.
    """
    count = 0
    for block in text.get("blocks", ()):
        for line in block.get("lines", ()):
            for span in line.get("spans", ()):
                if span.get("alpha", 255) == 0 and span.get("text", "").strip():
                    return STAMP_CHARS + 1
                count += len("".join(span.get("text", "").split()))
                if count > STAMP_CHARS:
                    return count
    return count


def _burnt_in(raster: Raster, bbox: BBox, words: list[Any]) -> Shape:
    """A box found in the image, with the layer's words on it sorted into hidden and printed."""
    hidden: list[str] = []
    printed: list[str] = []
    for x0, y0, x1, y1, word, *_ in words:
        inside = (max(x0, bbox[0]), max(y0, bbox[1]), min(x1, bbox[2]), min(y1, bbox[3]))
        if inside[2] - inside[0] < (x1 - x0) / 2 or inside[3] - inside[1] < (y1 - y0) / 2:
            continue  # at most half of the word is on the box
        (hidden if _dark_share(raster, inside) >= _HIDDEN_SHARE else printed).append(word)
    return Shape("scan", bbox, covered_text=" ".join(hidden), label_text=" ".join(printed))


def _dark_share(raster: Raster, bbox: BBox) -> float:
    """The share of dark pixels in a part of the page (1.0 for a part smaller than a pixel)."""
    x0, y0, x1, y1 = (round(v / raster.scale) for v in bbox)
    cut = raster.pixels[y0:y1, x0:x1]
    return float(np.count_nonzero(cut < DARK_LEVEL) / cut.size) if cut.size else 1.0


def render_gray(page: pymupdf.Page, dpi: int) -> Raster:
    """The page as grayscale pixels at `dpi`, with its scale in points per pixel.

    A rotated page is drawn unrotated, so pixels map onto the same coordinates as PyMuPDF's
    text positions (which ignore /Rotate). A page too big for `dpi` within MAX_BOX_PIXELS is
    drawn at less.
    """
    rect = page.rect
    zoom = min(dpi / 72.0, math.sqrt(MAX_BOX_PIXELS / max(1.0, rect.width * rect.height)))
    matrix = page.derotation_matrix * pymupdf.Matrix(zoom, zoom)
    pix = page.get_pixmap(matrix=matrix, colorspace=pymupdf.csGRAY, alpha=False)
    rows = np.frombuffer(pix.samples_mv, dtype=np.uint8).reshape(pix.height, pix.stride)
    return Raster(pixels=rows[:, : pix.width].copy(), scale=1.0 / zoom)


def _one_line(value: object, limit: int = 200) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
