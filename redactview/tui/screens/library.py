"""The library: every opened document with its pages, counts, leaks and exemptions cited."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Static

from redactview.textsafe import printable_line
from redactview.tui.messages import DocumentChanged
from redactview.tui.present import safe
from redactview.tui.state import DocumentState, is_leak
from redactview.tui.widgets.footer import FittingFooter

COLUMNS = ("", "Document", "Pages", "Redactions", "Leaks", "Status", "Exemptions cited")
STATUS_WIDTH = len("password needed")
NARROW = 100  # below this width the exemptions (also in the summary) leave the table
NAME_LIMITS = (40, 28)  # document names, wide and narrow
HINT = "Enter read · space mark · c compare · ? help"


class LibraryScreen(Screen[None]):
    """The opened documents; pick one to read, or two to compare."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "mark", "Mark"),
        Binding("c", "compare", "Compare"),
        Binding("x,delete", "close_document", "Close doc"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.marked: list[str] = []
        self.narrow = False

    def compose(self) -> ComposeResult:
        """Title, document table, summary of the highlighted document, footer."""
        yield Static(id="lib-title")
        yield DataTable(id="documents", cursor_type="row", zebra_stripes=True)
        yield Static(id="lib-summary")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Fill the table."""
        self.title = "Library"
        self.narrow = self.app.size.width < NARROW
        self._add_columns()
        self.refresh_table()
        self.query_one(DataTable).focus()

    @property
    def columns(self) -> tuple[str, ...]:
        """The table's columns at the present width."""
        return COLUMNS[:-1] if self.narrow else COLUMNS

    def on_resize(self, event: events.Resize) -> None:
        """Drop or bring back the exemptions column when the width crosses NARROW."""
        narrow = event.size.width < NARROW
        if narrow != self.narrow:
            self.narrow = narrow
            table = self.query_one(DataTable)
            table.clear(columns=True)
            self._add_columns()
            self.refresh_table()

    def _add_columns(self) -> None:
        """Add the columns; Status is as wide as its longest word, so it does not grow (and
        stay grown) as documents pass through "opening" and "loading 40%"."""
        table = self.query_one(DataTable)
        for name in self.columns:
            table.add_column(name, width=STATUS_WIDTH if name == "Status" else None)

    @property
    def documents(self) -> dict[str, DocumentState]:
        """The session's documents, by path."""
        return self.app.documents  # type: ignore[attr-defined,no-any-return]

    @property
    def current(self) -> DocumentState | None:
        """The highlighted document."""
        table = self.query_one(DataTable)
        paths = list(self.documents)
        return (
            self.documents[paths[table.cursor_row]] if 0 <= table.cursor_row < len(paths) else None
        )

    @on(DocumentChanged)
    def _document_changed(self, event: DocumentChanged) -> None:
        """Redraw the one row that changed; rebuild when documents came or went."""
        table = self.query_one(DataTable)
        paths = list(self.documents)
        if table.row_count != len(paths) or event.path not in self.documents:
            self.refresh_table()
            return
        row = paths.index(event.path)
        for column, cell in enumerate(self._cells(self.documents[event.path])):
            table.update_cell_at(Coordinate(row, column), cell, update_width=True)
        self._show_title()
        if row == table.cursor_row:
            self._show_summary()

    def refresh_table(self) -> None:
        """Rebuild the rows from the documents' states, keeping the cursor where it was."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for path, state in self.documents.items():
            table.add_row(*self._cells(state), key=path)
        if self.documents:
            table.move_cursor(row=min(max(row, 0), len(self.documents) - 1), animate=False)
        self._show_title()
        self._show_summary()

    def _cells(self, state: DocumentState) -> list[Text]:
        leaks = sum(1 for r in state.redactions if is_leak(r))
        mark = "✓" if state.path in self.marked else ""
        pages, count = _counts(state)
        status = Text(state.status, style="bold red" if state.error else "")
        cells = [
            Text(mark, style="bold"),
            safe(state.name, NAME_LIMITS[self.narrow]),
            Text(pages, justify="right"),
            Text(count, justify="right"),
            Text(str(leaks) if leaks else "", style="bold red", justify="right"),
            status,
            safe(", ".join(state.cited_codes()) or "—", 40),
        ]
        return cells[: len(self.columns)]

    def _show_title(self) -> None:
        total = sum(len(s.redactions) for s in self.documents.values())
        line = f"{len(self.documents)} document(s) · {total} redactions · {HINT}"
        self.query_one("#lib-title", Static).update(Content(line))

    def _show_summary(self) -> None:
        state = self.current
        self.query_one("#lib-summary", Static).update(summary_of(state) if state else "")

    @on(DataTable.RowHighlighted, "#documents")
    def _highlighted(self) -> None:
        self._show_summary()

    @on(DataTable.RowSelected, "#documents")
    def _chosen(self) -> None:
        if self.current is not None:
            self.app.open_document_screen(self.current.path)  # type: ignore[attr-defined]

    def action_mark(self) -> None:
        """Mark or unmark the highlighted document for comparison (two at most)."""
        state = self.current
        if state is None:
            return
        if state.path in self.marked:
            self.marked.remove(state.path)
        else:
            self.marked = [*self.marked, state.path][-2:]
        self.refresh_table()

    def action_compare(self) -> None:
        """Compare the two marked documents (or the only two open)."""
        pair = self.marked if len(self.marked) == 2 else list(self.documents)
        if len(pair) != 2:
            self.notify("Mark two documents with space, then press c.", severity="warning")
            return
        self.app.open_compare(pair[0], pair[1])  # type: ignore[attr-defined]

    def action_close_document(self) -> None:
        """Close the highlighted document, stopping its loading."""
        state = self.current
        if state is not None:
            self.marked = [p for p in self.marked if p != state.path]
            self.app.close_document(state.path)  # type: ignore[attr-defined]
            self.refresh_table()


def _counts(state: DocumentState) -> tuple[str, str]:
    """Pages and redactions as the table shows: "—" for a failed document, "…" while loading."""
    if state.error:
        return "—", "—"
    count = str(len(state.redactions)) if state.report else f"{state.found}…"
    return str(state.page_count or "?"), count


def summary_of(state: DocumentState) -> Content:
    """Counts by kind and exemption, exemptions cited and any problem, for one document."""
    lines = [f"{state.name}: {state.status}"]
    if state.error:
        lines.append(f"Could not be read: {printable_line(state.error)}")
    if state.report:
        summary = state.report.summary()
        kinds = ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in summary.by_kind.items())
        lines.append(f"By kind: {kinds or 'none'}")
        by_exemption = ", ".join(f"{k} {n}" for k, n in summary.by_exemption.items())
        lines.append(f"By exemption: {by_exemption or 'none'}")
        cited = dict.fromkeys(f"{e.code} ({e.name})" for e in state.exemptions)
        lines.append(f"Cited: {', '.join(cited) or 'none'}")
        lines.extend(f"Warning: {w}" for w in state.report.warnings[:3])
    return Content("\n".join(printable_line(line) for line in lines))
