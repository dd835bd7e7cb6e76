"""Plain-text releases: decode whatever the bytes are, normalise line ends, split pages on \\f."""

from __future__ import annotations

import codecs

import charset_normalizer

from redactview.errors import LoadError
from redactview.loaders.assemble import lines_from_text
from redactview.model import PAGE_SEPARATOR, Document, DocumentInfo, Format, Page

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 1 << 16


class TextPages:
    """Page source over an already decoded text."""

    def __init__(self, pages: list[str]) -> None:
        self._pages = pages
        self.page_count = len(pages)

    def load_page(self, index: int, start: int) -> Page:
        """The page's text and its lines, offsets from `start`."""
        text = self._pages[index]
        return Page(number=index + 1, text=text, start=start, lines=lines_from_text(text, start))

    def close(self) -> None:
        """Nothing to release: the text was read whole."""


def open_text(path: str, sha256: str, fmt: Format = Format.TEXT) -> Document:
    """Read a text, HTML or e-mail file as a Document of form-feed separated pages."""
    data = read_bytes(path)
    if fmt is Format.EMAIL:
        from redactview.loaders.eml import eml_to_text

        return text_document(path, sha256, fmt, eml_to_text(data))
    text, encoding = decode_bytes(data)
    if looks_binary(text):
        raise LoadError(path, "not a supported document (binary data, not text, PDF or image)")
    if fmt is Format.HTML:
        from redactview.loaders.html import html_to_text

        text = html_to_text(text)
    warnings = () if encoding in ("utf-8", "ascii") else (f"decoded as {encoding}",)
    return text_document(path, sha256, fmt, text, warnings)


def open_docx(path: str, sha256: str) -> Document:
    """Read a Word document's text as a Document."""
    from redactview.loaders.docx import docx_to_text

    return text_document(path, sha256, Format.DOCX, docx_to_text(path))


def text_document(
    path: str, sha256: str, fmt: Format, text: str, warnings: tuple[str, ...] = ()
) -> Document:
    """A Document over already extracted text, split into pages at form feeds."""
    pages = normalise_newlines(text).split(PAGE_SEPARATOR)
    return Document(DocumentInfo(path, sha256, fmt, len(pages), warnings), TextPages(pages))


def read_bytes(path: str) -> bytes:
    """The whole file, or a LoadError saying why not."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise LoadError(path, error.strerror or "cannot be read") from None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text of unknown encoding; never fails (latin-1 decodes any bytes)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # A few stray high bytes in mostly ASCII text are Western punctuation (£, –, é): a guess from
    # so little evidence is usually wrong, so take cp1252; otherwise let charset-normalizer judge.
    guess = _guess_encoding(data) if _high_byte_share(data) > 0.05 else None
    for encoding in (guess or "cp1252", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1"), "latin-1"


def _high_byte_share(data: bytes) -> float:
    sample = data[:_SAMPLE]
    return sum(1 for byte in sample if byte >= 0x80) / max(1, len(sample))


def _guess_encoding(data: bytes) -> str | None:
    best = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    return best.encoding if best is not None else None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    if "\r" not in text:
        return text  # the usual case: one quick scan instead of two copies
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(text: str) -> bool:
    """True when the decoded text is mostly NULs or other C0 controls: not a document."""
    sample = text[:_SAMPLE]
    if "\x00" not in sample:
        return False  # the usual case, and no need to count the controls one by one
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    return controls > len(sample) // 100
