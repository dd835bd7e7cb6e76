"""App-wide behaviour: help, theme saved between sessions, the palette, the core boundary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.command import CommandPalette

from redactview.settings import Settings, load_settings, save_settings
from redactview.tui.app import RedactviewApp
from redactview.tui.screens.help import HelpScreen

from .conftest import run, wait_for, wait_scanned


def test_question_mark_shows_help_and_escape_closes_it(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter.parent)])
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_scanned(pilot, app)
            before = app.screen
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            assert app.screen is before

    run(scenario())


def test_theme_toggle_is_saved_and_restored(letter: Path) -> None:
    async def toggle() -> None:
        app = RedactviewApp([str(letter.parent)])
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.current_theme.dark
            await pilot.press("t")
            assert not app.current_theme.dark

    async def reopen() -> None:
        app = RedactviewApp([str(letter.parent)])
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.theme == "textual-light"

    run(toggle())
    assert load_settings().theme == "textual-light"
    run(reopen())


def test_an_unknown_saved_theme_falls_back_to_the_default(letter: Path) -> None:
    save_settings(Settings(theme="no-such-theme"))

    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.theme == "textual-dark"

    run(scenario())


def test_palette_lists_the_app_commands_and_the_documents(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter.parent)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("ctrl+p")
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*"read letter")
            await wait_for(pilot, lambda: "Read letter.txt" in _palette_text(app))
            await pilot.press("enter")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "DocumentScreen")

    run(scenario())


def test_palette_shows_a_file_name_that_looks_like_markup_literally(tmp_path: Path) -> None:
    name = "[b]memo [@click=app.quit]x.txt"
    (tmp_path / name).write_text("Name: [REDACTED]\n", encoding="utf-8")

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: f"Read {name}" in _palette_text(app))
            await pilot.press(*"memo")
            await wait_for(pilot, lambda: f"Read {name}" in _palette_text(app))

    run(scenario())


def _palette_text(app: RedactviewApp) -> str:
    from textual.widgets import OptionList

    options = app.screen.query_one(OptionList)
    return "\n".join(
        str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
    )


def test_the_core_imports_no_textual() -> None:
    code = (
        "import sys, redactview.scan, redactview.export, redactview.settings, redactview.tui.jobs;"
        "print('textual' in sys.modules or 'rich' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
