"""Opening an encrypted PDF from the UI asks for its password, retries, and never shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pymupdf
import pytest

from redactview.tui.app import RedactviewApp
from redactview.tui.screens.compare import CompareScreen
from redactview.tui.screens.dialogs import PasswordDialog
from redactview.tui.screens.document import DocumentScreen
from redactview.tui.screens.library import LibraryScreen

from .conftest import run, screen_lines, wait_for, wait_scanned, write_text

PASSWORD = "opensesame2031"
WRONG = "guessagain77"
LINES = ["Minutes of the depot working group.", "The fee paid was [REDACTED] in total."]


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    """A one-page PDF that opens only with a user password."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    path = folder / "locked.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    for n, line in enumerate(LINES):
        page.insert_text((72, 100 + 16 * n), line, fontsize=11)
    doc.save(
        path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=PASSWORD, owner_pw="owner-only-9"
    )
    doc.close()
    return path


async def _open(pilot: Any, app: RedactviewApp, path: Path) -> None:
    """Press o, type the path and Enter, as a user would."""
    await pilot.press("o")
    app.screen.query_one("#open-path").value = str(path)
    await pilot.press("enter")


async def _dialog(pilot: Any, app: RedactviewApp) -> PasswordDialog:
    await wait_for(pilot, lambda: isinstance(app.screen, PasswordDialog))
    screen = app.screen
    assert isinstance(screen, PasswordDialog)
    return screen


def _everything_shown(app: RedactviewApp) -> str:
    """The screen's text and every notification so far."""
    messages = [str(n.message) for n in app._notifications]
    return "\n".join([*screen_lines(app), *messages])


def _saved_files(home: Path) -> str:
    return "\n".join(f.read_text(errors="replace") for f in home.rglob("*") if f.is_file())


def test_a_wrong_password_is_said_and_the_right_one_opens_the_document(
    tmp_path: Path, locked: Path, isolated_home: Path
) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path / "inbox")])
        async with app.run_test(size=(80, 24)) as pilot:
            await _dialog(pilot, app)  # opened at launch: asked at once
            await pilot.press("escape")
            await wait_scanned(pilot, app)
            await _open(pilot, app, locked)
            dialog = await _dialog(pilot, app)
            assert "locked.pdf is encrypted" in "\n".join(screen_lines(app))
            assert "wrong" not in "\n".join(screen_lines(app))
            await pilot.press(*WRONG)
            assert WRONG not in _everything_shown(app)
            assert "•" * len(WRONG) in "\n".join(screen_lines(app))
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is not dialog)
            again = await _dialog(pilot, app)
            assert again is not dialog
            assert "That password is wrong" in "\n".join(screen_lines(app))
            await pilot.press(*PASSWORD, "enter")
            await wait_scanned(pilot, app)
            state = app.documents[str(locked)]
            assert state.error is None and state.report is not None
            assert any(r.marker == "[REDACTED]" for r in state.redactions)
            assert isinstance(app.screen, DocumentScreen) and app.screen.state is state
            assert "The fee paid was" in "\n".join(screen_lines(app))
            for secret in (PASSWORD, WRONG):
                assert secret not in _everything_shown(app)

        saved = _saved_files(isolated_home)
        assert str(locked.resolve()) in saved  # settings were saved: the check is real
        for secret in (PASSWORD, WRONG):
            assert secret not in saved

    run(scenario())


def test_cancelling_leaves_the_document_failed_and_opening_it_again_asks_again(
    tmp_path: Path, locked: Path
) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path / "inbox")])
        async with app.run_test(size=(120, 40)) as pilot:
            await _dialog(pilot, app)
            assert app.documents[str(locked)].status == "password needed"
            await pilot.press("escape")
            await wait_scanned(pilot, app)
            state = app.documents[str(locked)]
            assert state.error is not None and "no password given" in state.error
            assert isinstance(app.screen, DocumentScreen)
            assert "failed: encrypted: no password given" in "\n".join(screen_lines(app))
            assert "locked.pdf: encrypted: no password given" in _everything_shown(app)
            await pilot.press("escape")
            assert isinstance(app.screen, LibraryScreen)
            assert "failed" in "\n".join(screen_lines(app))
            await _open(pilot, app, locked)
            await _dialog(pilot, app)
            await pilot.press(*PASSWORD, "enter")
            await wait_scanned(pilot, app)
            assert state.error is None and state.report is not None

    run(scenario())


def test_an_empty_password_is_not_sent(tmp_path: Path, locked: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path / "inbox")])
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = await _dialog(pilot, app)
            await pilot.press("enter")
            assert app.screen is dialog
            assert "Type the password" in "\n".join(screen_lines(app))

    run(scenario())


def test_compare_at_launch_asks_for_the_password_then_compares(
    tmp_path: Path, locked: Path
) -> None:
    other = write_text(tmp_path, "open.txt", "\n".join(LINES).replace("[REDACTED]", "£5,000"))

    async def scenario() -> None:
        app = RedactviewApp([str(locked), str(other)], compare=(str(locked), str(other)))
        async with app.run_test(size=(120, 40)) as pilot:
            await _dialog(pilot, app)
            await pilot.press(*PASSWORD, "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
            screen = app.screen
            assert isinstance(screen, CompareScreen)
            await wait_for(pilot, lambda: screen.result is not None, timeout=60)
            assert screen.result is not None
            (change,) = screen.result.comparison.changes
            assert change.type == "revealed" and change.b is not None
            assert change.b.text == "£5,000"
            assert PASSWORD not in _everything_shown(app)

    run(scenario())


def test_a_refused_password_says_why_and_r_reads_the_release_again(
    tmp_path: Path, locked: Path
) -> None:
    other = write_text(tmp_path, "open.txt", "\n".join(LINES).replace("[REDACTED]", "£5,000"))

    async def scenario() -> None:
        app = RedactviewApp([str(locked), str(other)], compare=(str(locked), str(other)))
        async with app.run_test(size=(120, 40)) as pilot:
            await _dialog(pilot, app)
            await pilot.press("escape")
            await wait_for(pilot, lambda: "Cannot compare" in "\n".join(screen_lines(app)))
            screen = app.screen
            assert isinstance(screen, CompareScreen)
            assert screen.result is None
            shown = "\n".join(screen_lines(app))
            assert "locked.pdf: encrypted: no password given" in shown  # says why
            assert "no password given. Press r to read the releases again." in shown
            await pilot.press("r")
            await _dialog(pilot, app)
            await pilot.press(*PASSWORD, "enter")
            await wait_for(pilot, lambda: screen.result is not None, timeout=60)
            assert app.screen is screen
            assert screen.result is not None
            (change,) = screen.result.comparison.changes
            assert change.type == "revealed"
            shown = "\n".join(screen_lines(app))
            assert "Cannot compare" not in shown and "£5,000" in shown

    run(scenario())


def test_several_encrypted_files_are_asked_for_one_at_a_time(tmp_path: Path, locked: Path) -> None:
    second = locked.with_name("second.pdf")
    second.write_bytes(locked.read_bytes())

    async def scenario() -> None:
        app = RedactviewApp([str(locked.parent)])
        async with app.run_test(size=(120, 40)) as pilot:
            first = await _dialog(pilot, app)
            await wait_for(pilot, lambda: len(app.session.asking) == 2)
            dialogs = [s for s in app.screen_stack if isinstance(s, PasswordDialog)]
            assert dialogs == [first]
            asked_first = first.document_name
            await pilot.press(*PASSWORD, "enter")
            await wait_for(pilot, lambda: app.screen is not first)
            then = await _dialog(pilot, app)
            assert {asked_first, then.document_name} == {"locked.pdf", "second.pdf"}
            await pilot.press(*PASSWORD, "enter")
            await wait_scanned(pilot, app)
            for path in (locked, second):
                state = app.documents[str(path)]
                assert state.error is None and state.report is not None

    run(scenario())
