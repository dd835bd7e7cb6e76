"""Money columns in plain-text tables where some rows give a figure and others a blank or a mask.

Columns are separated by `|` pipes, tabs, or runs of two or more spaces (PDF rows arrive that
way too: see `merge_rows` in the PDF loader). Pipe and tab cells line up by index; space cells
by position under the header (x from the spans on PDF lines, the character column otherwise):

    Supplier          Service       Contract value     <- header: one column is about money
    Brightwater Ltd   Cleaning             £12,400     <- a figure: this column holds figures
    Harbour Foods     Catering                         <- nothing under it: a missing value
    Kestrel IT        Support           [REDACTED]     <- a mask: a missing value

A table ends at a blank line, a new header, or where a reader sees it end (see `table_ends`).
A blank is withheld only in a row whose other cells are filled: a lone label with nothing after
it is a heading or a note, and a totals row leaves rates blank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redactview.detectors.money import MONEY_WORDS, TOTAL_LABEL, ValueKind, classify_value
from redactview.detectors.table_ends import TableEnd
from redactview.detectors.text_utils import MAX_PER_RULE, PageText, span_bbox
from redactview.model import BBox, Kind, Line, Redaction

DETECTOR = "missing_values.table"
MAX_ROWS = 500
_SPACE_GAP = re.compile(r"\S(?:\S| (?=\S))*+")
# A figure: `£5`, `12,400`, `3.50`. Written to start with one character class (what each
# alternative begins with, checked again behind it) so the engine skips ahead to candidates.
_FIGURE = re.compile(r"[£$€\d](?:(?<=[£$€])\s?\d|(?<=\d)\d{0,2}(?:,\d{3})+|(?<=\d)\.\d\d\b)")
# Figures that are not sums of money: dates, percentages, durations.
_NOT_AMOUNT = re.compile(
    r"\d\s*(?:[/-]\d{1,2}[/-]\d|%|(?:days?|weeks?|months?|years?|hours?)\b)"
    r"|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)
_RULE_ROW = re.compile(r"^[\s|:+=_-]*$")
_SEPARATORS = ("  ", "\t", "|")
# Every match of MONEY_WORDS holds one of these (after case folding).
_MONEY_CUES = (
    "£", "$", "€", "gbp", "usd", "eur", "value", "cost", "amount", "price", "fee", "spen",
    "budget", "salary", "pa", "sum", "total", "charge", "award", "worth",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a row: its text, page-relative offsets and horizontal extent."""

    text: str
    start: int
    end: int
    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class Row:
    """A line split into cells, and how the cells were separated."""

    line: Line
    start: int  # page-relative offset of the line
    cells: tuple[Cell, ...]
    mode: str  # "pipe", "tab" or "space"


def table_values(text: PageText) -> list[Redaction]:
    """Missing values in every money table on the page."""
    page = text.text
    if "  " not in page and "\t" not in page and "|" not in page:
        return []
    found: list[Redaction] = []
    lines = text.lines
    separators = [sep for sep in _SEPARATORS if sep in page]
    index = _next_separated(text, separators, 0)
    while index < len(lines):
        header = _header(text, lines[index]) if _may_head(text.line_text(index)) else None
        if header is None:
            index = _next_separated(text, separators, index + 1)
            continue
        rows = _rows(text, lines, index + 1, header)
        found.extend(_missing(text, header, rows))
        index = _next_separated(text, separators, index + 1 + len(rows))
        if len(found) >= MAX_PER_RULE:
            break
    return found


def _next_separated(text: PageText, separators: list[str], first: int) -> int:
    """The first line from `first` on holding a column separator (len(lines) when none does).

    The separators are found with `str.find` over the page, so lines of prose between tables
    cost no Python work (when the lines are the page text's, as loaders make them).
    """
    count = len(text.lines)
    if not text.lines_match_text():
        return next((i for i in range(first, count) if _separated(text.line_text(i))), count)
    while first < count:
        offset = text.line_start(first)
        hits = [found for sep in separators if (found := text.text.find(sep, offset)) >= 0]
        if not hits:
            return count
        index = max(first, text.line_index(min(hits)))
        if index >= count or _separated(text.line_text(index)):
            return index
        first = index + 1
    return count


def _separated(raw: str) -> bool:
    return "  " in raw or "\t" in raw or "|" in raw


def _may_head(raw: str) -> bool:
    """Quick tests a header line passes: columns, a money word, no figure."""
    raw = raw.lstrip(" ")  # an indent alone (`  * item`) leaves one cell: not a header
    if not _separated(raw) or _FIGURE.search(raw) or not _may_mention_money(raw):
        return False
    return MONEY_WORDS.search(raw) is not None


def _header(text: PageText, line: Line) -> Row | None:
    if not _may_head(line.text):
        return None
    row = split_row(text, line)
    if len(row.cells) < 2:
        return None
    money = [cell for cell in row.cells if _mentions_money(cell.text)]
    others = [cell for cell in row.cells if not _mentions_money(cell.text)]
    if not money or not others or any(_has_digit(cell.text) for cell in others):
        return None  # a data row ("CDC-0239  ...  £"), not a header
    return row if all(_is_money_heading(cell.text) for cell in money) else None


def _may_mention_money(text: str) -> bool:
    """A quick test that `MONEY_WORDS` could match: a currency sign or a word's letters."""
    folded = text.casefold()  # folds as the regex's IGNORECASE does (`ſ` reads as `s`) …
    if not folded.isascii():
        folded = folded.replace("ı", "i").replace("\u0307", "")  # … and `ı`, `İ` as `i`
    return any(cue in folded for cue in _MONEY_CUES)


def _mentions_money(text: str) -> bool:
    return len(text) <= 40 and MONEY_WORDS.search(text) is not None


def _is_money_heading(text: str) -> bool:
    """`Value`, `Cost (£)`, `2023/24 £k`: a heading about money, not a masked amount."""
    if not _mentions_money(text):
        return False
    return classify_value(text).kind is ValueKind.OTHER or text.strip("()") in ("£", "$", "€")


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _rows(text: PageText, lines: Sequence[Line], first: int, header: Row) -> list[Row]:
    """The rows under a header, down to where the table ends."""
    rows: list[Row] = []
    end = TableEnd(header)
    for index in range(first, min(len(lines), first + MAX_ROWS)):
        if not text.line_text(index).strip():
            break
        line = lines[index]  # made only for the rows a table has
        if _header(text, line) is not None:
            break
        row = split_row(text, line)
        if end.reached(row):
            break
        rows.append(row)
    return rows


def split_row(text: PageText, line: Line) -> Row:
    """Cut a line into cells on pipes, tabs or runs of spaces."""
    raw = line.text
    start = line.start - text.page.start
    if raw.count("|") >= 2:
        return Row(line, start, _split_on(text, line, start, "|"), "pipe")
    if "\t" in raw:
        return Row(line, start, _split_on(text, line, start, "\t"), "tab")
    cells = tuple(
        _cell(text, line, start + m.start(), start + m.end()) for m in _SPACE_GAP.finditer(raw)
    )
    return Row(line, start, cells, "space")


def _split_on(text: PageText, line: Line, start: int, separator: str) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    offset = start
    parts = line.text.split(separator)
    for number, part in enumerate(parts):
        edge = number in (0, len(parts) - 1)
        if not (edge and separator == "|" and not part.strip()):
            lead = len(part) - len(part.lstrip())
            body = part.strip()
            cells.append(_cell(text, line, offset + lead, offset + lead + len(body)))
        offset += len(part) + 1
    return tuple(cells)


def _cell(text: PageText, line: Line, start: int, end: int) -> Cell:
    box = span_bbox(line, text.page.start + start, text.page.start + end) if line.spans else None
    if box is not None:
        return Cell(text.text[start:end], start, end, box[0], box[2])
    column = start - (line.start - text.page.start)
    return Cell(text.text[start:end], start, end, float(column), float(column + end - start))


def _missing(text: PageText, header: Row, rows: list[Row]) -> list[Redaction]:
    found: list[Redaction] = []
    for column, heading in enumerate(header.cells):
        if not _is_money_heading(heading.text):
            continue
        cells = [(row, _cell_under(header, row, column)) for row in rows if _is_data(row)]
        kinds = [classify_value(cell.text).kind if cell else ValueKind.BLANK for _, cell in cells]
        if not any(_is_amount(cell, kind) for (_, cell), kind in zip(cells, kinds, strict=True)):
            continue
        for (row, cell), kind in zip(cells, kinds, strict=True):
            if kind is ValueKind.BLANK and not _is_withheld_blank(header, row, cell):
                continue
            if kind in (ValueKind.BLANK, ValueKind.MASKED):
                found.append(_finding(text, header, row, column, cell, kind))
    return found


def _is_amount(cell: Cell | None, kind: ValueKind) -> bool:
    """True for a figure that is a sum of money (`£36,000 over 3 years`), not a date, a
    percentage or a duration (`30 days`)."""
    if cell is None or kind is not ValueKind.FIGURE:
        return False
    return any(sign in cell.text for sign in "£$€") or not _NOT_AMOUNT.search(cell.text)


def _is_withheld_blank(header: Row, row: Row, cell: Cell | None) -> bool:
    """True when a blank money cell sits in a row whose other cells are filled.

    A lone label with nothing after it is a heading or a note, not a row with its value
    blanked; a totals row leaves unit prices and rates blank.
    """
    if TOTAL_LABEL.match(row.cells[0].text):
        return False
    filled = sum(1 for other in row.cells if other.text and other is not cell)
    return filled >= min(2, len(header.cells) - 1)


def _is_data(row: Row) -> bool:
    return bool(row.cells) and not _RULE_ROW.match(row.line.text)


def _cell_under(header: Row, row: Row, column: int) -> Cell | None:
    """The row's cell in the header's column, or None when the row has nothing there."""
    if row.mode != "space" and header.mode == row.mode:
        return row.cells[column] if column < len(row.cells) else None
    left, right = _region(header, column)
    for cell in row.cells:
        if left <= (cell.x0 + cell.x1) / 2 < right:
            return cell
    return None


def _region(header: Row, column: int) -> tuple[float, float]:
    """The stretch of the line a header cell owns: halfway to its neighbours."""
    cells = header.cells
    left = (cells[column - 1].x1 + cells[column].x0) / 2 if column > 0 else float("-inf")
    last = column == len(cells) - 1
    right = (cells[column].x1 + cells[column + 1].x0) / 2 if not last else float("inf")
    return left, right


def _finding(
    text: PageText, header: Row, row: Row, column: int, cell: Cell | None, kind: ValueKind
) -> Redaction:
    heading = header.cells[column]
    field = f"row {_row_label(header, row, column)}, column {heading.text}"
    if cell is not None and cell.text:
        value = classify_value(cell.text)
        start, end = cell.start + value.start, cell.start + value.end
        if kind is ValueKind.BLANK and value.start == value.end:
            start, end = cell.start, cell.end  # a cell holding only its currency sign
    else:
        start = end = _blank_point(header, row, column, cell)
    confidence = 0.9 if kind is ValueKind.MASKED else (0.7 if row.mode == "space" else 0.8)
    bbox = _blank_box(heading, row.line) if start == end else None
    return text.finding(
        Kind.MISSING_VALUE, DETECTOR, start, end, bbox=bbox, confidence=confidence, field=field
    )


def _row_label(header: Row, row: Row, column: int) -> str:
    for cell in row.cells:
        if cell.text and _cell_under(header, row, column) is not cell:
            return cell.text
    return "?"


def _blank_point(header: Row, row: Row, column: int, cell: Cell | None) -> int:
    """Where an empty cell sits: its own place, else just after the cell to its left."""
    if cell is not None:
        return cell.start
    left, _ = _region(header, column)
    before = [c for c in row.cells if (c.x0 + c.x1) / 2 < left]
    return before[-1].end if before else row.start


def _blank_box(heading: Cell, line: Line) -> BBox | None:
    if line.bbox is None or not line.spans:
        return None
    return (heading.x0, line.bbox[1], heading.x1, line.bbox[3])
