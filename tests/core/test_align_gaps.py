"""The word diff inside a gap: diff-match-patch's answer exactly, words shared or not."""

from __future__ import annotations

from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from redactview.align.anchors import Op
from redactview.align.gaps import diff_tokens
from redactview.align.normalise import MARKER_KEY

KEYS = st.lists(st.sampled_from(["weir", "board", "sluice", "tarn", MARKER_KEY]), min_size=1)


def reference_ops(a: list[str], b: list[str], a_lo: int, b_lo: int) -> list[Op]:
    """The ops read straight off diff-match-patch, each distinct word coded as one character."""
    codes: dict[str, str] = {}
    a_code = "".join(codes.setdefault(k, chr(0x100 + len(codes))) for k in a)
    b_code = "".join(codes.setdefault(k, chr(0x100 + len(codes))) for k in b)
    engine = diff_match_patch()
    engine.Diff_Timeout = 2.0
    ops, i, j = [], a_lo, b_lo
    for sign, chunk in engine.diff_main(a_code, b_code, False):
        size = len(chunk)
        di, dj = (size, size) if sign == 0 else (size, 0) if sign < 0 else (0, size)
        tag = {0: "equal", -1: "delete", 1: "insert"}[sign]
        ops.append(Op(tag, i, i + di, j, j + dj))
        i, j = i + di, j + dj
    return ops


@settings(max_examples=300, deadline=None)
@given(KEYS, KEYS, st.integers(0, 3), st.integers(0, 3))
def test_word_diff_is_diff_match_patch_over_words(
    a: list[str], b: list[str], a_pad: int, b_pad: int
) -> None:
    a_keys, b_keys = ["x"] * a_pad + a, ["y"] * b_pad + b
    found = diff_tokens(a_keys, b_keys, (a_pad, len(a_keys)), (b_pad, len(b_keys)))
    assert found == reference_ops(a, b, a_pad, b_pad)


def test_a_marker_facing_other_words_is_one_delete_and_one_insert() -> None:
    a_keys, b_keys = ["the", MARKER_KEY, "said"], ["the", "lena", "quarrie", "said"]
    assert diff_tokens(a_keys, b_keys, (1, 2), (1, 3)) == [
        Op("delete", 1, 2, 1, 1),
        Op("insert", 2, 2, 1, 3),
    ]
