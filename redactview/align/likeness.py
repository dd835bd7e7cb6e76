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

    def words_in(self, los: list[int], his: list[int]) -> list[int]:
        """The unredacted words in each token range `los[k]` to `his[k]`, all at once."""
        import numpy as np

        marks = np.asarray(self.marks, dtype=np.intp)
        lo, hi = np.asarray(los, dtype=np.intp), np.asarray(his, dtype=np.intp)
        inside = np.searchsorted(marks, hi) - np.searchsorted(marks, lo)
        counts: list[int] = (hi - lo - inside).tolist()
        return counts


def likeness(ops: Sequence[Op], a: Side, b: Side) -> tuple[float, float]:
    """Similarity (0-1, both releases) and coverage (the share of the one with less unredacted
    text that the other shares), both measured on the text outside redactions."""
    wa, wb = _Weights(a), _Weights(b)
    total_a, total_b = wa.text(0, wa.size), wb.text(0, wb.size)
    if not total_a or not total_b:
        same = not total_a and not total_b and a.release.text.strip() == b.release.text.strip()
        return (1.0, 1.0) if same else (0.0, 0.0)
    kept_a, kept_b = _matched_text(ops, wa, wb, total_a, total_b)
    pins = _pins(ops, wa, wb)
    for index, op in enumerate(ops):  # pins[index] and pins[index + 2]: the ops either side
        if op.tag not in _MATCHED and pins[index] and pins[index + 2]:
            kept_a += _facing(op.a_lo, op.a_hi, wa, b, op.b_lo, op.b_hi, wb)
            kept_b += _facing(op.b_lo, op.b_hi, wb, a, op.a_lo, op.a_hi, wa)
    similarity = (kept_a + kept_b) / (total_a + total_b)
    coverage = kept_a / total_a if total_a <= total_b else kept_b / total_b
    return min(similarity, 1.0), min(coverage, 1.0)


def _matched_text(
    ops: Sequence[Op], wa: _Weights, wb: _Weights, total_a: int, total_b: int
) -> tuple[int, int]:
    """The text each side has in equal (or noise-only) ops. Ops that tile both sides, as an
    alignment's do, leave it as all the text less the edits', which are few and short."""
    edits = [op for op in ops if op.tag not in _MATCHED]
    if _tiles(ops, wa.size, wb.size):
        return (
            total_a - sum(wa.text(op.a_lo, op.a_hi) for op in edits),
            total_b - sum(wb.text(op.b_lo, op.b_hi) for op in edits),
        )
    matched = [op for op in ops if op.tag in _MATCHED]
    return (
        sum(wa.text(op.a_lo, op.a_hi) for op in matched),
        sum(wb.text(op.b_lo, op.b_hi) for op in matched),
    )


def _tiles(ops: Sequence[Op], a_size: int, b_size: int) -> bool:
    """Whether the ops run end to end over all of both sides' tokens."""
    a_at = b_at = 0
    for op in ops:
        if op.a_lo != a_at or op.b_lo != b_at:
            return False
        a_at, b_at = op.a_hi, op.b_hi
    return a_at == a_size and b_at == b_size


def _pins(ops: Sequence[Op], wa: _Weights, wb: _Weights) -> list[bool]:
    """Whether each op is matching text that pins the gap beside it (enough words on both
    sides), with a document's edge, which also pins, added at both ends: op k is at k + 1."""
    a_words = wa.words_in([op.a_lo for op in ops], [op.a_hi for op in ops])
    b_words = wb.words_in([op.b_lo for op in ops], [op.b_hi for op in ops])
    pinned = [
        op.tag in _MATCHED and a_count >= _ANCHOR and b_count >= _ANCHOR
        for op, a_count, b_count in zip(ops, a_words, b_words, strict=True)
    ]
    return [True, *pinned, True]


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
