"""Missing values: withheld or blank money after a currency, after a label, in a table column."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactview.detectors import detect_page, missing_values
from redactview.loaders import load_document
from redactview.model import Kind
from tests.core.text_pages import run, text_page
from tests.fixtures.pdfs import save_pdf, write_line


def found(text: str) -> list[tuple[str, str | None]]:
    return [(r.marker, r.field) for r in run(missing_values.detect, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A fee of £[REDACTED] was agreed.", [("[REDACTED]", "fee")]),  # the field, not the article
        ("Contingency sum: £*****", [("*****", "Contingency sum")]),
        ("costing €XX,XXX in total", [("XX,XXX", "costing")]),
        ("paid $████ to them", [("████", "paid")]),
        ("Total: USD XXXX", [("XXXX", "Total")]),
        ("The sum of GBP [s.43(2)] was paid", [("[s.43(2)]", "sum")]),
        ("and a further £ was paid", [("£", "and a further")]),
        ("The agreed price was £.", [("£", "agreed price")]),
        ("Total cost: £", [("£", "Total cost")]),
        ("Contract value:", [("", "Contract value")]),
        ("Price: [REDACTED]", [("[REDACTED]", "Price")]),
        ("Fee:   Withheld", [("Withheld", "Fee")]),
        ("Amount: £ [", [("[", "Amount")]),
    ],
)
def test_withheld_or_blank_amounts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We paid £5,000 and $12 and €3.50 and GBP 1,200.",
        "Amount: 1,200\nPrice: £300",
        "Contract value:\n£12,400 including VAT",
        "Values are shown as Value (£) and cost in £/month.",
        "echo $HOME and $PATH",
        "GBP exchange rates and the USD index",
        "Currency: GBP",
        "Item        Qty     £\nPens        4       2.40",
        "Fee: to be confirmed",
        "Spend was £1.2m against a budget of £1.5m. Costs:\n  * staff: £600,000",
        "Item   Qty   Unit price   Total\n"
        "Pens   40    £0.50        £20.00\n"
        "Total                     £20.00",
    ],
)
def test_present_amounts_and_headings_are_not_missing(text: str) -> None:
    assert found(text) == []


SPACED_TABLE = """\
Supplier          Service       Contract value
Brightwater Ltd   Cleaning             £12,400
Harbour Foods     Catering
Kestrel IT        Support           [REDACTED]
Total                                  £*****
"""

PIPE_TABLE = """\
| Item        | Cost (£)  |
|-------------|-----------|
| Catering    | 1,200.00  |
| Consultancy | ████████  |
| Travel      |           |
"""

TAB_TABLE = "Item\tYear\tSpend\nPens\t2024\t£40\nDesks\t2024\t\nChairs\t2024\ts.43(2)\n"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            SPACED_TABLE,
            [
                ("", "row Harbour Foods, column Contract value"),
                ("[REDACTED]", "row Kestrel IT, column Contract value"),
                ("*****", "row Total, column Contract value"),
            ],
        ),
        (
            PIPE_TABLE,
            [("████████", "row Consultancy, column Cost (£)"), ("", "row Travel, column Cost (£)")],
        ),
        (TAB_TABLE, [("", "row Desks, column Spend"), ("s.43(2)", "row Chairs, column Spend")]),
    ],
)
def test_money_columns_in_text_tables(table: str, expected: list[tuple[str, str]]) -> None:
    assert found(table) == expected


def test_a_blank_cell_sits_on_its_row() -> None:
    (blank,) = [r for r in run(missing_values.detect, SPACED_TABLE) if not r.marker]
    assert blank.line == 3
    assert blank.start == SPACED_TABLE.index("Catering") + len("Catering")
    assert blank.kind is Kind.MISSING_VALUE and blank.detector == "missing_values.table"


def test_a_column_without_any_figure_is_not_a_money_column() -> None:
    table = "Name          Value\nAlpha\nBeta          high\n"
    assert found(table) == []


def test_money_marker_is_one_missing_value_not_a_label_as_well() -> None:
    (only,) = detect_page(text_page("The fee of £[REDACTED - s.43(2)] was agreed."))
    assert (only.kind, only.marker) == (Kind.MISSING_VALUE, "[REDACTED - s.43(2)]")
    assert only.exemption == "s.43(2)"


def test_a_pdf_table_row_with_a_blank_value(tmp_path: Path) -> None:
    def page(p):  # type: ignore[no-untyped-def]
        write_line(p, "Supplier", x=72, y=100)
        write_line(p, "Contract value", x=300, y=100)
        write_line(p, "Brightwater Ltd", x=72, y=120)
        write_line(p, "£12,400", x=320, y=120)
        write_line(p, "Harbour Foods", x=72, y=140)
        write_line(p, "Kestrel IT", x=72, y=160)
        write_line(p, "£9,100", x=322, y=160)

    path = save_pdf(tmp_path / "register.pdf", [page])
    with load_document(path) as document:
        (pdf_page,) = list(document.iter_pages())
    (blank,) = missing_values.detect(pdf_page)
    assert blank.field == "row Harbour Foods, column Contract value"
    assert blank.line == 3 and blank.bbox is not None
    assert blank.bbox[0] >= 290 and 130 < blank.bbox[3] < 150
