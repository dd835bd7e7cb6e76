"""Word (.docx) releases: paragraphs and tables as text, page breaks as form feeds."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree

from redactview.errors import LoadError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY_PART = "word/document.xml"
_MAX_XML_BYTES = 64 << 20  # a zip bomb stops here, not in memory


def docx_to_text(path: str) -> str:
    """The document body's text: one line per paragraph, table rows as `cell | cell`."""
    root = ElementTree.fromstring(_read_body(path))
    body = root.find(f"{_W}body")
    if body is None:
        raise LoadError(path, "not a readable Word document (no body)")
    lines: list[str] = []
    for block in body:
        if block.tag == f"{_W}p":
            lines.append(_paragraph_text(block))
        elif block.tag == f"{_W}tbl":
            lines.extend(_table_rows(block))
    return "\n".join(lines) + "\n"


def _read_body(path: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_BODY_PART)
            if info.file_size > _MAX_XML_BYTES:
                raise LoadError(path, "Word document body too large to read")
            with archive.open(info) as handle:
                return handle.read(_MAX_XML_BYTES + 1)[:_MAX_XML_BYTES]
    except KeyError:
        raise LoadError(path, "a ZIP file but not a Word document (no word/document.xml)") from None
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise LoadError(path, f"not a readable Word document ({error})") from None


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag == f"{_W}br":
            parts.append("\f" if node.get(f"{_W}type") == "page" else "\n")
    return "".join(parts)


def _table_rows(table: ElementTree.Element) -> list[str]:
    rows = []
    for row in table.iter(f"{_W}tr"):
        cells = [
            " ".join(_paragraph_text(p) for p in cell.iter(f"{_W}p")).strip()
            for cell in row.iter(f"{_W}tc")
        ]
        rows.append(" | ".join(cells))
    return rows
