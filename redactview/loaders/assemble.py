"""Build model pages from a loader's lines, giving every line its offset in the document text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import MISSING, dataclass, fields
from itertools import accumulate

from redactview.model import BBox, Line, Page, Span


@dataclass(frozen=True, slots=True)
class RawLine:
    """A line as a loader reads it, before it has offsets: its spans hold page-relative starts."""

    text: str
    bbox: BBox | None = None
    spans: tuple[Span, ...] = ()


def lines_from_text(text: str, start: int) -> tuple[Line, ...]:
    """Split a page's text on newlines into Lines whose offsets begin at `start`."""
    pieces = text.split("\n")
    if not pieces[-1]:
        pieces.pop()  # the newline that ends the last line does not open another
    if _FILL_LINE is None:
        starts = accumulate((len(piece) + 1 for piece in pieces), initial=start)
        return tuple(map(Line, range(1, len(pieces) + 1), pieces, starts))
    lines: list[Line] = []
    offset = start
    for number, piece in enumerate(pieces, start=1):
        lines.append(_FILL_LINE(number, piece, offset))
        offset += len(piece) + 1
    return tuple(lines)


def _line_filler() -> Callable[[int, str, int], Line] | None:
    """A maker of plain-text Lines that sets their slots directly.

    A text release has tens of thousands of lines, and a frozen dataclass's `__init__` costs
    a third of reading one; the Lines made are equal to `Line(number, text, start)`. None (use
    the constructor) if Line ever gains a field whose default is not a plain value.
    """
    names = [item.name for item in fields(Line)]
    extra = [item for item in fields(Line)[3:] if item.default is not MISSING]
    if names[:3] != ["number", "text", "start"] or len(extra) != len(names) - 3:
        return None
    set_number, set_text, set_start = (getattr(Line, name).__set__ for name in names[:3])
    rest = [(getattr(Line, item.name).__set__, item.default) for item in extra]
    new = object.__new__

    def fill(number: int, text: str, start: int) -> Line:
        line = new(Line)
        set_number(line, number)
        set_text(line, text)
        set_start(line, start)
        for setter, value in rest:
            setter(line, value)
        return line

    return fill


_FILL_LINE = _line_filler()


def page_from_raw_lines(number: int, start: int, raw: Sequence[RawLine], **extra: object) -> Page:
    """A Page whose text is the raw lines joined by newlines, each shifted to its offset."""
    lines: list[Line] = []
    offset = start
    for index, item in enumerate(raw, start=1):
        spans = tuple(_shifted(span, offset) for span in item.spans)
        lines.append(Line(index, item.text, offset, item.bbox, spans))
        offset += len(item.text) + 1
    text = "\n".join(item.text for item in raw)
    return Page(number=number, text=text, start=start, lines=tuple(lines), **extra)  # type: ignore[arg-type]


def _shifted(span: Span, offset: int) -> Span:
    """The span with its start moved by `offset` (what `replace` does, without its overhead)."""
    return Span(
        span.text, span.start + offset, span.bbox, span.size, span.font, span.color, span.invisible
    )
