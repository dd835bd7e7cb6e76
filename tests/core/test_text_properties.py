"""Properties of the text detectors on random text: they never raise, offsets always slice."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redactview.detectors import detect_page, marks, missing_values
from redactview.detectors.exemptions import attribute_exemptions, find_exemptions
from tests.core.text_pages import text_page

# Characters the detectors care about, mixed with ordinary text, so random strings hit the rules.
PIECES = st.sampled_from(
    [
        "*",
        "**",
        "***",
        "* ",
        "█",
        "■",
        "X",
        "XX",
        "x",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "|",
        "\t",
        "  ",
        "\n",
        ":",
        "£",
        "$",
        "€",
        "GBP",
        "REDACTED",
        "[REDACTED]",
        "s.40(2)",
        "(b)(6)",
        "b6",
        "Section ",
        "43",
        "(2)",
        "&(3)",
        "reg ",
        "13",
        "Total cost:",
        "Value",
        "Exemption ",
        "7(C)",
        "1,200",
        "Name",
        " ",
        "a",
        "Z",
        "0",
        "-",
        ".",
        ",",
        "FOISA",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=80).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, start=st.integers(min_value=0, max_value=10_000))
def test_findings_always_slice_to_their_marker(text: str, start: int) -> None:
    page = text_page(text, number=2, start=start)
    for detect in (marks.detect, missing_values.detect, detect_page):
        for found in detect(page):
            if found.start is None or found.end is None:
                continue
            assert 0 <= found.start - start <= found.end - start <= len(text)
            assert text[found.start - start : found.end - start] == found.marker
            assert 0.0 <= found.confidence <= 1.0
            assert found.page == 2 and found.line is not None


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_exemptions_always_slice_to_their_text(text: str) -> None:
    page = text_page(text, start=7)
    cited = find_exemptions(page)
    for exemption in cited:
        assert text[exemption.start - 7 : exemption.end - 7] == exemption.text
        assert exemption.code and exemption.regime
    attributed = attribute_exemptions(detect_page(page), cited)
    codes = {e.code for e in cited}
    for redaction in attributed:
        if redaction.exemption and redaction.exemption_source != "label":
            assert set(redaction.exemption.split(", ")) <= codes
