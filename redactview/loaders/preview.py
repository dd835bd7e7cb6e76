"""A quick look at a document's first page, to show while the full load runs elsewhere.

Opening a document for scanning sets up readers for scanned pages too (numpy, scipy, OCR), which
takes a second in a fresh process. A viewer wants page 1 on screen before that, so this reads it
the plain way: text as the loaders read it, no scanned-page reader. The full load's page 1
replaces it when it arrives.
"""

from __future__ import annotations

from pathlib import Path

from redactview.errors import LoadError
from redactview.loaders import check_regular_file, sniff_format
from redactview.model import Format, Page

_SNIFF_BYTES = 1024


def preview_first_page(path: str | Path, password: str | None = None) -> Page | None:
    """Page 1 of a PDF or text file; None when it cannot be read quickly (the full load says why)."""
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
    import pymupdf

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
