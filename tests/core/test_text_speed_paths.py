"""Shortcuts in the plain-text scan give the findings the plain ways of doing the same work give.

Each shortcut is tried on lines that only just do, or only just do not, qualify: a personal
label read from its last characters first, a money label looked for only as far back as the
longest can reach, the long `ſ` searched for on its own, the cues for a standing code looked
for in the page's codes before the whole page, line ends normalised only when there is a CR,
the lines above a code read as text alone when looking for an exemptions heading, and a
value with no letter never read as a code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactview.detectors import attribution, detect_page
from redactview.loaders.assemble import RawLine, page_from_raw_lines
from redactview.model import DocumentReport, ExemptionSource, Page, Redaction
from redactview.scan import scan_file
from tests.core.text_pages import text_page

CITED = "Exemptions cited: s.40(2) and s.43(2).\n"  # two codes: no sole code to fall back on
PADDING = "The working group reviewed the revised depot timetable in full.\n" * 12


def scan_text(tmp_path: Path, text: str, name: str = "release.txt") -> DocumentReport:
    """Scan `text` written as a UTF-8 text file."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return scan_file(str(path))


def masked(report: DocumentReport) -> Redaction:
    """The one asterisk run in the report."""
    (found,) = [r for r in report.redactions if r.detector == "marks.asterisks"]
    return found


@pytest.mark.parametrize(
    ("label", "exemption"),
    [
        ("Tel: ", "s.40(2)"),
        ("Date of birth ", "s.40(2)"),
        ("D.O.B. ", "s.40(2)"),
        ("Sent by:   ", "s.40(2)"),
        ("MOBILE\t", "s.40(2)"),
        ("Mrſ ", "s.40(2)"),  # `ſ` is an `s` to the case-blind cue: its last letter counts
        ("Our contact, ", None),  # the label must come last
        ("Telephoned ", None),
        ("The address book ", None),
        ("Subject to ", None),
    ],
)
def test_a_personal_label_before_a_mask_infers_the_personal_exemption(
    tmp_path: Path, label: str, exemption: str | None
) -> None:
    found = masked(scan_text(tmp_path, f"{CITED}{label}****\n"))
    assert found.exemption == exemption
    assert found.exemption_source == (ExemptionSource.INFERRED if exemption else None)


LABEL_WORDS = ["Tel", "tel.", "From", "from:", "sent by", "Date of birth", "D.O.B", "d.o.b."]
OTHER_WORDS = ["ssn", "Mrs", "Mrſ", "Name", "e-mail", "NI number", "ni  number", "bcc:", "to", "x"]
JOINERS = [" ", "  ", ":", ".", ":\n", "\t", "\u00a0", "\u2003", "\n", ",", "-", "ed", "s"]
CUE_PIECES = st.sampled_from([*LABEL_WORDS, *OTHER_WORDS, *JOINERS])


@settings(max_examples=400, deadline=None)
@given(st.lists(CUE_PIECES, max_size=6).map("".join))
def test_the_personal_cue_shortcut_agrees_with_the_plain_search(text: str) -> None:
    assert attribution._personal_cue(text) == bool(attribution._PERSONAL_CUE.search(text))


@pytest.mark.parametrize(
    "label",
    ["Estimated payment (£)", "Overall charge (€)", "Agreed salary", "Fee", "Contract value"],
)
def test_a_money_label_as_long_as_any_is_read_whole(tmp_path: Path, label: str) -> None:
    report = scan_text(tmp_path, f"Ref 2025/0417    {label}:\nNext line\n")
    (found,) = [r for r in report.redactions if r.detector == "missing_values.label"]
    assert found.field == label


def test_a_code_spelt_with_the_long_s_is_cited_on_a_short_and_a_long_page(tmp_path: Path) -> None:
    line = "Withheld under ſection 43(2) and ſ.40(2).\n"
    short = scan_text(tmp_path, line, "short.txt")
    long = scan_text(tmp_path, PADDING + line + PADDING, "long.txt")
    cited = [(e.code, e.text) for e in short.exemptions_cited]
    assert cited == [("s.43(2)", "ſection 43(2)"), ("s.40(2)", "ſ.40(2)")]
    assert [(e.code, e.text) for e in long.exemptions_cited] == cited


@pytest.mark.parametrize(
    ("elsewhere", "standing"),
    [
        ("", False),  # no cue on the page: a regulation code alone is not read as a marker
        ("See section 5 of the guidance.\n", True),  # a cue away from the code counts
        ("From: (b)(6)\n", True),  # and so does one inside another code
    ],
)
def test_a_standing_code_needs_a_cue_anywhere_on_the_page(
    tmp_path: Path, elsewhere: str, standing: bool
) -> None:
    report = scan_text(tmp_path, f"{elsewhere}Name: reg.13(1)\n")
    codes = [r.exemption for r in report.redactions if r.detector == "marks.code"]
    assert ("reg.13(1)" in codes) is standing


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_carriage_returns_give_the_findings_of_plain_newlines(tmp_path: Path, newline: str) -> None:
    text = f"{CITED}Tel: ****\nContract value: £*****\nFrom: [\n"
    plain = scan_text(tmp_path, text, "plain.txt")
    other = scan_text(tmp_path, text.replace("\n", newline), "other.txt")
    assert other.redactions == plain.redactions
    assert other.exemptions_cited == plain.exemptions_cited


def index_of_codes(rows: int, *, heading: str = "Document        Exemptions applied") -> str:
    """A table listing a code against each document, under `heading`."""
    return "\n".join([heading, *(f"Memo {n}          (b)(6)" for n in range(1, rows + 1))])


def standing_lines(page: Page) -> list[int | None]:
    """The lines of the page's codes read as markers standing where text was cut."""
    return [r.line for r in detect_page(page) if r.detector == "marks.code"]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (index_of_codes(3), []),  # an index of codes under its heading: not markers
        (index_of_codes(3, heading="Document        Exemptions applied\n"), [3, 4, 5]),
        (index_of_codes(3, heading="Document        Notes"), [2, 3, 4]),
        (index_of_codes(41), [42]),  # the heading is out of reach of the last row only
    ],
)
def test_codes_under_an_exemptions_heading_are_an_index_on_text_and_pdf_lines(
    text: str, lines: list[int]
) -> None:
    pdf_like = page_from_raw_lines(1, 0, [RawLine(line) for line in text.split("\n")])
    assert standing_lines(text_page(text)) == lines
    assert standing_lines(pdf_like) == lines


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("s.43(2)", True),
        ("reg.12(5)(e)", True),
        ("Exemption 4", True),
        ("43.20", False),  # digits and no letter: a figure, never a code
        ("£1,200", False),
        ("2024/25", False),
    ],
)
def test_a_code_in_place_of_an_amount_masks_it_and_a_figure_does_not(
    tmp_path: Path, value: str, masked: bool
) -> None:
    report = scan_text(tmp_path, f"Fee: {value}\n")
    found = [r.marker for r in report.redactions if r.detector == "missing_values.label"]
    assert found == ([value] if masked else [])
