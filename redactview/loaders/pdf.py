"""PDFs through PyMuPDF: text lines with positions, one page at a time, never writing the file."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from redactview.errors import LoadError, PasswordRequired
from redactview.loaders.assemble import RawLine, page_from_raw_lines
from redactview.loaders.mupdf import pymupdf
from redactview.loaders.pdf_geometry import Geometry, read_geometry
from redactview.model import BBox, Document, DocumentInfo, Format, Page, Span

if TYPE_CHECKING:
    from redactview.loaders.scanned import ScanReader

# Ligatures and whitespace kept as the PDF has them; images are not decoded for text.
_TEXT_FLAGS = pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
_MAX_GAP_SPACES = 40


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
        lines = _dict_lines(data)
        geometry = _read_geometry(page, index, [span for line in lines for span in line])
        rect = page.rect
        return page_from_raw_lines(
            index + 1,
            start,
            merge_rows(lines),
            width=rect.width,
            height=rect.height,
            shapes=geometry.shapes,
            rules=geometry.rules,
            text_over_image=geometry.text_over_image,
            warnings=(*geometry.warnings, *_page_errors(index, bool(lines))),
        )

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


def _dict_lines(data: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """Every non-empty line of the page dict, as its list of spans."""
    lines = []
    for block in data.get("blocks", ()):
        for line in block.get("lines", ()):
            spans = [span for span in line.get("spans", ()) if span.get("text")]
            if spans:
                lines.append(spans)
    return lines


def merge_rows(lines: Iterable[list[dict[str, Any]]]) -> list[RawLine]:
    """Merge PDF lines sharing a baseline into visual rows, read left to right.

    Table cells are separate PDF lines; a reader sees them as one row, and so do detectors:

        Supplier    Contract value      <- two PDF lines, one row
    """
    spans = sorted(
        (span for line in lines for span in line), key=lambda s: (s["bbox"][1], s["bbox"][0])
    )
    rows: list[list[dict[str, Any]]] = []
    for span in spans:
        if rows and _same_row(rows[-1], span):
            rows[-1].append(span)
        else:
            rows.append([span])
    return [_raw_line(sorted(row, key=lambda s: s["bbox"][0])) for row in rows]


def _same_row(row: list[dict[str, Any]], span: dict[str, Any]) -> bool:
    y0 = min(s["bbox"][1] for s in row)
    y1 = max(s["bbox"][3] for s in row)
    top, bottom = span["bbox"][1], span["bbox"][3]
    overlap = min(y1, bottom) - max(y0, top)
    return overlap > 0.5 * min(y1 - y0, bottom - top)


def _raw_line(row: list[dict[str, Any]]) -> RawLine:
    text = ""
    spans: list[Span] = []
    previous: dict[str, Any] | None = None
    for span in row:
        if previous is not None:
            text += _gap(previous, span)
        bbox: BBox = tuple(span["bbox"])  # type: ignore[assignment]
        spans.append(
            Span(
                text=span["text"],
                start=len(text),
                bbox=bbox,
                size=float(span.get("size", 0.0)),
                font=str(span.get("font", "")),
                color=int(span.get("color", 0)),
                invisible=span.get("alpha", 255) == 0,
            )
        )
        text += span["text"]
        previous = span
    return RawLine(text=text, bbox=_union(s.bbox for s in spans), spans=tuple(spans))


def _gap(left: dict[str, Any], right: dict[str, Any]) -> str:
    """Spaces for the horizontal gap between two spans: one for a word gap, more for columns."""
    gap = right["bbox"][0] - left["bbox"][2]
    width = max(left.get("size", 10.0) * 0.5, 1.0)  # a typical glyph is about half the font size
    if gap < width * 0.3 and not left["text"].endswith(" ") and not right["text"].startswith(" "):
        return "" if gap < width * 0.1 else " "
    return " " * max(1, min(_MAX_GAP_SPACES, round(gap / width)))


def _union(boxes: Iterable[BBox]) -> BBox:
    x0, y0, x1, y1 = zip(*boxes, strict=True)
    return (min(x0), min(y0), max(x1), max(y1))
