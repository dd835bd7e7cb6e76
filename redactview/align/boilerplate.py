"""Find the lines that are furniture, not content: page numbers, running headers, web banners.

A release printed from a website gains a cookie banner; a PDF gains "Page 3 of 9" and a header on
every page. None of that is a change to the document, so alignment leaves these lines out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

Range = tuple[int, int]

_EDGE_LINES = 3  # how many lines at each end of a page can be a header or footer
_PAGE_NUMBER_ANYWHERE = re.compile(r"^\s*page\s+\d+(\s*(of|/)\s*\d+)?\s*$", re.IGNORECASE)
_PAGE_NUMBER_AT_EDGE = re.compile(r"^\s*[-–—(\[]?\s*\d{1,4}\s*(of|/)?\s*\d{0,4}\s*[-–—)\]]?\s*$")
_BANNER = re.compile(
    r"\bcookies?\b.*\b(accept|consent|preferences|we use|settings)\b"
    r"|\b(accept|we use|manage)\b.*\bcookies?\b"
    r"|^\s*skip to (main )?content\s*$"
    r"|\bthis page (is|was|has been) (intentionally )?left blank\b",
    re.IGNORECASE,
)


def boilerplate_ranges(text: str) -> list[Range]:
    """Offsets of every boilerplate line (and banner paragraph) in the text, sorted, merged."""
    pages = list(_pages(text))
    found: list[Range] = []
    repeated = _repeated_edge_lines(text, pages)
    for lines in pages:
        edge = _edge_indexes(text, lines)
        for index, (start, end) in enumerate(lines):
            line = text[start:end]
            at_edge = index in edge and (_PAGE_NUMBER_AT_EDGE.match(line) or _sig(line) in repeated)
            if at_edge or _PAGE_NUMBER_ANYWHERE.match(line):
                found.append((start, end))
        found.extend(_banner_paragraphs(text, lines))
    return merge_ranges(found)


def merge_ranges(ranges: list[Range]) -> list[Range]:
    """Sort ranges and join the ones that overlap or touch."""
    merged: list[Range] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _pages(text: str) -> Iterator[list[Range]]:
    """Each page as the (start, end) of its lines."""
    page_start = 0
    for page in text.split("\f"):
        lines: list[Range] = []
        offset = page_start
        for line in page.split("\n"):
            lines.append((offset, offset + len(line)))
            offset += len(line) + 1
        yield lines
        page_start += len(page) + 1


def _edge_indexes(text: str, lines: list[Range]) -> set[int]:
    """The indexes of the first and last few non-blank lines of a page."""
    filled = [i for i, (start, end) in enumerate(lines) if text[start:end].strip()]
    return set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])


def _sig(line: str) -> str:
    """A line's shape with digits and spacing ignored, so "Page 3" and "Page 4" look alike."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def _repeated_edge_lines(text: str, pages: list[list[Range]]) -> set[str]:
    """Edge lines that recur on enough pages to be running headers or footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_sig(text[lines[i][0] : lines[i][1]]) for i in _edge_indexes(text, lines)})
    needed = max(2, int(0.3 * len(pages)))
    return {sig for sig, count in counts.items() if count >= needed and sig}


def _banner_paragraphs(text: str, lines: list[Range]) -> Iterator[Range]:
    """The whole paragraph around any line that reads like a web page's cookie banner."""
    for index, (start, end) in enumerate(lines):
        if not _BANNER.search(text[start:end]):
            continue
        first = last = index
        while first > 0 and text[lines[first - 1][0] : lines[first - 1][1]].strip():
            first -= 1
        while last + 1 < len(lines) and text[lines[last + 1][0] : lines[last + 1][1]].strip():
            last += 1
        yield (lines[first][0], lines[last][1])
