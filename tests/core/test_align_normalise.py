"""Tokens for alignment: offsets into the text, folded keys, markers, and boilerplate left out."""

from __future__ import annotations

import pytest

from redactview.align.boilerplate import boilerplate_ranges
from redactview.align.markers import marker_spans
from redactview.align.normalise import MARKER_KEY, tokenise
from redactview.model import Exemption
from tests.core.align_support import release


def keys_and_text(text: str, markers: list[tuple[int, int]] = ()) -> list[tuple[str, str]]:
    tokens = tokenise(text, list(markers), [])
    return [(k, text[s:e]) for k, s, e in zip(tokens.keys, tokens.starts, tokens.ends, strict=True)]


def test_tokens_keep_their_offsets_and_a_marker_is_one_token() -> None:
    text = "Paid to [REDACTED] on 3 May."
    start = text.index("[")
    assert keys_and_text(text, [(start, start + 10)]) == [
        ("pold", "Paid"),
        ("to", "to"),
        (MARKER_KEY, "[REDACTED]"),
        ("on", "on"),
        ("3", "3"),
        ("moy", "May"),
    ]


@pytest.mark.parametrize(
    ("clean", "noisy"),
    [
        ("information", "|nforrnation"),
        ("Office", "0ffice"),
        ("letter", "1etter"),
        ("important", "impor-\ntant"),
        ("the", "Tbe"),
        ("window", "wlndovv"),
    ],
)
def test_ocr_confusions_and_hyphenation_fold_to_one_key(clean: str, noisy: str) -> None:
    assert [k for k, _ in keys_and_text(clean)] == [k for k, _ in keys_and_text(noisy)]


@pytest.mark.parametrize(("left", "right"), [("15", "5"), ("2024", "2025"), ("fund", "find")])
def test_figures_and_other_letters_stay_apart(left: str, right: str) -> None:
    assert keys_and_text(left)[0][0] != keys_and_text(right)[0][0]


def test_page_numbers_running_headers_and_banners_are_boilerplate() -> None:
    body = ["Body text about the weir.", "Body text on the budget.", "Body text closing it."]
    pages = [f"Glenhollow Water Board\n{line}\n- {n} -" for n, line in enumerate(body, 1)]
    banner = "We use cookies to improve this site. Accept all cookies?"
    text = banner + "\n\n" + "\f".join(pages) + "\nPage 3 of 3"
    found = {text[s:e] for s, e in boilerplate_ranges(text)}
    assert found >= {"Glenhollow Water Board", "- 1 -", "- 2 -", "Page 3 of 3", banner}
    assert not any("Body text" in line for line in found)


def test_a_code_printed_beside_a_marker_belongs_to_the_marker() -> None:
    text = "The advice ██████ s.42(1) was noted."
    exemption = Exemption("s.42(1)", "Legal privilege", "FOIA", 1, 18, 25, "s.42(1)")
    base = release(text, ["██████"])
    widened = type(base)(base.info, base.text, base.page_starts, base.redactions, (exemption,))
    assert [text[s:e] for s, e in marker_spans(widened)] == ["██████ s.42(1)"]
