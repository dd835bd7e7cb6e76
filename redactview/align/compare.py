"""Compare two releases of one document: the pipeline from texts to a Comparison."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from redactview.align.anchors import Op, align_tokens
from redactview.align.blocks import bridge_edits, settle_noise, tidy_ops
from redactview.align.boilerplate import boilerplate_ranges
from redactview.align.classify import Side, classify
from redactview.align.gaps import resolve_gap
from redactview.align.likeness import likeness
from redactview.align.markers import marker_spans
from redactview.align.normalise import tokenise
from redactview.align.release import Release
from redactview.align.wildcard import refine_markers
from redactview.model import Change, ChangeType, Comparison

RELATED = 0.3  # below this share of the less-disclosed release in common: not one document


def compare(a: Release, b: Release) -> Comparison:
    """Align release `b` to release `a` and list every change between them."""
    a_side, b_side = side_of(a), side_of(b)
    ops = align_sides(a_side, b_side)
    changes = list(classify(ops, a_side, b_side))
    similarity, coverage = likeness(ops, a_side, b_side)
    related = coverage >= RELATED
    kept = tuple(changes) if related else ()
    return Comparison(a.info, b.info, kept, count_changes(kept), round(similarity, 4), related)


def side_of(release: Release) -> Side:
    """A release with its tokens: boilerplate left out, redactions as markers."""
    skip = boilerplate_ranges(release.text)
    return Side(release, tokenise(release.text, marker_spans(release), skip))


def align_sides(a: Side, b: Side) -> list[Op]:
    """The tidied alignment of two sides' tokens, gaps resolved passage by passage."""
    ops: list[Op] = []
    for op in align_tokens(a.tokens.keys, b.tokens.keys):
        if op.tag == "replace":
            ops.extend(resolve_gap(op, a.tokens, b.tokens, a.release.text, b.release.text))
        else:
            ops.append(op)
    a_keys, b_keys = a.tokens.keys, b.tokens.keys
    ops = bridge_edits(settle_noise(tidy_ops(ops), a_keys, b_keys), a_keys, b_keys)
    return settle_noise(refine_markers(ops, a, b), a_keys, b_keys)


def count_changes(changes: Sequence[Change]) -> dict[str, int]:
    """How many changes there are of each type, every type listed."""
    counts = Counter(str(change.type) for change in changes)
    return {str(kind): counts.get(str(kind), 0) for kind in ChangeType}
