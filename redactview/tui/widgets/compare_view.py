"""Two releases in two columns of one scrolling view, so they always scroll together.

One view, not two synchronised ones: a row holds A's text and B's text for the same block.

    A (first release)              | B (later release)
    Officers: Harriet Vell, and    | Officers: Harriet Vell, and
    Jo Pike (Democratic Services)  | [Redacted - s.40(2)]     <- withheld: both sides coloured
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from redactview.model import Change, ChangeType
from redactview.tui.comparing import Block, Group, Span, build_groups
from redactview.tui.widgets.scrolling import SCROLL_BINDINGS
from redactview.tui.widgets.wrapping import display_text, wrap_rows

TYPES = tuple(str(t) for t in ChangeType)
DIVIDER = " │ "
CURRENT = Style(bold=True, underline=True)  # on top of the change's colour, never instead of it


@dataclass(frozen=True, slots=True)
class ScreenRow:
    """One screen row: the stretch of A and of B on it (None past a group's end)."""

    a: Span | None
    b: Span | None


@dataclass(frozen=True, slots=True)
class ChangeSpan:
    """Where one change sits in one release's text."""

    start: int
    end: int
    change: int


class CompareView(ScrollView, can_focus=True, inherit_bindings=False):
    """Aligned groups of two texts, each change coloured by its type."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"compareview--{t}" for t in TYPES} | {
        "compareview--divider"
    }
    DEFAULT_CSS = """
    CompareView { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = list(SCROLL_BINDINGS)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text_a = self.text_b = ""
        self._shown_a = self._shown_b = ""
        self.groups: list[Group] = []
        self.changes: tuple[Change, ...] = ()
        self.spans_a: list[ChangeSpan] = []
        self.spans_b: list[ChangeSpan] = []
        self.coloured: set[int] = set()  # changes drawn in their colour (the filter's choice)
        self.current: int | None = None  # the change jumped to
        self.rows: list[ScreenRow] = []
        self.first_row: dict[int, int] = {}  # change index -> the screen row it starts on

    def show(
        self, text_a: str, text_b: str, changes: tuple[Change, ...], blocks: list[Block]
    ) -> None:
        """Show two texts cut into facing blocks, gathered into whole lines."""
        self.text_a, self.text_b = text_a, text_b
        self._shown_a, self._shown_b = display_text(text_a), display_text(text_b)
        self.changes = changes
        self.groups = build_groups(blocks, text_a, text_b)
        placed = [b for b in blocks if b.change is not None]
        self.spans_a = [ChangeSpan(*b.a, b.change) for b in placed if b.a[0] < b.a[1]]  # type: ignore[arg-type]
        self.spans_b = [ChangeSpan(*b.b, b.change) for b in placed if b.b[0] < b.b[1]]  # type: ignore[arg-type]
        self.coloured = set(range(len(changes)))
        self._layout()

    @property
    def column_width(self) -> int:
        """Cells for each release's column."""
        return max(8, (self.scrollable_content_region.width - len(DIVIDER)) // 2)

    def _layout(self) -> None:
        width = self.column_width
        self.rows, self.first_row = [], {}
        starts = {s.change: ("a", s.start) for s in self.spans_a}
        starts.update({s.change: ("b", s.start) for s in self.spans_b if s.change not in starts})
        for group in self.groups:
            rows_a = _rows(self.text_a, group.a, width)
            rows_b = _rows(self.text_b, group.b, width)
            top = len(self.rows)
            for change in group.changes:
                side, offset = starts.get(change, ("a", group.a[0]))
                rows = rows_a if side == "a" else rows_b
                self.first_row[change] = top + _row_holding(rows, offset)
            for line in range(max(len(rows_a), len(rows_b), 1 if group.changes else 0)):
                a = rows_a[line] if line < len(rows_a) else None
                b = rows_b[line] if line < len(rows_b) else None
                self.rows.append(ScreenRow(a, b))
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))
        self.refresh()

    def on_resize(self) -> None:
        """Wrap again for the new width."""
        self._layout()

    def jump(self, change: int) -> None:
        """Make `change` the current one and scroll it near the top."""
        self.current = change
        row = self.first_row.get(change, 0)
        self.scroll_to(y=max(0, row - 2), animate=False, immediate=True)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Draw screen row `y`: A's column, the divider, B's column."""
        base = self.rich_style
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        column = self.column_width
        divider = base + self.get_component_rich_style("compareview--divider")
        segments = [
            *self._cell(self._shown_a, row.a, self.spans_a, column, base),
            Segment(DIVIDER, divider),
            *self._cell(self._shown_b, row.b, self.spans_b, column, base),
        ]
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def _cell(
        self, shown: str, span: Span | None, changes: list[ChangeSpan], width: int, base: Style
    ) -> list[Segment]:
        """One column's part of a row, changes in their colours, padded to the column."""
        segments: list[Segment] = []
        if span is not None:
            position = span[0]
            for change in _overlapping(changes, *span):
                start, end = max(span[0], change.start), min(span[1], change.end)
                if start > position:
                    segments.append(Segment(shown[position:start], base))
                segments.append(Segment(shown[start:end], self._style(change.change, base)))
                position = end
            if position < span[1]:
                segments.append(Segment(shown[position : span[1]], base))
        return list(Strip(segments).extend_cell_length(width, base).crop(0, width))

    def _style(self, change: int, base: Style) -> Style:
        if change not in self.coloured:
            return base
        style = base + self.get_component_rich_style(f"compareview--{self.changes[change].type}")
        return style + CURRENT if change == self.current else style


def _rows(text: str, span: Span, width: int) -> list[Span]:
    """A stretch of text wrapped to `width`, page breaks taken as line breaks, in text offsets."""
    start, end = span
    if start >= end:
        return []
    piece = text[start:end].replace("\f", "\n")
    if piece.endswith("\n"):
        piece = piece[:-1]  # the group's closing line break opens no empty row
    return [(start + s, start + e) for s, e in wrap_rows(piece, width)]


def _row_holding(rows: list[Span], offset: int) -> int:
    """The index of the row holding `offset` (the last row if it is past them all)."""
    for index, (start, end) in enumerate(rows):
        if offset < end or (start == end == offset):
            return index
    return max(0, len(rows) - 1)


def _overlapping(changes: list[ChangeSpan], start: int, end: int) -> list[ChangeSpan]:
    """The change spans meeting [start, end), in order (spans are sorted and do not overlap)."""
    first = bisect_right(changes, start, key=lambda c: c.end)
    found = []
    for change in changes[first:]:
        if change.start >= end:
            break
        found.append(change)
    return found
