"""Align the words around markers, a marker standing for any run of the other side's words.

An edit block holding markers is realigned with a small dynamic programme in which a marker may
face several words at a low cost per word, match a marker, or face nothing:

    A:  Gemobuhe  [R]     canatofa  vekebi mefi  nabifamo
    B:  Gemobuhe  vekebi  canatofa  [█         ]  nabifamo
                  revealed          withheld

Words match only when their keys are equal; whatever is left is an ordinary delete or insert.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from redactview.align.anchors import Op
from redactview.align.classify import Side
from redactview.align.normalise import MARKER_KEY

FACE_COST = 0.3  # per word a marker faces; a word left unmatched costs 1
MAX_BLOCK = 200  # tokens a side: larger blocks keep their plain classification
MAX_FACE = 120  # the most words one marker may face
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NEAR = 3  # edits this few equal words apart are realigned as one stretch
_INF = float("inf")


def refine_markers(ops: list[Op], a: Side, b: Side) -> list[Op]:
    """Every stretch of edits that holds a marker, realigned so each marker faces its own words.

    Edits only a few equal words apart are realigned together, as the first alignment may have
    matched a word on the wrong side of a marker.
    """
    out: list[Op] = []
    for group in _groups(ops):
        window = Op("window", group[0].a_lo, group[-1].a_hi, group[0].b_lo, group[-1].b_hi)
        small = window.a_hi - window.a_lo <= MAX_BLOCK and window.b_hi - window.b_lo <= MAX_BLOCK
        if group[0].tag != "equal" and small and _has_marker(window, a.tokens.keys, b.tokens.keys):
            out.extend(face_markers(window, a, b))
        else:
            out.extend(group)
    return out


def _groups(ops: list[Op]) -> Iterator[list[Op]]:
    """Runs of edits joined by short equal runs; every other op alone."""
    index = 0
    while index < len(ops):
        group = [ops[index]]
        index += 1
        while group[0].tag != "equal" and index + 1 < len(ops):
            between, after = ops[index], ops[index + 1]
            if between.a_hi - between.a_lo > _NEAR or after.tag == "equal":
                break
            group.extend((between, after))
            index += 2
        yield group


def face_markers(op: Op, a_side: Side, b_side: Side) -> list[Op]:
    """The block's cheapest alignment as ops; a marker facing words is one "replace" op."""
    if _lone_marker(op.a_lo, op.a_hi, a_side, op.b_lo, op.b_hi, b_side) or _lone_marker(
        op.b_lo, op.b_hi, b_side, op.a_lo, op.a_hi, a_side
    ):
        return [Op("replace", op.a_lo, op.a_hi, op.b_lo, op.b_hi)]
    return programme_ops(op, a_side, b_side)


def programme_ops(op: Op, a_side: Side, b_side: Side) -> list[Op]:
    """The block's cheapest alignment as ops, from the dynamic programme itself."""
    a = _Words(a_side.tokens.keys[op.a_lo : op.a_hi], _paragraphs(a_side, op.a_lo, op.a_hi))
    b = _Words(b_side.tokens.keys[op.b_lo : op.b_hi], _paragraphs(b_side, op.b_lo, op.b_hi))
    back = _programme(a, b)
    steps: list[tuple[str, int, int, int, int]] = []
    i, j = len(a.keys), len(b.keys)
    while i or j:
        pi, pj, tag = back[i][j]
        steps.append((tag, pi, i, pj, j))
        i, j = pi, pj
    steps.reverse()
    return _ops_from_steps(steps, op.a_lo, op.b_lo)


def _lone_marker(lo: int, hi: int, side: Side, o_lo: int, o_hi: int, other: Side) -> bool:
    """Whether the block is one marker facing one paragraph of words, no more than a marker may
    face: the programme's answer is then known, the marker faces them all (cheaper, at
    FACE_COST a word, than leaving any of them out at 1)."""
    if hi - lo != 1 or side.tokens.keys[lo] != MARKER_KEY or not 0 < o_hi - o_lo <= MAX_FACE:
        return False
    tokens = other.tokens
    if MARKER_KEY in tokens.keys[o_lo:o_hi]:
        return False
    # Words hold no blank line, so one search over the span finds any between two of them.
    text = other.release.text
    return _BLANK_LINE.search(text, tokens.ends[o_lo], tokens.starts[o_hi - 1]) is None


class _Words(NamedTuple):
    """A block's keys, and the indexes at which a new paragraph starts."""

    keys: list[str]
    breaks: frozenset[int]


def _paragraphs(side: Side, lo: int, hi: int) -> frozenset[int]:
    """Where a paragraph starts (after a blank line) among tokens `lo` to `hi`, counted from `lo`.

    A page break is not a paragraph break: paragraphs run on over pages.
    """
    text, starts, ends = side.release.text, side.tokens.starts, side.tokens.ends
    return frozenset(
        index - lo
        for index in range(lo + 1, hi)
        if _BLANK_LINE.search(text, ends[index - 1], starts[index])
    )


def _programme(a: _Words, b: _Words) -> list[list[tuple[int, int, str]]]:
    """Back-pointers of the cheapest alignment of `a` with `b`.

    Each cell relaxes its moves in a fixed order (equal, delete, insert, a marker in A facing
    words, a marker in B facing words); a later move wins only when strictly cheaper.
    """
    n, m = len(a.keys), len(b.keys)
    cost = [[_INF] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, str]]] = [[(0, 0, "")] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    b_keys: list[str | None] = [*b.keys, None]
    for i in range(n + 1):
        row, back_row = cost[i], back[i]
        a_key = a.keys[i] if i < n else None
        for j in range(m + 1):
            here = row[j]
            if here == _INF:
                continue
            if a_key is not None:
                below, back_below = cost[i + 1], back[i + 1]
                if a_key == b_keys[j] and here < below[j + 1]:
                    below[j + 1] = here
                    back_below[j + 1] = (i, j, "equal")
                if here + 1.0 < below[j]:
                    below[j] = here + 1.0
                    back_below[j] = (i, j, "delete")
            if j < m and here + 1.0 < row[j + 1]:
                row[j + 1] = here + 1.0
                back_row[j + 1] = (i, j, "insert")
            if a_key == MARKER_KEY:
                for t in _faced(b, j):
                    _relax(cost, back, i + 1, j + t, here + FACE_COST * t, (i, j, "face"))
            if b_keys[j] == MARKER_KEY:
                for t in _faced(a, i):
                    _relax(cost, back, i + t, j + 1, here + FACE_COST * t, (i, j, "face"))
    return back


def _relax(
    cost: list[list[float]],
    back: list[list[tuple[int, int, str]]],
    i: int,
    j: int,
    value: float,
    step: tuple[int, int, str],
) -> None:
    """Take the move to (i, j) when it is strictly cheaper than what is there."""
    if value < cost[i][j]:
        cost[i][j] = value
        back[i][j] = step


def _faced(words: _Words, start: int) -> Iterator[int]:
    """How many words from `start` a marker may face: 1, 2, ... up to the next marker or the
    end of the paragraph (words after it are added or removed, not hidden)."""
    t = 0
    keys = words.keys
    while start + t < len(keys) and t < MAX_FACE and keys[start + t] != MARKER_KEY:
        t += 1
        yield t
        if start + t in words.breaks:
            return


def _ops_from_steps(steps: list[tuple[str, int, int, int, int]], a0: int, b0: int) -> list[Op]:
    """Steps as ops in document offsets: equal runs joined, a delete and insert side by side
    joined into one plain "replace", each marker facing words its own "replace"."""
    ops: list[Op] = []
    for tag, a_lo, a_hi, b_lo, b_hi in steps:
        op = Op(tag, a0 + a_lo, a0 + a_hi, b0 + b_lo, b0 + b_hi)
        last = ops[-1] if ops else None
        if last is not None and tag != "face" and last.tag != "face" and _joinable(last, op):
            tag = "equal" if tag == "equal" else _edit(last.a_lo, op.a_hi, last.b_lo, op.b_hi)
            ops[-1] = Op(tag, last.a_lo, op.a_hi, last.b_lo, op.b_hi)
        else:
            ops.append(op)
    return [Op("replace", *_range(op)) if op.tag == "face" else op for op in ops]


def _joinable(last: Op, op: Op) -> bool:
    return (last.tag == "equal") == (op.tag == "equal")


def _edit(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> str:
    if a_lo == a_hi:
        return "insert"
    return "delete" if b_lo == b_hi else "replace"


def _range(op: Op) -> tuple[int, int, int, int]:
    return op.a_lo, op.a_hi, op.b_lo, op.b_hi


def _has_marker(op: Op, a_keys: list[str], b_keys: list[str]) -> bool:
    return MARKER_KEY in a_keys[op.a_lo : op.a_hi] or MARKER_KEY in b_keys[op.b_lo : op.b_hi]
