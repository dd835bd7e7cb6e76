"""Three releases, the best-known text, and releases read from PDF and text files."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from redactview.align import Release, diff_files, diff_releases, load_release
from redactview.align.reconstruct import recovered_mark
from redactview.loaders import load_document
from redactview.model import ChangeType
from tests.core.align_support import BASE, release
from tests.core.conftest import MakePdf
from tests.fixtures.pdfs import redacted_line, save_pdf, write_line

NAME, PLACE = "Corrie Civil Works", "Tarn Moss"


def three_releases() -> list[Release]:
    """R1 hides the contractor and the reservoir; R2 shows the contractor; R3 the reservoir."""
    r1 = BASE.replace(NAME, "[REDACTED]").replace(PLACE, "[WITHHELD]")
    r2 = BASE.replace(PLACE, "█████")
    r3 = BASE.replace(NAME, "[s.43(2)]")
    return [
        release(r1, ["[WITHHELD]", "[REDACTED]"], "r1.txt"),
        release(r2, ["█████"], "r2.txt"),
        release(r3, ["[s.43(2)]"], "r3.txt"),
    ]


def test_each_redacted_passage_lists_the_releases_that_disclosed_it() -> None:
    result = diff_releases(three_releases())
    first = result.releases[0].text
    rows = [(first[d.passage.start : d.passage.end], d.status, d.text) for d in result.disclosures]
    assert rows == [
        ("[WITHHELD]", ("redacted", "redacted", "disclosed"), PLACE),
        ("[REDACTED]", ("redacted", "disclosed", "redacted"), NAME),
    ]
    assert [d.disclosed_in for d in result.disclosures] == [(2,), (1,)]
    assert [d.source for d in result.disclosures] == [2, 1]


def test_text_the_first_release_shows_is_tracked_when_a_later_one_hides_it() -> None:
    releases = [release(BASE, [], "r1.txt"), release(BASE.replace(NAME, "[X]"), ["[X]"], "r2.txt")]
    releases.append(release(BASE, [], "r3.txt"))
    (item,) = diff_releases(releases).disclosures
    assert item.status == ("disclosed", "redacted", "disclosed")
    assert (item.text, item.source) == (NAME, 0)


def test_reconstruction_fills_each_recovered_span_and_marks_its_release() -> None:
    result = diff_releases(three_releases())
    text = result.reconstruction()
    expected_body = BASE.replace(NAME, recovered_mark(NAME, 1)).replace(
        PLACE, recovered_mark(PLACE, 2)
    )
    assert text.startswith(expected_body)
    assert "⟦Corrie Civil Works⟧{R2}" in text and "⟦Tarn Moss⟧{R3}" in text
    assert "R3: r3.txt" in text


def test_a_pdf_release_and_a_text_release_align_with_offsets_into_each_text(
    make_pdf: MakePdf, tmp_path: Path
) -> None:
    lines = [
        "Minutes of the Glenhollow Water Board, 3 March 2025.",
        "The panel recommended the lower bid from Corrie Civil Works.",
        "The board resolved to award the aqueduct contract in June.",
    ]
    pdf = make_pdf(lines, name="first.pdf")
    second = tmp_path / "second.txt"
    second.write_text(
        "Minutes of the Glenhollow Water Board,\n3 March 2025. The panel recommended the lower\n"
        "bid from [REDACTED]. The board resolved to\naward the aqueduct contract in June.\n",
        encoding="utf-8",
    )
    result = diff_files([pdf, second])
    (change,) = result.comparisons[0].changes
    assert change.type is ChangeType.WITHHELD
    with load_document(pdf) as document:
        pdf_text = document.text()
    assert change.a is not None and pdf_text[change.a.start : change.a.end] == NAME
    assert change.b is not None and change.b.text == "[REDACTED]"
    assert load_release(second).text[change.b.start : change.b.end] == "[REDACTED]"


def test_a_black_box_in_one_pdf_faces_the_words_in_the_other(tmp_path: Path) -> None:
    def first(page: pymupdf.Page) -> None:
        write_line(page, "Minutes of the Glenhollow Water Board, 3 March 2025.", y=100)
        write_line(page, f"The panel recommended the lower bid from {NAME} for the work.", y=116)

    def second(page: pymupdf.Page) -> None:
        write_line(page, "Minutes of the Glenhollow Water Board, 3 March 2025.", y=100)
        redacted_line(page, "The panel recommended the lower bid from", NAME, "for the work.", 116)

    a = save_pdf(tmp_path / "a.pdf", [first])
    b = save_pdf(tmp_path / "b.pdf", [second])
    (change,) = diff_files([a, b]).comparisons[0].changes
    assert change.type is ChangeType.WITHHELD
    assert change.a is not None and change.a.text == NAME
    assert change.redaction is not None and change.redaction.kind == "box"
    assert change.redaction.marker == "[box]"
