"""Build model pages from a loader's lines, giving every line its offset in the document text."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import MISSING, dataclass, fields
from itertools import accumulate, repeat
from operator import add
from typing import Any

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
    starts = accumulate(map(add, map(len, pieces), repeat(1)), initial=start)
    if _SETTERS is None:
        return tuple(map(Line, range(1, len(pieces) + 1), pieces, starts))
    lines = tuple(map(object.__new__, repeat(Line, len(pieces))))
    set_number, set_text, set_start, defaults = _SETTERS
    _consume(map(set_number, lines, range(1, len(pieces) + 1)))
    _consume(map(set_text, lines, pieces))
    _consume(map(set_start, lines, starts))
    for setter, value in defaults:
        _consume(map(setter, lines, repeat(value)))
    return lines


def _line_setters() -> _Setters | None:
    """The slot setters of Line's fields, for filling plain-text Lines without `__init__`.

    A text release has tens of thousands of lines, and running a frozen dataclass's `__init__`
    for each costs more than detecting redactions in them; setting the slots field by field,
    all lines at once, makes Lines equal to `Line(number, text, start)`. None (use the
    constructor) if Line ever gains a field whose default is not a plain value.
    """
    names = [item.name for item in fields(Line)]
    extra = [item for item in fields(Line)[3:] if item.default is not MISSING]
    if names[:3] != ["number", "text", "start"] or len(extra) != len(names) - 3:
        return None
    number, text, start = (getattr(Line, name).__set__ for name in names[:3])
    defaults = tuple((getattr(Line, item.name).__set__, item.default) for item in extra)
    return number, text, start, defaults


_Setter = Callable[[Line, Any], None]
_Setters = tuple[_Setter, _Setter, _Setter, tuple[tuple[_Setter, Any], ...]]
_SETTERS = _line_setters()
# Runs an iterator to its end, keeping nothing.
_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend


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
