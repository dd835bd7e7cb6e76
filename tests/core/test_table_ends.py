"""Where a money table ends, and which blank cells in it read as withheld values.

Each case pairs a line that is not a row of the table (and must not be reported) with the
nearest thing that is (and must still be), run through `redactview scan` as a user would.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from redactview.cli import main
from tests.fixtures.pdfs import draw_rule, save_pdf, write_line

HEADER = "Ref      Supplier          Value"
ROW = "CDC-1    Fenlark Ltd       £12,000"


def missing(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The fields of the missing values `redactview scan` reports for `path`."""
    assert main(["scan", "-j", "0", "-f", "json", str(path)]) == 0
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    return [r["field"] for r in document["redactions"] if r["kind"] == "missing_value"]


def scan_text(tmp_path: Path, capsys: pytest.CaptureFixture[str], *lines: str) -> list[str]:
    """The missing values `redactview scan` reports for a text file of `lines`."""
    path = tmp_path / "table.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return missing(path, capsys)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("Officer: Jane Doe", []),  # a `Label: value` line of prose
        ("Contract summary", []),  # a lone heading under a three-column table
        ("Note: values exclude VAT", []),
        ("* Estimated at award", []),
        ("Note:    Values exclude VAT", []),  # a note cut into two columns
        ("Source:  Finance system", []),
        ("FOI 0431     Page 1 of 2", []),  # a page footer
        ("CDC-2    Harbour Foods", ["row CDC-2, column Value"]),  # a row, its value blank
        ("CDC-2    Harbour Foods     [REDACTED]", ["row CDC-2, column Value"]),
    ],
)
def test_lines_after_a_text_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], last: str, expected: list[str]
) -> None:
    assert scan_text(tmp_path, capsys, HEADER, ROW, last) == expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("Officer: Jane Doe", []),  # prose ends the table: the next line is not its row
        ("CDC-2    Harbour Foods", ["row CDC-2, column Value", "row Anna Bell, column Value"]),
    ],
)
def test_rows_after_prose_are_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], after: str, expected: list[str]
) -> None:
    assert scan_text(tmp_path, capsys, HEADER, ROW, after, "Anna Bell    Officer") == expected


def test_a_line_cut_into_more_columns_than_the_header_ends_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = "Name    Role      Team     Phone"
    row = "Ann     Officer   Fleet    01632 960000"
    assert scan_text(tmp_path, capsys, HEADER, ROW, other, row, "Bo      Clerk") == []
    assert scan_text(tmp_path, capsys, HEADER, ROW, "Bo      Clerk") == ["row Bo, column Value"]


def test_a_trailing_tab_is_not_another_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ("Item\tYear\tSpend", "Pens\t2024\t£40\t", "Desks\t2024\t\t", "Chairs\t2024\t\t")
    assert scan_text(tmp_path, capsys, *lines) == [
        "row Desks, column Spend",
        "row Chairs, column Spend",
    ]


def test_a_two_column_table_reads_a_lone_label_as_a_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ("Supplier          Value", "Fenlark Ltd       £12,000", "Harbour Foods")
    assert scan_text(tmp_path, capsys, *lines) == ["row Harbour Foods, column Value"]
    lines = ("Supplier          Value", "Fenlark Ltd       £12,000", "Officer: Jane Doe")
    assert scan_text(tmp_path, capsys, *lines) == []


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Net total", []),
        ("Sub-total", []),
        ("Pens", ["row Pens, column Unit price"]),
    ],
)
def test_a_totals_line_leaves_unit_prices_blank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, expected: list[str]
) -> None:
    lines = (
        "Item        Qty   Unit price   Cost",
        "Desks       4     £120.00      £480.00",
        f"{label:<12}{'':18}£480.00",
    )
    assert scan_text(tmp_path, capsys, *lines) == expected


@pytest.mark.parametrize(
    ("heading", "cells", "expected"),
    [
        ("Payment date", ("01/04/2024", "15 May 2024"), []),
        ("Payment terms", ("30 days", "60 days"), []),
        ("Payment", ("£1,200", "£950"), ["row CDC-3, column Payment"]),
    ],
)
def test_dates_and_durations_do_not_make_a_money_column(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    heading: str,
    cells: tuple[str, str],
    expected: list[str],
) -> None:
    lines = (
        f"Ref      Supplier          {heading}",
        f"CDC-1    Fenlark Ltd       {cells[0]}",
        f"CDC-2    Harbour Foods     {cells[1]}",
        "CDC-3    Kestrel IT",
    )
    assert scan_text(tmp_path, capsys, *lines) == expected


def banded_table(*below: tuple[str, float]) -> Callable[[pymupdf.Page], None]:
    """A table whose header is on a dark band, one row, and lines at baselines below it."""

    def draw(page: pymupdf.Page) -> None:
        page.draw_rect(pymupdf.Rect(72, 100, 520, 118), color=(0, 0, 0), fill=(0, 0, 0))
        write_line(page, HEADER, x=76, y=113, colour=(1, 1, 1))
        write_line(page, ROW, x=76, y=133)
        for text, y in below:
            write_line(page, text, x=76, y=y)

    return draw


def test_the_reported_pdf_shows_only_the_leaky_box(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def draw(page: pymupdf.Page) -> None:
        banded_table(("Officer: Jane Doe", 153))(page)
        page.draw_rect(pymupdf.Rect(120, 143, 180, 157), color=(0, 0, 0), fill=(0, 0, 0))
        page.draw_rect(pymupdf.Rect(72, 200, 520, 218), color=(0.1, 0.1, 0.3), fill=(0.1, 0.1, 0.3))
        write_line(page, "Contract summary", x=76, y=213, colour=(1, 1, 1))

    path = save_pdf(tmp_path / "hdr.pdf", [draw])
    assert main(["scan", "-j", "0", "-f", "json", str(path)]) == 0
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    assert [(r["kind"], r["line"]) for r in document["redactions"]] == [("text_under_box", 3)]


@pytest.mark.parametrize(
    ("y", "expected"),
    [
        (153, ["row CDC-2, column Value"]),  # the next row at the table's pitch
        (213, []),  # three rows' height further down: not a row of this table
    ],
)
def test_a_gap_ends_a_pdf_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], y: float, expected: list[str]
) -> None:
    path = save_pdf(tmp_path / "gap.pdf", [banded_table(("CDC-2    Harbour Foods", y))])
    assert missing(path, capsys) == expected


@pytest.mark.parametrize("y", [153, 800])
def test_a_page_footer_under_a_pdf_table_is_not_a_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], y: float
) -> None:
    footer = ("FOI 0431     Page 1 of 2", y)  # fills two columns
    path = save_pdf(tmp_path / "footer.pdf", [banded_table(footer)])
    assert missing(path, capsys) == []


@pytest.mark.parametrize(
    ("size", "font", "expected"),
    [
        (15.0, "helv", []),  # set bigger than the rows: a heading
        (11.0, "hebo", []),  # set bold under plain rows: a heading
        (11.0, "helv", ["row Harbour Foods, column Value"]),
    ],
)
def test_a_pdf_heading_ends_a_two_column_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], size: float, font: str, expected: list[str]
) -> None:
    def draw(page: pymupdf.Page) -> None:
        write_line(page, "Supplier", x=72, y=100)
        write_line(page, "Value", x=300, y=100)
        write_line(page, "Fenlark Ltd", x=72, y=120)
        write_line(page, "£12,000", x=300, y=120)
        page.insert_text((72, 140), "Harbour Foods", fontsize=size, fontname=font)

    path = save_pdf(tmp_path / "heading.pdf", [draw])
    assert missing(path, capsys) == expected


def ruled_table(rows: list[tuple[str, str, str]], header: str) -> Callable[[pymupdf.Page], None]:
    """A ruled three-column table: item, supplier, and a third column headed `header`."""
    xs, top, height = (72.0, 200.0, 330.0, 450.0), 300.0, 20.0

    def draw(page: pymupdf.Page) -> None:
        body = [("Item", "Supplier", header), *rows]
        for index, cells in enumerate(body):
            for x, cell in zip(xs, cells, strict=False):
                if cell:
                    write_line(page, cell, x=x + 3, y=top + index * height + 14)
        bottom = top + len(body) * height
        for index in range(len(body) + 1):
            draw_rule(page, (xs[0], top + index * height), (xs[-1], top + index * height))
        for x in xs:
            draw_rule(page, (x, top), (x, bottom))

    return draw


@pytest.mark.parametrize(
    ("row", "header", "reported"),
    [
        (("Highways", "", ""), "Cost", False),  # a section heading across the row
        (("Total", "", ""), "Cost", False),
        (("Gully", "Fenlark", ""), "Qty", False),  # counts, not money
        (("Gully", "Fenlark", ""), "Cost", True),
        (("Gully", "Fenlark", ""), "Q1", True),  # no money word, but sums of money
    ],
)
def test_ruled_table_blank_cells(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    row: tuple[str, str, str],
    header: str,
    reported: bool,
) -> None:
    values = ("4", "12") if header == "Qty" else ("£1,200.00", "£950.00")
    rows = [("Lighting", "Lumen Arc", values[0]), row, ("Toilets", "Tallowmere", values[1])]
    path = save_pdf(tmp_path / "ruled.pdf", [ruled_table(rows, header)])
    assert ["Gully" in field for field in missing(path, capsys)] == ([True] if reported else [])


REGISTER = "Supplier              Service              Value"


@pytest.mark.parametrize(
    "row",
    [
        "Source BioScience     Testing              £4,000",  # starts like a `Source:` note
        "*Harbour Foods        Catering             £8,950",  # a footnote mark on a row
        "Brightwater Ltd       Cleaning  (phase 2)  £12,400",  # a cell cut by a double space
    ],
)
def test_rows_that_only_look_like_notes_or_extra_columns_keep_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str
) -> None:
    lines = (REGISTER, "Fenlark Ltd           Grounds              £3,100", row)
    blank = "Kestrel IT            Support"
    assert scan_text(tmp_path, capsys, *lines, blank) == ["row Kestrel IT, column Value"]


def test_an_instalment_column_is_not_a_page_footer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (
        "Payee                 Instalment     Amount",
        "Brightwater Ltd       1 of 3         £12,400",
        "Brightwater Ltd       2 of 3",
    )
    assert scan_text(tmp_path, capsys, *lines) == ["row Brightwater Ltd, column Amount"]


def test_a_sentence_after_a_two_column_table_is_not_a_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ("Supplier          Amount", "Fenlark Ltd       £3,100", "Figures exclude VAT.")
    assert scan_text(tmp_path, capsys, *lines) == []
    lines = ("Supplier          Amount", "Fenlark Ltd       £3,100", "Harbour Foods Ltd.")
    assert scan_text(tmp_path, capsys, *lines) == ["row Harbour Foods Ltd., column Amount"]
    lines = ("Supplier          Amount", "Fenlark Ltd       £3,100", "IBM United Kingdom Corp.")
    assert scan_text(tmp_path, capsys, *lines) == ["row IBM United Kingdom Corp., column Amount"]


def test_a_sum_with_a_term_is_still_money(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (REGISTER, "Fenlark Ltd           Grounds              £36,000 over 3 years")
    assert scan_text(tmp_path, capsys, *lines, "Kestrel IT            Support") == [
        "row Kestrel IT, column Value"
    ]


def test_a_wrapped_cell_does_not_shrink_a_pdf_table_to_its_line_spacing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def draw(page: pymupdf.Page) -> None:
        rows = [
            (("Supplier", "Service", "Value"), 140.0),
            (("Brightwater Ltd", "Cleaning of the depot", "£12,400"), 180.0),
            (("", "and offices", ""), 192.0),  # the service wraps onto a second line
            (("Harbour Foods", "Catering", "£8,950"), 232.0),
            (("Kestrel IT", "Support", ""), 272.0),
        ]
        for cells, y in rows:
            for x, text in zip((72, 230, 430), cells, strict=True):
                if text:
                    page.insert_text((x, y), text, fontsize=10)

    path = save_pdf(tmp_path / "wrapped.pdf", [draw])
    assert missing(path, capsys) == ["row Kestrel IT, column Value"]
