"""Unrelated documents that contain redaction markers are still unrelated: a marker facing words
is evidence of one document only where matching text anchors it and the marker could hold them."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from redactview.align import Release, compare, load_release, release_from_text
from redactview.model import ChangeType, Kind, Redaction
from tests.core.align_support import BASE, PARAGRAPHS, release

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"

OTHER = (
    "Recipe for a winter stew. Brown the onions slowly in butter, add carrots, celery and "
    "pearl barley, then cover with stock from [REDACTED] and simmer for two hours.\n\n"
    "Season with thyme, black pepper and a little salt before serving with crusty bread. "
    "Leftovers keep for three days in a cold larder and freeze well in small tubs; the "
    "larder key is held by [REDACTED] at the back door.\n"
)
BASE_MARKED = BASE.replace("Corrie Civil Works", "[s.43(2)]").replace("Ardent Vale", "█████")


def base_marked() -> Release:
    return release(BASE_MARKED, ["█████", "[s.43(2)]"])


def other_marked() -> Release:
    return release(OTHER, ["[REDACTED]", "[REDACTED]"])


def boxed(text: str, marker: str) -> Release:
    """A release of `text` whose one block marker says, as detectors do, how many characters it
    could hold."""
    start = text.index(marker)
    box = Redaction(Kind.BLOCKS, 1, "test", marker, start, start + len(marker))
    return release_from_text(text, [replace(box, est_chars=len(marker))], "boxed.txt")


@pytest.mark.parametrize("flip", [False, True])
def test_unrelated_documents_with_markers_are_unrelated(flip: bool) -> None:
    a, b = (other_marked(), base_marked()) if flip else (base_marked(), other_marked())
    result = compare(a, b)
    assert result.related is False
    assert result.changes == ()
    assert result.similarity < 0.3
    assert sum(result.counts.values()) == 0


@pytest.mark.parametrize("flip", [False, True])
def test_unrelated_sample_documents_with_markers_are_unrelated(flip: bool) -> None:
    names = ["minutes_release_1.txt", "us_foia_memo_ocr.txt"]
    first, second = reversed(names) if flip else names
    a, b = load_release(SAMPLES / first), load_release(SAMPLES / second)
    assert a.redactions and b.redactions  # the point: both carry markers
    result = compare(a, b)
    assert result.related is False
    assert result.changes == ()
    assert result.similarity < 0.3


def words(seed: int, vocabulary: list[str], marker: str, lines: int) -> str:
    """A marker-heavy file: each line a marker between a word or two from `vocabulary`."""
    rng = random.Random(seed)
    return "\n".join(
        f"{rng.choice(vocabulary)} {marker} {rng.choice(vocabulary)}" for _ in range(lines)
    )


def test_marker_heavy_unrelated_files_are_unrelated() -> None:
    a_text = words(1, ["harbour", "ledger", "invoice", "pilot"], "[REDACTED]", 400)
    b_text = words(2, ["orchard", "tractor", "cider", "hedgerow"], "(b)(6)", 300)
    result = compare(
        release(a_text, ["[REDACTED]"] * 400), release(b_text, ["(b)(6)"] * 300, path="b.txt")
    )
    assert result.related is False
    assert result.changes == ()
    assert result.similarity < 0.3


def test_files_of_nothing_but_different_markers_are_unrelated() -> None:
    a_text = "[REDACTED]\n" * 300
    b_text = "█████\n" * 200
    blocks = release(b_text, ["█████"] * 200, kind=Kind.BLOCKS)
    result = compare(release(a_text, ["[REDACTED]"] * 300), blocks)
    assert result.related is False
    assert result.changes == ()
    assert result.similarity == 0.0


def test_a_whole_paragraph_under_one_anchored_label_still_matches() -> None:
    b_text = BASE.replace(PARAGRAPHS[3], "[Redacted - paragraph]")
    result = compare(release(BASE), release(b_text, ["[Redacted - paragraph]"]))
    assert [c.type for c in result.changes] == [ChangeType.WITHHELD]
    assert result.related is True
    assert result.similarity == 1.0


def test_a_box_too_small_for_the_words_it_faces_lowers_similarity() -> None:
    fitting = BASE.replace("Corrie Civil Works", "█" * 18)
    tiny = BASE.replace(PARAGRAPHS[3], "██")
    fit = compare(release(BASE), boxed(fitting, "█" * 18))
    small = compare(release(BASE), boxed(tiny, "██"))
    assert [c.type for c in fit.changes] == [ChangeType.WITHHELD] == [c.type for c in small.changes]
    assert fit.similarity == 1.0
    assert small.related is True
    # A's words of that paragraph are the only text not shared: 2(T-P) of 2T-P characters
    total, paragraph = alnum(BASE), alnum(PARAGRAPHS[3])
    expected = 2 * (total - paragraph) / (2 * total - paragraph)
    assert small.similarity == pytest.approx(expected, abs=0.01)


def alnum(text: str) -> int:
    return sum(1 for char in text if char.isalnum())
