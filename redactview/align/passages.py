"""Split a run of tokens into passages: paragraphs, as the release's own blank lines mark them."""

from __future__ import annotations

import re

from redactview.align.normalise import Tokens

_BREAK = re.compile(r"\n[ \t]*\n|\f")


def split_passages(tokens: Tokens, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs between tokens `lo` and `hi` (exclusive)."""
    parts: list[tuple[int, int]] = []
    first = lo
    for index in range(lo + 1, hi):
        between = text[tokens.ends[index - 1] : tokens.starts[index]]
        if "\n" in between and _BREAK.search(between):
            parts.append((first, index))
            first = index
    if first < hi:
        parts.append((first, hi))
    return parts
