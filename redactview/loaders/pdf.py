"""PDFs through PyMuPDF: text lines with positions, one page at a time, never writing the file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from redactview.errors import LoadError, PasswordRequired
from redactview.loaders.mupdf import pymupdf
from redactview.loaders.pdf_geometry import Geometry, read_geometry
from redactview.loaders.pdf_rows import merge_rows, page_lines
from redactview.model import Document, DocumentInfo, Format, Page, Shape

if TYPE_CHECKING:
    from redactview.loaders.scanned import ScanReader

__all__ = ["PdfPages", "merge_rows", "open_pdf"]  # merge_rows: the OCR reader's rows too

# Ligatures and whitespace kept as the PDF has them; images are not decoded for text.
_TEXT_FLAGS = pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE


class PdfPages:
    """Page source over an open PyMuPDF document."""

    def __init__(self, doc: pymupdf.Document, path: str, scans: ScanReader | None = None) -> None:
        self._doc = doc
        self._path = path
        self._scans = scans  # reads pages that are pictures (scans) instead
        self.page_count = doc.page_count

    def load_page(self, index: int, start: int) -> Page:
        """Extract page `index`'s lines, merged into visual rows, with offsets from `start`."""
        try:
            page = self._doc.load_page(index)
            data = page.get_text("dict", flags=_TEXT_FLAGS, sort=False)
        except Exception as error:  # MuPDF raises plain RuntimeError/ValueError on bad pages
            return _unreadable_page(index, start, f"page {index + 1} unreadable: {error}")
        scan = self._scans.load_if_scanned(page, index, start, data) if self._scans else None
        if scan is not None:
            return scan  # a picture of a page (perhaps with a stamp): see loaders/scanned.py
        spans = _dict_spans(data)
        geometry = _read_geometry(page, index, spans)
        text, lines = page_lines(spans, start)
        rect = page.rect
        return Page(
            number=index + 1,
            text=text,
            start=start,
            lines=lines,
            width=rect.width,
            height=rect.height,
            shapes=(*geometry.shapes, *self._burnt_in(page, geometry)),
            rules=geometry.rules,
            text_over_image=geometry.text_over_image,
            warnings=(*geometry.warnings, *_page_errors(index, bool(spans))),
        )

    def _burnt_in(self, page: pymupdf.Page, geometry: Geometry) -> tuple[Shape, ...]:
        """Boxes burnt into the image of a searchable scan (a scan with its own text layer)."""
        if not geometry.text_over_image or self._scans is None:
            return ()
        return self._scans.burnt_in_boxes(page)

    def close(self) -> None:
        """Close the PyMuPDF document."""
        self._doc.close()


def open_pdf(path: str, sha256: str, *, password: str | None, ocr: bool) -> Document:
    """Open a PDF read-only, authenticating if it is encrypted."""
    pymupdf.TOOLS.mupdf_warnings(reset=True)
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as error:  # MuPDF reports every parse failure as a generic exception
        raise LoadError(path, f"not a readable PDF ({_one_line(error)})") from None
    if doc.needs_pass:
        _authenticate(doc, path, password)
    if doc.page_count == 0:
        doc.close()
        raise LoadError(path, "the PDF has no pages")
    warnings = _repair_warnings(doc)
    info = DocumentInfo(path, sha256, Format.PDF, doc.page_count, warnings)
    from redactview.loaders.scanned import ScanReader  # numpy and scipy: only once a PDF opens

    return Document(info, PdfPages(doc, path, ScanReader(sha256, ocr=ocr)))


def _authenticate(doc: pymupdf.Document, path: str, password: str | None) -> None:
    if not password:
        doc.close()
        raise PasswordRequired(path, "encrypted: give the password with --password")
    if not doc.authenticate(password):
        doc.close()
        raise PasswordRequired(path, "encrypted: the password given is wrong")


def _repair_warnings(doc: pymupdf.Document) -> tuple[str, ...]:
    logged = pymupdf.TOOLS.mupdf_warnings(reset=True).strip()
    warnings: list[str] = []
    if getattr(doc, "is_repaired", False):
        warnings.append("the PDF is damaged and was repaired on reading: some pages may be missing")
    if logged:
        warnings.append("MuPDF reported: " + _one_line(logged))
    return tuple(warnings)


def _read_geometry(page: pymupdf.Page, index: int, spans: list[dict[str, Any]]) -> Geometry:
    """The page's shapes and rules; a page whose drawings cannot be read keeps its text."""
    try:
        return read_geometry(page, spans)
    except Exception as error:  # MuPDF raises plain RuntimeError/ValueError on bad content
        return Geometry(warnings=[f"page {index + 1}: drawings unreadable: {_one_line(error)}"])


def _page_errors(index: int, has_text: bool) -> tuple[str, ...]:
    """What MuPDF complained of while reading the page: an empty page then is not a blank one."""
    messages = pymupdf.TOOLS.mupdf_warnings(reset=True).strip().splitlines()
    logged = "; ".join(dict.fromkeys(m.strip() for m in messages if m.strip()))  # once each
    if not logged:
        return ()
    if has_text:
        return (
            f"page {index + 1}: MuPDF reported errors, some content may be missing: "
            f"{_one_line(logged)}",
        )
    return (
        f"page {index + 1} unreadable: no text came out and MuPDF reported: {_one_line(logged)}",
    )


def _unreadable_page(index: int, start: int, reason: str) -> Page:
    return Page(number=index + 1, text="", start=start, warnings=(reason,))


def _one_line(value: object, limit: int = 200) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _dict_spans(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span with text on the page dict, line by line."""
    return [
        span
        for block in data.get("blocks", ())
        for line in block.get("lines", ())
        for span in line.get("spans", ())
        if span.get("text")
    ]
