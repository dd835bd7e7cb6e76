"""The compare screen reuses the library's finished scans and scans only what is missing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from redactview import scan
from redactview.align import diff_files, load_release
from redactview.model import Change
from redactview.tui import jobs
from redactview.tui.app import RedactviewApp
from redactview.tui.comparing import scanned_release
from redactview.tui.screens import compare as compare_screen
from redactview.tui.screens.compare import CompareScreen
from tests.fixtures.pdfs import save_pdf

from .conftest import run, screen_lines, wait_for, wait_scanned, write_text
from .test_compare import FIRST, SECOND


class InlineJob:
    """A job run in the thread that follows it, so a monkeypatch reaches the work it does."""

    def __init__(self, target: Callable[..., None], *args: object) -> None:
        self.target, self.args = target, args
        self.cancelled = False

    def start(self) -> InlineJob:
        """Nothing to start: the work runs when its events are read."""
        return self

    def cancel(self) -> None:
        """Nothing to stop once the events have been read."""
        self.cancelled = True

    def events(self) -> Iterator[jobs.JobEvent]:
        """Run the target here and yield what it sent."""
        sent: list[jobs.JobEvent] = []
        jobs._run(self.target, self.args, SimpleNamespace(put=sent.append))
        yield from sent


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the comparison scans: it runs inline, counting calls to the scanning function.

    The library's own scans run in child processes and are not counted.
    """
    calls: list[str] = []
    real = scan.scan_document

    def counting(document: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(document.info.path)
        return real(document, *args, **kwargs)

    monkeypatch.setattr(scan, "scan_document", counting)
    monkeypatch.setattr(
        compare_screen, "start_compare", lambda a, b: InlineJob(jobs.compare_job, a, b)
    )
    return calls


def _releases(folder: Path) -> tuple[Path, Path]:
    return write_text(folder, "first.txt", FIRST), write_text(folder, "second.txt", SECOND)


async def _compared(pilot: Any, app: RedactviewApp) -> CompareScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    await wait_for(pilot, lambda: screen.result is not None, timeout=60)
    return screen


def _fresh_changes(a: Path, b: Path) -> tuple[Change, ...]:
    """The changes a comparison that scans both files from scratch finds."""
    return diff_files([str(a), str(b)]).comparisons[0].changes


def test_comparing_scanned_documents_does_not_scan_them_again(
    tmp_path: Path, scans: list[str]
) -> None:
    a, b = _releases(tmp_path)

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("c")
            screen = await _compared(pilot, app)
            assert scans == []
            assert screen.result is not None
            assert screen.result.comparison.changes == _fresh_changes(a, b)
            assert (screen.result.text_a, screen.result.text_b) == (FIRST, SECOND)
            shown = "\n".join(screen_lines(app))
            assert "withheld 1" in shown and "revealed 1" in shown

    run(scenario())


def test_a_file_changed_since_its_scan_is_scanned_again(tmp_path: Path, scans: list[str]) -> None:
    a, b = _releases(tmp_path)

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            b.write_text(SECOND.replace("in May", "in June"), encoding="utf-8")
            await pilot.press("c")
            screen = await _compared(pilot, app)
            assert scans == [str(b)]
            assert screen.result is not None
            changes = screen.result.comparison.changes
            assert any(c.b is not None and "June" in c.b.text for c in changes)
            assert changes == _fresh_changes(a, b)

    run(scenario())


def test_compare_at_launch_waits_for_the_library_instead_of_scanning_twice(
    tmp_path: Path, scans: list[str]
) -> None:
    a, b = _releases(tmp_path)

    async def scenario() -> None:
        app = RedactviewApp([str(a), str(b)], compare=(str(a), str(b)))
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _compared(pilot, app)
            assert all(state.done for state in app.documents.values())
            assert scans == []
            assert screen.result is not None
            assert screen.result.comparison.changes == _fresh_changes(a, b)

    run(scenario())


def test_a_library_scan_is_the_release_a_fresh_load_gives(tmp_path: Path) -> None:
    pdf = save_pdf(
        tmp_path / "minutes.pdf",
        [
            ["Present: Ada Brennock and [REDACTED].", "The fee was ******** in total."],
            ["Annex: the survey by [Redacted - Section 43(2)] found no problems."],
        ],
    )
    text = write_text(tmp_path, "letter.txt", "Dear ****,\nPaid [REDACTED].\f\nPage two.\n")

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path)])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            for path in (pdf, text):
                built = scanned_release(app.documents[str(path)])
                assert built is not None and built.redactions
                assert built == load_release(path)

    run(scenario())
