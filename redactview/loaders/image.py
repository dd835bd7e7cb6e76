"""Image files (PNG, JPEG, TIFF with one page or many): every page is a scan."""

from __future__ import annotations

from redactview.errors import LoadError
from redactview.loaders.mupdf import pymupdf
from redactview.loaders.scanned import ScanReader
from redactview.model import Document, DocumentInfo, Format, Page


class ImagePages:
    """Page source over an image opened by PyMuPDF: one page per image frame."""

    def __init__(self, doc: pymupdf.Document, reader: ScanReader) -> None:
        self._doc = doc
        self._reader = reader
        self.page_count = doc.page_count

    def load_page(self, index: int, start: int) -> Page:
        """Render frame `index`, find its text by OCR, with offsets from `start`."""
        try:
            page = self._doc.load_page(index)
        except Exception as error:  # MuPDF raises plain RuntimeError/ValueError on bad frames
            reason = f"page {index + 1} unreadable: {_one_line(error)}"
            return Page(number=index + 1, text="", start=start, scanned=True, warnings=(reason,))
        return self._reader.load(page, index, start)

    def close(self) -> None:
        """Close the image."""
        self._doc.close()


def open_image(path: str, sha256: str, *, ocr: bool) -> Document:
    """Open a PNG, JPEG or TIFF read-only as a Document of scanned pages."""
    try:
        doc = pymupdf.open(path)
    except Exception as error:  # MuPDF reports every decoding failure as a generic exception
        raise LoadError(path, f"not a readable image ({_one_line(error)})") from None
    try:
        _check_decodes(doc)
    except Exception as error:  # the header may parse while the pixels do not
        doc.close()
        raise LoadError(path, f"not a readable image ({_one_line(error)})") from None
    info = DocumentInfo(path, sha256, Format.IMAGE, doc.page_count)
    return Document(info, ImagePages(doc, ScanReader(sha256, ocr=ocr)))


def _check_decodes(doc: pymupdf.Document) -> None:
    """Fail now, with the file's name, if the first frame cannot be drawn."""
    if doc.page_count == 0:
        raise ValueError("no image in the file")
    doc.load_page(0).get_pixmap(matrix=pymupdf.Matrix(0.05, 0.05), alpha=False)


def _one_line(value: object, limit: int = 200) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
