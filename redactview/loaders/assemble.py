"""Build model pages from a loader's lines, giving every line its offset in the document text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from redactview.model import BBox, Line, Page, Span


@dataclass(frozen=True, slots=True)
class RawLine:
    """A line as a loader reads it, before it has offsets: its spans hold page-relative starts."""

    text: str
    bbox: BBox | None = None
    spans: tuple[Span, ...] = ()


def lines_from_text(text: str, start: int) -> tuple[Line, ...]:
    """Split a page's text on newlines into Lines whose offsets begin at `start`."""
    lines: list[Line] = []
    offset = start
    for number, piece in enumerate(text.split("\n"), start=1):
        lines.append(Line(number=number, text=piece, start=offset))
        offset += len(piece) + 1
    if lines and not lines[-1].text:
        lines.pop()  # the newline that ends the last line does not open another
    return tuple(lines)


def page_from_raw_lines(number: int, start: int, raw: Sequence[RawLine], **extra: object) -> Page:
    """A Page whose text is the raw lines joined by newlines, each shifted to its offset."""
    lines: list[Line] = []
    offset = start
    for index, item in enumerate(raw, start=1):
        spans = tuple(replace(span, start=span.start + offset) for span in item.spans)
        lines.append(Line(index, item.text, offset, item.bbox, spans))
        offset += len(item.text) + 1
    text = "\n".join(item.text for item in raw)
    return Page(number=number, text=text, start=start, lines=tuple(lines), **extra)  # type: ignore[arg-type]
