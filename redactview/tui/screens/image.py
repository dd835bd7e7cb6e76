"""The page image: the page as drawn, with every redaction box outlined (red where it leaks)."""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import LoadingIndicator, Static

from redactview.loaders.preview import PagePixels
from redactview.model import BBox, Format, Redaction
from redactview.textsafe import printable_line
from redactview.tui.jobs import JobFailed, JobResult, start_render
from redactview.tui.state import DocumentState, is_leak
from redactview.tui.widgets.footer import FittingFooter
from redactview.tui.widgets.page_image import PageImage

DRAWABLE = frozenset({Format.PDF, Format.IMAGE})


class PageImageScreen(ModalScreen[None]):
    """One page as an image; the text view stays one key away."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,i,q", "dismiss(None)", "Back to text"),
    ]

    def __init__(self, state: DocumentState, page: int, redactions: list[Redaction]) -> None:
        super().__init__()
        self.state = state
        self.page_number = page
        self.boxes: list[tuple[BBox, bool]] = [
            (r.bbox, is_leak(r)) for r in redactions if r.page == page and r.bbox is not None
        ]

    def compose(self) -> ComposeResult:
        """Title, the image (once drawn), footer."""
        yield Static(id="image-title")
        yield LoadingIndicator(id="image-loading")
        yield PageImage(id="image")
        yield FittingFooter()

    def on_mount(self) -> None:
        """Draw the page in a child process, sized to the screen."""
        title = f"{self.state.name} · page {self.page_number} · {len(self.boxes)} box(es)"
        self.query_one("#image-title", Static).update(Content(title))
        width = max(10, self.app.size.width - 2)
        height = max(10, (self.app.size.height - 4) * 2)  # two pixels a cell, top and bottom
        self._draw((width, height))

    @work(thread=True, exclusive=True)
    def _draw(self, size: tuple[int, int]) -> None:
        password = self.app.session.password_for(self.state.path)  # type: ignore[attr-defined]
        job = start_render(self.state.path, self.page_number, size, password)
        for event in job.events():
            if isinstance(event, JobResult | JobFailed):
                self.app.call_from_thread(partial(self._drawn, event))

    def _drawn(self, event: JobResult | JobFailed) -> None:
        self.query_one("#image-loading").display = False
        if isinstance(event, JobFailed):
            message = printable_line(f"Cannot draw the page: {event.error}")
            self.notify(message, severity="error", markup=False)
            self.dismiss(None)
            return
        pixels: PagePixels = event.value
        self.query_one(PageImage).show(pixels, self.boxes)


def open_page_image(screen: Any, state: DocumentState, page: int, shown: list[Redaction]) -> None:
    """Show the page image where the document has one to show; say why not otherwise."""
    if state.info is None:
        screen.notify("The document is still opening: try again in a moment.")
        return
    if state.info.format not in DRAWABLE:
        screen.notify("Page images are for PDFs and scans; this document is text.")
        return
    screen.app.push_screen(PageImageScreen(state, page, shown))
