"""Two releases compared: each change type, and everything that must not count as a change."""

from __future__ import annotations

import itertools
import random

import pytest

from redactview.align import compare
from redactview.align.anchors import align_tokens, longest_chain
from redactview.align.release import release_from_text
from redactview.model import ChangeType, Kind, Redaction
from tests.core.align_support import BASE, PARAGRAPHS, reflow, release

NAME = "Corrie Civil Works"


def swap(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_withheld_reports_the_text_the_marker_and_the_exemption() -> None:
    a = release(BASE)
    b_text = swap(BASE, NAME, "[REDACTED]")
    b = release(b_text, ["[REDACTED]"], exemption="s.43(2)")
    result = compare(a, b)
    assert [c.type for c in result.changes] == [ChangeType.WITHHELD]
    change = result.changes[0]
    assert change.a is not None and change.b is not None and change.redaction is not None
    assert (change.a.start, change.a.end, change.a.text) == (
        BASE.index(NAME),
        BASE.index(NAME) + len(NAME),
        NAME,
    )
    assert (change.b.start, change.b.text) == (b_text.index("[REDACTED]"), "[REDACTED]")
    assert (change.redaction.marker, change.redaction.exemption) == ("[REDACTED]", "s.43(2)")
    assert result.counts["withheld"] == 1 and sum(result.counts.values()) == 1


def test_revealed_is_the_mirror_of_withheld() -> None:
    a_text = swap(BASE, NAME, "[s.43(2)]")
    result = compare(release(a_text, ["[s.43(2)]"], exemption="s.43(2)"), release(BASE))
    assert [c.type for c in result.changes] == [ChangeType.REVEALED]
    change = result.changes[0]
    assert change.b is not None and change.b.text == NAME
    assert change.a is not None and change.a.text == "[s.43(2)]"
    assert change.redaction is not None and change.redaction.exemption == "s.43(2)"


def test_words_still_readable_under_a_box_are_revealed_by_that_release() -> None:
    """A release whose box leaks the words under it has disclosed them: compared with one that
    withheld them, that is a reveal, not two redactions facing each other."""
    a_text = swap(BASE, NAME, "[REDACTED]")
    start = BASE.index(NAME)
    leak = Redaction(
        Kind.TEXT_UNDER_BOX, 1, "boxes", "", start, start + len(NAME), leaky=True,
        leaked_text=NAME,
    )  # fmt: skip
    b = release_from_text(BASE, [leak], "leaky.pdf")
    result = compare(release(a_text, ["[REDACTED]"]), b)
    assert [c.type for c in result.changes] == [ChangeType.REVEALED]
    change = result.changes[0]
    assert change.b is not None and change.b.text == NAME


def test_two_different_markers_over_the_same_words_are_both_redacted() -> None:
    a_text = swap(BASE, NAME, "[REDACTED]")
    b_text = swap(BASE, NAME, "█████████")
    result = compare(release(a_text, ["[REDACTED]"]), release(b_text, ["█████████"]))
    assert [c.type for c in result.changes] == [ChangeType.BOTH_REDACTED]
    change = result.changes[0]
    assert change.a is not None and change.b is not None
    assert (change.a.text, change.b.text) == ("[REDACTED]", "█████████")


def test_words_beside_a_wider_marker_are_withheld_not_removed() -> None:
    a_text = swap(BASE, "Ardent Vale", "Ardent [REDACTED]")
    b_text = swap(BASE, "Ardent Vale", "[REDACTED]")
    result = compare(release(a_text, ["[REDACTED]"]), release(b_text, ["[REDACTED]"]))
    types = [c.type for c in result.changes]
    assert ChangeType.WITHHELD in types and ChangeType.REMOVED not in types
    withheld = next(c for c in result.changes if c.type is ChangeType.WITHHELD)
    assert withheld.a is not None and withheld.a.text == "Ardent"


@pytest.mark.parametrize(
    ("old", "new"),
    [("lower bid", "higher bid"), ("3 March 2025", "5 March 2025"), ("sixty", "forty")],
)
def test_a_reworded_or_refigured_passage_is_changed(old: str, new: str) -> None:
    b_text = swap(BASE, old, new)
    result = compare(release(BASE), release(b_text))
    assert [c.type for c in result.changes] == [ChangeType.CHANGED]
    change = result.changes[0]
    assert change.a is not None and change.b is not None
    assert change.a.text in old and change.b.text in new
    assert BASE[change.a.start : change.a.end] == change.a.text
    assert b_text[change.b.start : change.b.end] == change.b.text


def test_an_added_paragraph_is_one_added_change() -> None:
    extra = "A member of the public asked about fishing permits on the upper tarn."
    b_text = swap(BASE, PARAGRAPHS[3], f"{PARAGRAPHS[3]}\n\n{extra}")
    result = compare(release(BASE), release(b_text))
    assert [(c.type, c.b.text if c.b else None) for c in result.changes] == [
        (ChangeType.ADDED, extra)
    ]


def test_a_dropped_paragraph_is_one_removed_change() -> None:
    a_text = BASE
    b_text = swap(BASE, PARAGRAPHS[5] + "\n\n", "")
    result = compare(release(a_text), release(b_text))
    assert [(c.type, c.a.text if c.a else None) for c in result.changes] == [
        (ChangeType.REMOVED, PARAGRAPHS[5])
    ]


def test_reflow_repagination_and_page_furniture_are_no_change() -> None:
    wrapped = reflow(BASE, 47)
    middle = wrapped.index("aqueduct")  # a page break in the middle of a paragraph
    paged = (
        "Glenhollow Water Board\n" + wrapped[:middle] + "\nPage 1 of 2\f"
        "Glenhollow Water Board\n" + wrapped[middle:] + "\nPage 2 of 2\n"
    )
    result = compare(release(BASE), release(paged))
    assert result.changes == ()
    assert result.similarity == 1.0


def test_hyphenation_at_line_ends_is_no_change() -> None:
    b_text = swap(BASE, "pumping station", "pump-\ning station").replace(
        "evaluation", "evalu-\nation"
    )
    assert compare(release(BASE), release(b_text)).changes == ()


def test_ocr_confusions_and_broken_spacing_are_no_change() -> None:
    noisy = (
        BASE.replace("Present", "Pre sent")
        .replace("meeting", "rneeting")
        .replace("I", "|")
        .replace("lower", "1ower")
        .replace("Tarn Moss", "Tarn M0ss")
        .replace("the winter", "thewinter")
    )
    assert noisy != BASE
    assert compare(release(BASE), release(noisy)).changes == ()


def ocr_noise(text: str, rate: float, seed: int) -> str:
    """Swap about `rate` of the letters for a look-alike, as a poor scan would."""
    look_alike = {"e": "c", "c": "e", "h": "b", "n": "u", "a": "o", "t": "f", "s": "5"}
    rng = random.Random(seed)
    return "".join(
        look_alike.get(char, char) if char.isalpha() and rng.random() < rate else char
        for char in text
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scattered_ocr_noise_yields_no_change_but_a_real_edit_still_shows(seed: int) -> None:
    edited = swap(BASE, "award", "refuse")
    result = compare(release(BASE), release(ocr_noise(edited, 0.02, seed)))
    assert [c.type for c in result.changes] == [ChangeType.CHANGED]
    assert result.changes[0].a is not None and result.changes[0].a.text == "award"


def test_a_cookie_banner_and_running_headers_are_no_change() -> None:
    banner = "We use cookies on this website. Accept all cookies or manage your settings."
    headed = "\f".join(
        f"OFFICIAL SENSITIVE\n{part}\nPage {n} of 3"
        for n, part in enumerate(BASE.split("\n\n")[:3], 1)
    )
    plain = "\n\n".join(BASE.split("\n\n")[:3])
    result = compare(release(plain), release(f"{banner}\n\n{headed}"))
    assert result.changes == ()


def test_unrelated_documents_have_low_similarity_and_no_changes() -> None:
    other = (
        "Recipe for a winter stew. Brown the onions slowly in butter, add carrots, celery "
        "and pearl barley, then cover with stock and simmer for two hours. Season with thyme, "
        "black pepper and a little salt before serving with crusty bread.\n\n"
        "Leftovers keep for three days in a cold larder and freeze well in small tubs."
    )
    result = compare(release(BASE), release(other))
    assert result.related is False
    assert result.changes == ()
    assert result.similarity < 0.3


def test_identical_releases_match_fully() -> None:
    result = compare(release(BASE), release(BASE))
    assert result.changes == () and result.similarity == 1.0 and result.related


def test_longest_chain_keeps_anchors_in_order_on_both_sides() -> None:
    pairs = [(0, 5), (1, 1), (2, 2), (3, 9), (4, 3), (5, 4)]
    assert longest_chain(pairs) == [(1, 1), (2, 2), (4, 3), (5, 4)]


def test_alignment_ops_cover_both_sequences_in_order() -> None:
    a = ["the", "cat", "sat", "on", "the", "mat", "today"]
    b = ["the", "dog", "sat", "on", "a", "mat", "today"]
    ops = align_tokens(a, b)
    assert ops[0].a_lo == 0 and ops[-1].a_hi == len(a) and ops[-1].b_hi == len(b)
    for left, right in itertools.pairwise(ops):
        assert (left.a_hi, left.b_hi) == (right.a_lo, right.b_lo)


def test_a_redacted_paragraph_is_revealed_beside_an_added_one() -> None:
    marker = "[Redacted - Section 42(1)]"
    extra = "A member of the public asked about fishing permits on the upper tarn."
    a_text = swap(BASE, PARAGRAPHS[3], marker)
    b_text = swap(BASE, PARAGRAPHS[3], f"{PARAGRAPHS[3]}\n\n{extra}")
    result = compare(release(a_text, [marker]), release(b_text))
    found = [(c.type, c.a.text if c.a else None, c.b.text if c.b else None) for c in result.changes]
    assert found == [
        (ChangeType.REVEALED, marker, PARAGRAPHS[3]),
        (ChangeType.ADDED, None, extra),
    ]


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("asked the engineer", "asked the engineer not", ChangeType.ADDED),
        ("The board resolved", "The board refused", ChangeType.CHANGED),
        ("sixty per cent", "sixteen per cent", ChangeType.CHANGED),
    ],
)
def test_small_edits_that_change_the_meaning_are_not_taken_for_noise(
    old: str, new: str, kind: ChangeType
) -> None:
    result = compare(release(BASE), release(swap(BASE, old, new)))
    assert [c.type for c in result.changes] == [kind]


def test_a_word_that_flips_by_two_letters_is_a_change() -> None:
    a_text = BASE.replace("lower bid", "decrease in the bid")
    b_text = BASE.replace("lower bid", "increase in the bid")
    result = compare(release(a_text), release(b_text))
    assert [(c.a.text, c.b.text) for c in result.changes if c.a and c.b] == [
        ("decrease", "increase")
    ]


def test_a_marker_faces_words_that_run_over_a_page_break() -> None:
    a_text = swap(BASE, NAME, "[REDACTED]")
    split = BASE.index(NAME) + len("Corrie Civil")
    b_text = (
        "Glenhollow Water Board\n" + BASE[:split] + "\nPage 1 of 2\f"
        "Glenhollow Water Board\n" + BASE[split:] + "\nPage 2 of 2\n"
    )
    result = compare(release(a_text, ["[REDACTED]"]), release(b_text))
    assert [c.type for c in result.changes] == [ChangeType.REVEALED]
    revealed = result.changes[0].b
    assert revealed is not None and revealed.text.startswith("Corrie Civil")
    assert revealed.text.endswith("Works") and revealed.page == 1
