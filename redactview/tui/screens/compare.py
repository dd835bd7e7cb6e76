"""The compare screen: two releases side by side, changes coloured, `]`/`[` between them."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static
from textual.worker import get_current_worker

from redactview.diff_report import unchanged_count, unchanged_redaction
from redactview.model import ChangeType
from redactview.textsafe import printable_line
from redactview.tui.comparing import CompareResult, CompareSide, build_blocks, scanned_release
from redactview.tui.finding import next_index
from redactview.tui.jobs import Job, JobFailed, JobResult, start_compare
from redactview.tui.messages import DocumentChanged
from redactview.tui.screens.export import ExportJob
from redactview.tui.session import Session
from redactview.tui.state import DocumentState
from redactview.tui.unlocking import OPEN_AGAIN
from redactview.tui.widgets.compare_view import CompareView
from redactview.tui.widgets.footer import FittingFooter

FOCUS_TYPES = frozenset({ChangeType.WITHHELD, ChangeType.REVEALED})


class CompareScreen(Screen[None]):
    """Compare two releases of one document."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "jump(1)", "Next"),
        Binding("left_square_bracket", "jump(-1)", "Prev"),
        Binding("w", "toggle_filter", "Withheld/revealed"),
        Binding("r", "retry", "Read again"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, path_a: str, path_b: str, session: Session) -> None:
        super().__init__()
        self.path_a, self.path_b = path_a, path_b
        self.session = session
        self.started = False
        self.failed = False  # a release failed in the library: compare again once it reads
        self.result: CompareResult | None = None
        self.only_focus = False
        self.navigable: list[int] = []
        self._job: Job | None = None

    def compose(self) -> ComposeResult:
        """Header naming the releases, summary, the view, the current change, footer."""
        yield Static(id="compare-head")
        yield Static(id="compare-summary")
        yield LoadingIndicator(id="compare-loading")
        yield CompareView(id="compare")
        yield Static(id="compare-detail")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Compare in a child process once the library has read both releases."""
        self.title = "Compare"
        name_a, name_b = (printable_line(Path(p).name) for p in (self.path_a, self.path_b))
        self.query_one("#compare-head", Static).update(Content(f"A: {name_a}   │   B: {name_b}"))
        self.query_one(CompareView).display = False
        self._start_when_ready()

    @on(DocumentChanged)
    def _document_changed(self) -> None:
        if not self.started:
            self._start_when_ready()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`r` is offered only once a release could not be read."""
        return self.failed if action == "retry" else True

    def action_retry(self) -> None:
        """Read the releases that failed again (asking for a password where one is needed),
        then compare."""
        if not self.failed:
            return
        self.started = self.failed = False
        self.refresh_bindings()
        self.query_one("#compare-loading").display = True
        for state in self._library_states():
            if state.error is not None:
                self.session.reload(state.path)
        self._start_when_ready()

    def _start_when_ready(self) -> None:
        """Start comparing, unless the library is still reading one of the releases: its scan
        will be reused rather than done twice at once."""
        states = self._library_states()
        reading = [state.name for state in states if not state.done]
        summary = self.query_one("#compare-summary", Static)
        if reading:
            summary.update(Content(f"Waiting for the library to read {', '.join(reading)}…"))
            return
        self.started = True
        failed = next((state for state in states if state.error is not None), None)
        if failed is not None:  # reading it again here would fail the same way
            error = failed.error or ""
            named = failed.path in error
            self._arrived(JobFailed(error if named else f"{failed.name}: {error}"))
            return
        summary.update("Comparing…")
        self._compare(self._sides())

    def _library_states(self) -> list[DocumentState]:
        states = (self.session.state_of(path) for path in (self.path_a, self.path_b))
        return [state for state in states if state is not None]

    def _sides(self) -> tuple[CompareSide, CompareSide]:
        return self._side(self.path_a), self._side(self.path_b)

    def _side(self, path: str) -> CompareSide:
        """The release with its password and, where the library finished it, its scan."""
        state = self.session.state_of(path)
        scanned = scanned_release(state) if state is not None else None
        return CompareSide(path, self.session.password_for(path), scanned)

    @work(thread=True, exclusive=True, group="compare")
    def _compare(self, sides: tuple[CompareSide, CompareSide]) -> None:
        job = self._job = start_compare(*sides)
        worker = get_current_worker()
        for event in job.events():
            if worker.is_cancelled:
                job.cancel()
                return
            if isinstance(event, JobResult | JobFailed):
                self.app.call_from_thread(partial(self._arrived, event))

    def _arrived(self, event: JobResult | JobFailed) -> None:
        self.query_one("#compare-loading").display = False
        if isinstance(event, JobFailed):
            self.failed = True
            self.refresh_bindings()
            reason = event.error.replace(OPEN_AGAIN, "")  # here r does it
            message = f"Cannot compare: {reason}. Press r to read the releases again."
            self.query_one("#compare-summary", Static).update(Content(printable_line(message)))
            self.notify(printable_line(message), severity="error", markup=False)
            return
        self.show_result(event.value)

    def show_result(self, result: CompareResult) -> None:
        """Lay out a finished comparison."""
        self.result = result
        comparison = result.comparison
        view = self.query_one(CompareView)
        view.display = True
        blocks = build_blocks(comparison.changes, len(result.text_a), len(result.text_b))
        view.show(result.text_a, result.text_b, comparison.changes, blocks)
        self._apply_filter()
        view.focus()

    def _summary(self, result: CompareResult) -> Content:
        comparison = result.comparison
        if not comparison.related:
            return Content("These two files share too little to be releases of one document.")
        counts = " · ".join(
            f"{kind.replace('_', ' ')} {n}" for kind, n in comparison.counts.items() if n
        )
        scope = " (showing withheld/revealed only)" if self.only_focus else ""
        counts = counts or "no changes"
        same = unchanged_count(comparison)
        alike = f" · {same} redacted the same way in both, not listed" if same else ""
        return Content(f"{counts} · similarity {comparison.similarity:.0%}{alike}{scope}")

    def _apply_filter(self) -> None:
        if self.result is None:
            return
        view = self.query_one(CompareView)
        changes = self.result.comparison.changes
        self.navigable = [
            i
            for i, c in enumerate(changes)
            if (not self.only_focus or c.type in FOCUS_TYPES) and not unchanged_redaction(c)
        ]
        view.coloured = set(self.navigable)
        if view.current not in view.coloured:
            view.current = None
        view.refresh()
        self.query_one("#compare-summary", Static).update(self._summary(self.result))
        self._show_detail()

    def action_toggle_filter(self) -> None:
        """Show only withheld and revealed changes, or all of them again."""
        self.only_focus = not self.only_focus
        self._apply_filter()

    def action_jump(self, step: int) -> None:
        """Jump to the next or previous change the filter shows."""
        view = self.query_one(CompareView)
        if not self.navigable:
            self.notify("No changes to jump between.", severity="warning")
            return
        position = self.navigable.index(view.current) if view.current in self.navigable else None
        index = next_index(len(self.navigable), position, step)
        if index is not None:
            view.jump(self.navigable[index])
        self._show_detail()

    def _show_detail(self) -> None:
        view = self.query_one(CompareView)
        detail = self.query_one("#compare-detail", Static)
        if view.current is None or self.result is None:
            detail.update(
                Content(f"{len(self.navigable)} change(s): ] next, [ previous"), layout=False
            )
            return
        change = self.result.comparison.changes[view.current]
        where = " → ".join(
            f"{side} p.{p.page}" for side, p in (("A", change.a), ("B", change.b)) if p
        )
        text = f"Change {self.navigable.index(view.current) + 1}/{len(self.navigable)}: "
        text += f"{change.type} · {where}"
        if change.redaction is not None:
            ref = change.redaction
            text += f" · marker {ref.marker}" + (f" ({ref.exemption})" if ref.exemption else "")
        detail.update(Content(printable_line(text)), layout=False)

    def export_job(self) -> ExportJob | None:
        """The comparison as JSON or HTML, once it is ready."""
        if self.result is None:
            return None
        from redactview.tui.exporting import comparison_job

        return comparison_job(self.result, filtered=self.only_focus)

    def action_back(self) -> None:
        """Back to the library (stopping the comparison if it is still running)."""
        self._stop()
        self.app.show_library()  # type: ignore[attr-defined]

    def on_unmount(self) -> None:
        """Stop the comparison's process if the screen goes away first."""
        self._stop()

    def _stop(self) -> None:
        if self._job is not None:
            self._job.cancel()
