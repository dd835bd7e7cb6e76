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
from itertools import compress, islice
from operator import itemgetter, lt
from typing import NamedTuple

_ORDER = itemgetter(1, 3, 2, 4)  # ops sort by a_lo, b_lo, a_hi, b_hi
_SMALL = 64  # tokens in a range small enough to check for a shared word first


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
    ops.sort(key=_ORDER)
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
    """Settle what can be settled in one range now; push sub-ranges between anchors to `stack`.

    Equal text is returned as few runs as can be: the prefix, the anchors and the stretches
    between them that match outright form one run until a stretch that differs breaks it.
    """
    head = common_prefix(a, b, a_lo, a_hi, b_lo, b_hi)
    tail = common_suffix(a, b, a_lo + head, a_hi, b_lo + head, b_hi)
    lo_a, lo_b, hi_a, hi_b = a_lo + head, b_lo + head, a_hi - tail, b_hi - tail
    anchors: list[tuple[int, int]] = []
    if lo_a < hi_a and lo_b < hi_b:
        anchors = unique_anchors(a, b, lo_a, hi_a, lo_b, hi_b)
    if not anchors:
        gap = [Op(_gap_tag(lo_a, hi_a, lo_b, hi_b), lo_a, hi_a, lo_b, hi_b)]
        parts = [Op("equal", a_lo, lo_a, b_lo, lo_b), *gap, Op("equal", hi_a, a_hi, hi_b, b_hi)]
        return [op for op in parts if op.a_lo < op.a_hi or op.b_lo < op.b_hi]
    ops: list[Op] = []
    run_a, run_b = a_lo, b_lo  # where the equal run being built starts
    prev_a, prev_b = lo_a, lo_b
    for i, j in (*anchors, (hi_a, hi_b)):
        if i - prev_a != j - prev_b or a[prev_a:i] != b[prev_b:j]:
            if run_a < prev_a:
                ops.append(Op("equal", run_a, prev_a, run_b, prev_b))
            stack.append((prev_a, i, prev_b, j))
            run_a, run_b = i, j
        prev_a, prev_b = i + 1, j + 1
    if run_a < a_hi:
        ops.append(Op("equal", run_a, a_hi, run_b, b_hi))
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
    """How many tokens the two ranges share at their end (slices compared in doubling steps)."""
    limit = min(a_hi - a_lo, b_hi - b_lo)
    if not limit or a[a_hi - 1] != b[b_hi - 1]:
        return 0
    low, step = 1, 1  # the last `low` tokens of both ranges are the same
    while low < limit:
        size = min(limit, low + step)
        if a[a_hi - size : a_hi - low] != b[b_hi - size : b_hi - low]:
            return low + _suffix_below(a, b, a_hi - low, b_hi - low, size - low)
        low, step = size, step * 2
    return low


def _suffix_below(a: list[str], b: list[str], i: int, j: int, size: int) -> int:
    """The shared suffix of a[i - size:i] and b[j - size:j], known to differ somewhere."""
    low, high = 0, size - 1  # the answer lies in [low, high]
    while low < high:
        middle = (low + high + 1) // 2
        if a[i - middle : i] == b[j - middle : j]:
            low = middle
        else:
            high = middle - 1
    return low


def _gap_tag(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> str:
    if a_lo == a_hi:
        return "insert"
    return "delete" if b_lo == b_hi else "replace"


def unique_anchors(
    a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int
) -> list[tuple[int, int]]:
    """Pairs (i, j) of words unique on both sides, the longest chain in the same order."""
    a_part, b_part = a[a_lo:a_hi], b[b_lo:b_hi]
    if len(a_part) + len(b_part) <= _SMALL and set(a_part).isdisjoint(b_part):
        return []  # most ranges left at the end are a few words facing other words
    once = _once(a_part)
    once.intersection_update(_once(b_part))
    if not once:
        return []
    # Keep the words found once on both sides, with their indexes, in C-level passes.
    a_kept, b_kept = list(map(once.__contains__, a_part)), list(map(once.__contains__, b_part))
    where_b = dict(zip(compress(b_part, b_kept), compress(range(b_lo, b_hi), b_kept), strict=True))
    b_index = map(where_b.__getitem__, compress(a_part, a_kept))
    return longest_chain(list(zip(compress(range(a_lo, a_hi), a_kept), b_index, strict=True)))


def _once(keys: list[str]) -> set[str]:
    """The keys that occur exactly once."""
    counts: Counter[str] = Counter()
    counts.update(keys)
    return {key for key, count in counts.items() if count == 1}


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of `pairs` (sorted by i) whose j also increase (patience sort)."""
    js = [j for _, j in pairs]
    if all(map(lt, js, islice(js, 1, None))):
        return pairs  # already in order on both sides: the common case, all of it is the chain
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
