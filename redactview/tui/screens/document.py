"""The document screen: a page with its redactions marked, their list, and the detail panel."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, ProgressBar, Select, Static

from redactview.model import Exemption, Page, Redaction
from redactview.textsafe import printable_line
from redactview.tui.finding import (
    ALL,
    Match,
    apply_filter,
    filter_choices,
    find_matches,
    match_from,
    next_index,
)
from redactview.tui.messages import DocumentChanged
from redactview.tui.present import redaction_mark, text_span
from redactview.tui.screens.dialogs import GoToPageDialog
from redactview.tui.state import DocumentState, is_leak
from redactview.tui.widgets.detail import RedactionDetail
from redactview.tui.widgets.footer import FittingFooter
from redactview.tui.widgets.page_view import Mark, PageView
from redactview.tui.widgets.redaction_table import RedactionTable


class DocumentScreen(Screen[None]):
    """Read one document and move between its redactions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "step(1)", "Next"),
        Binding("p", "step(-1)", "Prev"),
        Binding("right,period", "page(1)", "Page →", show=False),
        Binding("left,comma", "page(-1)", "← Page", show=False),
        Binding("g", "go_to_page", "Go to page"),
        Binding("slash", "search", "Search"),
        Binding("m", "match(1)", "Next match", show=False),
        Binding("M", "match(-1)", "Prev match", show=False),
        Binding("f", "focus_filter", "Filter"),
        Binding("i", "image", "Image"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, state: DocumentState) -> None:
        super().__init__()
        self.state = state
        self.page_number = 1
        self.selected: Redaction | None = None
        self.filter = ALL
        self.matches: list[Match] = []
        self.match_index: int | None = None
        self._loaded_report = False
        self._leaks = 0
        self._on_page: dict[int, list[Redaction]] = {}
        self._cited_on_page: dict[int, list[Exemption]] = {}

    def compose(self) -> ComposeResult:
        """Status line, progress, page beside the list and detail, search box, footer."""
        yield Static(id="doc-status")
        yield ProgressBar(id="doc-progress", show_eta=False)
        with Horizontal(id="doc-body"):
            yield PageView(id="page")
            with Vertical(id="doc-side"):
                yield Select([("All redactions", ALL)], value=ALL, allow_blank=False, id="filter")
                yield RedactionTable(id="redactions")
                yield RedactionDetail(id="detail")
        yield Input(placeholder="Search the text (Enter; Escape to close)", id="search")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Show what has arrived so far and put the cursor in the list."""
        self.title = self.state.name
        self.query_one("#search").display = False
        self.query_one(RedactionDetail).show(None)
        self._sync()
        self.query_one(RedactionTable).focus()
        if not self.state.pages and not self.state.done:
            self._preview()

    @work(thread=True, exclusive=True, group="preview")
    def _preview(self) -> None:
        """Read page 1 here, quickly, while the document's own process is starting up."""
        page = self.app.session.preview(self.state.path)  # type: ignore[attr-defined]
        if page is not None:
            self.app.call_from_thread(self._previewed, page)

    def _previewed(self, page: Page) -> None:
        if not self.state.pages:
            self.state.preview = page
            self._show_page()

    @on(DocumentChanged)
    def _document_changed(self, event: DocumentChanged) -> None:
        if event.path == self.state.path:
            self._sync()

    def _sync(self) -> None:
        """Bring progress, list and page up to date with the document's state."""
        self._show_progress()
        if self.state.report is not None and not self._loaded_report:
            self._loaded_report = True
            self._fill_filter()
            self._fill_list()
        self._show_page()

    def _show_progress(self) -> None:
        bar = self.query_one("#doc-progress", ProgressBar)
        bar.display = not self.state.done
        bar.update(total=max(1, self.state.page_count), progress=self.state.pages_done)
        self._show_status()

    def _show_status(self) -> None:
        state = self.state
        parts = [state.name, f"page {self.page_number}/{state.page_count or '?'}"]
        if state.error:
            parts.append(f"failed: {printable_line(state.error)}")
        elif state.needs_password:
            parts.append("encrypted: waiting for its password")
        elif state.report is None:
            parts.append(f"loading… {state.found} redactions so far")
        else:
            leaks = self._leaks
            parts.append(
                f"{len(state.redactions)} redactions" + (f", {leaks} leaky" if leaks else "")
            )
        if self.matches:
            position = "" if self.match_index is None else f"{self.match_index + 1}/"
            parts.append(f"match {position}{len(self.matches)}")
        self.query_one("#doc-status", Static).update(Content(" · ".join(parts)), layout=False)

    def _fill_filter(self) -> None:
        choices = [
            (Content(printable_line(label)), value) for label, value in filter_choices(self.state)
        ]
        self.query_one("#filter", Select).set_options(choices)

    def _fill_list(self) -> None:
        shown = apply_filter(self.state.redactions, self.filter)
        self._leaks = sum(1 for r in self.state.redactions if is_leak(r))
        self._on_page, self._cited_on_page = {}, {}
        for exemption in self.state.exemptions:
            self._cited_on_page.setdefault(exemption.page, []).append(exemption)
        for redaction in shown:
            self._on_page.setdefault(redaction.page, []).append(redaction)
        table = self.query_one(RedactionTable)
        table.show(shown)
        # The highlighted row is the selection, so the first `n` moves on from what is described.
        self.selected = table.current
        self.query_one(RedactionDetail).show(self.selected)

    @property
    def shown(self) -> list[Redaction]:
        """The redactions the filter lets through."""
        return self.query_one(RedactionTable).shown

    def _marks(self) -> list[Mark]:
        cited = self._cited_on_page.get(self.page_number, ())
        marks = [Mark(e.start, e.end, "exemption") for e in cited]
        page = self.state.page(self.page_number)
        for redaction in self._on_page.get(self.page_number, ()):
            mark = redaction_mark(redaction, page, selected=redaction is self.selected)
            marks.extend([mark] if mark else [])
        marks += [Mark(m.start, m.end, "match") for m in self.matches if m.page == self.page_number]
        return marks

    def _show_page(self) -> None:
        view = self.query_one(PageView)
        page = self.state.page(self.page_number)
        if page is None and not self.state.done:
            view.show_page(None, [], placeholder=f"Page {self.page_number} is still loading…")
        else:
            view.show_page(page, self._marks())
        self._show_status()

    def go_to(self, page: int, offset: int | None = None) -> None:
        """Show page `page` and, when given, scroll document offset `offset` into view."""
        known = self.state.info is not None
        self.page_number = max(1, min(page, self.state.page_count) if known else page)
        self._show_page()
        if offset is not None:
            self.query_one(PageView).scroll_to_offset(offset)

    def select(self, redaction: Redaction | None, jump: bool = True) -> None:
        """Make `redaction` the selected one: describe it and, if `jump`, show it on its page."""
        self.selected = redaction
        self.query_one(RedactionDetail).show(redaction)
        if redaction is not None and jump:
            span = text_span(redaction, self.state.page(redaction.page))
            self.go_to(redaction.page, span[0] if span else None)
        else:
            self._show_page()

    @on(DataTable.RowSelected, "#redactions")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        self.select(self.query_one(RedactionTable).current)

    @on(DataTable.RowHighlighted, "#redactions")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.query_one(RedactionDetail).show(self.query_one(RedactionTable).current)

    @on(PageView.MarkClicked)
    def _mark_clicked(self, event: PageView.MarkClicked) -> None:
        table = self.query_one(RedactionTable)
        if table.select(event.key):
            self.select(table.current, jump=False)

    @on(Select.Changed, "#filter")
    def _filter_changed(self, event: Select.Changed) -> None:
        self.filter = str(event.value)
        self._fill_list()
        self._show_page()

    def action_step(self, delta: int) -> None:
        """Select the next (or previous) redaction in the list and jump to it."""
        table = self.query_one(RedactionTable)
        if not table.shown:
            waiting = f"The list fills when the scan ends ({self.state.found} found so far)."
            done = "No redactions to move between."
            self.notify(done if self.state.done else waiting, severity="warning")
            return
        # Step from the highlighted row: the detail panel already describes it, selected or not.
        if table.current is None:
            table.move_cursor(row=0 if delta > 0 else len(table.shown) - 1, animate=False)
            self.select(table.current)
        else:
            self.select(table.step(delta))

    def action_page(self, delta: int) -> None:
        """Show the next or previous page."""
        self.go_to(self.page_number + delta)

    def action_go_to_page(self) -> None:
        """Ask for a page number and go there."""

        def chosen(page: int | None) -> None:
            if page is not None:
                self.go_to(page)

        count = self.state.page_count if self.state.info is not None else None
        dialog = GoToPageDialog(count, self.page_number)
        self.app.push_screen(dialog, chosen)

    def action_search(self) -> None:
        """Open the search box."""
        box = self.query_one("#search", Input)
        box.display = True
        box.focus()

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        self.matches = find_matches(self.state.pages, event.value)
        page = self.state.page(self.page_number)
        self.match_index = match_from(self.matches, page.start if page else 0)
        event.input.display = False
        self.query_one(PageView).focus()
        if not self.matches:
            self.notify(f"No match for {printable_line(event.value)}", markup=False)
        self._show_match()

    def action_match(self, step: int) -> None:
        """Jump to the next or previous search match."""
        self.match_index = next_index(len(self.matches), self.match_index, step)
        self._show_match()

    def _show_match(self) -> None:
        if self.match_index is None or not self.matches:
            self._show_page()
            return
        match = self.matches[self.match_index]
        self.go_to(match.page, match.start)

    def action_focus_filter(self) -> None:
        """Put the focus on the filter and open its list of choices."""
        choices = self.query_one("#filter", Select)
        choices.focus()
        choices.expanded = True

    def action_image(self) -> None:
        """Show the page image, where the terminal and the document allow."""
        from redactview.tui.screens.image import open_page_image

        open_page_image(self, self.state, self.page_number, self.shown)

    def action_back(self) -> None:
        """Close the search box if it is open, else go back to the library."""
        box = self.query_one("#search", Input)
        if box.display:
            box.display = False
            self.query_one(PageView).focus()
            return
        self.app.show_library()  # type: ignore[attr-defined]
