"""Build the sample PDFs in sample_docs/ from the text samples beside them.

Run from the repository root: `python scripts/make_sample_pdfs.py`. The output is byte-for-byte
the same on every run (no dates, no random file ids, seeded noise), so the PDFs can be committed
and a rebuild shows no diff unless a source or this script changed.

What each PDF holds, redaction by redaction, is listed in docs/sample_docs.md.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pymupdf

SAMPLES = Path(__file__).resolve().parent.parent / "sample_docs"
A4 = pymupdf.paper_rect("a4")
A4_LANDSCAPE = pymupdf.paper_rect("a4-l")
FONT = "helv"
BLACK = (0.0, 0.0, 0.0)
RULE_GREY = (0.6, 0.6, 0.6)


@dataclass(frozen=True, slots=True)
class BoxEdit:
    """Replace `marker` on a line of the text sample by a black box in the PDF.

    The box is as wide as `hidden` would be. A leaky box also draws `hidden` underneath it,
    which is the classic failed redaction: the box hides the text from the eye only.
    """

    page: int  # 1-based
    line: int  # 1-based, within the page
    marker: str
    hidden: str
    occurrence: int = 1
    leaky: bool = False


# The FOI letter: four proper boxes and one leaky box; every other marker stays as text.
LETTER_EDITS = (
    BoxEdit(1, 13, "***********************", "14 Sorrel Way, Carrowfield CF4 2LN"),
    BoxEdit(1, 54, "[Redacted - Section 40(2)]", "Nadia Ferrow-Ellis", leaky=True),
    BoxEdit(2, 11, "********", "Lena Quarrie", occurrence=1),
    BoxEdit(2, 11, "********", "Tamsin Okafor", occurrence=2),
    BoxEdit(2, 39, "**************", "Imogen Saltash"),
)

# The contracts register: two value cells blacked out in the PDF table.
REGISTER_BOXED_ROWS = ("CDC-0236", "CDC-0238")

BOXES_DRAWN: list[tuple[int, pymupdf.Rect]] = []  # (page, box) as the letter is typeset


def read_pages(name: str) -> list[list[str]]:
    """A text sample's pages (split on form feeds), each a list of lines."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    return [page.rstrip("\n").split("\n") for page in text.split("\f")]


def save(doc: pymupdf.Document, path: Path) -> Path:
    """Write the PDF deterministically: no metadata dates, no fresh file id."""
    doc.set_metadata({})
    path.write_bytes(doc.tobytes(garbage=4, deflate=True, no_new_id=True))
    doc.close()
    return path


def text_width(text: str, size: float) -> float:
    """The width of `text` in the sample font at `size` points."""
    return pymupdf.get_text_length(text, fontname=FONT, fontsize=size)


def draw_box(page: pymupdf.Page, rect: pymupdf.Rect) -> None:
    """A filled black rectangle with no outline: what redaction software draws."""
    page.draw_rect(rect, color=None, fill=BLACK, overlay=True)


def split_line(line: str, edits: Sequence[BoxEdit]) -> list[tuple[str, BoxEdit | None]]:
    """Cut a line into plain text pieces and the markers that become boxes, in order."""
    cuts: list[tuple[int, BoxEdit]] = []
    for edit in edits:
        at = -1
        for _ in range(edit.occurrence):
            at = line.index(edit.marker, at + 1)
        cuts.append((at, edit))
    pieces: list[tuple[str, BoxEdit | None]] = []
    cursor = 0
    for at, edit in sorted(cuts, key=lambda cut: cut[0]):
        pieces.append((line[cursor:at], None))
        pieces.append((edit.hidden, edit))
        cursor = at + len(edit.marker)
    pieces.append((line[cursor:], None))
    return pieces


def write_line(
    page: pymupdf.Page, x: float, y: float, line: str, edits: Sequence[BoxEdit]
) -> list[pymupdf.Rect]:
    """Write one line at baseline `y`, boxing the edited markers; return the boxes drawn."""
    size = 10.0
    boxes = []
    for text, edit in split_line(line, edits):
        width = text_width(text, size)
        if edit is None or edit.leaky:
            page.insert_text((x, y), text, fontname=FONT, fontsize=size)
        if edit is not None:
            boxes.append(pymupdf.Rect(x - 1, y - size * 0.9, x + width + 1, y + size * 0.3))
            draw_box(page, boxes[-1])
        x += width
    return boxes


def text_pages_pdf(
    pages: list[list[str]], edits: Sequence[BoxEdit] = (), *, footers: bool = False
) -> pymupdf.Document:
    """Typeset text pages a line per row; with `footers`, each page's last line sits at the foot."""
    doc = pymupdf.open()
    for number, lines in enumerate(pages, start=1):
        page = doc.new_page(width=A4.width, height=A4.height)
        body, footer = (lines[:-1], lines[-1]) if footers else (lines, "")
        for index, line in enumerate(body, start=1):
            line_edits = [e for e in edits if e.page == number and e.line == index]
            for box in write_line(page, 60, 46 + 13 * index, line, line_edits):
                BOXES_DRAWN.append((doc.page_count, box))
        if footer:
            write_line(page, 60, A4.height - 40, footer, ())
    return doc


def make_letter(out: Path) -> Path:
    """The FOI response letter, born digital: text markers, proper boxes and one leaky box."""
    pages = read_pages("foi_response_letter.txt")
    check_edits(pages, LETTER_EDITS)
    return save(text_pages_pdf(pages, LETTER_EDITS), out / "foi_response_letter.pdf")


def make_minutes(out: Path) -> Path:
    """Release 1 of the minutes, born digital, page for page as the text release."""
    doc = text_pages_pdf(read_pages("minutes_release_1.txt"), footers=True)
    return save(doc, out / "minutes_release_1.pdf")


def check_edits(pages: list[list[str]], edits: Sequence[BoxEdit]) -> None:
    """Fail loudly if a source text changed under an edit."""
    for edit in edits:
        line = pages[edit.page - 1][edit.line - 1]
        if line.count(edit.marker) < edit.occurrence:
            raise SystemExit(f"page {edit.page} line {edit.line} has no {edit.marker!r}: {line!r}")


def register_rows() -> tuple[list[str], list[list[str]], list[str], list[str]]:
    """The register's title lines, table rows (header first), total line and notes."""
    lines = read_pages("contracts_register.txt")[0]
    rule = next(i for i, line in enumerate(lines) if line.startswith("--------"))
    widths = [len(cell) for cell in lines[rule].split("  ")]
    end = next(i for i in range(rule + 1, len(lines)) if lines[i].startswith("--------"))
    table = [split_columns(line, widths) for line in [lines[rule - 1], *lines[rule + 1 : end]]]
    rest = [line for line in lines[end + 1 :] if line]
    return lines[: rule - 2], table, rest[:1], rest[1:]


def split_columns(line: str, widths: list[int]) -> list[str]:
    """Cut a fixed-width row into its stripped cells."""
    cells, at = [], 0
    for width in widths:
        cells.append(line[at : at + width].strip())
        at += width + 2
    return cells


def make_register(out: Path) -> Path:
    """The contracts register as a ruled table, with two value cells boxed in black."""
    titles, table, total, notes = register_rows()
    doc = pymupdf.open()
    page = doc.new_page(width=A4_LANDSCAPE.width, height=A4_LANDSCAPE.height)
    y = 50.0
    for line in titles:
        page.insert_text((40, y), line, fontname=FONT, fontsize=10)
        y += 14
    y = draw_table(page, table, top=y + 10)
    for line in [*total, "", *notes]:
        page.insert_text((40, y + 20), line, fontname=FONT, fontsize=9)
        y += 12
    return save(doc, out / "contracts_register.pdf")


def draw_table(page: pymupdf.Page, table: list[list[str]], top: float) -> float:
    """Draw the ruled table; return the y of its bottom rule."""
    edges = [40, 92, 232, 372, 432, 492, 582, 682]
    row_height, size = 16.0, 8.0
    bottom = top + row_height * len(table)
    for x in edges:
        page.draw_line((x, top), (x, bottom), color=RULE_GREY, width=0.5)
    for index, cells in enumerate(table):
        y = top + row_height * index
        page.draw_line((edges[0], y), (edges[-1], y), color=RULE_GREY, width=0.5)
        for column, cell in enumerate(cells):
            draw_cell(page, cells[0], column, cell, (edges[column], y, edges[column + 1]), size)
    page.draw_line((edges[0], bottom), (edges[-1], bottom), color=RULE_GREY, width=0.5)
    return bottom


Cell = tuple[float, float, float]  # left edge, top, right edge


def draw_cell(
    page: pymupdf.Page, row: str, column: int, cell: str, where: Cell, size: float
) -> None:
    """One cell: values right-aligned, a boxed value as a black box inset in its cell."""
    left, top, right = where
    value_column = column == 5
    if value_column and row in REGISTER_BOXED_ROWS:
        BOXES_DRAWN.append((1, pymupdf.Rect(left + 8, top + 3, right - 4, top + 13)))
        draw_box(page, BOXES_DRAWN[-1][1])
        return
    x = right - 4 - text_width(cell, size) if value_column else left + 4
    page.insert_text((x, top + 11), cell, fontname=FONT, fontsize=size)


# The scanned memo: (baseline y, text before a box, box width, text after); width 0 = no box.
MEMO_LINES = (
    (90.0, "CARROWFIELD DISTRICT COUNCIL - INTERNAL MEMO", 0.0, ""),
    (140.0, "From:    ", 96.0, ""),
    (162.0, "To:      Harriet Vell, Head of Environmental Services", 0.0, ""),
    (184.0, "Date:    21 January 2025", 0.0, ""),
    (206.0, "Subject: Pell Common - access for the ground survey", 0.0, ""),
    (246.0, "The surveyor will need the site gate opened at 7.30am on 3 February.", 0.0, ""),
    (268.0, "Please ask the keyholder to ring the site office on ", 84.0, " first."),
    (290.0, "I have attached the insurer's conditions for the temporary yard:", 0.0, ""),
    (360.0, "Any questions to me or to the Fleet team.", 0.0, ""),
    (390.0, "Regards,", 0.0, ""),
    (412.0, "", 110.0, " (Environmental Services)"),
    (780.0, "Released under FOI-2025-0417. Redactions: section 40(2), section 31(1)(a).", 0.0, ""),
)
MEMO_SIZE = 11.0
MEMO_BLOCK = (72.0, 300.0, 520.0, 336.0)  # a two-line box where the conditions were


def memo_boxes() -> list[tuple[float, float, float, float]]:
    """Where the memo's burnt-in boxes are, in PDF points, in reading order."""
    boxes = []
    for y, before, width, _after in MEMO_LINES:
        if width:
            x0 = 72 + text_width(before, MEMO_SIZE)
            boxes.append((round(x0, 1), y - 10.0, round(x0 + width, 1), y + 3.0))
    boxes.insert(2, MEMO_BLOCK)
    return boxes


def make_scanned_memo(out: Path) -> Path:
    """A one-page memo as a scan: text and boxes rendered to a noisy greyscale image only."""
    return save(memo_scan(), out / "scanned_memo.pdf")


# What the memo's boxes hid, for the copy whose text layer still holds two of them.
MEMO_HIDDEN_IN_LAYER = {140.0: "Colm Brightwater", 268.0: "01632 960 418"}


def make_scanned_memo_ocr(out: Path) -> Path:
    """The memo as a searchable scan whose invisible text layer still holds two boxed details.

    The scanner read the page after the marker pen had covered the conditions and the
    signature; the sender's name and the site office number were boxed on the image later, in
    an editor that left the text layer as it was.
    """
    scan = memo_scan()
    sheet = scan[0]
    for y, before, width, after in MEMO_LINES:
        size = 9.0 if y > 700 else MEMO_SIZE
        hidden = MEMO_HIDDEN_IN_LAYER.get(y, "")
        x = 72 + text_width(before, size)
        for left, text in ((72.0, before), (x, hidden), (x + width, after)):
            if text.strip():
                sheet.insert_text((left, y), text, fontname=FONT, fontsize=size, render_mode=3)
    return save(scan, out / "scanned_memo_ocr.pdf")


def memo_scan() -> pymupdf.Document:
    """The memo printed, blacked out and scanned: one page holding a noisy greyscale image."""
    source = pymupdf.open()
    page = source.new_page(width=A4.width, height=A4.height)
    for y, before, width, after in MEMO_LINES:
        size = 9.0 if y > 700 else MEMO_SIZE
        page.insert_text((72, y), before, fontname=FONT, fontsize=size)
        x = 72 + text_width(before, size) + width
        page.insert_text((x, y), after, fontname=FONT, fontsize=size)
    for box in memo_boxes():
        draw_box(page, pymupdf.Rect(box))
    pixmap = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
    source.close()
    scan = pymupdf.open()
    sheet = scan.new_page(width=A4.width, height=A4.height)
    sheet.insert_image(sheet.rect, stream=add_scan_noise(pixmap))
    return scan


def add_scan_noise(pixmap: pymupdf.Pixmap) -> bytes:
    """Grey the paper a little and sprinkle seeded speckles, as a photocopier does; PNG bytes."""
    pixels = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(pixmap.height, pixmap.stride)
    pixels = pixels[:, : pixmap.width].astype(np.int16)
    rng = np.random.default_rng(417)
    paper = np.minimum(pixels, 238)
    specks = rng.random(pixels.shape) < 0.0015
    paper[specks] = rng.integers(40, 160, size=int(specks.sum()))
    noisy = np.ascontiguousarray(paper.clip(0, 255).astype(np.uint8))
    out = pymupdf.Pixmap(pymupdf.csGRAY, pixmap.width, pixmap.height, noisy.tobytes(), False)
    out.set_dpi(150, 150)
    return out.tobytes("png")


def main(argv: Sequence[str] | None = None) -> int:
    """Build every sample PDF and print where each went."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SAMPLES, help="folder to write to")
    args = parser.parse_args(argv)
    builds = (make_letter, make_register, make_minutes, make_scanned_memo, make_scanned_memo_ocr)
    for build in builds:
        BOXES_DRAWN.clear()
        print(build(args.out))
        for page, box in BOXES_DRAWN:
            corners = tuple(round(v, 1) for v in (box.x0, box.y0, box.x1, box.y1))
            print(f"  box on page {page}: {corners}")
    print("  burnt-in boxes:", memo_boxes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
