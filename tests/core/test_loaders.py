"""Loaders: pages whose lines index the document text; for bad input, one clear error."""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf
import pytest

from redactview.errors import LoadError, PasswordRequired
from redactview.loaders import LoadOptions, load_document
from redactview.model import Format


def write_pdf(path: Path, pages: list[list[str]], **save: object) -> Path:
    """A born-digital PDF with one line of text per string, on as many pages as given."""
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page()
        for number, text in enumerate(lines):
            page.insert_text((72, 72 + 16 * number), text, fontsize=11)
    doc.save(path, **save)
    doc.close()
    return path


def assert_offsets_consistent(path: Path, options: LoadOptions | None = None) -> str:
    """Every line and page slices out of the document text exactly; returns that text."""
    with load_document(path, options) as document:
        text = document.text()
        for page in document.iter_pages():
            assert text[page.start : page.end] == page.text
            for line in page.lines:
                assert text[line.start : line.end] == line.text
                for span in line.spans:
                    assert text[span.start : span.end] == span.text
    return text


_LETTER = "Dear Mr Hallam,\nThe fee of £5 – payable at the Café desk – was waived by the clerk.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Dear Ms Rowe,\nCost: £4,000\n".encode(), "Dear Ms Rowe,\nCost: £4,000\n"),
        (b"\xef\xbb\xbfWith BOM\n", "With BOM\n"),
        ("Été\n".encode("utf-16"), "Été\n"),
        (_LETTER.encode("cp1252"), _LETTER),
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "cp1252", "crlf-and-cr"],
)
def test_text_encodings_decode_and_normalise(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "release.txt"
    path.write_bytes(data)
    assert assert_offsets_consistent(path) == expected


def test_undecodable_bytes_never_crash(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4 + b"\nend\n")
    text = assert_offsets_consistent(path)
    assert text.endswith("end\n")


def test_text_pages_split_on_form_feed(tmp_path: Path) -> None:
    path = tmp_path / "pages.txt"
    path.write_text("page one\nline two\fpage two\n", encoding="utf-8")
    with load_document(path) as document:
        pages = list(document.iter_pages())
        assert document.info.format is Format.TEXT
        assert [p.number for p in pages] == [1, 2]
        assert pages[1].lines[0].text == "page two"
        assert pages[1].start == len("page one\nline two\f")
        assert pages[0].lines[1].number == 2


def test_pdf_lines_have_offsets_and_bboxes(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "letter.pdf", [["From: Dana Whitlock", "To: [REDACTED]"], ["Page 2"]]
    )
    text = assert_offsets_consistent(path)
    assert text == "From: Dana Whitlock\nTo: [REDACTED]\fPage 2"
    with load_document(path) as document:
        line = next(document.iter_pages()).lines[1]
        assert line.bbox is not None
        x0, y0, _x1, y1 = line.bbox
        assert x0 == pytest.approx(72, abs=1)
        assert y0 < 88 < y1  # the baseline of the second line is at y = 88


def test_pdf_table_cells_on_one_row_merge_into_one_line(tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Northgate Ltd", fontsize=10)
    page.insert_text((300, 100), "£12,500", fontsize=10)
    doc.save(path)
    with load_document(path) as document:
        (line,) = next(document.iter_pages()).lines
    assert line.text.startswith("Northgate Ltd  ")  # a column gap is several spaces
    assert line.text.endswith("£12,500")


def test_pdf_loading_is_lazy(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "long.pdf", [[f"page {n}"] for n in range(50)])
    with load_document(path) as document:
        pages = document.iter_pages()
        first = next(pages)
        assert document.info.page_count == 50
        assert first.text == "page 0"


def test_owner_password_only_opens_and_extracts(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "owner.pdf",
        [["Text behind an owner password"]],
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        owner_pw="owner-secret",
        permissions=pymupdf.PDF_PERM_PRINT,
    )
    assert "owner password" in assert_offsets_consistent(path)


def test_user_password_is_needed_and_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_pdf(
        tmp_path / "locked.pdf",
        [["Only with the password"]],
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        owner_pw="owner-secret",
        user_pw="open-sesame",
    )
    with pytest.raises(PasswordRequired, match="--password"):
        load_document(path)
    with pytest.raises(PasswordRequired, match="wrong"):
        load_document(path, LoadOptions(password="guess"))
    assert "Only with" in assert_offsets_consistent(path, LoadOptions(password="open-sesame"))
    monkeypatch.setenv("REDACTVIEW_PASSWORD", "open-sesame")
    assert "Only with" in assert_offsets_consistent(path)


def _make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.pdf", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: _write(p / "empty.txt", b""), "empty"),
        (lambda p: _write(p / "fake.pdf", b"<html>not a pdf</html>"), "not a PDF"),
        (lambda p: _write(p / "bin.dat", b"\x00\x01\x02\x03" * 500), "binary"),
        (lambda p: _write(p / "cut.pdf", b"%PDF-1.7\n1 0 obj\n<<"), "PDF"),
        (lambda p: _make_fifo(p / "pipe.txt"), "not a regular file"),
        (lambda p: _write(p / "photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40), "image"),
    ],
    ids=["missing", "directory", "empty", "html-as-pdf", "binary", "truncated", "fifo", "bad-png"],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    with pytest.raises(LoadError) as caught, load_document(path) as document:
        list(document.iter_pages())
    message = str(caught.value)
    assert str(path) in message
    assert reason.lower() in message.lower()
    assert "\n" not in message


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "keep.pdf", [["unchanged"]])
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    os.chmod(path, 0o444)
    assert_offsets_consistent(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_damaged_pdf_is_repaired_with_a_warning(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "ok.pdf", [["Still readable after damage"]])
    data = path.read_bytes()
    xref = data.rfind(b"xref")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(data[:xref] + b"garbage" + data[xref + 20 :])
    with load_document(damaged) as document:
        text = document.text()
        assert "Still readable" in text
        assert any("repaired" in w or "MuPDF" in w for w in document.info.warnings)
