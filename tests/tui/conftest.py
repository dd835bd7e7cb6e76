"""Helpers for UI tests: documents written in code, and waiting for background loading."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from redactview.tui.app import RedactviewApp

LETTER = """\
Our ref: FOI-2031-0042
Dear ********,

We hold the information you asked for. The contract value was [REDACTED] and the
officer's name, [Redacted - Section 40(2)], is withheld as personal data.
The tender was won by ████████ Ltd.

Yours sincerely,
Information Governance Team
"""

SECOND_PAGE = """\
Annex A
The site survey by [Redacted - Section 43(2)] found no problems.
Section 43(2) of the Act applies to commercial information.
"""


def write_text(folder: Path, name: str, text: str) -> Path:
    """Write a UTF-8 text document and return its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    """A two-page text release (pages split by a form feed) with several kinds of redaction."""
    return write_text(tmp_path, "letter.txt", LETTER + "\f" + SECOND_PAGE)


async def wait_for(pilot: Pilot[int], condition: Callable[[], bool], timeout: float = 30) -> None:
    """Let the app run until `condition()` holds; fail the test if it never does."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.05)
    await pilot.pause()


async def wait_scanned(pilot: Pilot[int], app: RedactviewApp) -> None:
    """Wait until every opened document has finished loading (or failed)."""
    await wait_for(
        pilot, lambda: bool(app.documents) and all(s.done for s in app.documents.values())
    )


def run(coroutine: object) -> None:
    """Run a coroutine to completion (for tests that are not async functions)."""
    asyncio.run(coroutine)  # type: ignore[arg-type]


def screen_lines(app: RedactviewApp) -> list[str]:
    """The characters on every row of the screen as the terminal would receive them."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def control_characters(lines: list[str]) -> set[str]:
    """Control characters (C0, DEL, C1) anywhere in `lines`."""
    return {c for line in lines for c in line if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F}
