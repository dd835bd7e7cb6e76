"""The library screen: documents with their counts, opening, marking, closing, bad files."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from redactview.tui.app import RedactviewApp
from redactview.tui.screens.compare import CompareScreen
from redactview.tui.screens.document import DocumentScreen
from redactview.tui.screens.library import LibraryScreen

from .conftest import LETTER, run, wait_for, wait_scanned, write_text


def _cells(app: RedactviewApp, row: int) -> list[str]:
    table = app.screen.query_one("#documents", DataTable)
    return [str(cell) for cell in table.get_row_at(row)]


def test_a_folder_lists_each_document_with_its_counts(tmp_path: Path) -> None:
    write_text(tmp_path, "a.txt", LETTER)
    write_text(tmp_path, "b.txt", "Nothing withheld here.\n")
    write_text(tmp_path, "c.txt", "Contact: [REDACTED]\nSection 40(2) applies.\n")

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            assert isinstance(app.screen, LibraryScreen)
            table = app.screen.query_one("#documents", DataTable)
            assert table.row_count == 3
            names = [_cells(app, row)[1] for row in range(3)]
            assert names == ["a.txt", "b.txt", "c.txt"]
            for row, state in enumerate(app.documents.values()):
                cells = _cells(app, row)
                assert cells[3] == str(len(state.redactions))
                assert cells[5] == "done"
            assert _cells(app, 1)[3] == "0"
            assert "s.40(2)" in _cells(app, 2)[6]

    run(scenario())


def test_enter_opens_the_highlighted_document(tmp_path: Path) -> None:
    write_text(tmp_path, "a.txt", LETTER)
    write_text(tmp_path, "b.txt", "Contact: [REDACTED]\n")

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("down", "enter")
            assert isinstance(app.screen, DocumentScreen)
            assert app.screen.state.path == str(tmp_path / "b.txt")

    run(scenario())


def test_space_marks_two_and_c_compares_them(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write_text(tmp_path, name, LETTER)

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            library = app.screen
            await pilot.press("space", "down", "down", "space")
            assert library.marked == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]
            assert _cells(app, 0)[0] == "✓" and _cells(app, 1)[0] == ""
            await pilot.press("c")
            assert isinstance(app.screen, CompareScreen)
            assert (app.screen.path_a, app.screen.path_b) == tuple(library.marked)

    run(scenario())


def test_c_without_two_marked_warns_and_stays(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write_text(tmp_path, name, LETTER)

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("c")
            assert isinstance(app.screen, LibraryScreen)
            assert any("Mark two" in n.message for n in app._notifications)

    run(scenario())


def test_a_bad_file_is_reported_and_the_session_goes_on(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"this is not a PDF at all")
    (tmp_path / "empty.txt").write_bytes(b"")
    write_text(tmp_path, "good.txt", LETTER)

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            states = app.documents
            assert states[str(tmp_path / "broken.pdf")].error
            assert "empty" in states[str(tmp_path / "empty.txt")].error
            assert states[str(tmp_path / "good.txt")].report is not None
            errors = [n.message for n in app._notifications if n.severity == "error"]
            assert any("broken.pdf" in m for m in errors)
            assert any("empty.txt" in m for m in errors)
            assert _cells(app, 0)[5] == "failed"
            await pilot.press("down", "down", "enter")
            assert isinstance(app.screen, DocumentScreen)

    run(scenario())


def test_x_closes_a_document(tmp_path: Path) -> None:
    write_text(tmp_path, "a.txt", LETTER)
    write_text(tmp_path, "b.txt", LETTER)

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("x")
            assert list(app.documents) == [str(tmp_path / "b.txt")]
            assert app.screen.query_one("#documents", DataTable).row_count == 1

    run(scenario())


def test_o_opens_a_typed_path(tmp_path: Path, letter: Path) -> None:
    other = write_text(tmp_path, "later.txt", "Name: [REDACTED]\n")

    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("escape", "o")
            field = app.screen.query_one("#open-path")
            field.value = str(other)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen))
            assert app.screen.state.path == str(other)
            assert list(app.documents) == [str(letter), str(other)]
            assert app.settings.recent_files[0] == str(other.resolve())

    run(scenario())


def test_o_with_a_mistyped_path_says_so_and_adds_nothing(tmp_path: Path, letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("escape", "o")
            dialog = app.screen
            dialog.query_one("#open-path").value = str(tmp_path / "nope.pdf")
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog  # still asking
            assert any("No such file or folder" in str(n.message) for n in app._notifications)
            assert list(app.documents) == [str(letter)]
            assert str(tmp_path / "nope.pdf") not in app.settings.recent_files

    run(scenario())


def test_closing_a_loading_document_ends_its_process(tmp_path: Path) -> None:
    from tests.fixtures.pdfs import save_pdf

    pages = [[f"Page {n}: the fee was [REDACTED] and the name ******."] * 40 for n in range(400)]
    big = save_pdf(tmp_path / "big.pdf", pages)
    write_text(tmp_path, "small.txt", LETTER)

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            state = app.documents[str(big)]
            await wait_for(pilot, lambda: str(big) in app.session.jobs and state.pages_done > 0)
            job = app.session.jobs[str(big)]
            assert not state.done
            await pilot.press("x")  # the big one is first, under the cursor
            assert str(big) not in app.documents
            await wait_for(pilot, lambda: not job._process.is_alive(), timeout=5)
            assert job.cancelled
            await wait_scanned(pilot, app)
            assert list(app.documents) == [str(tmp_path / "small.txt")]

    run(scenario())
