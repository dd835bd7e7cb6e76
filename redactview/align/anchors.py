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
from typing import NamedTuple


class Op(NamedTuple):
    """A step of the alignment: "equal", "delete", "insert" or "replace" over token ranges.

    A named tuple rather than a dataclass: a long document has hundreds of thousands of them.
    """

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
    head = common_prefix(a, b, a_lo, a_hi, b_lo, b_hi)
    if head:
        ops.append(Op("equal", a_lo, a_lo + head, b_lo, b_lo + head))
        a_lo, b_lo = a_lo + head, b_lo + head
    tail = common_suffix(a, b, a_lo, a_hi, b_lo, b_hi)
    if tail:
        ops.append(Op("equal", a_hi - tail, a_hi, b_hi - tail, b_hi))
        a_hi, b_hi = a_hi - tail, b_hi - tail
    if a_lo == a_hi or b_lo == b_hi:
        if a_lo < a_hi or b_lo < b_hi:
            ops.append(Op(_gap_tag(a_lo, a_hi, b_lo, b_hi), a_lo, a_hi, b_lo, b_hi))
        return ops
    anchors = unique_anchors(a, b, a_lo, a_hi, b_lo, b_hi)
    if not anchors:
        ops.append(Op("replace", a_lo, a_hi, b_lo, b_hi))
        return ops
    prev_a, prev_b = a_lo, b_lo
    for i, j in (*anchors, (a_hi, b_hi)):
        if i - prev_a == j - prev_b and a[prev_a:i] == b[prev_b:j]:
            if i > prev_a:  # the stretch between two anchors is the same on both sides
                ops.append(Op("equal", prev_a, i, prev_b, j))
        else:
            stack.append((prev_a, i, prev_b, j))
        if i < a_hi:
            ops.append(Op("equal", i, i + 1, j, j + 1))
        prev_a, prev_b = i + 1, j + 1
    return ops


def common_prefix(a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> int:
    """How many tokens the two ranges share at their start (slices compared in doubling steps)."""
    limit = min(a_hi - a_lo, b_hi - b_lo)
    if not limit or a[a_lo] != b[b_lo]:
        return 0
    low, step = 1, 1  # a[a_lo:a_lo + low] == b[b_lo:b_lo + low] holds
    while low < limit:
        size = min(limit, low + step)
        if a[a_lo + low : a_lo + size] != b[b_lo + low : b_lo + size]:
            return low + _prefix_below(a, b, a_lo + low, b_lo + low, size - low)
        low, step = size, step * 2
    return low


def _prefix_below(a: list[str], b: list[str], i: int, j: int, size: int) -> int:
    """The shared prefix of a[i:i + size] and b[j:j + size], known to differ somewhere."""
    low, high = 0, size - 1  # the answer lies in [low, high]
    while low < high:
        middle = (low + high + 1) // 2
        if a[i : i + middle] == b[j : j + middle]:
            low = middle
        else:
            high = middle - 1
    return low


def common_suffix(a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> int:
    """How many tokens the two ranges share at their end."""
    count = 0
    limit = min(a_hi - a_lo, b_hi - b_lo)
    while count < limit and a[a_hi - 1 - count] == b[b_hi - 1 - count]:
        count += 1
    return count


def _gap_tag(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> str:
    if a_lo == a_hi:
        return "insert"
    return "delete" if b_lo == b_hi else "replace"


def unique_anchors(
    a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int
) -> list[tuple[int, int]]:
    """Pairs (i, j) of words unique on both sides, the longest chain in the same order."""
    a_part, b_part = a[a_lo:a_hi], b[b_lo:b_hi]
    once_a = {key for key, count in Counter(a_part).items() if count == 1}
    once = {key for key, count in Counter(b_part).items() if count == 1 and key in once_a}
    where_b = {key: j for j, key in enumerate(b_part, b_lo) if key in once}
    pairs = [(i, where_b[key]) for i, key in enumerate(a_part, a_lo) if key in once]
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
