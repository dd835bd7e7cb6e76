"""A marker facing a block of words: the quick answer for one marker is the programme's answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redactview.align.anchors import Op
from redactview.align.classify import Side
from redactview.align.compare import side_of
from redactview.align.wildcard import face_markers, programme_ops
from tests.core.align_support import release

MARKER = "[REDACTED]"
WORDS = st.sampled_from(["weir", "board", "sluice", "tarn", "\n\n", "\n", MARKER])


def side(parts: list[str]) -> Side:
    """A side whose text is the parts joined by spaces, each MARKER in it a redaction."""
    text = " ".join(parts)
    return side_of(release(text, [MARKER] * parts.count(MARKER)))


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=3), st.lists(WORDS, min_size=1, max_size=12), st.booleans())
def test_face_markers_agrees_with_the_programme(
    few: list[str], many: list[str], flipped: bool
) -> None:
    a, b = side(["start", *few, "end"]), side(["start", *many, "end"])
    if flipped:
        a, b = b, a
    block = Op("replace", 1, len(a.tokens) - 1, 1, len(b.tokens) - 1)
    assert face_markers(block, a, b) == programme_ops(block, a, b)


def test_a_marker_faces_the_words_of_its_paragraph_only() -> None:
    a = side(["start", MARKER, "end"])
    b = side(["start", "weir", "board", "\n\n", "sluice", "end"])
    block = Op("replace", 1, 2, 1, 4)
    assert face_markers(block, a, b) == [Op("replace", 1, 2, 1, 3), Op("insert", 2, 2, 3, 4)]
    assert face_markers(Op("replace", 1, 2, 1, 3), a, b) == [Op("replace", 1, 2, 1, 3)]
