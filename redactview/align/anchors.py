"""Line two token sequences up by their unique words first, so cost stays near linear.

Patience alignment: words that occur exactly once in each side's range are anchors; the longest
chain of anchors in the same order on both sides fixes the alignment, and each stretch between
two anchors is aligned the same way on its own. Common prefixes and suffixes are matched before
looking for anchors. What is left with no anchor at all is a gap for the character-level diff.

    A:  the  minutes  of  [12 May]  ...  Smith   agreed  ...
             |                            |
    B:  the  minutes  of  [12 May]  ...  Smith   ██████  ...
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Op:
    """A step of the alignment: "equal", "delete", "insert" or "replace" over token ranges."""

    tag: str
    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int


def align_tokens(a: list[str], b: list[str]) -> list[Op]:
    """Equal runs and unaligned gaps ("replace", or "delete"/"insert" when one side is empty)."""
    ops: list[Op] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        a_lo, a_hi, b_lo, b_hi = stack.pop()
        ops.extend(_align_range(a, b, a_lo, a_hi, b_lo, b_hi, stack))
    ops.sort(key=lambda op: (op.a_lo, op.b_lo, op.a_hi, op.b_hi))
    return ops


def _align_range(
    a: list[str],
    b: list[str],
    a_lo: int,
    a_hi: int,
    b_lo: int,
    b_hi: int,
    stack: list[tuple[int, int, int, int]],
) -> list[Op]:
    """Settle what can be settled in one range now; push sub-ranges between anchors to `stack`."""
    ops: list[Op] = []
    start = a_lo
    while a_lo < a_hi and b_lo < b_hi and a[a_lo] == b[b_lo]:
        a_lo, b_lo = a_lo + 1, b_lo + 1
    if a_lo > start:
        ops.append(Op("equal", start, a_lo, b_lo - (a_lo - start), b_lo))
    end = a_hi
    while a_hi > a_lo and b_hi > b_lo and a[a_hi - 1] == b[b_hi - 1]:
        a_hi, b_hi = a_hi - 1, b_hi - 1
    if a_hi < end:
        ops.append(Op("equal", a_hi, end, b_hi, b_hi + (end - a_hi)))
    if a_lo == a_hi or b_lo == b_hi:
        if a_lo < a_hi or b_lo < b_hi:
            ops.append(Op(_gap_tag(a_lo, a_hi, b_lo, b_hi), a_lo, a_hi, b_lo, b_hi))
        return ops
    anchors = unique_anchors(a, b, a_lo, a_hi, b_lo, b_hi)
    if not anchors:
        ops.append(Op("replace", a_lo, a_hi, b_lo, b_hi))
        return ops
    prev_a, prev_b = a_lo, b_lo
    for i, j in anchors:
        stack.append((prev_a, i, prev_b, j))
        ops.append(Op("equal", i, i + 1, j, j + 1))
        prev_a, prev_b = i + 1, j + 1
    stack.append((prev_a, a_hi, prev_b, b_hi))
    return ops


def _gap_tag(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> str:
    if a_lo == a_hi:
        return "insert"
    return "delete" if b_lo == b_hi else "replace"


def unique_anchors(
    a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int
) -> list[tuple[int, int]]:
    """Pairs (i, j) of words unique on both sides, the longest chain in the same order."""
    count_a = Counter(a[a_lo:a_hi])
    count_b = Counter(b[b_lo:b_hi])
    where_b = {b[j]: j for j in range(b_lo, b_hi) if count_b[b[j]] == 1 and count_a[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(a_lo, a_hi) if a[i] in where_b]
    return longest_chain(pairs)


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of `pairs` (sorted by i) whose j also increase (patience sort)."""
    tails: list[int] = []  # tails[k]: the smallest j ending a chain of length k + 1
    tail_index: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[k] = j
            tail_index[k] = index
        back.append(tail_index[k - 1] if k else -1)
    chain: list[tuple[int, int]] = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = back[index]
    return chain[::-1]
