"""A PDF on the document screen: boxes are placed by the lines they cover; leaks stand out."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from redactview.tui.app import RedactviewApp
from redactview.tui.screens.document import DocumentScreen
from redactview.tui.screens.image import PageImageScreen
from redactview.tui.state import is_leak
from redactview.tui.widgets.detail import RedactionDetail
from redactview.tui.widgets.page_image import LEAK_COLOUR, PageImage
from redactview.tui.widgets.page_view import PageView
from redactview.tui.widgets.redaction_table import RedactionTable
from tests.fixtures.pdfs import box_over, draw_box, redacted_line, save_pdf, write_line

from .conftest import run, wait_for, wait_scanned

LEAKY = "Supplier contact: Marguerite Penhallow, Finance"


def _page(page: pymupdf.Page) -> None:
    write_line(page, "Depot relocation: tender report", y=100)
    baseline = write_line(page, LEAKY, y=140)
    draw_box(page, box_over(LEAKY, "Marguerite Penhallow", baseline))  # text still underneath
    redacted_line(page, "Approved by", "Oskar Lindqvist", "on 3 May.", 180)


def test_leaky_box_is_listed_marked_and_explained(tmp_path: Path) -> None:
    path = save_pdf(tmp_path / "tender.pdf", [_page, ["Page two: nothing hidden here."]])

    async def scenario() -> None:
        app = RedactviewApp([str(path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen))
            screen = app.screen
            await wait_for(pilot, lambda: bool(screen.query_one(RedactionTable).shown))
            state = app.documents[str(path)]
            leaks = [r for r in state.redactions if is_leak(r)]
            assert leaks, "the box over extractable text is reported as a leak"
            table = screen.query_one(RedactionTable)
            assert table.select(leaks[0].id)
            await pilot.press("enter")
            leak = screen.selected
            assert leak is leaks[0]
            detail = str(screen.query_one(RedactionDetail).render())
            assert "Marguerite Penhallow" in detail and "LEAKED TEXT" in detail
            assert screen.query_one(RedactionDetail).has_class("-leak")
            view = screen.query_one(PageView)
            [mark] = [m for m in screen._marks() if m.role == "selected"]
            assert "Marguerite Penhallow" in view.text[mark.start - view.page.start : mark.end]
            await pilot.press("n")  # the next one is not selected as a leak any more
            others = [m for m in screen._marks() if m.key == leak.id]
            assert [m.role for m in others] == ["leak"]

    run(scenario())


def test_i_shows_the_page_image_with_the_leak_outlined_in_red(tmp_path: Path) -> None:
    path = save_pdf(tmp_path / "tender.pdf", [_page])

    async def scenario() -> None:
        app = RedactviewApp([str(path)])
        async with app.run_test(size=(100, 40)) as pilot:
            await wait_scanned(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen))
            state = app.documents[str(path)]
            await pilot.press("i")
            assert isinstance(app.screen, PageImageScreen)
            image = app.screen.query_one(PageImage)
            await wait_for(pilot, lambda: image.pixels is not None)
            pixels = image.pixels
            assert pixels.width <= 98 and pixels.height <= (40 - 4) * 2
            [leak] = [r for r in state.redactions if is_leak(r) and r.bbox]
            corner = (int(leak.bbox[0] * pixels.scale), int(leak.bbox[1] * pixels.scale))
            assert image.pixel(*corner) == LEAK_COLOUR
            assert image.pixel(0, 0) == (255, 255, 255)  # the page margin is white paper
            await pilot.press("escape")
            assert isinstance(app.screen, DocumentScreen)

    run(scenario())


def test_i_on_a_text_document_says_images_are_for_pdfs(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Name: [REDACTED]\n", encoding="utf-8")

    async def scenario() -> None:
        app = RedactviewApp([str(path)])
        async with app.run_test(size=(100, 40)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("i")
            assert isinstance(app.screen, DocumentScreen)
            assert any("PDFs" in n.message for n in app._notifications)

    run(scenario())


def test_a_box_over_blank_lines_marks_the_line_beside_it_not_a_letter(tmp_path: Path) -> None:
    from redactview.loaders import load_document
    from redactview.scan import scan_file
    from redactview.tui.present import redaction_mark, text_span

    def draw(page: pymupdf.Page) -> None:
        write_line(page, "Date: 14 March 2025", y=100)
        draw_box(page, pymupdf.Rect(72, 110, 250, 122))  # the address, on a line of its own
        write_line(page, "By email only", y=146)

    path = save_pdf(tmp_path / "address.pdf", [draw])
    (box,) = scan_file(str(path)).redactions
    assert box.start is not None and box.start == box.end  # a point between the lines
    with load_document(path) as document:
        page = next(iter(document.iter_pages()))
    span = text_span(box, page)
    assert span is not None
    marked = page.text[span[0] - page.start : span[1] - page.start]
    assert marked.strip() in ("Date: 14 March 2025", "By email only")  # a whole line, not a letter
    mark = redaction_mark(box, page)
    assert mark is not None and mark.fill == ""  # its spaces are not drawn as a box's ▮
