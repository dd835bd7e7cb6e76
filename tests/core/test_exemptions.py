"""Exemptions: finding and normalising citations, and attributing them to redactions."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactview.detectors.exemption_names import exemption_name
from redactview.detectors.exemptions import (
    attribute_exemptions,
    find_exemptions,
    harmonise_regimes,
)
from redactview.model import Exemption, ExemptionSource, Kind, Redaction
from redactview.scan import scan_file
from tests.core.text_pages import text_page


def codes(text: str) -> list[str]:
    return [e.code for e in find_exemptions(text_page(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("withheld under Section 43(2) of the Act", ["s.43(2)"]),
        ("exempt under s.40(2)", ["s.40(2)"]),
        ("exempt under s40(2)", ["s.40(2)"]),
        ("exempt under s.40(2)&(3)", ["s.40(2)", "s.40(3)"]),
        ("Section 31(1)(a)&(b) applies", ["s.31(1)(a)", "s.31(1)(b)"]),
        ("Section 31(1)(a) & (2)(b) applies", ["s.31(1)(a)", "s.31(2)(b)"]),
        ("exempt under s.40(2)&(3)(a)", ["s.40(2)", "s.40(3)(a)"]),
        ("under reg.13(1) and (b)(6)", ["reg.13(1)", "(b)(6)"]),
        ("under s.40(2) and (b)(6) of 5 U.S.C. 552", ["s.40(2)", "(b)(6)"]),
        ("Sections 40 and 43 of the FOI Act", ["s.40", "s.43"]),
        ("section 40(2) and 43(2)", ["s.40(2)", "s.43(2)"]),
        ("S.21 applies", ["s.21"]),
        ("OCR spacing: section  40(2), s.   43(2)", ["s.40(2)", "s.43(2)"]),
        ("exempt under Section 22A", ["s.22A"]),
        ("Regulation 12(4)(d) applies", ["reg.12(4)(d)"]),
        ("and reg 13 too", ["reg.13"]),
        ("s.40(2) and reg.13", ["s.40(2)", "reg.13"]),
        ("Freedom of Information (Scotland) Act 2002, s.38(1)(b)", ["FOISA s.38(1)(b)"]),
        ("FOISA section 33(1)(b) applies", ["FOISA s.33(1)(b)"]),
        ("withheld under (b)(6)", ["(b)(6)"]),
        ("withheld under (b)(7)(C)", ["(b)(7)(C)"]),
        ("withheld under (b)6", ["(b)(6)"]),
        ("withheld [b(6)]", ["(b)(6)"]),
        ("under Exemption 6", ["(b)(6)"]),
        ("under exemptions 6 and 7(C)", ["(b)(6)", "(b)(7)(C)"]),
        ("5 U.S.C. 552(b)(6) and b7C", ["(b)(6)", "(b)(7)(C)"]),
        ("[[REDACTED-EX B6]]", ["(b)(6)"]),
    ],
)
def test_citations_are_normalised(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The costs 40 pounds and is 43 years old.",
        "See Section 23 of the annual report.",
        "Section 12 (cost limit) and section 17 refusal notice apply.",
        "Print on B5 paper, grid square B6.",
        "Regulation 12 of the Building Regulations 2010",
    ],
)
def test_things_that_are_not_citations(text: str) -> None:
    assert codes(text) == []


def test_exemption_has_name_offsets_line_and_printed_text() -> None:
    text = "Dear Ms Roe\nThe figures are exempt under Section 43(2) of the Act."
    (exemption,) = find_exemptions(text_page(text, number=2, start=1000))
    index = text.index("Section 43(2)")
    assert exemption.code == "s.43(2)"
    assert exemption.name == "Commercial interests"
    assert exemption.regime == "FOIA"
    assert (exemption.page, exemption.line) == (2, 2)
    assert (exemption.start, exemption.end) == (1000 + index, 1000 + index + len("Section 43(2)"))
    assert exemption.text == "Section 43(2)"


@pytest.mark.parametrize(
    ("code", "regime", "name"),
    [
        ("s.40(2)", "FOIA", "Personal information"),
        ("s.31(1)(a)", "FOIA", "Law enforcement"),
        ("s.43(1)", "FOIA", "Trade secrets"),
        ("reg.12(4)(d)", "EIR", "Unfinished documents and incomplete data"),
        ("reg.13(1)", "EIR", "Personal data"),
        ("FOISA s.38(1)(b)", "FOISA", "Personal information"),
        ("(b)(7)(C)", "US FOIA", "Personal privacy in law enforcement records"),
        ("(b)(4)", "US FOIA", "Trade secrets and confidential commercial information"),
    ],
)
def test_codes_take_their_usual_names(code: str, regime: str, name: str) -> None:
    assert exemption_name(code, regime) == name


def test_every_name_table_entry_is_reachable() -> None:
    for section in range(21, 45):
        assert exemption_name(f"s.{section}(1)", "FOIA")
    for section in range(25, 42):
        assert exemption_name(f"FOISA s.{section}(1)", "FOISA")
    for number in range(1, 10):
        assert exemption_name(f"(b)({number})", "US FOIA")


def _cited(code: str, line: int, start: int, page: int = 1) -> Exemption:
    return Exemption(code, "", "FOIA", page, start, start + 7, code, line)


def _marked(start: int | None, line: int = 1, **extra: object) -> Redaction:
    end = None if start is None else start + 5
    return Redaction(Kind.ASTERISKS, 1, "marks.asterisks", "*****", start, end, line, **extra)  # type: ignore[arg-type]


def test_a_code_beside_the_marker_is_adjacent() -> None:
    cited = [_cited("s.40(2)", 1, 20), _cited("s.43(2)", 1, 200), _cited("s.43(2)", 9, 900)]
    (result,) = attribute_exemptions([_marked(10)], cited)
    assert (result.exemption, result.exemption_source) == ("s.40(2)", ExemptionSource.ADJACENT)


def test_a_geometry_box_on_a_line_with_one_citation_is_adjacent() -> None:
    box = Redaction(Kind.BOX, 1, "boxes", line=4, bbox=(10.0, 10.0, 50.0, 20.0))
    (result,) = attribute_exemptions([box], [_cited("s.43(2)", 4, 50), _cited("s.40(2)", 8, 90)])
    assert (result.exemption, result.exemption_source) == ("s.43(2)", ExemptionSource.ADJACENT)


def test_the_only_exemption_cited_is_sole_cited() -> None:
    cited = [_cited("s.40(2)", 3, 100), _cited("s.40(2)", 9, 400)]
    (result,) = attribute_exemptions([_marked(10)], cited)
    assert (result.exemption, result.exemption_source) == ("s.40(2)", ExemptionSource.SOLE_CITED)


def test_a_guess_is_marked_inferred_and_picks_only_a_cited_code() -> None:
    cited = [_cited("s.40(2)", 3, 100), _cited("s.43(2)", 9, 400)]
    name = _marked(10, context_before="Dear ")
    money = Redaction(Kind.MISSING_VALUE, 1, "missing_values.currency", "", 30, 30, 1)
    other = _marked(50, context_before="the yard is covered by ")
    results = attribute_exemptions([name, money, other], cited)
    assert [(r.exemption, r.exemption_source) for r in results] == [
        ("s.40(2)", ExemptionSource.INFERRED),
        ("s.43(2)", ExemptionSource.INFERRED),
        (None, None),
    ]


def test_no_citations_means_no_exemption() -> None:
    (result,) = attribute_exemptions([_marked(10, context_before="Dear ")], [])
    assert result.exemption is None and result.exemption_source is None


def test_confidence_falls_with_the_source() -> None:
    label = _marked(10, exemption="s.40(2)", exemption_source=ExemptionSource.LABEL)
    adjacent = _marked(100, line=2)
    sole = _marked(300, line=5)
    cited = [_cited("s.40(2)", 2, 110)]
    results = attribute_exemptions([label, adjacent, sole], cited)
    sources = [r.exemption_source for r in results]
    assert sources == [ExemptionSource.LABEL, ExemptionSource.ADJACENT, ExemptionSource.SOLE_CITED]
    confidences = [r.exemption_confidence or 0 for r in results]
    assert confidences == sorted(confidences, reverse=True) and len(set(confidences)) == 3


def test_a_scottish_mention_on_one_page_makes_every_section_foisa() -> None:
    page1 = find_exemptions(text_page("Freedom of Information (Scotland) Act 2002: s.30(b)"))
    page2 = find_exemptions(text_page("withheld under s.38(1)(b)", number=2, start=60))
    merged = harmonise_regimes(page1 + page2)
    assert [(e.code, e.regime) for e in merged] == [
        ("FOISA s.30(b)", "FOISA"),
        ("FOISA s.38(1)(b)", "FOISA"),
    ]
    assert merged[1].name == "Personal information"


def _attributed(tmp_path: Path, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each marker of a scanned text release with its exemption and how it was worked out."""
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    return {
        r.marker: (r.exemption, r.exemption_source and str(r.exemption_source))
        for r in scan_file(str(path)).redactions
    }


LETTER_HEAD = "Freedom of Information request FOI-2026-0101.\n\n"


def test_a_withholding_sentence_a_few_lines_off_is_nearby(tmp_path: Path) -> None:
    text = LETTER_HEAD + (
        "One paragraph of the report is withheld under section 31(1)(a). It reads:\n\n"
        '  "The alarm is set by ******** at six."\n\n'
        "Public interest test\n\n"
        "Costs are withheld under section 43(2).\n"
    )
    assert _attributed(tmp_path, text)["********"] == ("s.31(1)(a)", "nearby")


def test_two_codes_in_reach_leave_the_exemption_unknown(tmp_path: Path) -> None:
    text = LETTER_HEAD + (
        "Prices are withheld under section 43(2). Staff names are withheld under section 40(2).\n"
        "Unit rate: ********\n"
    )
    assert _attributed(tmp_path, text)["********"] == (None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "No information has been withheld under section 43(2).",  # a denial
        "ICO guidance on the section 43(2) exemption was read.",  # the noun: nothing withheld
        "  s.43(2)      Commercial interests     Information withheld",  # a table row
    ],
)
def test_sentences_that_withhold_nothing_are_not_nearby(tmp_path: Path, sentence: str) -> None:
    text = LETTER_HEAD + sentence + "\nContract manager: ********\n"
    assert _attributed(tmp_path, text)["********"][1] != "nearby"


@pytest.mark.parametrize(
    "text",
    [
        # too far: the sentence is about another passage
        "The report is withheld under section 31(1)(a).\n" + "Filler line.\n" * 8 + "By ********.\n"
        "Costs are withheld under section 43(2).\n",
        # no sentence withholds anything: the codes are only listed
        "Section 31(1)(a) and section 43(2) are both qualified.\n\nBy ********.\n",
        # a code inside another redaction's label names that redaction only
        "Hi ********,\nThe yard is covered by [Redacted - Section 31(1)(a)] at night.\n"
        "Costs are withheld under section 43(2) in Annex B, page 9, far below.\n" + "x\n" * 8,
    ],
)
def test_a_citation_that_withholds_nothing_nearby_is_not_given(tmp_path: Path, text: str) -> None:
    exemption, _ = _attributed(tmp_path, LETTER_HEAD + text)["********"]
    assert exemption != "s.31(1)(a)"


def test_a_sum_of_money_is_not_given_a_nearby_personal_data_code(tmp_path: Path) -> None:
    text = LETTER_HEAD + (
        "Names of junior staff are withheld under section 40(2).\n"
        "Contract value: £*****\n"
        "Prices are commercially sensitive and withheld under section 43(2), see Annex B.\n"
        + "x\n"
        * 10
    )
    exemption, _ = _attributed(tmp_path, text)["*****"]
    assert exemption == "s.43(2)"


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("Some names have been redacted under section 40(2).", None),  # about what follows?
        ("The names above have been redacted under section 40(2).", "s.40(2)"),
    ],
)
def test_a_sentence_after_a_blank_line_reaches_back_only_when_it_says_above(
    tmp_path: Path, closing: str, expected: str | None
) -> None:
    far = "\n" * 10 + "Prices are withheld under section 43(2).\n"  # so 40(2) is not the only one
    text = LETTER_HEAD + f"Meeting attendees: ███████ and ███████.\n\n{closing}\n" + far
    assert _attributed(tmp_path, text)["███████"][0] == expected
