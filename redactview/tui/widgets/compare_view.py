"""Two releases in two columns of one scrolling view, so they always scroll together.

One view, not two synchronised ones: a row holds A's text and B's text for the same block.

    A (first release)              | B (later release)
    Officers: Harriet Vell, and    | Officers: Harriet Vell, and
    Jo Pike (Democratic Services)  | [Redacted - s.40(2)]     <- withheld: both sides coloured
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from redactview.model import Change, ChangeType
from redactview.tui.comparing import Block, Span
from redactview.tui.widgets.wrapping import display_text, wrap_rows

TYPES = tuple(str(t) for t in ChangeType)
DIVIDER = " │ "
CURRENT = Style(bold=True, underline=True)  # on top of the change's colour, never instead of it


@dataclass(frozen=True, slots=True)
class ScreenRow:
    """One screen row: the stretch of A and of B on it (None past a block's end) and its block."""

    a: Span | None
    b: Span | None
    block: int


class CompareView(ScrollView, can_focus=True, inherit_bindings=False):
    """Aligned blocks of two texts, each change coloured by its type."""

    COMPONENT_CLASSES = {f"compareview--{t}" for t in TYPES} | {"compareview--divider"}
    DEFAULT_CSS = """
    CompareView { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", show=False),
        Binding("down", "scroll_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown,space", "page_down", show=False),
        Binding("home", "scroll_home", show=False),
        Binding("end", "scroll_end", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text_a = self.text_b = ""
        self._shown_a = self._shown_b = ""
        self.blocks: list[Block] = []
        self.changes: tuple[Change, ...] = ()
        self.coloured: set[int] = set()  # changes drawn in their colour (the filter's choice)
        self.current: int | None = None  # the change jumped to
        self.rows: list[ScreenRow] = []
        self.first_row: dict[int, int] = {}  # change index -> its first screen row

    def show(
        self, text_a: str, text_b: str, changes: tuple[Change, ...], blocks: list[Block]
    ) -> None:
        """Show two texts cut into facing blocks."""
        self.text_a, self.text_b = text_a, text_b
        self._shown_a, self._shown_b = display_text(text_a), display_text(text_b)
        self.changes, self.blocks = changes, blocks
        self.coloured = set(range(len(changes)))
        self._layout()

    @property
    def column_width(self) -> int:
        """Cells for each release's column."""
        return max(8, (self.scrollable_content_region.width - len(DIVIDER)) // 2)

    def _layout(self) -> None:
        width = self.column_width
        self.rows, self.first_row = [], {}
        for index, block in enumerate(self.blocks):
            rows_a = _rows(self.text_a, block.a, width)
            rows_b = _rows(self.text_b, block.b, width)
            if block.change is not None:
                self.first_row[block.change] = len(self.rows)
            for line in range(max(len(rows_a), len(rows_b), 1 if block.change is not None else 0)):
                a = rows_a[line] if line < len(rows_a) else None
                b = rows_b[line] if line < len(rows_b) else None
                self.rows.append(ScreenRow(a, b, index))
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
        style = self._style(self.blocks[row.block].change, base)
        column = self.column_width
        divider = base + self.get_component_rich_style("compareview--divider")
        segments = [
            *_cell(self._shown_a, row.a, column, style),
            Segment(DIVIDER, divider),
            *_cell(self._shown_b, row.b, column, style),
        ]
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def _style(self, change: int | None, base: Style) -> Style:
        if change is None or change not in self.coloured:
            return base
        style = base + self.get_component_rich_style(f"compareview--{self.changes[change].type}")
        return style + CURRENT if change == self.current else style


def _rows(text: str, span: Span, width: int) -> list[Span]:
    """A stretch of text wrapped to `width`, page breaks taken as line breaks, in text offsets."""
    start, end = span
    if start >= end:
        return []
    piece = text[start:end].replace("\f", "\n")
    return [(start + s, start + e) for s, e in wrap_rows(piece, width)]


def _cell(shown: str, span: Span | None, width: int, style: Style) -> list[Segment]:
    """One column's part of a row, padded to the column's width."""
    text = shown[span[0] : span[1]] if span else ""
    return list(Strip([Segment(text, style)]).extend_cell_length(width, style).crop(0, width))
