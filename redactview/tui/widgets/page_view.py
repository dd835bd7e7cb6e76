"""The page text, wrapped to the screen, with redactions, exemptions and search matches marked."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from redactview.model import Page
from redactview.tui.widgets.scrolling import SCROLL_BINDINGS
from redactview.tui.widgets.wrapping import Row, display_text, wrap_rows

# Drawn in this order, so later roles win where marks overlap.
ROLES = (
    "exemption",
    "marker",
    "label",
    "truncation",
    "missing",
    "box",
    "leak",
    "match",
    "selected",
)
EMPTY_PAGE = "(no text on this page)"


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch of document text to highlight: `role` picks the look, `key` names a redaction.

    `fill`, when set, is drawn in place of the blanks the mark covers, so a box over nothing
    (its text row shows only spaces) is still seen: "called in the order ▮▮▮▮▮▮ then".
    """

    start: int
    end: int
    role: str
    key: str | None = None
    fill: str = ""


class PageView(ScrollView, can_focus=True, inherit_bindings=False):
    """One page of text with marks, drawn line by line so a huge page costs only what is seen."""

    # Rows wrap, so left and right are free for the screen (previous and next page).
    BINDINGS: ClassVar[list[BindingType]] = list(SCROLL_BINDINGS)

    COMPONENT_CLASSES = {f"pageview--{role}" for role in ROLES} | {"pageview--empty"}
    DEFAULT_CSS = """
    PageView { height: 1fr; padding: 0 1; }
    """

    @dataclass
    class MarkClicked(Message):
        """A marked redaction was clicked."""

        key: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.page: Page | None = None
        self.placeholder = EMPTY_PAGE
        self._text = ""
        self._display = ""
        self._rows: list[Row] = []
        self._row_starts: list[int] = []
        self._marks: list[Mark] = []
        self._mark_starts: list[int] = []
        self._longest_mark = 0

    @property
    def text(self) -> str:
        """The page text being shown."""
        return self._text

    @property
    def row_count(self) -> int:
        """How many screen rows the wrapped page takes."""
        return len(self._rows)

    def show_page(self, page: Page | None, marks: list[Mark], placeholder: str = "") -> None:
        """Show `page` (None for nothing) with `marks` in document offsets."""
        placeholder = placeholder or EMPTY_PAGE
        if page is self.page and page is not None:
            self.set_marks(marks)  # same page: the wrapping stands
            return
        self.page = page
        self.placeholder = placeholder
        self._text = page.text if page else ""
        self._display = display_text(self._text)
        self.set_marks(marks)
        self._rewrap()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_marks(self, marks: list[Mark]) -> None:
        """Replace the marks (document offsets) and redraw."""
        base = self.page.start if self.page else 0
        local = [Mark(m.start - base, m.end - base, m.role, m.key, m.fill) for m in marks]
        self._marks = sorted(local, key=lambda m: (m.start, ROLES.index(m.role)))
        self._mark_starts = [m.start for m in self._marks]
        self._longest_mark = max((m.end - m.start for m in self._marks), default=0)
        self.refresh()

    def scroll_to_offset(self, offset: int, *, animate: bool = False) -> None:
        """Scroll so the row holding document offset `offset` is in the middle of the view."""
        row = self.row_of_offset(offset)
        top = max(0, row - self.scrollable_content_region.height // 2)
        self.scroll_to(y=top, animate=animate, immediate=True)

    def row_of_offset(self, offset: int) -> int:
        """The screen row holding document offset `offset`."""
        local = offset - (self.page.start if self.page else 0)
        return max(0, bisect_right(self._row_starts, local) - 1)

    def row_text(self, row: int) -> str:
        """The characters shown on screen row `row` (for tests and copying)."""
        start, end = self._rows[row]
        return self._display[start:end]

    def drawn_row(self, row: int) -> str:
        """The characters drawn on screen row `row`, with blanks under filled marks filled."""
        start, end = self._rows[row]
        return self._drawn(start, end, self._fills(start, end))

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width or self.size.width or 80
        self._rows = wrap_rows(self._text, width) if self._text else []
        self._row_starts = [start for start, _ in self._rows]
        self.virtual_size = Size(width, max(1, len(self._rows)))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Wrap again for the new width, keeping the top row's text in view."""
        top = self._rows[self.scroll_offset.y][0] if self.scroll_offset.y < len(self._rows) else 0
        self._rewrap()
        row = max(0, bisect_right(self._row_starts, top) - 1)
        self.scroll_to(y=row, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        """Draw screen row `y`."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = y + self.scroll_offset.y
        if not self._rows:
            text = self.placeholder if y == 0 else ""
            style = base + self.get_component_rich_style("pageview--empty")
            return Strip([Segment(text, style)]).extend_cell_length(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        start, end = self._rows[index]
        return Strip(self._segments(start, end, base)).extend_cell_length(width, base)

    def _segments(self, start: int, end: int, base: Style) -> list[Segment]:
        styles = self._char_styles(start, end, base)
        shown = self._drawn(start, end, self._fills(start, end))
        segments: list[Segment] = []
        run = start
        for position in range(start + 1, end + 1):
            if position == end or styles[position - start] != styles[run - start]:
                segments.append(Segment(shown[run - start : position - start], styles[run - start]))
                run = position
        return segments

    def _fills(self, start: int, end: int) -> dict[int, str]:
        """The fill character for each blank position under a filled mark on this row."""
        fills: dict[int, str] = {}
        for mark in self._marks_between(start, end):
            for position in range(max(start, mark.start), min(end, mark.end)):
                if mark.fill and self._display[position] == " ":
                    fills[position] = mark.fill
        return fills

    def _drawn(self, start: int, end: int, fills: dict[int, str]) -> str:
        if not fills:
            return self._display[start:end]
        return "".join(fills.get(i, self._display[i]) for i in range(start, end))

    def _char_styles(self, start: int, end: int, base: Style) -> list[Style]:
        styles = [base] * (end - start)
        for mark in self._marks_between(start, end):
            role_style = base + self.get_component_rich_style(f"pageview--{mark.role}")
            for position in range(max(start, mark.start), min(end, mark.end)):
                styles[position - start] = role_style
        return styles

    def _marks_between(self, start: int, end: int) -> list[Mark]:
        first = bisect_left(self._mark_starts, start - self._longest_mark)
        last = bisect_left(self._mark_starts, end)
        found = [m for m in self._marks[first:last] if m.end > start]
        return sorted(found, key=lambda m: ROLES.index(m.role))

    def offset_at(self, x: int, y: int) -> int | None:
        """The document offset under content cell (x, y), or None off the text."""
        index = y + self.scroll_offset.y
        if not self.page or index >= len(self._rows):
            return None
        start, end = self._rows[index]
        cells = 0
        for position in range(start, end):
            cells += get_character_cell_size(self._display[position])
            if cells > x:
                return self.page.start + position
        return None

    def on_click(self, event: events.Click) -> None:
        """Select the redaction under the pointer."""
        offset = self.offset_at(event.x - self.styles.padding.left, event.y)
        if offset is None:
            return
        local = offset - (self.page.start if self.page else 0)
        for mark in self._marks_between(local, local + 1):
            if mark.key and mark.start <= local < mark.end:
                self.post_message(self.MarkClicked(mark.key))
                return
