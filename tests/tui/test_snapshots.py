"""SVG snapshots of the main screens at 120×40 and 80×24; each docstring says what must show.

Update with `pytest tests/tui/test_snapshots.py --snapshot-update` only after looking at the
report of what changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from redactview.tui.app import RedactviewApp
from redactview.tui.widgets.redaction_table import RedactionTable

from .conftest import LETTER, SECOND_PAGE, wait_for, wait_scanned, write_text
from .test_compare import FIRST, SECOND

SIZES = [(120, 40), (80, 24)]


@pytest.fixture
def library_folder(tmp_path: Path) -> Path:
    """Three small releases with known contents."""
    folder = tmp_path / "releases"
    folder.mkdir()
    write_text(folder, "letter.txt", LETTER + "\f" + SECOND_PAGE)
    write_text(folder, "minutes-1.txt", FIRST)
    write_text(folder, "minutes-2.txt", SECOND)
    return folder


async def _loaded(pilot: Pilot[int]) -> None:
    await wait_scanned(pilot, pilot.app)  # type: ignore[arg-type]
    await pilot.pause(0.1)


class TestLibraryScreen:
    """The library after loading three text releases."""

    @pytest.mark.parametrize("size", SIZES)
    def test_library(self, snap_compare, library_folder: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        """Three rows (letter.txt, minutes-1.txt, minutes-2.txt) with pages, redaction counts
        and exemptions cited, all "scanned"; below, the highlighted letter's counts by kind
        and exemption; the footer lists Mark, Compare, Close doc, Help, Export, Open, Quit."""
        app = RedactviewApp([str(library_folder)])
        assert snap_compare(app, terminal_size=size, run_before=_loaded)


class TestDocumentScreen:
    """The letter on the document screen with its second redaction selected."""

    @pytest.mark.parametrize("size", SIZES)
    def test_document(self, snap_compare, library_folder: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        """Page 1 of letter.txt with the redactions highlighted by kind (asterisks, labels,
        blocks in different colours) and the selected one in the accent colour; the list on
        the right with the cursor on row 2; the detail panel describing that redaction; the
        status line "letter.txt · page 1/2 · N redactions"."""
        app = RedactviewApp([str(library_folder / "letter.txt")])

        async def select_second(pilot: Pilot[int]) -> None:
            await _loaded(pilot)
            screen = pilot.app.screen
            await wait_for(pilot, lambda: bool(screen.query_one(RedactionTable).shown))
            await pilot.press("n", "n")
            await pilot.pause(0.1)

        assert snap_compare(app, terminal_size=size, run_before=select_second)


class TestCompareScreen:
    """Two releases of the minutes side by side, on the first change."""

    @pytest.mark.parametrize("size", SIZES)
    def test_compare(self, snap_compare, library_folder: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        """minutes-1.txt on the left and minutes-2.txt on the right, lines facing; the
        summary counts (withheld 1, revealed 1 …); the officer's name in A facing
        [REDACTED] in B coloured as withheld; the amount revealed in B coloured as revealed;
        the bottom line describing change 1."""
        a, b = str(library_folder / "minutes-1.txt"), str(library_folder / "minutes-2.txt")
        app = RedactviewApp([a, b], compare=(a, b))

        async def first_change(pilot: Pilot[int]) -> None:
            screen = pilot.app.screen
            await wait_for(pilot, lambda: getattr(screen, "result", None) is not None, 60)
            await pilot.press("right_square_bracket")
            await pilot.pause(0.1)

        assert snap_compare(app, terminal_size=size, run_before=first_change)


class TestHelpScreen:
    """The help screen over the library."""

    def test_help(self, snap_compare, library_folder: Path) -> None:  # type: ignore[no-untyped-def]
        """A bordered panel titled "redactview" with "Getting round" and the key tables for
        every screen, over the dimmed library."""
        app = RedactviewApp([str(library_folder)])

        async def help_open(pilot: Pilot[int]) -> None:
            await _loaded(pilot)
            await pilot.press("question_mark")
            await pilot.pause(0.2)

        assert snap_compare(app, terminal_size=(80, 24), run_before=help_open)
