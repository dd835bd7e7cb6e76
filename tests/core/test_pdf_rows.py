"""Visual rows from PDF spans: the PDF loader's direct path and the OCR loader's agree.

Born-digital pages build their Lines in one pass (`page_lines`); OCR pages go through
`merge_rows` and `page_from_raw_lines`. Both must give the same text, offsets and spans.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from redactview.loaders.assemble import page_from_raw_lines
from redactview.loaders.pdf_rows import merge_rows, page_lines


def span(text: str, x0: float, y0: float, x1: float, y1: float, **style: Any) -> dict[str, Any]:
    """A span as PyMuPDF's text dict gives it."""
    return {"text": text, "bbox": (x0, y0, x1, y1), "size": 10.0, "font": "Helvetica", **style}


def test_cells_on_one_baseline_make_one_row_read_left_to_right() -> None:
    spans = [
        span("Contract value", 300, 100, 370, 112),
        span("Supplier", 72, 100, 112, 112),
        span("Fenlark Highways Ltd", 72, 120, 172, 132),
        span("£*****", 300, 120.5, 330, 132.5, color=0xFF0000),
    ]
    text, lines = page_lines(spans, 1000)
    assert [line.text for line in lines] == [
        "Supplier" + " " * 38 + "Contract value",
        "Fenlark Highways Ltd" + " " * 26 + "£*****",
    ]
    assert text == "\n".join(line.text for line in lines)
    for line in lines:
        assert text[line.start - 1000 : line.end - 1000] == line.text
        for piece in line.spans:
            assert text[piece.start - 1000 : piece.end - 1000] == piece.text
    assert lines[1].spans[1].color == 0xFF0000
    assert lines[1].bbox == (72, 120, 330, 132.5)


def test_touching_spans_join_and_a_word_gap_is_one_space() -> None:
    spans = [
        span("Ja", 72, 100, 82, 112),
        span("ne", 82, 100, 92, 112),
        span("Doe", 95, 100, 115, 112, alpha=0),
    ]
    _, (line,) = page_lines(spans, 0)
    assert line.text == "Jane Doe"
    assert [(s.text, s.start, s.invisible) for s in line.spans] == [
        ("Ja", 0, False),
        ("ne", 2, False),
        ("Doe", 5, True),
    ]


@st.composite
def spans_on_a_page(draw: st.DrawFn) -> dict[str, Any]:
    """A span on one of a few baselines, so rows share spans, overlap and touch."""
    x0 = draw(st.floats(0, 300, allow_nan=False))
    y0 = draw(st.sampled_from([100.0, 104.0, 106.0, 112.0, 130.0]))
    return span(
        draw(st.text(alphabet="ab *[]", min_size=1, max_size=6)),
        x0,
        y0,
        x0 + draw(st.floats(1, 60, allow_nan=False)),
        y0 + draw(st.sampled_from([6.0, 12.0, 14.0])),
        size=draw(st.sampled_from([6.0, 10.0, 12.0])),
        alpha=draw(st.sampled_from([0, 255])),
    )


SPANS = st.lists(spans_on_a_page(), max_size=12)


@settings(max_examples=200, deadline=None)
@given(SPANS, st.integers(0, 10_000))
def test_direct_lines_equal_the_raw_line_path(spans: list[dict[str, Any]], start: int) -> None:
    text, lines = page_lines(spans, start)
    page = page_from_raw_lines(1, start, merge_rows([spans]))
    assert text == page.text
    assert lines == page.lines
