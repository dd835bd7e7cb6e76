"""Word, HTML and e-mail releases load as text pages whose offsets hold."""

from __future__ import annotations

import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from redactview.errors import LoadError
from redactview.loaders import load_document
from redactview.model import Format

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_docx(path: Path, body: str) -> Path:
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return path


def para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def load_text(path: Path) -> tuple[Format, str, int]:
    with load_document(path) as document:
        pages = list(document.iter_pages())
        text = document.text()
        for page in pages:
            for line in page.lines:
                assert text[line.start : line.end] == line.text
        return document.info.format, text, len(pages)


def test_docx_paragraphs_tables_and_page_breaks(tmp_path: Path) -> None:
    table = (
        "<w:tbl><w:tr><w:tc>"
        + para("Supplier")
        + "</w:tc><w:tc>"
        + para("Value")
        + "</w:tc></w:tr>"
        "<w:tr><w:tc>"
        + para("Harrow Fields Ltd")
        + "</w:tc><w:tc>"
        + para("")
        + "</w:tc></w:tr></w:tbl>"
    )
    page_break = "<w:p><w:r><w:br w:type='page'/></w:r></w:p>"
    path = write_docx(
        tmp_path / "register.docx",
        para("Contracts register") + table + page_break + para("Signed: [REDACTED]"),
    )
    fmt, text, pages = load_text(path)
    assert fmt is Format.DOCX
    assert pages == 2
    assert "Supplier | Value\nHarrow Fields Ltd | \n" in text
    assert text.endswith("Signed: [REDACTED]\n")


def test_zip_that_is_not_word_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(LoadError, match="ZIP"):
        load_document(path)


def test_html_visible_text_only(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>t</title><script>var x='[REDACTED]';</script></head>"
        "<body><h1>Decision notice</h1><p>The name was &lt;redacted&gt; under s.40(2).</p>"
        "<table><tr><td>Item</td><td>Cost</td></tr>"
        "<tr><td>Survey</td><td>£[WITHHELD]</td></tr></table>"
        "</body></html>",
        encoding="utf-8",
    )
    fmt, text, _ = load_text(path)
    assert fmt is Format.HTML
    assert text == (
        "Decision notice\nThe name was <redacted> under s.40(2).\n"
        "Item | Cost\nSurvey | £[WITHHELD]\n"
    )


def test_eml_headers_body_and_attachments(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "clerk@example.org"
    message["To"] = "[REDACTED]"
    message["Subject"] = "Tender evaluation"
    message.set_content("Scores attached.\nPanel: ******\n")
    message.add_attachment(
        b"%PDF-1.4", maintype="application", subtype="pdf", filename="scores.pdf"
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(bytes(message))
    fmt, text, _ = load_text(path)
    assert fmt is Format.EMAIL
    assert text.startswith(
        "From: clerk@example.org\nTo: [REDACTED]\nSubject: Tender evaluation\n\n"
    )
    assert "Panel: ******\n" in text
    assert text.endswith("Attachment: scores.pdf\n")
