"""Helpers for text-detector tests: a Page built from a string, as the text loader builds it."""

from __future__ import annotations

from collections.abc import Callable

from redactview.loaders.assemble import lines_from_text
from redactview.model import Page, Redaction


def text_page(text: str, *, number: int = 1, start: int = 0) -> Page:
    """A page of plain text whose first character sits at document offset `start`."""
    return Page(number=number, text=text, start=start, lines=lines_from_text(text, start))


def run(detect: Callable[[Page], list[Redaction]], text: str) -> list[Redaction]:
    """The detector's findings on `text`, in offset order, each checked to slice to its marker."""
    found = sorted(detect(text_page(text)), key=lambda r: (r.start or 0, r.end or 0))
    for redaction in found:
        assert redaction.start is not None and redaction.end is not None
        assert text[redaction.start : redaction.end] == redaction.marker
    return found


def pairs(found: list[Redaction]) -> list[tuple[str, str]]:
    """(kind, marker) for each finding."""
    return [(str(r.kind), r.marker) for r in found]
