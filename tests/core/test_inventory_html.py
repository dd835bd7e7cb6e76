"""The HTML inventory as a reader sees it: every redaction once, counts that add up, exemption
names, leaks marked, document text shown literally, and one self-contained printable file."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest

from redactview.export import format_for_path, render_inventory, write_inventory
from redactview.loaders import LoadOptions
from redactview.model import (
    DocumentReport,
    ExemptionSource,
    Format,
    Inventory,
    Kind,
    Redaction,
    ScanError,
)
from redactview.scan import ScanOptions, scan_paths
from tests.core.conftest import MakePdf
from tests.core.html_tree import Node, parse
from tests.fixtures.pdfs import box_over, draw_box, write_line

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_docs"
ESC, NUL, RLO = "\x1b", "\x00", "\u202e"
HOSTILE_LETTER = (
    "Dear Ms Arden,\n\n"
    "The note <script>alert(1)</script> went to [REDACTED] " + ESC + "[31mred" + ESC + "[0m "
    "& Co " + RLO + "evil [/b] on the day.\n"
    "The fee of ********** was withheld under section 43(2).\n"
)


@functools.cache
def sample_inventory() -> Inventory:
    """Every sample document, scanned once (no OCR: the text layer is enough here)."""
    options = ScanOptions(load=LoadOptions(ocr=False), jobs=0)
    return scan_paths([SAMPLE_DIR], options)


def page_of(inventory: Inventory) -> Node:
    """The inventory rendered as HTML, parsed."""
    return parse(render_inventory(inventory, "html"))


def sections(root: Node) -> list[Node]:
    """One section per document, in order."""
    return root.find_all("section", "document")


def redaction_rows(section: Node) -> list[Node]:
    """The rows of a document's redaction table."""
    return section.find_all("tr", "redaction")


def number_in(box: Node) -> int:
    """The count shown in a summary box ("Leaky 3")."""
    return int(box.find("b").text())


def table_counts(table: Node) -> dict[str, int]:
    """A counts table as {what is counted: count}, the header left out; what is counted is the
    first cell's first element (a kind or code, not the note under it), else its text."""
    counts = {}
    for cells in (row.find_all("td") for row in table.find_all("tr")):
        if cells:
            first = cells[0].find_all()
            counts[(first[0] if first else cells[0]).text()] = int(cells[-1].text())
    return counts


def in_page_order(report: DocumentReport) -> list[Redaction]:
    """The report's redactions by page, keeping their order within a page."""
    return sorted(report.redactions, key=lambda r: r.page)


def test_every_sample_redaction_appears_once_in_page_order() -> None:
    inventory = sample_inventory()
    assert len(inventory.documents) >= 5
    for report, section in zip(inventory.documents, sections(page_of(inventory)), strict=True):
        assert section.find("h2").text() == report.path
        rows = redaction_rows(section)
        shown = [row.find("code", "rid").text() for row in rows]
        assert shown == [r.id for r in in_page_order(report)]
        text = section.text()
        assert all(text.count(rid) == 1 for rid in shown)
        pages = [int(re.search(r"page (\d+)", row.find("td", "where").text())[1]) for row in rows]  # type: ignore[index]
        assert pages == sorted(pages) == [r.page for r in in_page_order(report)]


def test_summary_counts_match_the_redactions_listed() -> None:
    inventory = sample_inventory()
    for report, section in zip(inventory.documents, sections(page_of(inventory)), strict=True):
        rows = redaction_rows(section)
        total, leaky, uncited = section.find("div", "totals").find_all("div")
        assert number_in(total) == len(rows) == len(report.redactions)
        assert number_in(leaky) == sum("leaky" in row.classes for row in rows)
        assert number_in(uncited) == sum(r.exemption is None for r in report.redactions)
        assert number_in(uncited) == sum("No exemption linked" in row.text() for row in rows)
        if not rows:
            continue
        by_kind, by_exemption = section.find_all("table", "counts")
        kinds_shown = [row.find("span", "kind").text() for row in rows]
        assert table_counts(by_kind) == {k: kinds_shown.count(k) for k in set(kinds_shown)}
        expected = {(r.exemption or "No exemption linked") for r in report.redactions}
        counts = table_counts(by_exemption)
        assert set(counts) == expected
        for code, count in counts.items():
            wanted = None if code == "No exemption linked" else code
            assert count == sum(r.exemption == wanted for r in report.redactions)


def test_overview_totals_add_up_over_documents() -> None:
    inventory = sample_inventory()
    root = page_of(inventory)
    overview = root.find("header").find("table")
    rows = [row.find_all("td") for row in overview.find_all("tr")][1:]
    assert [cells[0].text() for cells in rows] == [d.path for d in inventory.documents]
    assert [int(cells[3].text()) for cells in rows] == [
        len(d.redactions) for d in inventory.documents
    ]
    total = sum(len(d.redactions) for d in inventory.documents)
    assert f"{total} redaction(s)" in root.find("header").find_all("p")[0].text()
    anchors = {node.attrs["id"] for node in root.iter() if "id" in node.attrs}
    links = [a.attrs["href"] for a in root.find_all("a")]
    assert links and all(href.startswith("#") and href[1:] in anchors for href in links)


def _one_report(*redactions: Redaction, path: str = "release.pdf") -> Inventory:
    report = DocumentReport(path, "cd" * 32, Format.PDF, 2, redactions=redactions)
    return Inventory(documents=(report,))


def exemption_cell(row: Node) -> str:
    """The text of a redaction row's exemption cell, spaces collapsed."""
    return " ".join(row.find_all("td")[-1].text().split())


@pytest.mark.parametrize(
    ("exemption", "names"),
    [
        ("s.43(2)", ["Commercial interests"]),
        ("reg.12(5)(e)", ["Confidentiality of commercial or industrial information"]),
        ("(b)(7)(C)", ["Personal privacy in law enforcement records"]),
        ("FOISA s.38(1)(b)", ["Personal information"]),
        ("s.40(2), s.31(1)(a)", ["Personal information", "Law enforcement"]),
    ],
)
def test_exemption_names_for_codes_the_document_does_not_cite(
    exemption: str, names: list[str]
) -> None:
    redaction = Redaction(
        Kind.LABEL, 1, "marks.label", marker="[withheld]", start=10, end=20, line=1,
        exemption=exemption, exemption_source=ExemptionSource.LABEL, exemption_confidence=0.95,
    )  # fmt: skip
    section = sections(page_of(_one_report(redaction)))[0]
    (row,) = redaction_rows(section)
    cell = exemption_cell(row)
    for code, name in zip(exemption.split(", "), names, strict=True):
        assert f"{code} {name}" in cell
    assert "source: label (named in the marker itself)" in cell and "confidence 95%" in cell
    (by_exemption,) = [t for t in section.find_all("table", "counts") if "Name" in t.text()]
    (cells,) = [row.find_all("td") for row in by_exemption.find_all("tr")][1:]
    assert [c.text() for c in cells] == [exemption, "; ".join(names), "", "1"]  # none a guess


def test_guesses_are_counted_apart_in_the_summary_and_the_cited_table() -> None:
    guess = Redaction(
        Kind.MISSING_VALUE, 1, "missing_values", marker="", start=10, end=20, line=1,
        exemption="s.43(2)", exemption_source=ExemptionSource.INFERRED, exemption_confidence=0.3,
    )  # fmt: skip
    named = replace(guess, start=30, end=40, exemption_source=ExemptionSource.LABEL)
    section = sections(page_of(_one_report(guess, named)))[0]
    (by_exemption,) = [t for t in section.find_all("table", "counts") if "Name" in t.text()]
    (cells,) = [row.find_all("td") for row in by_exemption.find_all("tr")][1:]
    assert [c.text() for c in cells][2:] == ["1", "2"]  # one of the two is a guess


def test_cited_exemptions_are_named_and_counted(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(HOSTILE_LETTER, encoding="utf-8")
    inventory = scan_paths([letter], ScanOptions(jobs=0))
    (report,) = inventory.documents
    section = sections(page_of(inventory))[0]
    cited = [t for t in section.find_all("table") if "As printed" in t.text()]
    (table,) = cited
    (cells,) = [row.find_all("td") for row in table.find_all("tr")][1:]
    assert [c.text() for c in cells[:3]] == ["s.43(2)", "Commercial interests", "FOIA"]
    assert cells[3].text() == "p.1 l.4"
    assert cells[4].text() == "section 43(2)"
    assert int(cells[5].text()) == sum(r.exemption == "s.43(2)" for r in report.redactions)


def test_document_text_is_shown_literally_and_never_as_markup(tmp_path: Path) -> None:
    letter = tmp_path / "a<u>&amp;.txt"
    letter.write_text(HOSTILE_LETTER, encoding="utf-8")
    inventory = scan_paths([letter], ScanOptions(jobs=0))
    page = render_inventory(inventory, "html")
    assert "<script" not in page.lower() and "<u>" not in page
    assert not {ESC, NUL, RLO} & set(page)
    section = sections(parse(page))[0]
    assert section.find("h2").text() == str(letter)
    (label,) = [row for row in redaction_rows(section) if "[REDACTED]" in row.text()]
    before = label.find("span", "text").find_all("span", "ctx")[0].text()
    after = label.find("span", "text").find_all("span", "ctx")[1].text()
    assert before.endswith("<script>alert(1)</script> went to ")
    assert after.startswith(" \u241b[31mred\u241b[0m & Co \ufffdevil [/b]")
    assert label.find("mark", "marker").text() == "[REDACTED]"


def test_a_leak_shows_its_text_clearly_and_safely() -> None:
    leak = Redaction(
        Kind.TEXT_UNDER_BOX, 2, "boxes", leaky=True, bbox=(72.0, 90.0, 160.0, 104.0),
        leaked_text="Dr Imogen Vale <img src=x onerror=alert(1)> " + ESC + "]8;;x" + ESC + "\\",
    )  # fmt: skip
    tidy = Redaction(Kind.BOX, 1, "boxes", bbox=(72.0, 120.0, 160.0, 134.0), est_chars=12)
    page = render_inventory(_one_report(leak, tidy), "html")
    assert "<img" not in page and ESC not in page
    first, second = redaction_rows(sections(parse(page))[0])
    assert "leaky" not in first.classes and first.find_all(cls="leak") == []
    assert "box (72, 120)–(160, 134) pt" in first.find("td", "where").text()
    assert "leaky" in second.classes and "LEAKY" in second.find("span", "badge").text()
    shown = second.find("div", "leak").find("span", "leaked").text()
    assert shown == "Dr Imogen Vale <img src=x onerror=alert(1)> \u241b]8;;x\u241b\\"


def test_a_leaky_pdf_box_lists_the_words_under_it(make_pdf: MakePdf) -> None:
    line = "The contract was signed by Jane Doe in May"

    def draw(page: pymupdf.Page) -> None:
        write_line(page, line, y=100)
        draw_box(page, box_over(line, "Jane Doe", 100))

    inventory = scan_paths([make_pdf(draw, name="leaky.pdf")], ScanOptions(jobs=0))
    (row,) = [r for r in redaction_rows(sections(page_of(inventory))[0]) if "leaky" in r.classes]
    assert row.find("span", "leaked").text() == "Jane Doe"


def test_errors_are_listed_last_and_literally() -> None:
    inventory = Inventory(
        documents=_one_report(Redaction(Kind.BOX, 1, "boxes")).documents,
        errors=(ScanError("bad<1>.pdf", "bad<1>.pdf: empty file " + ESC + "[2J"),),
    )
    root = page_of(inventory)
    body = root.find("body")
    last_section = [child for child in body.children if isinstance(child, Node)][-2]
    assert "errors" in last_section.classes
    (cells,) = [row.find_all("td") for row in last_section.find_all("tr")][1:]
    assert [c.text() for c in cells] == ["bad<1>.pdf", "bad<1>.pdf: empty file \u241b[2J"]


def test_a_huge_marker_is_shortened_and_says_so() -> None:
    marker = "*" * 5000
    page = render_inventory(
        _one_report(Redaction(Kind.ASTERISKS, 1, "marks", marker=marker)), "html"
    )
    (row,) = redaction_rows(sections(parse(page))[0])
    shown = row.find("mark", "marker").text()
    assert 0 < len(shown) < len(marker) and set(shown) == {"*"}
    assert "5000 characters in all" in row.text()
    assert len(page) < 20_000


def test_the_page_is_self_contained_and_prints_on_a4() -> None:
    page = render_inventory(sample_inventory(), "html")
    lowered = page.lower()
    for outside in ("<script", "<link", "<img", "src=", "url(", "@import", "http://", "https://"):
        assert outside not in lowered
    style = parse(page).find("style").text()
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", style)
    assert re.search(r"section\.document\s*\{[^}]*break-before:\s*page", style)


def test_an_empty_inventory_still_renders() -> None:
    root = page_of(Inventory())
    assert sections(root) == []
    assert "No documents were scanned." in root.text()


@pytest.mark.parametrize("name", ["inventory.html", "INVENTORY.HTM", "appeal/inv.htm"])
def test_html_and_htm_file_names_ask_for_html(name: str) -> None:
    assert format_for_path(name) == "html"


def test_write_inventory_writes_the_html_whole(tmp_path: Path) -> None:
    path = tmp_path / "inventory.html"
    path.write_text("old", encoding="utf-8")
    inventory = _one_report(Redaction(Kind.LABEL, 1, "marks", marker="[REDACTED]", start=0, end=10))
    write_inventory(inventory, path, "html")
    assert path.read_text(encoding="utf-8") == render_inventory(inventory, "html")
    assert [p.name for p in tmp_path.iterdir()] == ["inventory.html"]


def test_document_facts_and_warnings_are_shown() -> None:
    report = DocumentReport(
        "scans/memo" + ESC + "[2J.pdf", "ef" * 32, Format.PDF, 7,
        warnings=("page 3: no text layer <b>OCR</b> " + RLO + "skipped",),
    )  # fmt: skip
    section = sections(page_of(Inventory(documents=(report,))))[0]
    assert section.find("h2").text() == "scans/memo\u241b[2J.pdf"
    facts = {
        row.find("th").text(): row.find("td").text()
        for row in section.find("table", "facts").find_all("tr")
    }
    assert facts == {"Format": "pdf", "Pages": "7", "SHA-256": "ef" * 32}
    (warning,) = section.find_all("p", "warning")
    assert warning.text() == "Warning: page 3: no text layer <b>OCR</b> \ufffdskipped"
    assert "No redactions were found in this document." in section.text()


def test_rendering_loads_no_ui_library_and_no_pdf_library() -> None:
    code = (
        "import sys; from redactview.export import render_inventory; "
        "from redactview.model import Inventory; render_inventory(Inventory(), 'html'); "
        "print(sorted(m for m in ('textual', 'rich', 'pymupdf') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_file_name_that_is_not_utf8_still_writes(tmp_path: Path) -> None:
    undecodable = "caf\udce9.pdf"  # how Python names a file whose bytes are not UTF-8
    inventory = Inventory(errors=(ScanError(undecodable, undecodable + ": empty file"),))
    path = tmp_path / "inventory.html"
    write_inventory(inventory, path, "html")
    rows = parse(path.read_text(encoding="utf-8")).find("section", "errors").find_all("td")
    assert [td.text() for td in rows] == ["caf\ufffd.pdf", "caf\ufffd.pdf: empty file"]
