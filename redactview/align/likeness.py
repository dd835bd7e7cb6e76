"""How alike two releases are, measured on the text outside redactions.

Similarity is the anchored text the releases share over all their unredacted text. Words facing a
marker count as shared only when the gap is anchored on matching text on both sides, the other
side holds nothing but markers there, and the markers could hold that much text:

    A:  ... the contract with Lena Quarrie for the ...     shared: a name under a name-sized box
    B:  ... the contract with ████████████ for the ...

    A:  800 characters of council minutes                  not shared: a (b)(6) among other words
    B:  a memo about a lock, with (b)(6) in it             is no evidence the two are one text
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from redactview.align.anchors import Op
from redactview.align.blocks import SAME
from redactview.align.classify import Side
from redactview.align.normalise import MARKER_KEY

_ANCHOR = 2  # words of matching text either side that pin a gap facing a marker
_SLACK = 4  # characters a length estimate may be off by, whatever its size
_RATIO = 1.5  # and the share it may be off by
_MATCHED = ("equal", SAME)


class _Weights:
    """One side's unredacted text and words over any token range, summed at C speed on demand
    (a prefix sum over every token would cost more than all the lookups together)."""

    def __init__(self, side: Side) -> None:
        self.keys = side.tokens.keys
        self.marks = side.tokens.marker_positions()
        self.size = len(self.keys)

    def text(self, lo: int, hi: int) -> int:
        # A marker key is one character long: take one off per marker in the range.
        return sum(map(len, self.keys[lo:hi])) - self._markers(lo, hi)

    def count(self, lo: int, hi: int) -> int:
        return hi - lo - self._markers(lo, hi)

    def _markers(self, lo: int, hi: int) -> int:
        return bisect_left(self.marks, hi) - bisect_left(self.marks, lo)


def likeness(ops: Sequence[Op], a: Side, b: Side) -> tuple[float, float]:
    """Similarity (0-1, both releases) and coverage (the share of the one with less unredacted
    text that the other shares), both measured on the text outside redactions."""
    wa, wb = _Weights(a), _Weights(b)
    total_a, total_b = wa.text(0, wa.size), wb.text(0, wb.size)
    if not total_a or not total_b:
        same = not total_a and not total_b and a.release.text.strip() == b.release.text.strip()
        return (1.0, 1.0) if same else (0.0, 0.0)
    kept_a = kept_b = 0
    for index, op in enumerate(ops):
        if op.tag in _MATCHED:
            kept_a += wa.text(op.a_lo, op.a_hi)
            kept_b += wb.text(op.b_lo, op.b_hi)
        elif _anchored(ops, index, wa, wb):
            kept_a += _facing(op.a_lo, op.a_hi, wa, b, op.b_lo, op.b_hi, wb)
            kept_b += _facing(op.b_lo, op.b_hi, wb, a, op.a_lo, op.a_hi, wa)
    similarity = (kept_a + kept_b) / (total_a + total_b)
    coverage = kept_a / total_a if total_a <= total_b else kept_b / total_b
    return min(similarity, 1.0), min(coverage, 1.0)


def _anchored(ops: Sequence[Op], index: int, wa: _Weights, wb: _Weights) -> bool:
    """Whether the gap at `index` sits between matching text (or a document's edge) both sides."""
    return _anchor(ops, index - 1, wa, wb) and _anchor(ops, index + 1, wa, wb)


def _anchor(ops: Sequence[Op], index: int, wa: _Weights, wb: _Weights) -> bool:
    if index < 0 or index >= len(ops):
        return True
    op = ops[index]
    return (
        op.tag in _MATCHED
        and wa.count(op.a_lo, op.a_hi) >= _ANCHOR
        and wb.count(op.b_lo, op.b_hi) >= _ANCHOR
    )


def _facing(
    lo: int, hi: int, weights: _Weights, other: Side, o_lo: int, o_hi: int, o_weights: _Weights
) -> int:
    """The text in tokens `lo`-`hi` that counts as shared: all of it when the other side has only
    markers there and they could hold it, else none."""
    text = weights.text(lo, hi)
    marks = [i for i in range(o_lo, o_hi) if other.tokens.keys[i] == MARKER_KEY]
    if not text or not marks or o_weights.count(o_lo, o_hi):
        return 0
    return text if _room(other, marks, text) else 0


def _room(side: Side, marks: list[int], text: int) -> bool:
    """Whether markers whose size is known could hold `text` characters; unknown sizes could."""
    estimates = [side.release.redactions[side.tokens.redaction[i]].est_chars for i in marks]
    if any(estimate is None for estimate in estimates):
        return True
    room = sum(estimate or 0 for estimate in estimates)
    return room / _RATIO - _SLACK <= text <= room * _RATIO + _SLACK
