"""Open a file as a Document: check it is a readable regular file, sniff its format, dispatch."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from redactview.errors import LoadError
from redactview.loaders.own_reports import is_own_report
from redactview.model import Document, Format

PASSWORD_VARIABLE = "REDACTVIEW_PASSWORD"
_SNIFF_BYTES = 1024
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_SUFFIXES = {".pdf"}
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_MAGIC = (b"<!doctype html", b"<html")


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """How to open documents: a password for encrypted PDFs, and whether to OCR scans."""

    password: str | None = None
    ocr: bool = True


def load_document(
    path: str | Path, options: LoadOptions | None = None, *, sha256: str | None = None
) -> Document:
    """Open `path` read-only as a Document, or raise LoadError with a one-line reason.

    `sha256`, when the caller has already hashed the file, saves reading it twice.
    """
    options = options or LoadOptions()
    name = str(path)
    size = check_regular_file(name)
    head = _read_head(name)
    if is_own_report(head):
        raise LoadError(name, "a report written by redactview, not a disclosed document")
    fmt = sniff_format(name, head, size)
    digest = sha256 or sha256_of(name)
    if fmt is Format.PDF:
        from redactview.loaders.pdf import open_pdf

        password = options.password or os.environ.get(PASSWORD_VARIABLE)
        return open_pdf(name, digest, password=password, ocr=options.ocr)
    if fmt is Format.IMAGE:
        from redactview.loaders.image import open_image

        return open_image(name, digest, ocr=options.ocr)
    from redactview.loaders.text import open_docx, open_text

    return open_docx(name, digest) if fmt is Format.DOCX else open_text(name, digest, fmt)


def check_regular_file(path: str) -> int:
    """Return the size of `path` if it is a non-empty regular file; raise LoadError otherwise."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise LoadError(path, "no such file") from None
    except OSError as error:
        raise LoadError(path, error.strerror or "cannot be read") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(path, "is a directory (scan it with: redactview scan DIR)")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(path, "not a regular file (a pipe, socket or device)")
    if info.st_size == 0:
        raise LoadError(path, "empty file")
    return info.st_size


def sniff_format(path: str, head: bytes, size: int) -> Format:
    """Tell the format from the file's first bytes, falling back on its name."""
    suffix = Path(path).suffix.lower()
    if b"%PDF-" in head:
        return Format.PDF
    if head.startswith(IMAGE_MAGIC):
        return Format.IMAGE
    if suffix in _PDF_SUFFIXES:
        raise LoadError(path, "not a PDF (no %PDF header): the file may be damaged or mislabelled")
    if suffix in _IMAGE_SUFFIXES:
        raise LoadError(path, f"not a readable {suffix[1:].upper()} image")
    if head.startswith(_ZIP_MAGIC):
        if suffix in (".docx", ".docm") or b"word/" in head:
            return Format.DOCX
        raise LoadError(path, "a ZIP archive, not a supported document (unpack it first)")
    if suffix in _HTML_SUFFIXES or head.lstrip()[:20].lower().startswith(_HTML_MAGIC):
        return Format.HTML
    return Format.EMAIL if suffix == ".eml" else Format.TEXT


def sha256_of(path: str) -> str:
    """The SHA-256 of the file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _read_head(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(_SNIFF_BYTES)
    except OSError as error:
        raise LoadError(path, error.strerror or "cannot be read") from None
