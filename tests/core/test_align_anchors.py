"""Patience alignment of token lists: what every alignment it returns must satisfy."""

from __future__ import annotations

import itertools
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from redactview.align.anchors import align_tokens, common_prefix, common_suffix, unique_anchors

WORDS = st.lists(st.sampled_from(["the", "weir", "board", "sluice", "of", "a", "b", "c"]))


def once(keys: list[str]) -> set[str]:
    return {key for key, count in Counter(keys).items() if count == 1}


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_ops_tile_both_sides_and_equal_runs_are_equal(a: list[str], b: list[str]) -> None:
    ops = align_tokens(a, b)
    if not ops:
        assert a == b == []
        return
    assert (ops[0].a_lo, ops[0].b_lo) == (0, 0)
    for left, right in itertools.pairwise(ops):
        assert (left.a_hi, left.b_hi) == (right.a_lo, right.b_lo)
    assert (ops[-1].a_hi, ops[-1].b_hi) == (len(a), len(b))
    for op in ops:
        if op.tag == "equal":
            assert a[op.a_lo : op.a_hi] == b[op.b_lo : op.b_hi]
        assert (op.tag == "insert") == (op.a_lo == op.a_hi)
        assert (op.tag == "delete") == (op.b_lo == op.b_hi)


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_a_gap_left_unaligned_has_no_anchor_and_no_shared_edge(a: list[str], b: list[str]) -> None:
    for op in align_tokens(a, b):
        if op.tag == "replace":
            a_part, b_part = a[op.a_lo : op.a_hi], b[op.b_lo : op.b_hi]
            assert not once(a_part) & once(b_part)
            assert a_part[0] != b_part[0] and a_part[-1] != b_part[-1]


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_anchors_are_words_found_once_on_each_side_in_the_same_order(
    a: list[str], b: list[str]
) -> None:
    anchors = unique_anchors(a, b, 0, len(a), 0, len(b))
    shared = once(a) & once(b)
    assert all(a[i] == b[j] and a[i] in shared for i, j in anchors)
    assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in itertools.pairwise(anchors))
    if shared:
        assert anchors


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS, st.integers(0, 5), st.integers(0, 5))
def test_common_prefix_and_suffix_count_shared_edges(
    a: list[str], b: list[str], a_lo: int, b_lo: int
) -> None:
    a_lo, b_lo = min(a_lo, len(a)), min(b_lo, len(b))
    head = common_prefix(a, b, a_lo, len(a), b_lo, len(b))
    assert a[a_lo : a_lo + head] == b[b_lo : b_lo + head]
    assert a_lo + head == len(a) or b_lo + head == len(b) or a[a_lo + head] != b[b_lo + head]
    tail = common_suffix(a, b, a_lo, len(a), b_lo, len(b))
    assert tail <= min(len(a) - a_lo, len(b) - b_lo)
    assert a[len(a) - tail :] == b[len(b) - tail :]
    edge = tail == min(len(a) - a_lo, len(b) - b_lo)
    assert edge or a[len(a) - tail - 1] != b[len(b) - tail - 1]
