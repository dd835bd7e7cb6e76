"""Two releases compared, and cut into blocks that face each other on screen.

The comparison lists only the changes; the text between two changes is the same in both releases,
so it faces itself. A change missing one side (added, removed) is placed on that side where the
text before it ends:

    A: ....same....|withheld text|....same....
    B: ....same....|[REDACTED]   |....same....
        block 0      block 1 (change 0)   block 2
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from redactview.model import PAGE_SEPARATOR, Change, Comparison

if TYPE_CHECKING:
    from redactview.align import Release
    from redactview.align.result import DiffResult
    from redactview.tui.state import DocumentState

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


@dataclass(frozen=True, slots=True)
class CompareSide:
    """One release to compare: its file, the password to open it, and the library's scan of it.

    `scanned` is used only while the file still has the sha256 it had when it was scanned.
    """

    path: str
    password: str | None = field(default=None, repr=False)
    scanned: Release | None = field(default=None, repr=False)


def compare_sides(side_a: CompareSide, side_b: CompareSide) -> CompareResult:
    """Compare two releases, scanning only those without an up-to-date scan (slow: run it in
    a child process)."""
    from redactview.align.result import diff_releases

    release_a, release_b = release_of(side_a), release_of(side_b)
    diff = diff_releases([release_a, release_b])
    return CompareResult(diff.comparisons[0], release_a.text, release_b.text, diff)


def release_of(side: CompareSide) -> Release:
    """The side's scan when the file has not changed since, else the file loaded and scanned."""
    from redactview.align import load_release
    from redactview.loaders import LoadOptions

    if side.scanned is not None and has_digest(side.path, side.scanned.info.sha256):
        return side.scanned
    return load_release(side.path, LoadOptions(password=side.password))


def has_digest(path: str, sha256: str) -> bool:
    """Whether the file at `path` can be read and its bytes still have this sha256."""
    from redactview.loaders import sha256_of

    try:
        return bool(sha256) and sha256_of(path) == sha256
    except OSError:
        return False  # gone or unreadable: loading it again says why


def scanned_release(state: DocumentState) -> Release | None:
    """The release a finished library scan amounts to, as `load_release` would build it."""
    from redactview.align import release_from_text

    info, report = state.info, state.report
    if info is None or report is None or len(state.pages) != info.page_count:
        return None
    text = PAGE_SEPARATOR.join(page.text for page in state.pages)
    release = release_from_text(text, report.redactions, info.path, report.exemptions_cited)
    return replace(release, info=info, page_starts=tuple(page.start for page in state.pages))


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


@dataclass(frozen=True, slots=True)
class Group:
    """Stretches of A and B shown facing each other: whole lines, with the changes inside them.

    Groups end where the same text in both releases reaches a line break, so a change sits in
    its sentence instead of on a row of its own:

        A: Present: the Fleet Manager, |Tobias Wren|.
        B: Present: the Fleet Manager, |[REDACTED]|.
    """

    a: Span
    b: Span
    changes: tuple[int, ...] = ()


def build_groups(blocks: list[Block], text_a: str, text_b: str) -> list[Group]:
    """Gather blocks into groups that start and end at line breaks of the unchanged text."""
    groups: list[Group] = []
    start_a = start_b = 0
    changes: list[int] = []
    for block in blocks:
        if block.change is not None:
            changes.append(block.change)
            continue
        split = _split_at_breaks(block, text_a, text_b)
        if split is None:
            continue  # no line break on one side: the line goes on
        head_end, middle, tail_start = split
        groups.append(Group((start_a, head_end[0]), (start_b, head_end[1]), tuple(changes)))
        if middle.a[0] < middle.a[1] or middle.b[0] < middle.b[1]:
            groups.append(Group(middle.a, middle.b))
        start_a, start_b = tail_start
        changes = []
    if changes or start_a < len(text_a) or start_b < len(text_b):
        groups.append(Group((start_a, len(text_a)), (start_b, len(text_b)), tuple(changes)))
    return groups


def _split_at_breaks(
    block: Block, text_a: str, text_b: str
) -> tuple[tuple[int, int], Block, tuple[int, int]] | None:
    """Where the unchanged block's first line ends, its middle lines, and its last line starts."""
    first_a, last_a = _breaks(text_a, *block.a)
    first_b, last_b = _breaks(text_b, *block.b)
    if first_a is None or first_b is None or last_a is None or last_b is None:
        return None
    middle = Block((first_a + 1, last_a + 1), (first_b + 1, last_b + 1))
    return (first_a + 1, first_b + 1), middle, (last_a + 1, last_b + 1)


def _breaks(text: str, start: int, end: int) -> tuple[int | None, int | None]:
    """The first and the last line or page break in text[start:end], if any."""
    found = [i for i in (text.find("\n", start, end), text.find("\f", start, end)) if i >= 0]
    if not found:
        return None, None
    return min(found), max(text.rfind("\n", start, end), text.rfind("\f", start, end))
