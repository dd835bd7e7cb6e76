"""A quick look at a document's first page, to show while the full load runs elsewhere.

Opening a document for scanning sets up readers for scanned pages too (numpy, scipy, OCR), which
takes a second in a fresh process. A viewer wants page 1 on screen before that, so this reads it
the plain way: text as the loaders read it, no scanned-page reader. The full load's page 1
replaces it when it arrives.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redactview.errors import LoadError
from redactview.loaders import check_regular_file, sniff_format
from redactview.model import Format, Page

_SNIFF_BYTES = 1024


def preview_first_page(path: str | Path, password: str | None = None) -> Page | None:
    """Page 1 of a PDF or text file; None when it cannot be read quickly (the full load says)."""
    name = str(path)
    try:
        size = check_regular_file(name)
        with open(name, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
        fmt = sniff_format(name, head, size)
    except (LoadError, OSError):
        return None
    if fmt is Format.PDF:
        return _pdf_first_page(name, password)
    if fmt is Format.TEXT:
        return _text_first_page(name)
    return None


def _pdf_first_page(path: str, password: str | None) -> Page | None:
    from redactview.loaders.mupdf import pymupdf
    from redactview.loaders.pdf import PdfPages

    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception:  # MuPDF reports every parse failure as a generic exception
        return None
    try:
        if doc.needs_pass and not (password and doc.authenticate(password)):
            return None
        if doc.page_count == 0:
            return None
        return PdfPages(doc, path).load_page(0, 0)
    finally:
        doc.close()


def _text_first_page(path: str) -> Page | None:
    from redactview.loaders import load_document

    try:
        with load_document(path) as document:
            return next(document.iter_pages(), None)
    except LoadError:
        return None


@dataclass(frozen=True, slots=True)
class PagePixels:
    """A page drawn as RGB pixels, 3 bytes each, row by row; `scale` is pixels per PDF point."""

    width: int
    height: int
    samples: bytes
    scale: float


def render_page_pixels(
    path: str | Path, page_number: int, width: int, height: int, password: str | None = None
) -> PagePixels:
    """Page `page_number` (1-based) of a PDF or image, drawn to fit in `width` × `height` pixels."""
    from redactview.loaders.mupdf import pymupdf

    try:
        doc = pymupdf.open(str(path))
    except Exception as error:  # MuPDF reports every parse failure as a generic exception
        raise LoadError(str(path), f"cannot be drawn ({error})") from None
    try:
        if doc.needs_pass and not (password and doc.authenticate(password)):
            raise LoadError(str(path), "encrypted: give the password with --password")
        if not 1 <= page_number <= doc.page_count:
            raise LoadError(str(path), f"has no page {page_number}")
        page = doc.load_page(page_number - 1)
        scale = min(width / page.rect.width, height / page.rect.height)
        pixmap = page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
        if pixmap.n != 3:
            pixmap = pymupdf.Pixmap(pymupdf.csRGB, pixmap)
        return PagePixels(pixmap.width, pixmap.height, bytes(pixmap.samples), scale)
    finally:
        doc.close()
