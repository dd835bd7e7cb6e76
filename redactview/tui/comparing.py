"""Two releases compared, and cut into blocks that face each other on screen.

The comparison lists only the changes; the text between two changes is the same in both releases,
so it faces itself. A change missing one side (added, removed) is placed on that side where the
text before it ends:

    A: ....same....|withheld text|....same....
    B: ....same....|[REDACTED]   |....same....
        block 0      block 1 (change 0)   block 2
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from redactview.model import Change, Comparison

if TYPE_CHECKING:
    from redactview.align.result import DiffResult

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class CompareResult:
    """A comparison with the texts its passages point into; `diff` is what reports are made of."""

    comparison: Comparison
    text_a: str
    text_b: str
    diff: DiffResult | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """Stretches of A and B shown side by side; `change` indexes the comparison's changes."""

    a: Span
    b: Span
    change: int | None = None


def compare_paths(path_a: str, path_b: str, password: str | None = None) -> CompareResult:
    """Load, scan and compare two releases (slow: run it in a child process)."""
    from redactview.align import load_release
    from redactview.align.result import diff_releases
    from redactview.loaders import LoadOptions

    options = LoadOptions(password=password)
    release_a = load_release(path_a, options)
    release_b = load_release(path_b, options)
    diff = diff_releases([release_a, release_b])
    return CompareResult(diff.comparisons[0], release_a.text, release_b.text, diff)


def build_blocks(changes: tuple[Change, ...], len_a: int, len_b: int) -> list[Block]:
    """Blocks covering both texts in order: same text, then a change, and so on."""
    blocks: list[Block] = []
    at_a = at_b = 0
    for index, change in enumerate(changes):
        span_a, span_b = _spans(change, at_a, at_b, len_a, len_b)
        if span_a[0] > at_a or span_b[0] > at_b:
            blocks.append(Block((at_a, span_a[0]), (at_b, span_b[0])))
        blocks.append(Block(span_a, span_b, index))
        at_a, at_b = span_a[1], span_b[1]
    if at_a < len_a or at_b < len_b:
        blocks.append(Block((at_a, len_a), (at_b, len_b)))
    return blocks


def _spans(change: Change, at_a: int, at_b: int, len_a: int, len_b: int) -> tuple[Span, Span]:
    """The change's stretch of each text; a missing side gets an empty stretch facing it."""
    if change.a is not None:
        span_a = (max(at_a, change.a.start), max(at_a, change.a.end))
    else:
        b_start = change.b.start if change.b is not None else at_b
        start = min(len_a, at_a + max(0, b_start - at_b))  # the same text before: the same length
        span_a = (start, start)
    if change.b is not None:
        span_b = (max(at_b, change.b.start), max(at_b, change.b.end))
    else:
        start = min(len_b, at_b + max(0, span_a[0] - at_a))
        span_b = (start, start)
    return span_a, span_b
