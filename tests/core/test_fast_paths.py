"""The scan's fast paths give exactly what the plain ways of doing the same work give.

Each shortcut (searching for codes only near likely anchors, building lines without the
dataclass constructor, copying findings without `dataclasses.replace`, skipping lines with no
column separator, skipping the geometry detectors on bare text) is compared here with the
straightforward version on tricky and random input.
"""

from __future__ import annotations

import pickle
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactview.detectors import _text_only, detect_page
from redactview.detectors import exemptions as ex
from redactview.detectors.code_windows import whole_text
from redactview.detectors.money import MONEY_WORDS
from redactview.detectors.money_tables import _FIGURE, _may_mention_money, table_values
from redactview.detectors.text_utils import PageText, page_text, with_changes
from redactview.loaders.assemble import RawLine, lines_from_text, page_from_raw_lines
from redactview.model import ExemptionSource, Kind, Line, Page, Redaction, Shape, Span

CODE_PIECES = st.sampled_from(
    [
        "s.40(2)",
        "s40",
        "S.43 (2)",
        "section 31(1)(a)",
        "Sections 40 and 41",
        "sect. 36",
        "ss. 27",
        "s 38",
        "ſ.40(2)",
        "s.\u0664\u0660",  # Arabic-Indic digits are digits to the code patterns too
        "regulation 12(4)(d)",
        "Regs. 13",
        "reg.12(5)(e)",
        "r.13(1)",
        "(b)(6)",
        "(B)(7)(C)",
        "b6",
        "B(3)",
        "Exemption 5",
        " & (3)",
        " and 43(2)",
        ", ",
        "FOISA",
        "FOI",
        "552",
        "EIR",
        "Page 12",
        "12",
        "40",
        "\n",
        " ",
        "\u00a0",
        "withheld under ",
        "The Council agreed the timetable. ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(CODE_PIECES, min_size=40, max_size=160))
def test_codes_found_near_anchors_are_those_of_a_whole_text_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    ctx = ex.page_context(text)
    windowed = ex._codes_of(text, ctx)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ex, "code_windows", whole_text)
        whole = ex._codes_of(text, ctx)
    assert windowed == whole


def test_a_long_page_still_finds_codes_at_its_edges() -> None:
    text = "s.40(2) " + "plain words " * 80 + "reg.13(1); see (b)(6)"
    codes = [code for hit in ex.find_codes(text, ex.page_context(text)) for code in hit.codes]
    assert codes == ["s.40(2)", "reg.13(1)", "(b)(6)"]


@pytest.mark.parametrize("text", ["", "\n", "a", "a\n", "\n\n", "a\n\nb", "one\ntwo\n", "x\ny"])
def test_lines_from_text_equal_constructed_lines(text: str) -> None:
    pieces = text.split("\n")
    if not pieces[-1]:
        pieces.pop()
    expected, offset = [], 7
    for number, piece in enumerate(pieces, start=1):
        expected.append(Line(number, piece, offset))
        offset += len(piece) + 1
    lines = lines_from_text(text, 7)
    assert lines == tuple(expected)
    assert tuple(expected) == lines
    assert list(lines) == expected
    assert len(lines) == len(expected)
    assert [lines[i] for i in range(-len(expected), len(expected))] == expected * 2
    assert lines[1:] == tuple(expected[1:])
    assert pickle.loads(pickle.dumps(lines)) == lines
    with pytest.raises(IndexError):
        lines[len(expected)]


def test_raw_lines_keep_every_span_field_when_shifted() -> None:
    span = Span("Ms Vell", 3, (1.0, 2.0, 3.0, 4.0), 9.0, "Helv", 0x112233, True)
    page = page_from_raw_lines(2, 100, [RawLine("first"), RawLine("xx Ms Vell", None, (span,))])
    (shifted,) = page.lines[1].spans
    assert shifted == replace(span, start=3 + 100 + len("first") + 1)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"exemption": "s.40(2)", "exemption_source": ExemptionSource.ADJACENT},
        {"field": "Contract value", "bbox": (1.0, 2.0, 3.0, 4.0), "line": 3},
        {"exemption_confidence": 0.6, "est_chars": 5},
    ],
)
def test_with_changes_is_replace(changes: dict[str, object]) -> None:
    redaction = Redaction(Kind.LABEL, 1, "marks.label", "[REDACTED]", 10, 20, 2)
    assert with_changes(redaction, **changes) == replace(redaction, **changes)  # type: ignore[arg-type]
    assert with_changes(redaction, **changes).id == redaction.id


def test_page_text_is_shared_by_the_detectors_of_one_page_only() -> None:
    first, second = Page(1, "a\nb", 0), Page(2, "a\nb", 4)
    located = page_text(first)
    assert page_text(first) is located
    other = page_text(second)
    assert other is not located and other.page is second
    assert [line.start for line in other.lines] == [4, 6]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Value", "COST", "coſt", "prİce", "prıce", "paid", "£", "GBP", "x", " ", "9", "ſum"]
        ),
        max_size=12,
    )
)
def test_the_money_cue_test_never_misses_a_money_word(pieces: list[str]) -> None:
    text = "".join(pieces)
    if MONEY_WORDS.search(text):
        assert _may_mention_money(text)


PLAIN_FIGURE = re.compile(r"[£$€]\s?\d|\d{1,3}(?:,\d{3})+|\d\.\d\d\b")
FIGURE_PIECES = ["£", "$", "€", " ", "1", "12", "123", ",", "000", ".", ".5", "a", "\u0664"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_PIECES), max_size=14))
def test_the_figure_pattern_finds_what_the_plain_one_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    found, plain = _FIGURE.search(text), PLAIN_FIGURE.search(text)
    assert (found and found.span()) == (plain and plain.span())


def test_a_table_after_prose_is_still_read() -> None:
    prose = "\n".join(f"Paragraph {n} of the minutes, with nothing in columns." for n in range(30))
    table = "Supplier        Contract value\nBrightwater     £12,400\nHarbour Foods   [REDACTED]\n"
    text = prose + "\n" + table
    page = Page(1, text, 0, lines_from_text(text, 0))
    (found,) = table_values(PageText(page))
    assert text[found.start : found.end] == "[REDACTED]"
    assert found.field == "row Harbour Foods, column Contract value"


def test_geometry_detectors_run_only_where_there_is_geometry() -> None:
    bare = Page(1, "From: [", 0, lines_from_text("From: [", 0))
    span = Span("hidden", 0, (0.0, 0.0, 10.0, 10.0), invisible=True)
    spanned = Page(1, "hidden", 0, (Line(1, "hidden", 0, (0.0, 0.0, 10.0, 10.0), (span,)),))
    boxed = replace(bare, shapes=(Shape("path", (0.0, 0.0, 5.0, 5.0), fill=(0.0, 0.0, 0.0)),))
    assert _text_only(bare)
    assert not _text_only(spanned)
    assert not _text_only(boxed)
    assert [r.kind for r in detect_page(bare)] == [Kind.TRUNCATION]
    assert Kind.INVISIBLE_TEXT in [r.kind for r in detect_page(spanned)]


@pytest.mark.parametrize("text", ["", "a", "a\n", "a\nb", "a\n\n", "\n", "x  y\n| a | b |"])
def test_loaded_lines_match_their_page_text(text: str) -> None:
    assert PageText(Page(1, text, 5, lines_from_text(text, 5))).lines_match_text()
    assert PageText(Page(1, text, 5)).lines_match_text()


def test_hand_made_lines_that_differ_from_the_text_are_noticed() -> None:
    moved = Page(1, "ab\ncd", 0, (Line(1, "ab", 0), Line(2, "cd", 4)))
    renamed = Page(1, "ab\ncd", 0, (Line(1, "ab", 0), Line(2, "xy", 3)))
    assert not PageText(moved).lines_match_text()
    assert not PageText(renamed).lines_match_text()
