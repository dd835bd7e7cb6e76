"""Build model pages from a loader's lines, giving every line its offset in the document text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redactview.model import BBox, Line, Page, Span, TextLines


@dataclass(frozen=True, slots=True)
class RawLine:
    """A line as a loader reads it, before it has offsets: its spans hold page-relative starts."""

    text: str
    bbox: BBox | None = None
    spans: tuple[Span, ...] = ()


def lines_from_text(text: str, start: int) -> TextLines:
    """Split a page's text on newlines into Lines whose offsets begin at `start`, made lazily."""
    return TextLines(text, start)


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
