"""Fixes from a reviewer's pass: boxes over nothing are drawn, `n` moves, narrow layouts fit."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from textual.widgets import DataTable, Select

from redactview.model import Kind, Line, Page, Redaction
from redactview.tui.app import RedactviewApp
from redactview.tui.present import BOX_FILL, redaction_mark
from redactview.tui.screens.document import DocumentScreen
from redactview.tui.screens.library import LibraryScreen
from redactview.tui.widgets.detail import RedactionDetail
from redactview.tui.widgets.page_view import PageView
from redactview.tui.widgets.redaction_table import MIN_CONTEXT, RedactionTable
from tests.fixtures.pdfs import redacted_line, save_pdf, write_line

from .conftest import LETTER, run, screen_lines, wait_for, wait_scanned, write_text


def _blank_box_page(page: pymupdf.Page) -> None:
    write_line(page, "Keyholder rota for the depot", y=100)
    redacted_line(page, "Called in the order", "Wendell Farrow", "then the duty officer.", 140)


def test_box_over_nothing_is_drawn_over_its_blanks(tmp_path: Path) -> None:
    path = save_pdf(tmp_path / "rota.pdf", [_blank_box_page])

    async def scenario() -> None:
        app = RedactviewApp([str(path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen))
            screen = app.screen
            await wait_for(pilot, lambda: bool(screen.query_one(RedactionTable).shown))
            [box] = [r for r in app.documents[str(path)].redactions if r.kind == Kind.BOX]
            assert box.start is not None and box.end is not None
            view = screen.query_one(PageView)
            row = view.row_of_offset(box.start)
            local = box.start - view.page.start, box.end - view.page.start
            assert not view.text[local[0] : local[1]].strip(), "the box's text run is blanks"
            row_start = view._rows[row][0]
            shown, drawn = view.row_text(row), view.drawn_row(row)
            pairs = enumerate(zip(shown, drawn, strict=True))
            filled = [i + row_start for i, (a, b) in pairs if a != b]
            assert filled == list(range(*local)), "exactly the box's blanks are filled"
            assert {drawn[i - row_start] for i in filled} == {BOX_FILL}
            assert any(BOX_FILL * 3 in line for line in screen_lines(app))

    run(scenario())


def test_box_without_offsets_is_marked_on_its_line() -> None:
    lines = (
        Line(1, "Date: 14 March", 0, (60, 100, 160, 112)),
        Line(2, "By email only", 15, (60, 140, 150, 152)),
    )
    page = Page(number=1, text="Date: 14 March\nBy email only", start=0, lines=lines)
    box = Redaction(kind=Kind.BOX, page=1, detector="boxes", line=2, bbox=(59, 118, 220, 130))
    mark = redaction_mark(box, page)
    assert mark is not None
    assert (mark.start, mark.end, mark.fill) == (15, 28, "")


def test_first_n_moves_past_the_row_the_detail_shows(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen))
            screen = app.screen
            await wait_for(pilot, lambda: bool(screen.query_one(RedactionTable).shown))
            shown = screen.shown
            assert screen.query_one(RedactionDetail).redaction is shown[0]
            await pilot.press("n")
            assert screen.selected is shown[1]
            screen.query_one("#filter", Select).value = "kind:label"
            await pilot.pause()
            labels = screen.shown
            assert len(labels) >= 2 and all(str(r.kind) == "label" for r in labels)
            described = screen.query_one(RedactionDetail).redaction
            await pilot.press("n")
            assert screen.selected is not described
            assert screen.selected is labels[(labels.index(described) + 1) % len(labels)]

    run(scenario())


def _library_cells(app: RedactviewApp, row: int) -> list[str]:
    table = app.screen.query_one("#documents", DataTable)
    return [str(cell) for cell in table.get_row_at(row)]


def test_failed_document_shows_dashes_not_loading(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"this is not a PDF at all")
    write_text(tmp_path, "good.txt", LETTER)

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            assert app.documents[str(tmp_path / "broken.pdf")].error
            cells = _library_cells(app, 0)
            assert cells[1] == "broken.pdf"
            assert (cells[2], cells[3], cells[5]) == ("—", "—", "failed")
            assert "…" not in cells[3] and "?" not in cells[2]

    run(scenario())


def test_at_80_columns_footer_and_library_fit(tmp_path: Path) -> None:
    write_text(tmp_path, "good.txt", LETTER)

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path / "good.txt"), str(tmp_path / "good.txt")])
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
            table = app.screen.query_one("#documents", DataTable)
            headers = [str(column.label) for column in table.columns.values()]
            assert "Exemptions cited" not in headers
            widths = sum(column.get_render_width(table) for column in table.columns.values())
            assert widths <= 80
            footer = screen_lines(app)[-1]
            assert "q Quit" in footer and "? Help" in footer

    run(scenario())


def test_document_footer_fits_at_80_and_context_is_readable_at_120(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_scanned(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen))
            await pilot.pause()
            footer = screen_lines(app)[-1]
            assert "q Quit" in footer and "n Next" in footer
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            table = app.screen.query_one(RedactionTable)
            context = next(c for c in table.columns.values() if str(c.label) == "Context")
            others = sum(c.get_render_width(table) for c in table.columns.values() if c != context)
            assert table.size.width - others >= MIN_CONTEXT

    run(scenario())
