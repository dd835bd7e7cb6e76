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
_PAGE_NUMBER_ANYWHERE = re.compile(
    r"^[ \t]*page[ \t]+\d+([ \t]*(of|/)[ \t]*\d+)?[ \t]*$", re.IGNORECASE | re.MULTILINE
)
_PAGE_NUMBER_AT_EDGE = re.compile(r"^\s*[-–—(\[]?\s*\d{1,4}\s*(of|/)?\s*\d{0,4}\s*[-–—)\]]?\s*$")
_BANNER_HINTS = ("cookie", "skip to", "left blank")  # found fast; the pattern then decides
_BANNER = re.compile(
    r"\bcookies?\b.*\b(accept|consent|preferences|we use|settings)\b"
    r"|\b(accept|we use|manage)\b.*\bcookies?\b"
    r"|^[ \t]*skip to (main )?content[ \t]*$"
    r"|\bthis page (is|was|has been) (intentionally )?left blank\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def boilerplate_ranges(text: str) -> list[Range]:
    """Offsets of every boilerplate line (and banner paragraph) in the text, sorted, merged."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = ""  # offsets must hold: search the text itself, and miss odd-cased banners
    edges = [list(_edge_lines(text, start, end)) for start, end in _pages(text)]
    sigs = [[_sig(text[start:end]) for start, end in page] for page in edges]
    repeated = _repeated(sigs)
    found = _page_number_lines(text, lowered)
    for page, page_sigs in zip(edges, sigs, strict=True):
        for (start, end), sig in zip(page, page_sigs, strict=True):
            if sig in repeated or _PAGE_NUMBER_AT_EDGE.match(text[start:end]):
                found.append((start, end))
    found.extend(_banners(text, lowered or text))
    return merge_ranges(found)


def _page_number_lines(text: str, lowered: str) -> list[Range]:
    """The lines that read "Page 3" or "Page 3 of 9" anywhere on a page.

    Only lines holding "page" can match, so the pattern is tried at the start of those lines
    alone rather than at every offset of the text.
    """
    if not lowered:
        return [m.span() for m in _PAGE_NUMBER_ANYWHERE.finditer(text)]
    found: list[Range] = []
    at = lowered.find("page")
    while at != -1:
        match = _PAGE_NUMBER_ANYWHERE.match(text, text.rfind("\n", 0, at) + 1)
        if match:
            found.append(match.span())
        line_end = text.find("\n", at)
        at = lowered.find("page", line_end) if line_end != -1 else -1
    return found


def merge_ranges(ranges: list[Range]) -> list[Range]:
    """Sort ranges and join the ones that overlap or touch."""
    merged: list[Range] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _pages(text: str) -> Iterator[Range]:
    """The (start, end) of each page."""
    start = 0
    while (end := text.find("\f", start)) != -1:
        yield start, end
        start = end + 1
    yield start, len(text)


def _edge_lines(text: str, start: int, end: int) -> Iterator[Range]:
    """The first and last few non-blank lines of the page from `start` to `end`."""
    seen: set[Range] = set()
    for line in (*_lines_forward(text, start, end), *_lines_backward(text, start, end)):
        if line not in seen:
            seen.add(line)
            yield line


def _lines_forward(text: str, start: int, end: int) -> list[Range]:
    lines: list[Range] = []
    while start < end and len(lines) < _EDGE_LINES:
        stop = text.find("\n", start, end)
        stop = end if stop == -1 else stop
        if text[start:stop].strip():
            lines.append((start, stop))
        start = stop + 1
    return lines


def _lines_backward(text: str, start: int, end: int) -> list[Range]:
    lines: list[Range] = []
    while end > start and len(lines) < _EDGE_LINES:
        begin = text.rfind("\n", start, end) + 1
        begin = max(begin, start)
        if text[begin:end].strip():
            lines.append((begin, end))
        end = begin - 1
    return lines


def _sig(line: str) -> str:
    """A line's shape with digits and spacing ignored, so "Page 3" and "Page 4" look alike."""
    return _DIGITS.sub("#", " ".join(line.lower().split()))


def _repeated(sigs: list[list[str]]) -> set[str]:
    """Edge lines (by signature, page by page) that recur on enough pages to be running
    headers or footers."""
    if len(sigs) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in sigs:
        counts.update(set(page))
    needed = max(2, int(0.3 * len(sigs)))
    return {sig for sig, count in counts.items() if count >= needed and sig}


def _banners(text: str, lowered: str) -> Iterator[Range]:
    """The paragraphs holding a line that reads like a web page's cookie banner (`lowered` is
    the text in lower case, or the text itself where lowering would move offsets)."""
    for hint in _BANNER_HINTS:
        at = lowered.find(hint)
        while at != -1:
            start = max(text.rfind("\n", 0, at), text.rfind("\f", 0, at)) + 1
            ends = [i for i in (text.find("\n", at), text.find("\f", at)) if i != -1]
            end = min(ends, default=len(text))
            if _BANNER.search(text[start:end]):
                yield _paragraph(text, start, end)
            at = lowered.find(hint, end)


def _paragraph(text: str, start: int, end: int) -> Range:
    """The blank-line delimited paragraph around `start` to `end`."""
    before = max(text.rfind("\n\n", 0, start), text.rfind("\f", 0, start))
    after = [i for i in (text.find("\n\n", end), text.find("\f", end)) if i != -1]
    return (before + 1 if before >= 0 else 0), min(after, default=len(text))
