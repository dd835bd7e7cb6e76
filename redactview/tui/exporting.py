"""Export from whichever screen is showing, through the same core functions the CLI uses."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from textual.screen import Screen

from redactview.errors import ExportError
from redactview.export import INVENTORY_FORMATS, write_atomic, write_inventory
from redactview.model import Inventory, ScanError
from redactview.textsafe import printable_line
from redactview.tui.comparing import CompareResult
from redactview.tui.screens.export import ExportDialog, ExportJob


def inventory_job(app: Any, screen: Screen[Any]) -> ExportJob | None:
    """The inventory of the document shown, or of every scanned document in the library."""
    state = getattr(screen, "state", None)
    states = [state] if state is not None else list(app.documents.values())
    reports = tuple(s.report for s in states if s.report is not None)
    errors = tuple(ScanError(s.path, s.error) for s in states if s.error)
    if not reports and not errors:
        return None
    inventory = Inventory(documents=reports, errors=errors)
    title = f"Export the inventory of {len(reports)} document(s)"
    return ExportJob(title, INVENTORY_FORMATS, partial(_write_inventory, inventory))


def _write_inventory(inventory: Inventory, path: str, fmt: str) -> None:
    write_inventory(inventory, path, fmt)


def export_from(app: Any, screen: Screen[Any]) -> None:
    """Open the export dialog for what `screen` shows, then report where it went."""
    maker = getattr(screen, "export_job", None)
    job = maker() if callable(maker) else inventory_job(app, screen)
    if job is None:
        app.notify("Nothing to export yet: wait for a scan to finish.", severity="warning")
        return

    def done(path: str | None) -> None:
        if path:
            folder = str(Path(path).resolve().parent)
            app.remember(replace(app.settings, last_folder=folder))
            app.notify(printable_line(f"Exported to {path}"), markup=False)

    app.push_screen(ExportDialog(job, app.settings.last_folder), done)


COMPARISON_FORMATS = ("json", "html")


def comparison_job(result: CompareResult, filtered: bool = False) -> ExportJob:
    """The comparison as JSON or HTML, written by the comparison report's core functions;
    `filtered` says the screen shows only some changes (the file holds them all)."""
    count = len(result.comparison.changes)
    title = "Export the comparison"
    if filtered:
        title += f": all {count} changes, not only those shown"
    return ExportJob(title, COMPARISON_FORMATS, partial(_write_comparison, result), "comparison")


def _write_comparison(result: CompareResult, path: str, fmt: str) -> None:
    from redactview.diff_report import render_diff

    if result.diff is None:
        raise ExportError(f"{path}: this comparison has no report to write")
    write_atomic(path, render_diff(result.diff, fmt))
