"""Where exemption codes can be: short windows of a page around anchors every code holds.

The code patterns in `exemptions.py` are slow to run over a whole page (they start with common
letters and check what comes before them). A few quick passes find the anchors; the code patterns
then search only the windows around them, and find exactly what a search of the whole page
would: every match lies inside one window, and lookbehinds still see the text before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Windows = list[tuple[int, int]]  # sorted, disjoint (start, end) stretches of a text

# Codes are searched for only near anchors that every code holds. A UK or EIR code's two-digit
# number comes straight after its prefix (`section`, `sections`, `s.`, `s`, `regs`, `reg`,
# `reg.`, `r.`), maybe after up to three spaces (OCR spreads words out): after its last letter
# (any case) or its dot. A US code holds `b(`, `b)` or `b` and a digit (the `B` pattern is
# separate so that both start with a plain character, which the regex engine skips ahead to
# quickly). A code's match starts at most 15 characters before its number (`regulations   12`)
# and ends at most 40 after it (four sub-sections): the margins below hold any match whole.
# The long s (`ſ`, an `s` to a case-blind pattern) has its own pattern, run only on a page that
# holds one: in the common one a class of Latin-1 characters is tested faster.
_NUMBERS = (re.compile(r"[nNsSgG.]\s{0,3}\d\d"),)
_LONG_S_NUMBERS = (*_NUMBERS, re.compile(r"\u017f\s{0,3}\d\d"))
_US_MARKS = (re.compile(r"b[()1-9]"), re.compile(r"B[()1-9]"))
_REACH_BEFORE, _REACH_AFTER = 18, 64


def code_windows(text: str) -> tuple[Windows, Windows]:
    """Stretches of `text` that can hold a UK or EIR code, and those that can hold a US one."""
    numbers = _LONG_S_NUMBERS if "\u017f" in text else _NUMBERS
    return _anchored(text, numbers), _anchored(text, _US_MARKS)


def whole_text(text: str) -> tuple[Windows, Windows]:
    """The whole text as the one window for every kind of code (a short label or cell)."""
    return [(0, len(text))], [(0, len(text))]


def _anchored(text: str, anchors: tuple[re.Pattern[str], ...]) -> Windows:
    """Merged windows around every match of the anchors."""
    found = [m.span() for pattern in anchors for m in pattern.finditer(text)]
    if len(anchors) > 1:
        found.sort()  # one pattern's matches come in order already
    windows: Windows = []
    for first, last in found:
        _widen(windows, first, last)
    return windows


def _widen(windows: Windows, first: int, last: int) -> None:
    """Add the window around `first:last` to sorted windows, merged with the last when they meet."""
    start, end = max(0, first - _REACH_BEFORE), last + _REACH_AFTER
    if windows and start <= windows[-1][1]:
        windows[-1] = (windows[-1][0], end)
    else:
        windows.append((start, end))


def matches_in(pattern: re.Pattern[str], text: str, windows: Windows) -> Iterator[re.Match[str]]:
    """The pattern's matches inside the windows (lookbehinds still see the text before them)."""
    for start, end in windows:
        yield from pattern.finditer(text, start, end)
