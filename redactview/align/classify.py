"""Name each change block: withheld, revealed, both_redacted, added, removed or changed.

A marker on one side facing words on the other is a redaction difference, never an edit; words
that differ only as OCR misreads them (a letter or so in ten, with the same figures) are no change.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from redactview.align.anchors import Op
from redactview.align.blocks import SAME
from redactview.align.normalise import MARKER_KEY, Tokens
from redactview.align.release import Release
from redactview.model import Change, ChangeType, Passage, Redaction, RedactionRef

_LEADING = "£$€¥#"  # signs that belong to the figure after them
_TRAILING = "%"
_SENTENCE_END = ".!?)]\"'”’"


@dataclass(frozen=True, slots=True)
class Side:
    """One release and its tokens."""

    release: Release
    tokens: Tokens

    def passage(self, lo: int, hi: int, sentence: bool = False) -> Passage | None:
        """The text under tokens `lo` to `hi` (with a currency sign or % beside the words, and the
        closing full stop when `sentence`), or None for an empty range."""
        if lo >= hi:
            return None
        text = self.release.text
        start, end = self.tokens.span(lo, hi)
        if self.tokens.redaction[lo] < 0:
            while start > 0 and text[start - 1] in _LEADING:
                start -= 1
        if self.tokens.redaction[hi - 1] < 0:
            trailing = _TRAILING + _SENTENCE_END if sentence else _TRAILING
            while end < len(text) and text[end] in trailing:
                end += 1
        return self.release.passage(start, end)

    def markers(self, lo: int, hi: int) -> list[int]:
        """Indexes of the marker tokens between `lo` and `hi`."""
        return [i for i in range(lo, hi) if self.tokens.keys[i] == MARKER_KEY]

    def ref(self, token: int) -> RedactionRef:
        """The redaction a marker token stands for."""
        redaction = self.release.redactions[self.tokens.redaction[token]]
        return redaction_ref(redaction, self.release.text)


def redaction_ref(redaction: Redaction, text: str) -> RedactionRef:
    """What a change reports about a redaction: its kind, marker and exemption; a box, with no
    text of its own, is shown as [box]."""
    marker = redaction.marker or text[redaction.start or 0 : redaction.end or 0].strip()
    marker = marker or f"[{redaction.kind}]"
    return RedactionRef(kind=str(redaction.kind), marker=marker, exemption=redaction.exemption)


def classify(ops: list[Op], a: Side, b: Side) -> Iterator[Change]:
    """The changes the tidied ops amount to, in document order."""
    a_marks = a.tokens.marker_positions()
    for op in ops:
        if op.tag == SAME:
            continue
        if op.tag == "equal":
            yield from _both_redacted(op, a, b, a_marks)
        else:
            change = _edit(op, a, b)
            if change is not None:
                yield change


def _both_redacted(op: Op, a: Side, b: Side, a_marks: list[int]) -> Iterator[Change]:
    """Markers matched to markers in an equal run: the text stays hidden in both."""
    first = bisect_left(a_marks, op.a_lo)
    for i in a_marks[first : bisect_left(a_marks, op.a_hi)]:
        j = op.b_lo + (i - op.a_lo)
        yield Change(ChangeType.BOTH_REDACTED, a.passage(i, i + 1), b.passage(j, j + 1), b.ref(j))


def _edit(op: Op, a: Side, b: Side) -> Change | None:
    a_marks, b_marks = a.markers(op.a_lo, op.a_hi), b.markers(op.b_lo, op.b_hi)
    a_part, b_part = a.passage(op.a_lo, op.a_hi), b.passage(op.b_lo, op.b_hi)
    if a_marks and b_marks:
        return Change(ChangeType.BOTH_REDACTED, a_part, b_part, b.ref(b_marks[0]))
    if a_marks and b_part and a_part:
        b_part = _disclosed(b, op.b_lo, op.b_hi, b_part, _char_after(a, a_part))
        return Change(ChangeType.REVEALED, a_part, b_part, a.ref(a_marks[0]))
    if b_marks and a_part and b_part:
        a_part = _disclosed(a, op.a_lo, op.a_hi, a_part, _char_after(b, b_part))
        return Change(ChangeType.WITHHELD, a_part, b_part, b.ref(b_marks[0]))
    if a_marks or b_marks:
        return Change(ChangeType.ADDED if b_part else ChangeType.REMOVED, a_part, b_part)
    return _plain_edit(op, a, b, a_part, b_part)


def _disclosed(text_side: Side, lo: int, hi: int, plain: Passage, after_marker: str) -> Passage:
    """The words facing a marker (`plain`, tokens `lo` to `hi`), with the full stop after them
    when the marker took it too (`after_marker` is the character after the marker's passage).

    A:  ... Corrie Civil Works.      B:  [Redacted - paragraph]    the stop is disclosed
    A:  ... by John Smith.           B:  ... by [REDACTED].        the stop is in both
    """
    full = text_side.passage(lo, hi, sentence=True)
    assert full is not None  # lo < hi: the block has words on this side
    return full if full.end > plain.end and after_marker != full.text[len(plain.text)] else plain


def _char_after(side: Side, passage: Passage) -> str:
    """The character just after a passage of the side's text ("" at the end)."""
    return side.release.text[passage.end : passage.end + 1]


def _plain_edit(
    op: Op, a: Side, b: Side, a_part: Passage | None, b_part: Passage | None
) -> Change | None:
    """An edit with no marker in it: words hidden behind a neighbouring marker, or an edit."""
    if b_part is None and (j := _marker_beside(op, a, b)) is not None:
        return Change(ChangeType.WITHHELD, a_part, b.passage(j, j + 1), b.ref(j))
    if a_part is None and (i := _marker_beside(op, b, a, flipped=True)) is not None:
        return Change(ChangeType.REVEALED, a.passage(i, i + 1), b_part, a.ref(i))
    if a_part is None:
        return Change(ChangeType.ADDED, None, b.passage(op.b_lo, op.b_hi, sentence=True))
    if b_part is None:
        return Change(ChangeType.REMOVED, a.passage(op.a_lo, op.a_hi, sentence=True), None)
    return Change(ChangeType.CHANGED, a_part, b_part)


def _marker_beside(op: Op, text_side: Side, other: Side, flipped: bool = False) -> int | None:
    """The other side's marker right beside words that only one side has, when both sides have
    a marker there: the other release's redaction covers these words too.

        A:  John  [R]        B:  [R      ]     "John" is withheld, under B's marker
    """
    lo, hi = (op.b_lo, op.b_hi) if flipped else (op.a_lo, op.a_hi)
    at = op.a_lo if flipped else op.b_lo
    keys, other_keys = text_side.tokens.keys, other.tokens.keys
    if lo > 0 and at > 0 and keys[lo - 1] == MARKER_KEY and other_keys[at - 1] == MARKER_KEY:
        return at - 1
    if hi < len(keys) and at < len(other_keys) and keys[hi] == MARKER_KEY == other_keys[at]:
        return at
    return None
