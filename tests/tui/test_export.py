"""Exporting from the UI: the file written, its rows, and the overwrite question."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from textual.widgets import Input, RadioSet

from redactview.tui.app import RedactviewApp
from redactview.tui.screens.export import ExportDialog

from .conftest import LETTER, run, wait_for, wait_scanned, write_text


async def _export(pilot, app: RedactviewApp, target: Path, fmt_index: int | None = None) -> None:  # type: ignore[no-untyped-def]
    """Press e, type the path, pick the format by its radio button (or by the suffix), Enter."""
    await pilot.press("e")
    assert isinstance(app.screen, ExportDialog)
    app.screen.query_one("#export-path", Input).value = str(target)
    await pilot.pause()
    if fmt_index is not None:
        app.screen.query_one(RadioSet).focus()
        for _ in range(fmt_index):
            await pilot.press("right")
        await pilot.press("enter")  # press the radio button under the cursor
    app.screen.query_one("#export-path", Input).focus()
    await pilot.press("enter")
    await pilot.pause()


def test_library_export_writes_a_csv_row_per_redaction(tmp_path: Path) -> None:
    write_text(tmp_path, "a.txt", LETTER)
    write_text(tmp_path, "b.txt", "Name: [REDACTED]\n")
    out = tmp_path / "out" / "inventory.csv"
    out.parent.mkdir()

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await _export(pilot, app, out)
            await wait_for(pilot, out.exists)
            rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
            expected = [r.id for s in app.documents.values() for r in s.redactions]
            assert [row["id"] for row in rows] == expected
            assert {row["path"] for row in rows} == set(app.documents)
            assert app.settings.last_folder == str(out.parent.resolve())

    run(scenario())


def test_document_export_as_json_holds_only_that_document(tmp_path: Path) -> None:
    write_text(tmp_path, "a.txt", LETTER)
    out = tmp_path / "a.json"

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path / "a.txt")])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await wait_for(pilot, lambda: type(app.screen).__name__ == "DocumentScreen")
            await _export(pilot, app, out)
            await wait_for(pilot, out.exists)
            data = json.loads(out.read_text(encoding="utf-8"))
            assert data["schema"] == "redactview.inventory/1"
            [document] = data["documents"]
            state = app.documents[str(tmp_path / "a.txt")]
            assert [r["id"] for r in document["redactions"]] == [r.id for r in state.redactions]

    run(scenario())


def test_overwrite_asks_first_and_no_keeps_the_old_file(tmp_path: Path) -> None:
    write_text(tmp_path, "a.txt", LETTER)
    out = write_text(tmp_path, "inventory.out", "keep me")

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path / "a.txt")])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await _export(pilot, app, out, fmt_index=2)  # Markdown, whatever the suffix
            assert type(app.screen).__name__ == "ConfirmDialog"
            await pilot.press("n")
            assert out.read_text(encoding="utf-8") == "keep me"
            assert isinstance(app.screen, ExportDialog)
            app.screen.query_one("#export-path", Input).focus()
            await pilot.press("enter")
            await pilot.press("y")
            await wait_for(pilot, lambda: out.read_text(encoding="utf-8") != "keep me")
            assert out.read_text(encoding="utf-8").startswith("# Redaction inventory")
            assert not isinstance(app.screen, ExportDialog)

    run(scenario())


def test_an_unwritable_path_shows_an_error_and_keeps_the_dialog(tmp_path: Path) -> None:
    write_text(tmp_path, "a.txt", LETTER)
    out = tmp_path / "no-such-folder" / "inventory.csv"

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path / "a.txt")])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await _export(pilot, app, out)
            assert isinstance(app.screen, ExportDialog)
            assert not out.exists()
            assert any(n.severity == "error" for n in app._notifications)

    run(scenario())


def test_choosing_text_saves_a_txt_report_and_typing_txt_picks_text(tmp_path: Path) -> None:
    write_text(tmp_path, "a.txt", LETTER)

    async def scenario() -> None:
        app = RedactviewApp([str(tmp_path / "a.txt")])
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_scanned(pilot, app)
            await pilot.press("e")
            dialog = app.screen
            assert isinstance(dialog, ExportDialog)
            field = dialog.query_one("#export-path", Input)
            assert field.value.endswith("inventory.json")
            dialog.query_one(RadioSet).focus()
            for _ in range(dialog.job.formats.index("text")):
                await pilot.press("right")
            await pilot.press("enter")
            await pilot.pause()
            assert field.value.endswith("inventory.txt")
            field.value = str(tmp_path / "report.md")
            await pilot.pause()
            assert dialog.chosen_format == "md"
            field.value = str(tmp_path / "report.txt")
            await pilot.pause()
            assert dialog.chosen_format == "text"
            field.focus()
            await pilot.press("enter")
            out = tmp_path / "report.txt"
            await wait_for(pilot, out.exists)
            assert out.read_text(encoding="utf-8").startswith(str(tmp_path / "a.txt"))

    run(scenario())
