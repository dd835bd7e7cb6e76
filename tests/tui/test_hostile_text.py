"""Document text is data: markup shows literally, escape sequences never reach the terminal."""

from __future__ import annotations

from pathlib import Path

from redactview.tui.app import RedactviewApp
from redactview.tui.screens.document import DocumentScreen
from redactview.tui.widgets.detail import RedactionDetail
from redactview.tui.widgets.page_view import PageView
from redactview.tui.widgets.redaction_table import RedactionTable

from .conftest import control_characters, run, screen_lines, wait_for, wait_scanned

ESC = "\x1b"
OSC52 = f"{ESC}]52;c;cm0gLXJmIC8K\x07"  # a clipboard write
OSC8 = f"{ESC}]8;;https://phish.example/{ESC}\\click me{ESC}]8;;{ESC}\\"  # a hyperlink
HOSTILE_LINES = [
    "Name: [REDACTED] and [/] and [@click=app.quit]quit[/] and [b]bold[/b]",
    f"Colour: {ESC}[31mred{ESC}[0m clear: {ESC}[2J title: {ESC}]0;owned\x07",
    f"Clipboard: {OSC52} link: {OSC8}",
    "Controls: \x00\x01\x07\x08\x0b\x7f C1: \x9b31m \x85 end",
    "Arabic: المبلغ [REDACTED] جنيه  Hebrew: השם [REDACTED] נמחק  Override: \u202eabc\u202c",
    "Long: " + "word " * 6000 + "[REDACTED] tail",
]
HOSTILE = "\n".join(HOSTILE_LINES) + "\n"


def _hostile_file(folder: Path) -> Path:
    path = folder / "[@click=app.quit]hostile[b].txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_hostile_text_renders_literally_and_never_acts(tmp_path: Path) -> None:
    path = _hostile_file(tmp_path)

    async def scenario() -> None:
        app = RedactviewApp([str(path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen))
            screen = app.screen
            view = screen.query_one(PageView)
            shown = "".join(view.row_text(row) for row in range(view.row_count))
            for literal in ("[REDACTED]", "[/]", "[@click=app.quit]quit[/]", "[b]bold[/b]"):
                assert literal in shown
            assert "␛[31mred␛[0m" in shown and "␛]52;c;" in shown and "␛]8;;https" in shown
            assert not control_characters([shown])
            assert view.row_count > 6000 * 5 // 120  # the long line wraps, nothing is cut

            lines = screen_lines(app)
            text = "\n".join(lines)
            assert "[REDACTED] and [/] and [@click=app.quit]quit[/]" in text
            assert not control_characters(lines)

            # Clicking on the markup-like text selects nothing and runs nothing.
            row = next(r for r in range(view.row_count) if "[@click" in view.row_text(r))
            column = view.row_text(row).index("[@click") + 3
            await pilot.click(PageView, offset=(column + 1, row))
            assert app.is_running and app.screen is screen

            # Every redaction's list row and detail panel stay literal too.
            for _ in screen.query_one(RedactionTable).shown:
                await pilot.press("n")
                detail = str(screen.query_one(RedactionDetail).render())
                assert not control_characters(detail.splitlines())
                assert not control_characters(screen_lines(app))
            await pilot.press("escape")
            library = "\n".join(screen_lines(app))
            assert "[@click=app.quit]hostile[b].txt" in library
            assert app.is_running

    run(scenario())


def test_a_file_name_with_escape_sequences_is_shown_visibly(tmp_path: Path) -> None:
    path = tmp_path / f"{ESC}]52;c;aGk=\x07name.txt"
    path.write_text("Name: [REDACTED]\n", encoding="utf-8")
    broken = tmp_path / f"{ESC}[2Jbroken.pdf"
    broken.write_bytes(b"not a pdf")

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.pause(0.2)
            lines = screen_lines(app)
            assert not control_characters(lines)
            assert "␛]52;c;aGk=␇name.txt" in "\n".join(lines)
            messages = [n.message for n in app._notifications]
            assert any("␛[2Jbroken.pdf" in m for m in messages)
            assert not control_characters(messages)

    run(scenario())


def test_the_open_dialog_tree_shows_hostile_file_names_literally(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / f"[@click=app.quit]{ESC}]52;c;aGk=\x07x.txt").write_text("a", encoding="utf-8")
    letter = folder / "plain.txt"
    letter.write_text("Name: [REDACTED]\n", encoding="utf-8")

    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            app.settings = app.settings.with_recent(str(letter))
            await pilot.press("o")
            await pilot.pause(0.5)
            lines = screen_lines(app)
            assert not control_characters(lines)
            assert "[@click=app.quit]␛]52;c;aGk=␇x.txt" in "\n".join(lines)
            assert app.is_running

    run(scenario())
