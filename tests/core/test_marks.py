"""Text markers: asterisks, blocks, X masks, labels, codes standing as markers, truncations."""

from __future__ import annotations

import pytest

from redactview.detectors import marks
from redactview.model import ExemptionSource, Kind
from tests.core.text_pages import pairs, run, text_page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear ********,", [("asterisks", "********")]),
        ("called ***", [("asterisks", "***")]),
        ("  * * * * * *, Graduate Surveyor", [("asterisks", "* * * * * *")]),
        ("Mr B***** said", [("asterisks", "*****")]),
        ("Name: ████████ (officer)", [("blocks", "████████")]),
        ("in the ▇▇▇▇ and ■■■ and ▮▮", [("blocks", "▇▇▇▇"), ("blocks", "■■■"), ("blocks", "▮▮")]),
        ("shaded ▓▓▓▓▓ here", [("blocks", "▓▓▓▓▓")]),
        ("PIN ••••••", [("blocks", "••••••")]),
        ("Dear XXXXX,", [("x_mask", "XXXXX")]),
        ("SSN XXX-XX-1234.", [("x_mask", "XXX-XX-1234")]),
        ("Mobile: 07700 900XXX", [("x_mask", "07700 900XXX")]),
        ("Card XXXX XXXX XXXX 4417", [("x_mask", "XXXX XXXX XXXX 4417")]),
        ("To: [", [("truncation", "[")]),
        ("Cc: [ ...", [("truncation", "[ ...")]),
        ("Direct dial: [|", [("truncation", "[|")]),
        ("From: |", [("truncation", "|")]),
    ],
)
def test_marker_is_found_with_its_kind(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(run(marks.detect, text)) == expected


@pytest.mark.parametrize(
    "marker",
    [
        "[REDACTED]",
        "[Redacted]",
        "[redacted - Section 40(2)]",
        "[s.43(2)]",
        "[EXEMPT]",
        "[WITHHELD]",
        "<redacted>",
        "(redacted)",
        "[[REDACTED-EX B6]]",
        "[b(6)]",
        "[Name redacted]",
        "[Personal data removed]",
        "[Redacted: the officer's name]",
        "(Redacted s40)",
        "(redacted in full)",
        "[Page withheld in its entirety]",
        "(Name withheld in part)",
    ],
)
def test_bracketed_labels(marker: str) -> None:
    text = f"The officer, {marker}, agreed."
    assert pairs(run(marks.detect, text)) == [("label", marker)]


@pytest.mark.parametrize(
    ("text", "marker", "exemption"),
    [
        ("Officer [redacted - Section 40(2)] said", "[redacted - Section 40(2)]", "s.40(2)"),
        ("price of [s.43(2)] until", "[s.43(2)]", "s.43(2)"),
        ("home address is [[REDACTED-EX B6]].", "[[REDACTED-EX B6]]", "(b)(6)"),
        ("FROM:      (b)(6)", "(b)(6)", "(b)(6)"),
        ("Special Agent (b)(7)(C) interviewed", "(b)(7)(C)", "(b)(7)(C)"),
        ("Telephone: (b)(6), (b)(7)(C)", "(b)(6), (b)(7)(C)", "(b)(6), (b)(7)(C)"),
        ("Officer: s.40(2)", "s.40(2)", "s.40(2)"),
        ("[Withheld - s.40(2)&(3)]", "[Withheld - s.40(2)&(3)]", "s.40(2), s.40(3)"),
    ],
)
def test_labels_carry_the_exemption_they_name(text: str, marker: str, exemption: str) -> None:
    (found,) = run(marks.detect, text)
    assert (found.kind, found.marker, found.exemption) == (Kind.LABEL, marker, exemption)
    assert found.exemption_source is ExemptionSource.LABEL


@pytest.mark.parametrize(
    "text",
    [
        "  * First bullet\n  * Second bullet",
        "See note* below and Sun* for every day beginning Sun.",
        "This is **bold** and *italic* text.",
        "This is ***bold italic*** text.",
        "p < 0.001*** and (3)** and 5%***",
        "Chapter\n\n* * *\n\nNext chapter",
        "As shown in [1] and [23], the policy [see Annex A] applies.",
        "Sizes S to XXL, year MMXX, chapter XIV and XXIV, Part IX.",
        "Complete Section XX of the form and Clause XXX.",
        "HTTP 4XX and 5XX errors; a 2x2 grid; 0xFF; 10x10x10 cm",
        "Exxon and Foxx and xx-small",
        "The [bracket] is closed on the same line [like this].",
        'items = [\n  "a",\n]',
        "[Redacted under\nsection 40(2)] is a wrapped label",
        "(which was later redacted) and [The redacted version follows]",
        "(which was redacted in full) and [the page was withheld in part]",
        "We withheld it under (b)(6) and (b)(7)(C).",
        "Exemptions (b)(6) and (b)(7)(C) apply.",
        "It is exempt under section 40(2) of the Act.",
        "Released under FOI-2025-0417. Redactions: section 40(2), section 31(1)(a).",
        "Redactions applied: (b)(6), (b)(7)(C)",
        "■ First item\n■ Second item",
        "| a | b |\n| c | d |",
        "REDACTEDNESS and UNREDACTED are words",
        "Document → list[Redaction]; pure",
        "The core (`redactview/`: model, loaders) and (redactview.cli)",
        '{\n  "documents": [\n    {"path": "a.pdf"}\n  ]\n}',
    ],
)
def test_laughable_false_positives_are_not_reported(text: str) -> None:
    assert pairs(run(marks.detect, text)) == []


def test_offsets_lines_and_context_are_in_document_terms() -> None:
    text = "First line\nSecond line with ***** in it\nThird"
    page = text_page(text, number=3, start=500)
    (found,) = marks.detect(page)
    index = text.index("*****")
    assert (found.start, found.end) == (500 + index, 500 + index + 5)
    assert (found.page, found.line, found.est_chars) == (3, 2, 5)
    assert found.context_before == "First line Second line with "
    assert found.context_after == " in it Third"
    assert found.detector == "marks.asterisks"
    assert 0 < found.confidence <= 1


@pytest.mark.parametrize(
    ("text", "est_chars"),
    [("a ******* b", 7), ("a * * * * b", 4), ("a ██████ b", 6), ("a XXX-XX-1234 b", 5)],
)
def test_marker_length_gives_the_estimate(text: str, est_chars: int) -> None:
    (found,) = run(marks.detect, text)
    assert found.est_chars == est_chars


def test_context_stays_on_the_page_and_is_bounded() -> None:
    text = "a" * 100 + " [REDACTED] " + "y" * 100
    (found,) = run(marks.detect, text)
    assert found.context_before == "a" * 39 + " "
    assert found.context_after == " " + "y" * 39


def test_whole_line_rule_of_stars_is_less_sure_than_a_masked_word() -> None:
    rule, word = run(marks.detect, "*" * 40 + "\nDear *****,")
    assert rule.confidence < word.confidence


def test_truncation_needs_nothing_after_the_bracket() -> None:
    found = run(marks.detect, "From: [\nTo: [Jane]\nCc: [ x y z")
    assert pairs(found) == [("truncation", "[")]
    assert found[0].line == 1
